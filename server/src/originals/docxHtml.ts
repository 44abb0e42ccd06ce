// The HTML that mammoth makes of a Word document, read back into paragraphs
// and laid out as text in the official layout. Mammoth's HTML is simple and
// regular (no comments, no scripts, attributes always quoted, text escaped
// with `&amp; &lt; &gt; &quot;`), so a linear tokenizer of tags, text and
// entities reads it; no DOM. Pure: runs in a browser worker as well.
//
// Layout: one paragraph a line; an empty paragraph is a blank line (runs of
// them one). A table row whose cells each hold one paragraph is one line, the
// cells separated by a tab (`Datum\t26 augustus 2024`); other cells give a
// line per paragraph. A Word footnote reference stays where mammoth puts it,
// glued to the word before it: `werkhonden[1].`; the footnote texts follow
// the body after a blank line, one line each, `[1] Zie ook …` — the layout
// of the Word-derived official texts, which the analysis pairs by number.

import type { Place } from './types';

export interface HtmlParagraph {
  /** The paragraph's text, `\n` where Word had a line break. */
  readonly text: string;
  readonly part: 'body' | 'footnotes';
  /** The number of the note this paragraph belongs to (footnotes part), else null. */
  readonly note: number | null;
  /** The first paragraph of its note. */
  readonly noteStart: boolean;
  /** The innermost table row and cell the paragraph stands in, or -1. */
  readonly row: number;
  readonly cell: number;
}

const VOID = new Set(['br', 'img', 'hr', 'input', 'col', 'meta', 'link', 'wbr']);
/** Tags that end the paragraph being collected when they open or close. */
const BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th', 'tr', 'table', 'thead', 'tbody', 'ol', 'ul', 'blockquote', 'div', 'pre', 'dl', 'dt', 'dd']);
/** Tags that are a paragraph of their own (an empty one still counts). */
const PARAGRAPH = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre']);

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes `&amp;`, `&#233;`, `&#xE9;` … in [start, end) of s; an unknown or broken entity stays as written. */
export function decodeEntities(s: string, start = 0, end = s.length): string {
  let out = '';
  let i = start;
  while (i < end) {
    const amp = s.indexOf('&', i);
    if (amp < 0 || amp >= end) {
      out += s.slice(i, end);
      break;
    }
    out += s.slice(i, amp);
    // An entity is at most 10 characters up to its `;`.
    let semi = -1;
    for (let k = amp + 1; k < end && k <= amp + 10; k++) {
      if (s.charCodeAt(k) === 59) {
        semi = k;
        break;
      }
    }
    let decoded: string | null = null;
    if (semi > amp + 1) {
      const body = s.slice(amp + 1, semi);
      if (body[0] === '#') {
        const hex = body[1] === 'x' || body[1] === 'X';
        const digits = body.slice(hex ? 2 : 1);
        const code = digits.length > 0 && (hex ? /^[0-9a-fA-F]{1,6}$/.test(digits) : /^[0-9]{1,7}$/.test(digits)) ? parseInt(digits, hex ? 16 : 10) : NaN;
        if (code >= 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)) decoded = String.fromCodePoint(code);
      } else if (Object.prototype.hasOwnProperty.call(NAMED, body)) {
        decoded = NAMED[body];
      }
    }
    if (decoded === null) {
      out += '&';
      i = amp + 1;
    } else {
      out += decoded;
      i = semi + 1;
    }
  }
  return out;
}

/** The value of attribute `name` in a tag's attribute text (`id="x" href="#y"`), entities decoded, or null. */
function attribute(attrs: string, name: string): string | null {
  let i = 0;
  const n = attrs.length;
  while (i < n) {
    while (i < n && attrs.charCodeAt(i) <= 32) i++;
    const nameStart = i;
    while (i < n && attrs[i] !== '=' && attrs.charCodeAt(i) > 32 && attrs[i] !== '/') i++;
    const key = attrs.slice(nameStart, i);
    if (i === nameStart) {
      i++;
      continue;
    }
    if (attrs[i] !== '=') continue;
    i++;
    const quote = attrs[i];
    let value: string;
    if (quote === '"' || quote === "'") {
      const close = attrs.indexOf(quote, i + 1);
      const stop = close < 0 ? n : close;
      value = attrs.slice(i + 1, stop);
      i = stop + 1;
    } else {
      const s = i;
      while (i < n && attrs.charCodeAt(i) > 32) i++;
      value = attrs.slice(s, i);
    }
    if (key.toLowerCase() === name) return decodeEntities(value);
  }
  return null;
}

/** `footnote-12` → 12 style ids of mammoth: the text after the last `-`, when it is digits. */
function noteKey(id: string | null): string | null {
  if (id === null) return null;
  if (id.startsWith('footnote-') && !id.startsWith('footnote-ref-')) return id;
  if (id.startsWith('endnote-') && !id.startsWith('endnote-ref-')) return id;
  return null;
}

interface Open {
  readonly name: string;
  /** Text inside is dropped (the back link `↑` of a note). */
  readonly skip: boolean;
  /** A note's `<li>`: its number. */
  readonly note: number | null;
  readonly row: number;
  readonly cell: number;
}

/** The paragraphs of mammoth's HTML in document order. Linear in the length of the HTML. */
export function walkMammothHtml(html: string): HtmlParagraph[] {
  const out: HtmlParagraph[] = [];
  const stack: Open[] = [];
  /** Displayed note numbers by note id, from the references (`<a href="#footnote-7" …>[2]</a>`). */
  const noteNumbers = new Map<string, number>();
  let parts: string[] = [];
  let hasText = false;
  let skipDepth = 0;
  let rows = 0;
  let cells = 0;
  let row = -1;
  let cell = -1;
  let note: number | null = null;
  let noteStart = false;
  /** The reference being read, whose text gives the number of its note. */
  let reference: { key: string; text: string } | null = null;

  const emit = (force: boolean) => {
    if (!force && !hasText) {
      parts = [];
      return;
    }
    const text = parts.join('');
    out.push({ text, part: note !== null ? 'footnotes' : 'body', note, noteStart: note !== null && noteStart, row, cell });
    if (note !== null) noteStart = false;
    parts = [];
    hasText = false;
  };

  const n = html.length;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      if (skipDepth === 0) {
        const t = decodeEntities(html, i, textEnd);
        parts.push(t);
        if (t.length > 0) hasText = true;
        if (reference) reference.text += t;
      }
      i = textEnd;
      if (lt < 0) break;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) {
      // A tag that never closes: the rest is text.
      if (skipDepth === 0) {
        parts.push(decodeEntities(html, lt, n));
        hasText = true;
      }
      break;
    }
    i = gt + 1;
    const closing = html[lt + 1] === '/';
    let k = closing ? lt + 2 : lt + 1;
    const nameStart = k;
    while (k < gt && html.charCodeAt(k) > 32 && html[k] !== '/') k++;
    const name = html.slice(nameStart, k).toLowerCase();
    if (name.length === 0 || name[0] === '!' || name[0] === '?') continue;
    const selfClosing = VOID.has(name) || html[gt - 1] === '/';
    if (closing) {
      // Close up to the matching open tag (mammoth's HTML is well formed; stray closes are ignored).
      let at = stack.length - 1;
      while (at >= 0 && stack[at].name !== name) at--;
      if (at < 0) continue;
      if (BLOCK.has(name)) emit(PARAGRAPH.has(name));
      while (stack.length > at) {
        const top = stack.pop()!;
        if (top.skip) skipDepth--;
        if (top.name === 'a' && reference) {
          const m = /^\[(\d{1,4})\]$/.exec(reference.text.trim());
          if (m && !noteNumbers.has(reference.key)) noteNumbers.set(reference.key, +m[1]);
          reference = null;
        }
        if (top.note !== null) note = null;
        row = top.row;
        cell = top.cell;
      }
      // Back in the enclosing note, if any.
      for (let s = stack.length - 1; s >= 0; s--) {
        if (stack[s].note !== null) {
          note = stack[s].note;
          break;
        }
      }
      continue;
    }
    const attrs = html.slice(k, selfClosing && html[gt - 1] === '/' ? gt - 1 : gt);
    if (name === 'br') {
      if (skipDepth === 0) parts.push('\n');
      continue;
    }
    if (selfClosing) continue;
    if (BLOCK.has(name)) emit(false);
    let skip = false;
    let noteNumber: number | null = null;
    const savedRow = row;
    const savedCell = cell;
    if (name === 'a') {
      const href = attribute(attrs, 'href');
      if (href !== null && (href.startsWith('#footnote-ref-') || href.startsWith('#endnote-ref-'))) skip = true;
      else if (href !== null && noteKey(href.slice(1)) !== null && href[0] === '#') reference = { key: href.slice(1), text: '' };
    } else if (name === 'li') {
      const key = noteKey(attribute(attrs, 'id'));
      if (key !== null) {
        noteNumber = noteNumbers.get(key) ?? fallbackNumber(key);
        note = noteNumber;
        noteStart = true;
      }
    } else if (name === 'tr') {
      row = rows++;
    } else if (name === 'td' || name === 'th') {
      cell = cells++;
    }
    if (skip) skipDepth++;
    // The row and cell to restore when this element closes.
    stack.push({ name, skip, note: noteNumber, row: savedRow, cell: savedCell });
  }
  emit(false);
  return out;
}

function fallbackNumber(key: string): number {
  const dash = key.lastIndexOf('-');
  const n = parseInt(key.slice(dash + 1), 10);
  return Number.isFinite(n) ? n : 0;
}

export interface Laid {
  readonly text: string;
  readonly places: Place[];
  /** Paragraphs of the body. */
  readonly units: number;
}

/** Trims a line and turns inner line breaks into separate lines. */
function lines(text: string): string[] {
  return text.split('\n').map((l) => l.trim());
}

/** Lays the paragraphs out as text in the official layout, with a place for every paragraph. */
export function layOut(paragraphs: readonly HtmlParagraph[]): Laid {
  const body = paragraphs.filter((p) => p.part === 'body');
  const notes = paragraphs.filter((p) => p.part === 'footnotes');
  let text = '';
  const places: Place[] = [];
  let blankPending = false;
  const newLine = () => {
    if (text.length > 0) text += '\n';
  };
  let index = 0;
  let k = 0;
  while (k < body.length) {
    const p = body[k];
    // A row of cells that each hold one paragraph: one line.
    if (p.row >= 0) {
      let e = k;
      while (e < body.length && body[e].row === p.row) e++;
      const group = body.slice(k, e);
      const cellsSeen = new Set(group.map((g) => g.cell));
      const filled = group.filter((g) => g.text.trim().length > 0);
      if (group.length >= 2 && cellsSeen.size === group.length && filled.length === group.length && group.every((g) => !g.text.includes('\n'))) {
        if (blankPending) newLine();
        blankPending = false;
        newLine();
        for (let g = 0; g < group.length; g++) {
          if (g > 0) text += '\t';
          places.push({ offset: text.length, paragraph: ++index, part: 'body' });
          text += group[g].text.trim();
        }
        k = e;
        continue;
      }
    }
    const ls = lines(p.text);
    if (ls.every((l) => l.length === 0)) {
      // An empty paragraph: a blank line, once for a run of them.
      index++;
      if (text.length > 0) blankPending = true;
      k++;
      continue;
    }
    if (blankPending) newLine();
    blankPending = false;
    newLine();
    places.push({ offset: text.length, paragraph: ++index, part: 'body' });
    text += ls.filter((l, j) => l.length > 0 || (j > 0 && j < ls.length - 1)).join('\n');
    k++;
  }
  const units = index;
  if (notes.length > 0) {
    if (text.length > 0) text += '\n\n';
    let noteIndex = 0;
    let first = true;
    for (const p of notes) {
      const content = lines(p.text).filter((l) => l.length > 0).join(' ');
      noteIndex++;
      if (p.noteStart) {
        if (!first) text += '\n';
        first = false;
        places.push({ offset: text.length, paragraph: noteIndex, part: 'footnotes' });
        text += `[${p.note}]`;
        if (content.length > 0) text += ' ' + content;
      } else if (content.length > 0) {
        // A note's further paragraphs continue its line.
        text += ' ';
        places.push({ offset: text.length, paragraph: noteIndex, part: 'footnotes' });
        text += content;
      }
    }
  }
  if (text.length > 0) text += '\n';
  return { text, places, units };
}
