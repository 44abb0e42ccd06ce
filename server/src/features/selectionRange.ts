// selectionRange: expand from the element under the cursor (a date, a
// reference, a marker) to its line, to the question text or answer, to the
// question block, to the whole document.

import { Position, SelectionRange } from 'vscode-languageserver-types';
import type { Analysis } from '../model/types';
import type { Span } from '../model/text';
import { elementAt, offsetOf, questionBlock } from './at';
import type { Cancellation, LanguageService } from '../service/languageService';

function wordAt(text: string, offset: number): Span | null {
  const isWord = (c: string) => /[\p{L}\p{N}]/u.test(c);
  let s = offset;
  let e = offset;
  while (s > 0 && isWord(text[s - 1])) s--;
  while (e < text.length && isWord(text[e])) e++;
  return e > s ? { start: s, end: e } : null;
}

function lineSpan(a: Analysis, offset: number): Span {
  const line = a.lines.positionAt(offset).line;
  return { start: a.lines.lineStart(line), end: a.lines.lineEnd(line) };
}

/** The spans around `offset`, smallest first, each inside the next. */
export function enclosingSpans(a: Analysis, offset: number): Span[] {
  const candidates: Span[] = [];
  const word = wordAt(a.text, offset);
  if (word) candidates.push(word);
  const el = elementAt(a, offset);
  if (el) candidates.push(el.span);
  const structural = candidates.length;
  const inside = (s: Span) => s.start <= offset && offset <= s.end;
  for (const q of a.questions) {
    if (inside(q.question.span)) candidates.push(q.question.span);
    if (inside(q.span)) candidates.push(q.span);
    const block = questionBlock(a, q);
    if (inside(block)) candidates.push(block);
  }
  for (const b of a.answers) {
    if (inside(b.body.span)) candidates.push(b.body.span);
    if (inside(b.span)) candidates.push(b.span);
  }
  for (const n of a.notices) if (inside(n.span)) candidates.push(n.span);
  for (const s of a.sections) if (s.kind !== 'furniture' && inside(s.span)) candidates.push(s.span);
  // The line, cut to every block that holds the offset: ` • Vraag 2` starts its line
  // with a bullet that is no part of the question block, which must stay in the chain.
  let { start, end } = lineSpan(a, offset);
  for (let i = structural; i < candidates.length; i++) {
    start = Math.max(start, candidates[i].start);
    end = Math.min(end, candidates[i].end);
  }
  if (start <= offset && offset <= end) candidates.push({ start, end });
  candidates.push({ start: 0, end: a.text.length });
  candidates.sort((x, y) => x.end - x.start - (y.end - y.start));
  // Keep a chain in which every span holds the one before it.
  const chain: Span[] = [];
  for (const c of candidates) {
    const last = chain[chain.length - 1];
    if (!last) chain.push(c);
    else if (c.start <= last.start && c.end >= last.end && (c.start !== last.start || c.end !== last.end)) chain.push(c);
  }
  return chain;
}

export function provideSelectionRanges(service: LanguageService, uri: string, positions: readonly Position[], token?: Cancellation): SelectionRange[] {
  const a = service.analysis(uri);
  return !a || token?.isCancellationRequested || !Array.isArray(positions) ? [] : selectionRanges(a, positions);
}

/** One selection range per position; a position outside the document gets the whole document. */
export function selectionRanges(a: Analysis, positions: readonly Position[]): SelectionRange[] {
  return positions.map((p) => {
    const offset = offsetOf(a, p);
    if (offset === null) return SelectionRange.create(a.lines.rangeOf({ start: 0, end: a.text.length }));
    const spans = enclosingSpans(a, offset);
    let parent: SelectionRange | undefined;
    for (let i = spans.length - 1; i >= 0; i--) parent = SelectionRange.create(a.lines.rangeOf(spans[i]), parent);
    return parent ?? SelectionRange.create({ start: p, end: p });
  });
}
