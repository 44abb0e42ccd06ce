// The feature tests drive the real providers in process: a fixture (see
// ../fixture.ts) is opened in a language service made by
// `createLanguageService`, and each test asks a provider at the fixture's
// cursor and compares with the fixture's marked ranges.

import * as assert from 'assert';
import { MarkupContent, type Hover } from 'vscode-languageserver-types';
import { createLanguageService, type LanguageService, type LanguageServiceOptions } from '../../../server/src/service/languageService';
import { parseFixture, type Fixture, type FixtureOptions, type FixtureRange } from '../fixture';

/** A fixed today: no test depends on the clock. */
export const TODAY = '2024-12-06';

export interface Loaded {
  readonly f: Fixture;
  readonly service: LanguageService;
  /** The URI of the document that holds the cursor, or the only document. */
  readonly uri: string;
}

/**
 * Parses a fixture and opens each of its documents (version 1) in a new
 * language service; with `eol: '\r\n'` the documents are opened with Windows
 * line ends (positions and ranges do not change: LSP counts lines, not bytes).
 */
export function load(source: string, options: LanguageServiceOptions = {}, fixtureOptions: FixtureOptions & { readonly eol?: '\n' | '\r\n' } = {}): Loaded {
  const f = parseFixture(source, fixtureOptions);
  const service = createLanguageService({ today: TODAY, ...options });
  const eol = fixtureOptions.eol ?? '\n';
  for (const d of f.documents) service.openDocument(d.uri, 'kamervraag', 1, d.text.replace(/\n/g, eol));
  return { f, service, uri: f.cursor ? f.cursor.uri : f.uri };
}

/** The text a range covers in a fixture document. */
export function textIn(f: Fixture, range: FixtureRange, uri?: string): string {
  const lines = f.text(uri ?? (f.documents.length === 1 ? undefined : f.cursorUri)).split('\n');
  if (range.start.line === range.end.line) return lines[range.start.line].slice(range.start.character, range.end.character);
  const parts = [lines[range.start.line].slice(range.start.character)];
  for (let l = range.start.line + 1; l < range.end.line; l++) parts.push(lines[l]);
  parts.push(lines[range.end.line].slice(0, range.end.character));
  return parts.join('\n');
}

/**
 * The fixture's own check: each named range covers the text the test means.
 * A failure here is a mistake in the fixture, not in the program.
 */
export function assertMarks(f: Fixture, expected: Record<string, string>, uri?: string): void {
  for (const [name, text] of Object.entries(expected)) {
    assert.strictEqual(textIn(f, f.range(name, uri), uri), text, `fixture: the range '${name}'`);
  }
}

/** The Markdown of a hover, asserting there is one. */
export function hoverValue(h: Hover | null): string {
  assert.ok(h, 'expected a hover');
  assert.ok(MarkupContent.is(h.contents), 'a Markdown hover');
  return h.contents.value;
}

/** The end of a line of a fixture document: the first position past it is `{ line, character: end + 1 }`. */
export function lineLength(f: Fixture, line: number, uri?: string): number {
  return f.text(uri).split('\n')[line].length;
}
