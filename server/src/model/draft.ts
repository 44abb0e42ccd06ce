// The skeleton of an answer, from the analysis of a questions document: the
// official answer layout (`ah-tk-…` texts) with the questions verbatim and an
// empty answer after each, as plain text and as an LSP / VS Code snippet.
//
// The layout, as the official answer documents print it (`ah-tk-20242025-584`
// from the PDF, `-605` from the Word original):
//
//   2024Z18792                                           the zaak
//   Vragen van het lid Boswijk (CDA) aan de … over … (ingezonden 19 november 2024).
//   Antwoord van minister Klever (…) (ontvangen 20 november 2024).
//
//   Vraag 1
//   Kunt u …?
//
//   Antwoord 1
//   …
//
// then the footnote texts at the end. The words of a question stay as they
// were submitted; only the layout changes: a question's lines from a PDF
// (wrapped at the page width) become one line, as in the Word originals; a
// plain text keeps its own lines; page furniture and footnote texts between
// them go; a footnote marker printed alone on a line (or at the start of the
// next) is glued back to the text before it, as in `…?1`.
//
// Grouped questions: a questions document numbers every question on its own,
// and the answer documents group only at answering time, and then both
// headings together (`Vraag 2 en 3` over both questions, `Antwoord 2 en 3`
// after them, in 584; `Vraag 5 en 6` / `Antwoorden 5 en 6`). So a source that
// already groups (an answer document used as source) keeps its group, with
// one `Antwoord 2 en 3`; separate questions each get their own answer, and
// grouping them stays the answerer's choice (605 and 609 group at the answer).

import { answerLabel, formatDateNl, joinList, questionLabel } from '../i18n/words';
import { endsInWebAddress, isDigit, isLetter, isSpace, partitionPoint, type Span } from './text';
import type { Analysis, Person } from './types';

export interface Draft {
  /** The skeleton with the placeholders written `[minister]`, `[datum]` and the answers empty. */
  readonly text: string;
  /** The same as a snippet: `${1:minister}`, `${2:datum}`, `$3`… one per answer, `$0` at the end. */
  readonly snippet: string;
  /** The headings' numbers, one entry per question block, in order. */
  readonly blocks: readonly (readonly number[])[];
}

/** A piece of the draft: literal text, a placeholder with its default, or an empty tab stop. */
type Piece = string | { readonly stop: number; readonly label?: string };

/** The placeholder of the date received; the document is Dutch, so are its placeholders. */
const DATE_PLACEHOLDER = 'datum';

export function draftAnswer(a: Analysis): Draft | null {
  const blocks = questionBlocks(a);
  if (blocks.length === 0) return null;
  const skip = excludedSpans(a);
  const markerStarts = new Set(a.footnotes.map((m) => m.span.start));
  const pdf = a.source === 'pdf';

  const pieces: Piece[] = [];
  const line = (...p: Piece[]) => pieces.push(...p, '\n');
  const m = a.metadata;
  if (m.zaak !== null) line(m.zaak);
  const asked = questionsLine(a, skip);
  if (asked !== null) line(asked);
  line('Antwoord van ', { stop: 1, label: answerer(m.addressees, m.answeredBy) }, ' (ontvangen ', { stop: 2, label: DATE_PLACEHOLDER }, ').');

  let stop = 3;
  const notes = new Map<number, string>();
  const markers = [...a.footnotes].sort((x, y) => x.span.start - y.span.start);
  let next = 0;
  for (const b of blocks) {
    line();
    line(questionLabel('nl', b.numbers));
    for (const l of questionLines(a, b.span, skip, markerStarts, pdf)) line(l);
    line();
    line(answerLabel('nl', b.numbers));
    line({ stop: stop++ });
    // The markers are in text order, as the blocks are: one pass over both.
    while (next < markers.length && markers[next].span.start < b.span.start) next++;
    for (; next < markers.length && markers[next].span.start < b.span.end; next++) {
      const marker = markers[next];
      if (marker.span.end > b.span.end || marker.note === null || notes.has(marker.number)) continue;
      notes.set(marker.number, noteText(marker.note.text, marker.number));
    }
  }
  if (notes.size > 0) {
    // `1) …` as a Word document closes with them when its markers are written `1)`, else `[1] …`: the analyser reads both anywhere at the end.
    const numbers = [...notes.keys()].sort((x, y) => x - y);
    const paren = numbers.every((n, k) => n === k + 1) && a.footnotes.some((f) => a.text.charCodeAt(f.span.end - 1) === 41 /* ) */);
    line();
    for (const n of numbers) line(paren ? `${n}) ${notes.get(n)}` : `[${n}] ${notes.get(n)}`);
  }
  return {
    text: pieces.map((p) => (typeof p === 'string' ? p : p.label !== undefined ? `[${p.label}]` : '')).join(''),
    snippet: pieces.map((p) => (typeof p === 'string' ? escapeSnippet(p) : p.label !== undefined ? `\${${p.stop}:${escapeSnippet(p.label)}}` : `$${p.stop}`)).join('') + '$0',
    blocks: blocks.map((b) => b.numbers),
  };
}

/** `$`, `}` and `\` are the snippet syntax's own characters: a backslash makes them text. */
export function escapeSnippet(s: string): string {
  // Copies the runs between special characters whole: a long text is not rebuilt one character at a time.
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 0x24 /* $ */ && c !== 0x7d /* } */ && c !== 0x5c /* \ */) continue;
    out += `${s.slice(from, i)}\\${s[i]}`;
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

// ── The questions ──────────────────────────────────────────────────────────

interface QuestionBlock {
  readonly numbers: readonly number[];
  readonly span: Span;
}

/** One block per question text (the questions of a grouped heading share one), in document order. */
function questionBlocks(a: Analysis): QuestionBlock[] {
  const out: { numbers: number[]; span: Span }[] = [];
  for (const q of a.questions) {
    const numbers = q.numbers.length > 0 ? q.numbers : [q.number];
    const last = out[out.length - 1];
    if (last && last.span.start === q.question.span.start && last.span.end === q.question.span.end) {
      for (const n of numbers) if (!last.numbers.includes(n)) last.numbers.push(n);
    } else out.push({ numbers: [...numbers], span: q.question.span });
  }
  return out.sort((x, y) => x.span.start - y.span.start);
}

/** Page furniture and footnote texts: never part of a question's words. */
function excludedSpans(a: Analysis): Span[] {
  return a.sections.filter((s) => s.kind === 'furniture' || s.kind === 'footnotes').map((s) => s.span).sort((x, y) => x.start - y.start);
}

function inside(spans: readonly Span[], offset: number): boolean {
  // The last span starting at or before the offset.
  const k = partitionPoint(spans.length, (i) => spans[i].start <= offset);
  return k > 0 && offset < spans[k - 1].end;
}

/** The trimmed content of each line of a span, furniture and footnote texts left out, with whether it opens with a footnote marker. */
function contentLines(a: Analysis, span: Span, skip: readonly Span[], markerStarts: ReadonlySet<number>): { text: string; marker: boolean }[] {
  const out: { text: string; marker: boolean }[] = [];
  if (span.end <= span.start) return out;
  const first = a.lines.lineAt(span.start);
  const last = a.lines.lineAt(span.end);
  for (let l = first; l <= last; l++) {
    let s = Math.max(a.lines.lineStart(l), span.start);
    let e = Math.min(a.lines.lineEnd(l), span.end);
    while (s < e && isSpace(a.text.charCodeAt(s))) s++;
    while (e > s && isSpace(a.text.charCodeAt(e - 1))) e--;
    if (s === e || inside(skip, s)) continue;
    out.push({ text: a.text.slice(s, e), marker: markerStarts.has(s) });
  }
  return out;
}

/** The question's lines in the draft: one line from a PDF, the text's own lines otherwise. */
function questionLines(a: Analysis, span: Span, skip: readonly Span[], markerStarts: ReadonlySet<number>, pdf: boolean): string[] {
  const out: string[] = [];
  for (const l of contentLines(a, span, skip, markerStarts)) {
    if (out.length > 0 && (pdf || l.marker)) out[out.length - 1] = joinWrapped(out[out.length - 1], l.text, l.marker);
    else out.push(l.text);
  }
  return out;
}

/**
 * Two lines of wrapped text as one: a space between them, none after a word
 * broken at a hyphen (`ontwikkelings-` / `hulp`, the hyphen kept as the PDF
 * texts keep it inside lines), inside a web address, or before a footnote marker.
 */
function joinWrapped(before: string, after: string, marker: boolean): string {
  if (marker) return before + after;
  const n = before.length;
  if (n >= 2 && before.charCodeAt(n - 1) === 45 /* - */ && isLetter(before.charCodeAt(n - 2)) && isLetter(after.charCodeAt(0))) return before + after;
  if (endsInWebAddress(before)) return before + after;
  return `${before} ${after}`;
}

/** A footnote text without its number (`1Dagblad …`, `[1] …`, `1) …`), its lines joined. */
function noteText(text: string, number: number): string {
  let i = 0;
  if (text[i] === '[') i++;
  const digits = String(number);
  if (text.startsWith(digits, i)) i += digits.length;
  else while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  if (text[i] === ']' || text[i] === ')') i++;
  const lines = text.slice(i).split(/\r\n|\r|\n/);
  let out = '';
  for (const raw of lines) {
    const l = raw.trim();
    if (l) out = out ? joinWrapped(out, l, false) : l;
  }
  return out;
}

// ── The header ─────────────────────────────────────────────────────────────

/**
 * `Vragen van … (ingezonden …).`: the source's own sentence where it prints
 * one (official texts), on one line; else made from the metadata (openkamer
 * pages); null when no submitter is known.
 */
function questionsLine(a: Analysis, skip: readonly Span[]): string | null {
  const submitted = a.metadata.submitted;
  const own = ownQuestionsSentence(a, skip);
  let s = own ?? madeQuestionsSentence(a);
  if (s === null) return null;
  const open = s.indexOf('(ingezonden');
  if (open >= 0) {
    const close = s.indexOf(')', open);
    if (close >= 0) s = s.slice(0, close + 1);
  } else {
    s = trimEnd(s, '.:;,');
    if (submitted !== null) s += ` (ingezonden ${formatDateNl(submitted)})`;
  }
  return `${s}.`;
}

function ownQuestionsSentence(a: Analysis, skip: readonly Span[]): string | null {
  let end = a.text.length;
  for (const q of a.questions) end = Math.min(end, q.span.start);
  const lastLine = Math.min(a.lines.lineAt(end), 80);
  for (let l = 0; l < lastLine; l++) {
    const t = a.lines.lineText(l).trim();
    if (!t.startsWith('Vragen van ')) continue;
    let s = t;
    for (let k = l + 1; k < lastLine && k < l + 8 && !closesSubmission(s); k++) {
      const next = a.lines.lineText(k).trim();
      if (next === '' || next.startsWith('Antwoord van') || next.startsWith('Mededeling')) break;
      if (inside(skip, a.lines.lineStart(k) + a.lines.lineText(k).indexOf(next))) continue;
      s = joinWrapped(s, next, false);
    }
    return s;
  }
  return null;
}

/** The sentence has its `(ingezonden …)` with the closing bracket. */
function closesSubmission(s: string): boolean {
  const open = s.indexOf('(ingezonden');
  return open >= 0 && s.indexOf(')', open) >= 0;
}

function madeQuestionsSentence(a: Analysis): string | null {
  const m = a.metadata;
  if (m.submitters.length === 0) return null;
  const who = m.submitters.map((p) => (p.party ? `${p.name} (${p.party})` : p.name));
  let s = m.submitters.length === 1 ? `Vragen van het lid ${who[0]}` : `Vragen van de leden ${joinList('nl', who)}`;
  if (m.addressees.length > 0) s += ` aan de ${joinList('nl', m.addressees.map((p) => p.role ?? p.name))}`;
  if (m.title) s += ` over ${lowerArticle(trimEnd(m.title, '.'))}`;
  return s;
}

/** The text without white space and the given punctuation at its end. */
function trimEnd(s: string, punctuation: string): string {
  let e = s.length;
  while (e > 0 && (isSpace(s.charCodeAt(e - 1)) || punctuation.includes(s[e - 1]))) e--;
  return s.slice(0, e);
}

/** `Het bericht …` → `het bericht …` after `over`; names and acronyms (`NAVO-verplichtingen`, `Oekraïne …`) stay. */
function lowerArticle(title: string): string {
  const space = title.indexOf(' ');
  const first = space < 0 ? title : title.slice(0, space);
  return ['Het', 'De', 'Een', 'Dit', 'Deze'].includes(first) ? first.toLowerCase() + title.slice(first.length) : title;
}

/**
 * The default of the answerer's placeholder: the first addressee as the
 * answer heading writes a function (`staatssecretaris van Infrastructuur en
 * Waterstaat`), else whoever answered (`minister Bruins (Onderwijs, …)`),
 * else `minister`.
 */
function answerer(addressees: readonly Person[], answeredBy: readonly Person[]): string {
  const to = addressees[0];
  if (to) return lowerFunction((to.role ?? to.name).trim());
  const by = answeredBy[0];
  if (by) {
    const role = by.role?.trim() ?? '';
    const paren = role.indexOf('(');
    if (paren > 0 && role.endsWith(')')) return `${lowerFunction(role.slice(0, paren).trim())} ${by.name} ${role.slice(paren)}`;
    return role ? `${by.name} (${role})` : by.name;
  }
  return 'minister';
}

function lowerFunction(s: string): string {
  for (const w of ['Minister', 'Ministers', 'Staatssecretaris', 'Staatssecretarissen']) {
    if (s.startsWith(w) && (s.length === w.length || s[w.length] === ' ' || s[w.length] === '-')) return w.toLowerCase() + s.slice(w.length);
  }
  return s;
}
