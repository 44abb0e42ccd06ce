// The text of two drafting fixes: the right weekday written the way the
// document wrote the wrong one, and an answer heading for an unanswered
// question in the document's own style (its first answer heading's words,
// indentation, line ends and blank line).

import { joinList } from '../i18n/words';
import { isDigit, isSpace, type LineIndex, type Span } from './text';
import type { Block, Question } from './types';

/** `right` (lower case) with the letter case of `written`: `Dinsdag` → `Woensdag`, `DINSDAG` → `WOENSDAG`. */
export function inCaseOf(written: string, right: string): string {
  if (written.length > 1 && written === written.toUpperCase() && written !== written.toLowerCase()) return right.toUpperCase();
  const first = written.charAt(0);
  if (first !== first.toLowerCase()) return right.charAt(0).toUpperCase() + right.slice(1);
  return right;
}

/** The line break the document uses around `offset`: the one ending that line, else the document's first. */
function lineBreakAt(text: string, offset: number): string {
  let i = text.indexOf('\n', offset);
  if (i < 0) i = text.indexOf('\n');
  if (i < 0) return text.indexOf('\r') >= 0 ? '\r' : '\n';
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

function isBlankLine(lines: LineIndex, line: number): boolean {
  if (line < 0 || line >= lines.lineCount) return false;
  const text = lines.text;
  for (let i = lines.lineStart(line); i < lines.lineEnd(line); i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** Leading white space of a line. */
function indentOf(lines: LineIndex, line: number): string {
  const text = lines.text;
  const start = lines.lineStart(line);
  let i = start;
  const end = lines.lineEnd(line);
  while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  return text.slice(start, i);
}

/**
 * The words of an answer heading for `numbers`, following `heading` as
 * written: `Antwoord op vraag 1` → `Antwoord op vraag 4`, `Antwoord vraag 1:`
 * → `Antwoord vraag 4:`, `Antwoorden 5 en 6` → `Antwoord 4`; a bare
 * `Antwoord` or `Antwoord:` stays as it is (it answers the question above it).
 */
export function headingLike(heading: string, numbers: readonly number[]): string {
  let first = 0;
  while (first < heading.length && !isDigit(heading.charCodeAt(first))) first++;
  if (first === heading.length) return heading;
  let last = heading.length;
  while (last > first && !isDigit(heading.charCodeAt(last - 1))) last--;
  let prefix = heading.slice(0, first);
  const suffix = heading.slice(last);
  if (numbers.length === 1) {
    // One number: the singular of a plural heading word.
    prefix = prefix.replace(/\b(A|a)ntwoorden\b/, '$1ntwoord').replace(/\b(V|v)ragen\b/, '$1raag');
  }
  return `${prefix}${joinList('nl', numbers)}${suffix}`;
}

/**
 * The edit that adds an answer heading after an unanswered question: at the
 * end of the question's block, on a new line, after a blank line where the
 * document's first answer stands after one. Null where the question has no
 * place to add it after (no heading, an empty document).
 */
export function answerStub(lines: LineIndex, q: Question, answers: readonly Block[]): { span: Span; newText: string } | null {
  if (!q.heading) return null;
  const text = lines.text;
  const at = Math.max(q.question.span.end, q.heading.span.end, q.span.end);
  // The document's first answer sets the style: its heading's words, its indentation, a blank line before it or not.
  const model = answers.find((a) => a.heading !== null) ?? answers[0] ?? null;
  let words = `Antwoord ${joinList('nl', q.numbers)}`;
  let indent = '';
  let blank = true;
  if (model) {
    const start = model.heading ? model.heading.span.start : model.body.span.start;
    const line = lines.lineAt(start);
    indent = indentOf(lines, line);
    blank = isBlankLine(lines, line - 1);
    if (model.heading) {
      // The heading line as written, from its first letter (a bullet or Markdown mark before it is kept with the indentation).
      const lineStart = lines.lineStart(line);
      indent = text.slice(lineStart, model.heading.span.start);
      if (indent.trim() !== '' && !/^[\s•·*#>-]*$/.test(indent)) indent = indentOf(lines, line);
      words = headingLike(text.slice(model.heading.span.start, model.heading.span.end), q.numbers);
    }
  } else {
    // No answer yet anywhere: the question's own indentation.
    indent = indentOf(lines, lines.lineAt(q.question.span.start));
  }
  const eol = lineBreakAt(text, at);
  return { span: { start: at, end: at }, newText: `${eol}${blank ? eol : ''}${indent}${words}` };
}
