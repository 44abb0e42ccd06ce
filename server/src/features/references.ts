// references and documentHighlight: every reference to an answer, from its
// heading or from another reference; every mention of a letter; every
// mention of a date; a footnote marker and its text.

import { DocumentHighlight, DocumentHighlightKind, Location, Position } from 'vscode-languageserver-types';
import type { Analysis, Located } from '../model/types';
import { elementAt, offsetOf, referencesTo } from './at';
import type { Cancellation, LanguageService } from '../service/languageService';
import { crossFileReferences } from './crossFile';

interface Occurrence {
  readonly el: Located;
  /** The heading a reference points at, or the footnote text: the declaration. */
  readonly declaration: boolean;
}

/** Everything that stands for the same thing as the element at `offset`, in document order. */
export function occurrences(a: Analysis, offset: number): Occurrence[] | null {
  const el = elementAt(a, offset);
  if (!el) return null;
  let numbers: readonly number[] | null = null;
  switch (el.kind) {
    case 'reference':
      if (el.reference.scope !== 'internal' || el.reference.target === null) {
        return [{ el: el.reference, declaration: false }];
      }
      numbers = [el.reference.target];
      break;
    case 'question':
      numbers = el.question.numbers;
      break;
    case 'answer':
      numbers = el.answer.numbers;
      break;
    case 'letter':
      return el.letter.mentions.map((m) => ({ el: m, declaration: m === el.letter.mentions[0] }));
    case 'date':
      return a.dates.filter((d) => d.date === el.date.date).map((d) => ({ el: d, declaration: false }));
    case 'footnote': {
      // The markers of the same note: a Word document may number a second sequence from 1 again, with its own notes.
      const note = el.footnote.note?.span.start ?? -1;
      const list: Occurrence[] = a.footnotes.filter((f) => f.number === el.footnote.number && (f.note?.span.start ?? -1) === note).map((f) => ({ el: f, declaration: false }));
      if (el.footnote.note) list.push({ el: el.footnote.note, declaration: true });
      return list;
    }
    default:
      return null;
  }
  // A question: its headings (question and answer) and the references to it.
  const out: Occurrence[] = [];
  for (const q of a.questions) {
    if (!q.numbers.some((n) => numbers!.includes(n))) continue;
    if (q.heading) out.push({ el: q.heading, declaration: true });
    if (q.answer?.heading && !out.some((o) => o.el === q.answer!.heading)) out.push({ el: q.answer.heading, declaration: true });
  }
  for (const r of referencesTo(a, numbers)) out.push({ el: r, declaration: false });
  return out.sort((x, y) => x.el.span.start - y.el.span.start);
}

/** The document's own references, then those across the workspace (a set's header, another set's citation), each place once. */
export function provideReferences(service: LanguageService, uri: string, position: Position, context: { readonly includeDeclaration?: boolean } | undefined, token?: Cancellation): Location[] {
  const a = service.analysis(uri);
  if (!a || token?.isCancellationRequested) return [];
  const includeDeclaration = context?.includeDeclaration ?? true;
  const inDocument = references(a, position, uri, includeDeclaration);
  const across = crossFileReferences(a, position, uri, service.index, includeDeclaration);
  if (!across) return inDocument;
  const key = (l: Location) => `${l.uri}#${l.range.start.line}:${l.range.start.character}`;
  const seen = new Set(inDocument.map(key));
  return [...inDocument, ...across.filter((l) => !seen.has(key(l)))];
}

export function provideDocumentHighlights(service: LanguageService, uri: string, position: Position, token?: Cancellation): DocumentHighlight[] {
  const a = service.analysis(uri);
  return !a || token?.isCancellationRequested ? [] : documentHighlights(a, position);
}

export function references(a: Analysis, position: Position, uri: string, includeDeclaration: boolean): Location[] {
  const offset = offsetOf(a, position);
  const found = (offset === null ? null : occurrences(a, offset)) ?? [];
  return found.filter((o) => includeDeclaration || !o.declaration).map((o) => Location.create(uri, o.el.range));
}

export function documentHighlights(a: Analysis, position: Position): DocumentHighlight[] {
  const offset = offsetOf(a, position);
  const found = (offset === null ? null : occurrences(a, offset)) ?? [];
  return found.map((o) => DocumentHighlight.create(o.el.range, o.declaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read));
}
