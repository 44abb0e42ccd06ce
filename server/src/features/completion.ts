// completion: after `vraag `, `vragen `, `antwoord `, `antwoorden op vraag `,
// `bij vraag ` and the like, the numbers of this set's questions, each with
// the question's opening words as detail (as texlab shows a label's text),
// the question whose block the cursor stands in last; after `brief van `
// or `Kamerbrief van `, the dates of the letters this set already cites, with
// their footnotes; at the start of a line, the next `Vraag N` (and the
// `Antwoord N` the question before still lacks, where the document writes
// answer headings), in the document's own style; right after a word, a
// footnote marker's next number with its footnote text, where the set has
// footnote texts. Elsewhere nothing: a space typed in prose asks for nothing.
// Every item comes from the cached analysis: nothing is re-analysed.

import { CompletionItemKind, type CompletionItem, type CompletionList } from 'vscode-languageserver-types';
import { clip, formatDate, joinList, questionLabel, t } from '../i18n/words';
import { isDigit, isLetter, isSpace, normalizeSpace, partitionPoint, type Span } from '../model/text';
import type { Analysis, Block, Question } from '../model/types';
import type { Cancellation, LanguageService } from '../service/languageService';
import { noteText, offsetOf } from './at';

/** How far back on its line the words before the cursor are read. */
const LOOK_BACK = 60;

/** The lower-cased words just before `offset` on its line, and the partial number typed, if any. */
function wordsBefore(a: Analysis, offset: number): { words: string[]; typed: string } {
  const line = a.lines.lineAt(offset);
  const from = Math.max(a.lines.lineStart(line), offset - LOOK_BACK);
  const before = a.text.slice(from, offset);
  let end = before.length;
  while (end > 0 && isDigit(before.charCodeAt(end - 1))) end--;
  const typed = before.slice(end);
  const words = normalizeSpace(before.slice(0, end).toLowerCase()).split(' ').filter((w) => w.length > 0);
  return { words, typed };
}

/** Words after which a question number comes: `vraag`, `vragen`, `antwoord`, `antwoorden`. */
const NUMBER_WORDS = new Set(['vraag', 'vragen', 'antwoord', 'antwoorden']);

/** Whether the text before the cursor asks for a question number: `… vraag |`, `… de vragen 2 en |`, `… vragen 1, |`. */
function wantsNumber(words: readonly string[], typed: string, endsWithSpace: boolean): boolean {
  if (!endsWithSpace && typed === '') return false;
  const last = words[words.length - 1];
  if (last === undefined) return false;
  if (NUMBER_WORDS.has(last)) return true;
  // A list under way: `vragen 2 en`, `vragen 1,` — a number word a few words back, only numbers and `en`/`of` since.
  if (last === 'en' || last === 'of' || /^\d+,$/.test(last)) {
    for (let i = words.length - 2, seen = 0; i >= 0 && seen < 8; i--, seen++) {
      const w = words[i];
      if (NUMBER_WORDS.has(w)) return true;
      if (!/^\d+,?$/.test(w) && w !== 'en' && w !== 'of') return false;
    }
  }
  return false;
}

/** One item per question number, built once per analysis (and locale): a keystroke only filters and orders them. */
interface NumberItem {
  readonly n: number;
  readonly label: string;
  readonly detail: string;
  readonly documentation: string | undefined;
}

const numberItemsCache = new WeakMap<Analysis, { readonly locale: string; readonly items: readonly NumberItem[] }>();

function numberItems(a: Analysis, locale: 'nl' | 'en'): readonly NumberItem[] {
  const hit = numberItemsCache.get(a);
  if (hit && hit.locale === locale) return hit.items;
  const items: NumberItem[] = [];
  const seen = new Set<number>();
  for (const q of a.questions) {
    for (const n of q.numbers) {
      if (seen.has(n)) continue;
      seen.add(n);
      items.push({
        n,
        label: String(n),
        // Only the first words are read: a long question costs no more than a short one.
        detail: clip(a.text.slice(q.question.span.start, Math.min(q.question.span.end, q.question.span.start + 240)), 80),
        documentation: q.numbers.length > 1 ? t(locale, `${questionLabel('nl', q.numbers)}: samen gesteld`, `${questionLabel('en', q.numbers)}: asked together`) : undefined,
      });
    }
  }
  numberItemsCache.set(a, { locale, items });
  return items;
}

function questionItems(a: Analysis, offset: number, typed: string, locale: 'nl' | 'en'): CompletionItem[] {
  // The block the cursor stands in: the last question that starts before it (its answer, or the questions-only text after it).
  const at = partitionPoint(a.questions.length, (i) => a.questions[i].span.start <= offset);
  const own = at > 0 ? a.questions[at - 1].numbers : [];
  const items: CompletionItem[] = [];
  for (const x of numberItems(a, locale)) {
    if (typed !== '' && !x.label.startsWith(typed)) continue;
    items.push({
      label: x.label,
      kind: CompletionItemKind.Reference,
      detail: x.detail,
      documentation: x.documentation,
      // The question the cursor stands in last: a block seldom refers to itself.
      sortText: `${own.includes(x.n) ? '1' : '0'}${x.label.padStart(6, '0')}`,
    });
  }
  return items;
}

function letterItems(a: Analysis, locale: 'nl' | 'en'): CompletionItem[] {
  return a.letters.map((l, i) => ({
    label: formatDate('nl', l.date),
    kind: CompletionItemKind.Value,
    detail: l.footnotes.length > 0
      ? t(locale, `brief, voetnoot ${joinList('nl', l.footnotes)}`, `letter, footnote ${joinList('en', l.footnotes)}`)
      : t(locale, `brief, ${l.mentions.length} keer genoemd`, `letter, mentioned ${l.mentions.length} times`),
    sortText: String(i).padStart(4, '0'),
  }));
}

/** A heading's text with its (first) number replaced: ` • Vraag 1` → ` • Vraag 4`, `Antwoord vraag 1:` → `Antwoord vraag 4:`. */
function restyle(a: Analysis, heading: Span, lineStart: number, numbers: readonly number[]): string {
  // What stands before the heading on its line (a bullet, an indent) belongs to the style.
  const prefix = a.text.slice(lineStart, heading.start);
  const written = a.text.slice(heading.start, heading.end).trimEnd();
  let i = 0;
  while (i < written.length && !isDigit(written.charCodeAt(i))) i++;
  let j = i;
  while (j < written.length && isDigit(written.charCodeAt(j))) j++;
  if (i === written.length) return `${prefix}${written} ${joinList('nl', numbers)}`;
  let head = written.slice(0, i);
  // A grouped answer speaks of `vragen`: `Antwoord vraag 1:` → `Antwoord vragen 2 en 3:`.
  if (numbers.length > 1) head = head.replace(/\b([Vv])raag(\s+)$/, '$1ragen$2');
  return `${prefix}${head}${joinList('nl', numbers)}${written.slice(j)}`;
}

/** The first heading of one number, as the template of the document's style. */
function template<T extends { heading: { span: Span } | null; numbers: readonly number[] }>(items: readonly T[]): Span | null {
  return (items.find((x) => x.heading !== null && x.numbers.length === 1) ?? items.find((x) => x.heading !== null))?.heading?.span ?? null;
}

/**
 * At the start of a line — nothing typed yet, or the first letters of `Vraag`
 * or `Antwoord` — the next headings: the answer the question above still
 * lacks (where the document writes answer headings), and the next question.
 */
function headingItems(a: Analysis, offset: number, locale: 'nl' | 'en'): CompletionItem[] | null {
  const line = a.lines.lineAt(offset);
  const lineStart = a.lines.lineStart(line);
  let k = lineStart;
  while (k < offset && (isSpace(a.text.charCodeAt(k)) || a.text.charCodeAt(k) === 0x2022 || a.text.charCodeAt(k) === 0x2d)) k++;
  const typed = a.text.slice(k, offset).toLowerCase();
  for (let i = 0; i < typed.length; i++) if (!isLetter(typed.charCodeAt(i))) return null;
  if (!'vraag'.startsWith(typed) && !'antwoord'.startsWith(typed)) return null;
  // Only a line of its own: nothing after the cursor but white space.
  const lineEnd = line + 1 < a.lines.lineCount ? a.lines.lineStart(line + 1) : a.text.length;
  if (a.text.slice(offset, lineEnd).trim() !== '') return null;
  if (a.questions.length === 0 && a.metadata.zaak === null && a.metadata.submitted === null) return null;
  let last: Question | undefined;
  let highest = 0;
  for (const q of a.questions) {
    if (q.span.start >= lineStart) break;
    last = q;
    for (const n of q.numbers) highest = Math.max(highest, n);
  }
  const range = { start: a.lines.positionAt(lineStart), end: a.lines.positionAt(offset) };
  const items: CompletionItem[] = [];
  const add = (text: string, detail: string, rank: number) => {
    items.push({ label: text.trim(), kind: CompletionItemKind.Snippet, detail, filterText: text, sortText: `${rank}`, textEdit: { range, newText: text }, preselect: rank === 0 });
  };
  const answerTemplate = template<Block>(a.answers);
  const answerMissing = last !== undefined && (last.answer === null || last.answer.span.start >= lineStart);
  if (answerTemplate && last && answerMissing) {
    const start = a.lines.lineStart(a.lines.lineAt(answerTemplate.start));
    add(restyle(a, answerTemplate, start, last.numbers), t(locale, `het antwoord op ${questionLabel('nl', last.numbers).toLowerCase()}`, `the answer to ${questionLabel('en', last.numbers).toLowerCase()}`), 0);
  }
  const questionTemplate = template<Question>(a.questions);
  const next = [highest + 1];
  const text = questionTemplate ? restyle(a, questionTemplate, a.lines.lineStart(a.lines.lineAt(questionTemplate.start)), next) : `Vraag ${next[0]}`;
  add(text, t(locale, `de volgende vraag`, `the next question`), items.length === 0 ? 0 : 1);
  return items;
}

/** Right after a word (`brief|`, `brief2|`): the next footnote number, with its text where the set has it. */
function footnoteItems(a: Analysis, offset: number, typed: string, invoked: boolean, locale: 'nl' | 'en'): CompletionItem[] | null {
  const start = offset - typed.length;
  if (start === 0 || !isLetter(a.text.charCodeAt(start - 1))) return null;
  if (typed === '' && !invoked) return null;
  const notes = new Map<number, string>();
  let previous = 0;
  for (const f of a.footnotes) {
    const note = noteText(f);
    if (note !== null && !notes.has(f.number)) notes.set(f.number, note);
    if (f.span.start < start) previous = f.number;
  }
  if (notes.size === 0) return null;
  const next = previous + 1;
  if (!String(next).startsWith(typed)) return [];
  const note = notes.get(next);
  return [{
    label: String(next),
    kind: CompletionItemKind.Reference,
    detail: note === undefined ? undefined : clip(note, 80),
    documentation: t(locale, `voetnoot ${next}: de volgende na voetnoot ${previous || '—'}`, `footnote ${next}: the next after footnote ${previous || '—'}`),
    textEdit: { range: { start: a.lines.positionAt(start), end: a.lines.positionAt(offset) }, newText: String(next) },
  }];
}

export function provideCompletion(
  service: LanguageService,
  uri: string,
  position: { line: number; character: number },
  token?: Cancellation,
  context?: { readonly triggerKind?: number } | null,
): CompletionList | null {
  const a = service.analysis(uri);
  if (!a || token?.isCancellationRequested) return null;
  const offset = offsetOf(a, position);
  if (offset === null) return null;
  const { words, typed } = wordsBefore(a, offset);
  const before = offset > 0 ? a.text.charCodeAt(offset - typed.length - 1) : 0;
  const endsWithSpace = before === 0x20 || before === 0xa0;
  const locale = service.locale;
  // 1: invoked by the user (Ctrl+Space), not by typing.
  const invoked = context?.triggerKind === 1;
  const heading = headingItems(a, offset, locale);
  if (heading) return { isIncomplete: false, items: heading };
  const footnote = footnoteItems(a, offset, typed, invoked, locale);
  if (footnote) return footnote.length > 0 ? { isIncomplete: false, items: footnote } : null;
  if (wantsNumber(words, typed, endsWithSpace)) return { isIncomplete: false, items: questionItems(a, offset, typed, locale) };
  const last = words[words.length - 1];
  const noun = words[words.length - 2] ?? '';
  if (endsWithSpace && typed === '' && last === 'van' && noun.endsWith('brief') && a.letters.length > 0) {
    return { isIncomplete: false, items: letterItems(a, locale) };
  }
  return null;
}
