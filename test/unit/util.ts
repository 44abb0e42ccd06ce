// Helpers shared by the unit tests: fixtures are read from the project's own
// copy of the corpus, never from outside the repository.

import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../server/src/model/analysis';
import type { Analysis, Located } from '../../server/src/model/types';

export const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'corpus');

export function fixtureText(rel: string): string {
  return fs.readFileSync(path.join(FIXTURES, rel), 'utf8');
}

export function analyzeFixture(rel: string): Analysis {
  return analyze(fixtureText(rel));
}

/** The source text an element covers. */
export function textOf(a: Analysis, el: Located): string {
  return a.text.slice(el.span.start, el.span.end);
}

/** Text with every run of white space, no-break spaces included, as one space. */
export function squash(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Question numbers in document order, each once. */
export function questionNumbers(a: Analysis): number[] {
  const out: number[] = [];
  for (const q of [...a.questions].sort((x, y) => x.span.start - y.span.start)) for (const n of q.numbers) if (!out.includes(n)) out.push(n);
  return out;
}

/** A set whose footnote markers read 1, 3, 2 in the text, with their three texts: the footnote renumbering's case. */
export const FOOTNOTES_OUT_OF_ORDER = [
  'Vragen van het lid Podt (D66) aan de minister van Onderwijs over zwemles (ingezonden 3 maart 2025).',
  '',
  'Vraag 1',
  'Kent u het bericht?[1 ] En de brief?[3 ]',
  '',
  'Vraag 2',
  'En dit rapport?[2 ]',
  '',
  '[1] NOS Nieuws, 17 november 2024, het bericht.',
  '[2] Kamerstuk 31 293, nr. 700, de brief.',
  '[3] Inspectie, het rapport, 2024.',
  '',
].join('\n');
