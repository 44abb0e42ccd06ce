// Structure: which lines are furniture or footnote texts, where the headings
// are, and how they group into question blocks, answer blocks, notices, the
// header, the footer and `Toelichting:` sections. Both layouts end up in the
// same shape.

import {
  contentSpan,
  detectLayout,
  footnoteTextNumber,
  Heading,
  inlineHeadings,
  isFurniture,
  LineKind,
  parseHeading,
  parseNumberedQuestion,
} from './lines';
import { type ArchiveFacts, readArchive } from './archive';
import { isDigit, isRegexSpace, isSpace, LineIndex, Span } from './text';
import type { Blocks, Layout, Section } from './types';

export interface RawBlock {
  readonly heading: Heading | null;
  /** From the heading start to the end of the last content line of the block. */
  readonly span: Span;
  /** The body without the heading; empty span (start === end) when the block has no body. */
  readonly body: Span;
  readonly numbers: readonly number[];
}

export interface RawQuestion {
  readonly heading: Heading | null;
  readonly span: Span;
  readonly question: Span;
  readonly numbers: readonly number[];
  /** openkamer layout: the answer printed under the question. */
  readonly inlineAnswer: RawBlock | null;
}

export interface RawSection {
  readonly kind: Section['kind'];
  readonly span: Span;
}

export interface FootnoteText {
  readonly number: number;
  readonly span: Span;
  /** `page`: `1Kamerstuk …` at a PDF page bottom; `bracket`: `[1] …`; `paren`: `1) …` closing a Word document. */
  readonly style: 'page' | 'bracket' | 'paren';
}

/** The layout's blocks, raw (official layout: answer blocks with their own headings), and what the analysis needs to read the rest. */
export interface Structure extends Blocks<RawQuestion, RawBlock, RawBlock, RawSection> {
  readonly layout: Layout;
  readonly lineKinds: Uint8Array;
  readonly headings: readonly Heading[];
  readonly footnoteTexts: readonly FootnoteText[];
  /** The lines of the header (before the first heading), furniture excluded. */
  readonly headerLines: readonly number[];
  /** Offset where the header ends (0 when there is none). */
  readonly headerEnd: number;
  readonly footerLines: readonly number[];
  readonly hasFurniture: boolean;
  /** The archive layout (OCR of the historical Aanhangsel): what it knows beyond the blocks. */
  readonly archive?: ArchiveFacts;
}

export function readStructure(index: LineIndex): Structure {
  const layout = detectLayout(index);
  const text = index.text;
  const n = index.lineCount;
  const { kinds, content, hasFurniture } = classifyLines(index, layout);
  const footnoteTexts = layout === 'official' ? [...markFootnoteTexts(index, kinds, content), ...markBracketFootnoteTexts(index, kinds, content)] : [];
  footnoteTexts.sort((a, b) => a.span.start - b.span.start);

  const { headings, footerStart } = findHeadings(text, kinds, content, layout);
  if (layout === 'official' && !headings.some((h) => h.kind === 'question')) {
    // No `Vraag N` headings: an item of the historical archive numbers its questions inline.
    const archive = readArchive(index, content);
    if (archive) return archive;
    addNumberedQuestions(index, kinds, content, headings);
    if (headings.filter((h) => h.kind === 'question').length <= 1 && !headings.some((h) => h.kind === 'answer')) {
      addParagraphQuestions(index, kinds, content, headings);
    }
  }
  settleHeadings(text, kinds, content, headings, layout);

  const sections: RawSection[] = [];
  const firstHeadingLine = headings.length > 0 ? headings[0].line : footerStart;
  const headerLines: number[] = [];
  for (let line = 0; line < firstHeadingLine; line++) {
    if (kinds[line] === LineKind.Text) headerLines.push(line);
  }
  // With inline headings the header ends where the first heading starts, on the same line.
  let headerEnd = headerLines.length > 0 ? index.lineEnd(headerLines[headerLines.length - 1]) : 0;
  if (headings.length > 0 && headings[0].inline) {
    headerLines.push(headings[0].line);
    headerEnd = headings[0].span.start;
    while (headerEnd > 0 && /\s/.test(text[headerEnd - 1])) headerEnd--;
  }
  if (headerEnd > 0) sections.push({ kind: 'header', span: { start: index.lineStart(0), end: headerEnd } });
  const footerLines: number[] = [];
  for (let line = footerStart; line < n; line++) if (kinds[line] !== LineKind.Blank) footerLines.push(line);
  if (footerLines.length > 0) {
    sections.push({ kind: 'footer', span: { start: index.lineStart(footerStart), end: index.lineEnd(footerLines[footerLines.length - 1]) } });
  }

  const { questions, answers, notices } = blocksOf(index, kinds, content, headings, footerStart, layout, sections);
  for (const f of footnoteTexts) sections.push({ kind: 'footnotes', span: f.span });
  for (let line = 0; line < n; line++) {
    if (kinds[line] === LineKind.Furniture) sections.push({ kind: 'furniture', span: { start: index.lineStart(line), end: index.lineEnd(line) } });
  }
  sections.sort((a, b) => a.span.start - b.span.start);
  return { layout, lineKinds: kinds, headings, questions, answers, notices, sections, footnoteTexts, headerLines, headerEnd, footerLines, hasFurniture };
}

// The phases of `readStructure`, each a function of its own: the engine compiles each apart, and code a text takes for
// the first time (a layout, a delay notice, a text without headings) makes it compile again only the phase that has it,
// not the whole reading (a cold crawl of 10,000 files compiled `readStructure` five times, 80–140 ms each).

/** Each line's content (without its leading and trailing white space) and kind: blank, furniture (official layout), or text. */
function classifyLines(index: LineIndex, layout: Layout): { kinds: Uint8Array; content: Span[]; hasFurniture: boolean } {
  const text = index.text;
  const n = index.lineCount;
  const kinds = new Uint8Array(n);
  const content: Span[] = new Array(n);
  let hasFurniture = false;
  for (let line = 0; line < n; line++) {
    const span = contentSpan(text, index.lineStart(line), index.lineEnd(line));
    content[line] = span;
    if (span.start === span.end) kinds[line] = LineKind.Blank;
    else if (layout === 'official' && (isFurniture(text, span) || isMarkdownLogo(text, index.lineStart(line), span)) && !headingAfterFurniture(text, span, layout)) {
      kinds[line] = LineKind.Furniture;
      hasFurniture = true;
    } else kinds[line] = LineKind.Text;
  }
  return { kinds, content, hasFurniture };
}

/** The heading lines (marked in `kinds`), up to the footer of an openkamer page, and the line the footer starts at (the line count without one). */
function findHeadings(text: string, kinds: Uint8Array, content: readonly Span[], layout: Layout): { headings: Heading[]; footerStart: number } {
  const n = kinds.length;
  const headings: Heading[] = [];
  const openkamer = layout === 'openkamer';
  for (let line = 0; line < n; line++) {
    if (kinds[line] !== LineKind.Text) continue;
    const span = content[line];
    // The footer's first line starts with a K (told first: every line of the text is asked).
    if (openkamer && isOpenkamerFooter(text, span.start)) return { headings, footerStart: line };
    const h = parseHeading(text, span, layout) ?? headingAfterFurniture(text, span, layout);
    if (h) {
      // Built field by field: an object spread per heading was the loop's main cost.
      headings.push({ kind: h.kind, span: h.span, numbers: h.numbers, inlineBodyStart: h.inlineBodyStart, dateSpan: h.dateSpan, line });
      kinds[line] = LineKind.Heading;
    }
  }
  return { headings, footerStart: n };
}

function isOpenkamerFooter(text: string, start: number): boolean {
  return text.charCodeAt(start) === 75 /* K */ && (text.startsWith('Kamervraag document nummer:', start) || text.startsWith('Kamerantwoord document nummer:', start));
}

/**
 * An answer heading without numbers answers the question before it; one with no question before it has nothing
 * to answer and goes. An official text without question headings whose white space collapsed into long lines has
 * its headings inside them.
 */
function settleHeadings(text: string, kinds: Uint8Array, content: readonly Span[], headings: Heading[], layout: Layout): void {
  for (let h = 0, last: readonly number[] = []; h < headings.length; h++) {
    const heading = headings[h];
    if (heading.kind === 'question') last = heading.numbers;
    else if (heading.kind === 'answer' && heading.numbers.length === 0) headings[h] = { ...heading, numbers: last };
  }
  const kept = headings.filter((x) => !(x.kind === 'answer' && x.numbers.length === 0));
  headings.length = 0;
  headings.push(...kept);
  if (layout === 'official' && !headings.some((h) => h.kind === 'question')) {
    const inline: Heading[] = [];
    for (let line = 0; line < kinds.length; line++) {
      if (kinds[line] === LineKind.Text && content[line].end - content[line].start > 1500) inline.push(...inlineHeadings(text, line, content[line], layout));
    }
    if (inline.filter((h) => h.kind === 'question').length >= 2) {
      headings.length = 0;
      headings.push(...inline);
    }
  }
}

/** The questions, answers and notices under the headings; an explanation (`Toelichting`) is a section. */
function blocksOf(
  index: LineIndex, kinds: Uint8Array, content: readonly Span[], headings: readonly Heading[], footerStart: number, layout: Layout, sections: RawSection[],
): { questions: RawQuestion[]; answers: RawBlock[]; notices: RawBlock[] } {
  const text = index.text;
  const questions: RawQuestion[] = [];
  const answers: RawBlock[] = [];
  const notices: RawBlock[] = [];
  for (let h = 0; h < headings.length; h++) {
    const heading = headings[h];
    const endLine = h + 1 < headings.length ? headings[h + 1].line : footerStart;
    const bodyFirst = heading.inlineBodyStart !== null ? heading.line : heading.line + 1;
    const headingSpan = heading.span;
    if (heading.kind === 'question' && layout === 'openkamer') {
      questions.push(openkamerQuestion(index, kinds, content, heading, endLine));
      continue;
    }
    if (heading.inline) {
      const next = headings[h + 1];
      let start = heading.span.end;
      let end = next && next.line === heading.line ? next.span.start : index.lineEnd(heading.line);
      while (start < end && /\s/.test(text[start])) start++;
      while (end > start && /\s/.test(text[end - 1])) end--;
      const body = { start, end };
      const span = { start: headingSpan.start, end };
      if (heading.kind === 'question') questions.push({ heading, span, question: body, numbers: heading.numbers, inlineAnswer: null });
      else answers.push({ heading, span, body, numbers: heading.numbers });
      continue;
    }
    let bodyEndLine = endLine;
    if (heading.kind === 'question' && heading.inlineBodyStart !== null) {
      // A numbered DOCX question runs to the first blank line.
      bodyEndLine = heading.line + 1;
      while (bodyEndLine < endLine && kinds[bodyEndLine] === LineKind.Text) bodyEndLine++;
    }
    const body = bodySpan(index, kinds, content, bodyFirst, bodyEndLine, heading.inlineBodyStart);
    const span = { start: headingSpan.start, end: Math.max(headingSpan.end, body.end) };
    if (heading.kind === 'question') {
      questions.push({ heading, span, question: body, numbers: heading.numbers, inlineAnswer: null });
    } else if (heading.kind === 'answer') {
      answers.push({ heading, span, body, numbers: heading.numbers });
    } else if (heading.kind === 'notice') {
      notices.push({ heading, span, body, numbers: [] });
    } else if (heading.kind === 'toelichting') {
      sections.push({ kind: 'toelichting', span });
    }
  }
  return { questions, answers, notices };
}

function isMarkdownLogo(text: string, lineStart: number, span: Span): boolean {
  let first = lineStart;
  while (first < span.start && text[first] === ' ') first++;
  if (text[first] !== '#') return false;
  for (let i = span.start; i < span.end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return span.end - span.start <= 2;
}

/** `…Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 1Vraag 3`: a heading glued to the page footer by PDF extraction. */
function headingAfterFurniture(text: string, span: Span, layout: Layout): Omit<Heading, 'line'> | null {
  if (layout !== 'official' || span.end - span.start > 300) return null;
  const line = text.slice(span.start, span.end);
  const footer = /Tweede Kamer, vergaderjaar \d{4}[–-]\d{4}, (Aanhangsel|Vragen) ?\d{0,3}/.exec(line);
  if (!footer) return null;
  // The page number ends the footer; the heading follows it: `Aanhangsel 1Vraag 3`.
  const at = footer.index + footer[0].length;
  if (at >= line.length) return null;
  return parseHeading(text, { start: span.start + at, end: span.end }, layout);
}

/**
 * `[1] NOS Nieuws, 17 november 2024, …` anywhere, and `1) AD, 18 november …` in the
 * closing block of the document: the footnote texts of a Word document.
 */
function markBracketFootnoteTexts(index: LineIndex, kinds: Uint8Array, content: Span[]): FootnoteText[] {
  const text = index.text;
  const out: FootnoteText[] = [];
  for (let line = 0; line < index.lineCount; line++) {
    if (kinds[line] !== LineKind.Text) continue;
    const n = noteNumberAt(text, content[line], '[', ']');
    if (n === null) continue;
    kinds[line] = LineKind.FootnoteText;
    out.push({ number: n, span: content[line], style: 'bracket' });
  }
  // `1) …` lines count only as the last block of the document, numbered 1 to k.
  const closing: { line: number; number: number }[] = [];
  for (let line = index.lineCount - 1; line >= 0; line--) {
    if (kinds[line] === LineKind.Blank) continue;
    if (kinds[line] === LineKind.FootnoteText && closing.length === 0) continue;
    if (kinds[line] !== LineKind.Text) break;
    const n = noteNumberAt(text, content[line], '', ')');
    if (n === null) break;
    closing.push({ line, number: n });
  }
  closing.reverse();
  if (closing.length > 0 && closing.every((c, k) => c.number === k + 1)) {
    for (const c of closing) {
      kinds[c.line] = LineKind.FootnoteText;
      out.push({ number: c.number, span: content[c.line], style: 'paren' });
    }
  }
  return out;
}

/** The number of `[12] text` (open `[`, close `]`) or `12) text` (open ``, close `)`). */
function noteNumberAt(text: string, span: Span, open: string, close: string): number | null {
  if (open && text[span.start] !== open) return null;
  const first = span.start + open.length;
  let i = first;
  while (i < span.end && i - first < 3 && isDigit(text.charCodeAt(i))) i++;
  if (i === first || text[i] !== close || i + 2 >= span.end || !isSpace(text.charCodeAt(i + 1))) return null;
  return +text.slice(first, i);
}

/** The span from the first to the last content line in [first, end), furniture and footnote texts excluded at the ends. */
function bodySpan(index: LineIndex, kinds: Uint8Array, content: readonly Span[], first: number, end: number, inlineStart: number | null): Span {
  let a = first;
  while (a < end && kinds[a] !== LineKind.Text && !(inlineStart !== null && a === first)) a++;
  let b = end - 1;
  while (b >= a && kinds[b] !== LineKind.Text && !(inlineStart !== null && b === first)) b--;
  if (b < a) {
    const at = first < index.lineCount ? index.lineStart(Math.min(first, index.lineCount - 1)) : index.text.length;
    return { start: at, end: at };
  }
  const start = inlineStart !== null && a === first ? inlineStart : content[a].start;
  return { start, end: contentEnd(index, b) };
}

function contentEnd(index: LineIndex, line: number): number {
  const start = index.lineStart(line);
  let e = index.lineEnd(line);
  while (e > start && isRegexSpace(index.text.charCodeAt(e - 1))) e--;
  return e;
}

/** openkamer: ` • Vraag N`, the question on the next line, then (after a blank line, or directly in the flat variant) the answer paragraphs. */
function openkamerQuestion(index: LineIndex, kinds: Uint8Array, content: readonly Span[], heading: Heading, endLine: number): RawQuestion {
  let q = heading.line + 1;
  while (q < endLine && kinds[q] !== LineKind.Text) q++;
  const numbers = heading.numbers;
  if (q >= endLine) {
    const at = index.lineEnd(heading.line);
    return { heading, span: heading.span, question: { start: at, end: at }, numbers, inlineAnswer: null };
  }
  const question = { start: content[q].start, end: contentEnd(index, q) };
  const answerBody = bodySpan(index, kinds, content, q + 1, endLine, null);
  const answered = answerBody.end > answerBody.start;
  const inlineAnswer: RawBlock | null = answered ? { heading: null, span: answerBody, body: answerBody, numbers } : null;
  return {
    heading,
    span: { start: heading.span.start, end: answered ? answerBody.end : question.end },
    question,
    numbers,
    inlineAnswer,
  };
}

/** DOCX answers whose questions are numbered `1.` without the word "Vraag": number them in sequence. */
function addNumberedQuestions(index: LineIndex, kinds: Uint8Array, content: Span[], headings: Heading[]): void {
  let expected = 1;
  const found: Heading[] = [];
  let inAnswer = false;
  const answerLines = new Set(headings.filter((h) => h.kind === 'answer').map((h) => h.line));
  for (let line = 0; line < index.lineCount; line++) {
    if (answerLines.has(line)) inAnswer = true;
    if (kinds[line] !== LineKind.Text) continue;
    // A question must start a paragraph.
    if (line > 0 && kinds[line - 1] === LineKind.Text && !inAnswer) continue;
    const h = parseNumberedQuestion(index.text, content[line], expected);
    if (h) {
      found.push({ ...h, line });
      kinds[line] = LineKind.Heading;
      expected++;
      inAnswer = false;
    }
  }
  if (found.length === 0) return;
  headings.push(...found);
  headings.sort((a, b) => a.line - b.line);
}

/**
 * DOCX questions without numbers: after the `Vragen van …` paragraph, every
 * paragraph is the next question (the official publication numbers them so).
 * The heading is the empty span at the paragraph start.
 */
function addParagraphQuestions(index: LineIndex, kinds: Uint8Array, content: Span[], headings: Heading[]): void {
  const text = index.text;
  let line = 0;
  while (line < index.lineCount && !(kinds[line] === LineKind.Text && text.startsWith('Vragen van ', content[line].start))) line++;
  if (line >= index.lineCount) return;
  while (line < index.lineCount && kinds[line] === LineKind.Text) line++;
  const found: Heading[] = [];
  let n = 1;
  for (; line < index.lineCount; line++) {
    if (kinds[line] !== LineKind.Text || (line > 0 && kinds[line - 1] === LineKind.Text)) continue;
    // A paragraph that continues the previous one (indented with a tab, or starting in lower case) is not a question.
    const first = text[content[line].start];
    if (text[index.lineStart(line)] === '\t' || first === first.toLowerCase()) continue;
    const at = content[line].start;
    found.push({ kind: 'question', line, span: { start: at, end: at }, numbers: [n++], inlineBodyStart: at, dateSpan: null });
  }
  if (found.length < 2) return;
  const others = headings.filter((x) => x.kind !== 'question');
  headings.length = 0;
  headings.push(...others, ...found);
  headings.sort((a, b) => a.line - b.line);
}

/**
 * Footnote texts stand at the bottom of a page, right before the page furniture:
 * walk up from each furniture block over lines that start with consecutive
 * footnote numbers (`1Kamerstuk …`, `2Stb. 2024, 153 …`) and their continuation lines.
 */
function markFootnoteTexts(index: LineIndex, kinds: Uint8Array, content: Span[]): FootnoteText[] {
  const text = index.text;
  const out: FootnoteText[] = [];
  const n = index.lineCount;
  for (let line = 0; line < n; line++) {
    if (kinds[line] !== LineKind.Furniture) continue;
    if (line > 0 && kinds[line - 1] === LineKind.Furniture) continue;
    // Walk up over blank lines to the last text line of the page.
    let l = line - 1;
    while (l >= 0 && kinds[l] === LineKind.Blank) l--;
    const starts: { line: number; number: number }[] = [];
    let sinceStart = 0;
    for (; l >= 0 && sinceStart <= 3; l--) {
      if (kinds[l] === LineKind.Furniture) break;
      if (kinds[l] === LineKind.Blank) {
        continue;
      }
      const num = footnoteTextNumber(text, content[l]);
      if (num !== null && (starts.length === 0 || num === starts[starts.length - 1].number - 1)) {
        starts.push({ line: l, number: num });
        sinceStart = 0;
        if (num === 1) break;
      } else {
        sinceStart++;
      }
    }
    if (starts.length === 0) continue;
    starts.reverse();
    let endLine = line - 1;
    while (endLine >= 0 && kinds[endLine] === LineKind.Blank) endLine--;
    for (let s = 0; s < starts.length; s++) {
      const first = starts[s].line;
      const last = s + 1 < starts.length ? starts[s + 1].line - 1 : endLine;
      for (let k = first; k <= last; k++) if (kinds[k] === LineKind.Text) kinds[k] = LineKind.FootnoteText;
      let lastText = last;
      while (lastText > first && kinds[lastText] !== LineKind.FootnoteText) lastText--;
      out.push({ number: starts[s].number, span: { start: content[first].start, end: content[lastText].end }, style: 'page' });
    }
  }
  return out;
}
