// Inline fixtures for the feature tests, after texlab's convention: the text
// of a document as written, with
//
//   - one cursor `|` inside a line (a literal `|` is written `||`; another
//     cursor mark may be chosen with `options.cursor`);
//   - expected ranges marked by lines of spaces and `^` right below the line
//     they mark; several such lines may follow one line, a line may hold
//     several runs of `^`, and each run may carry a name right after it
//     (`^^^ def`, `^^^1`, `^^^^^ answer-3`). Marker lines are not part of the
//     text; their columns count on the line above as it is written, cursor
//     and escapes included, so a `^` stands under the character it marks;
//   - several documents, each after a separator line `//- <uri>`; without
//     separators the fixture is one document (`options.uri`).
//
// A fixture written in a template literal may be indented as a whole: a
// first and a last line that hold only white space are dropped, and the
// indentation common to the text lines is removed from every line. Positions
// and ranges are LSP's: 0-based line and character in UTF-16 code units.
//
//       const f = parseFixture(`
//         Vraag 3
//         Zie antwoord vr|aag 1.
//         ^^^^^^^^^^^^^^^^^^^^^ ref
//       `);
//       f.text()        // 'Vraag 3\nZie antwoord vraag 1.'
//       f.cursor        // { uri: 'file:///fixture.kamervraag', position: { line: 1, character: 15 } }
//       f.range('ref')  // { start: { line: 1, character: 0 }, end: { line: 1, character: 20 } }

export interface FixturePosition {
  readonly line: number;
  readonly character: number;
}

export interface FixtureRange {
  readonly start: FixturePosition;
  readonly end: FixturePosition;
}

export interface MarkedRange {
  readonly uri: string;
  /** The name written after the run of `^`, or null. */
  readonly name: string | null;
  readonly range: FixtureRange;
}

export interface FixtureDocument {
  readonly uri: string;
  readonly text: string;
}

export interface FixtureOptions {
  /** The cursor mark (default `|`); written twice it stands for itself. */
  readonly cursor?: string;
  /** The URI of a fixture without `//- ` separators (default `file:///fixture.kamervraag`). */
  readonly uri?: string;
  /** Remove the common indentation and the blank first and last line (default true). */
  readonly dedent?: boolean;
}

export const DEFAULT_URI = 'file:///fixture.kamervraag';
const SEPARATOR = '//- ';

export class Fixture {
  constructor(
    readonly documents: readonly FixtureDocument[],
    /** Where the cursor stands, or null when the fixture has none. */
    readonly cursor: { readonly uri: string; readonly position: FixturePosition } | null,
    /** Every marked range, in document order. */
    readonly ranges: readonly MarkedRange[],
  ) {}

  /** The only document's URI, or the first one's. */
  get uri(): string {
    return this.documents[0].uri;
  }

  /** The text of a document: the only one, or the one at `uri`. */
  text(uri?: string): string {
    return this.document(uri).text;
  }

  document(uri?: string): FixtureDocument {
    if (uri === undefined) {
      if (this.documents.length !== 1) throw new Error(`the fixture has ${this.documents.length} documents: name one`);
      return this.documents[0];
    }
    const d = this.documents.find((x) => x.uri === uri);
    if (!d) throw new Error(`the fixture has no document ${uri}`);
    return d;
  }

  /** The cursor position; throws when the fixture has no cursor. */
  get position(): FixturePosition {
    if (!this.cursor) throw new Error('the fixture has no cursor');
    return this.cursor.position;
  }

  /** The URI of the document that holds the cursor. */
  get cursorUri(): string {
    if (!this.cursor) throw new Error('the fixture has no cursor');
    return this.cursor.uri;
  }

  /** The ranges with this name (null: the unnamed ones), in document order, optionally of one document. */
  all(name: string | null, uri?: string): FixtureRange[] {
    return this.ranges.filter((r) => r.name === name && (uri === undefined || r.uri === uri)).map((r) => r.range);
  }

  /** The one range with this name (unnamed when omitted); throws unless there is exactly one. */
  range(name: string | null = null, uri?: string): FixtureRange {
    const found = this.all(name, uri);
    if (found.length !== 1) throw new Error(`expected one range ${name === null ? '(unnamed)' : `'${name}'`}${uri ? ` in ${uri}` : ''}, found ${found.length}`);
    return found[0];
  }

  /** From the start of range `from` to the end of range `to`: a range over several lines. */
  span(from: string, to: string, uri?: string): FixtureRange {
    return { start: this.range(from, uri).start, end: this.range(to, uri).end };
  }
}

/** A line of spaces and runs of `^`, each run optionally followed by a name. */
function markerRuns(line: string): { start: number; end: number; name: string | null }[] | null {
  const runs: { start: number; end: number; name: string | null }[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    if (line[i] === ' ' || line[i] === '\t') {
      i++;
      continue;
    }
    if (line[i] !== '^') return null;
    const start = i;
    while (i < n && line[i] === '^') i++;
    const end = i;
    // A name glued to the run or after spaces: letters, digits, `-`, `_`, `.`.
    let j = i;
    while (j < n && line[j] === ' ') j++;
    const nameStart = j;
    while (j < n && /[\p{L}\p{N}_.-]/u.test(line[j])) j++;
    let name: string | null = null;
    if (j > nameStart) {
      name = line.slice(nameStart, j);
      i = j;
    }
    runs.push({ start, end, name });
  }
  return runs.length > 0 ? runs : null;
}

function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  return i;
}

function dedentLines(lines: string[]): string[] {
  const out = [...lines];
  if (out.length > 0 && out[0].trim() === '') out.shift();
  if (out.length > 0 && out[out.length - 1].trim() === '') out.pop();
  let common = Infinity;
  for (const l of out) if (l.trim() !== '' && markerRuns(l) === null) common = Math.min(common, indentOf(l));
  if (!Number.isFinite(common) || common === 0) return out;
  return out.map((l, k) => {
    if (l.trim() === '') return l.slice(Math.min(common, l.length));
    if (indentOf(l) < common) throw new Error(`fixture line ${k + 1} is indented less than the text: ${JSON.stringify(l)}`);
    return l.slice(common);
  });
}

/** A line as written → the line as text, with the written columns of the removed marks. */
function cleanLine(line: string, mark: string): { text: string; cursor: number | null; removed: number[] } {
  let text = '';
  let cursor: number | null = null;
  const removed: number[] = [];
  for (let i = 0; i < line.length; ) {
    if (line.startsWith(mark, i)) {
      if (line.startsWith(mark + mark, i)) {
        // An escaped mark: the text keeps one, the second is removed.
        text += mark;
        for (let k = 0; k < mark.length; k++) removed.push(i + mark.length + k);
        i += 2 * mark.length;
        continue;
      }
      if (cursor !== null) throw new Error(`two cursors on one line: ${JSON.stringify(line)}`);
      cursor = text.length;
      for (let k = 0; k < mark.length; k++) removed.push(i + k);
      i += mark.length;
      continue;
    }
    text += line[i];
    i++;
  }
  return { text, cursor, removed };
}

/** Parses an inline fixture: its documents, the cursor and the marked ranges. */
export function parseFixture(source: string, options: FixtureOptions = {}): Fixture {
  const mark = options.cursor ?? '|';
  if (mark.length === 0 || mark.includes('^') || mark.includes('\n')) throw new Error(`unusable cursor mark ${JSON.stringify(mark)}`);
  let lines = source.split(/\r?\n/);
  if (options.dedent !== false) lines = dedentLines(lines);

  // Split into documents at the separators.
  const sections: { uri: string; lines: string[] }[] = [];
  const hasSeparators = lines.some((l) => l.startsWith(SEPARATOR));
  if (!hasSeparators) sections.push({ uri: options.uri ?? DEFAULT_URI, lines });
  else {
    let k = 0;
    for (; k < lines.length && !lines[k].startsWith(SEPARATOR); k++) {
      if (lines[k].trim() !== '') throw new Error(`text before the first '${SEPARATOR}' separator: ${JSON.stringify(lines[k])}`);
    }
    for (; k < lines.length; k++) {
      if (lines[k].startsWith(SEPARATOR)) {
        const uri = lines[k].slice(SEPARATOR.length).trim();
        if (!uri) throw new Error(`a separator without a URI at fixture line ${k + 1}`);
        if (sections.some((s) => s.uri === uri)) throw new Error(`document ${uri} twice in one fixture`);
        sections.push({ uri, lines: [] });
      } else sections[sections.length - 1].lines.push(lines[k]);
    }
  }

  const documents: FixtureDocument[] = [];
  const ranges: MarkedRange[] = [];
  let cursor: { uri: string; position: FixturePosition } | null = null;
  for (const section of sections) {
    const text: string[] = [];
    /** The written form of the last text line, for the marker lines under it. */
    let last: { removed: number[]; line: number } | null = null;
    for (const written of section.lines) {
      const runs = markerRuns(written);
      if (runs) {
        if (!last) throw new Error(`a marker line with no text line above it in ${section.uri}: ${JSON.stringify(written)}`);
        const { removed, line } = last;
        const toText = (column: number) => column - removed.filter((c) => c < column).length;
        for (const r of runs) {
          const start = toText(r.start);
          const end = toText(r.end);
          if (end > text[line].length) throw new Error(`a range past the end of line ${line} in ${section.uri}: ${JSON.stringify(written)}`);
          ranges.push({ uri: section.uri, name: r.name, range: { start: { line, character: start }, end: { line, character: end } } });
        }
        continue;
      }
      const clean = cleanLine(written, mark);
      if (clean.cursor !== null) {
        if (cursor) throw new Error(`a second cursor in ${section.uri} at line ${text.length}`);
        cursor = { uri: section.uri, position: { line: text.length, character: clean.cursor } };
      }
      last = { removed: clean.removed, line: text.length };
      text.push(clean.text);
    }
    documents.push({ uri: section.uri, text: text.join('\n') });
  }
  ranges.sort((a, b) => (a.uri === b.uri ? 0 : documents.findIndex((d) => d.uri === a.uri) - documents.findIndex((d) => d.uri === b.uri))
    || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return new Fixture(documents, cursor, ranges);
}
