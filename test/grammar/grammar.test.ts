// Tests for the TextMate grammar (syntaxes/kamervraag.tmLanguage.json) and the
// word pattern of language-configuration.json. The grammar is loaded the way
// VS Code loads it (vscode-textmate on vscode-oniguruma) and real lines of the
// project's corpus copy are tokenized; line numbers below are 0-based.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

// __dirname is out/test/grammar when compiled.
const ROOT = path.resolve(__dirname, '..', '..', '..');
const GRAMMAR_FILE = path.join(ROOT, 'syntaxes', 'kamervraag.tmLanguage.json');
const LANGUAGE_CONFIGURATION_FILE = path.join(ROOT, 'language-configuration.json');
const CORPUS = path.join(ROOT, 'test', 'fixtures', 'corpus');
const SCOPE_NAME = 'text.kamervraag';

const SAMPLE = 'openkamer/kv-2022Z09875.txt';

// Scope names (see the grammar's repository).
const HEADER_KEY = 'keyword.other.header.kamervraag';
const FOOTER_KEY = 'keyword.other.footer.kamervraag';
const OPENING = 'keyword.other.opening.kamervraag';
const QUESTION_HEADING = 'markup.heading.question.kamervraag';
const ANSWER_HEADING = 'markup.heading.answer.kamervraag';
const NOTICE_HEADING = 'markup.heading.notice.kamervraag';
const EXPLANATION_HEADING = 'markup.heading.explanation.kamervraag';
const HEADING_NUMBER = 'constant.numeric.heading.kamervraag';
const DATE = 'constant.numeric.date.kamervraag';
const DAYS = 'constant.numeric.days.kamervraag';
const FOOTNOTE = 'constant.character.footnote.kamervraag';
const REFERENCE = 'variable.other.reference.kamervraag';
const REFERENCE_NUMBER = 'constant.numeric.reference.kamervraag';
const CITATION = 'string.other.citation';
const URL = 'markup.underline.link.url.kamervraag';
const FURNITURE = 'comment.line.page-furniture.kamervraag';

let onigLib: Promise<vsctm.IOnigLib> | undefined;

function loadOnigLib(): Promise<vsctm.IOnigLib> {
  if (!onigLib) {
    // The wasm ships inside the npm package (release/onig.wasm next to main.js).
    const wasmFile = path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm');
    const wasm = fs.readFileSync(wasmFile);
    const data = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength);
    onigLib = oniguruma.loadWASM(data).then(() => ({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }));
  }
  return onigLib;
}

async function loadGrammar(): Promise<vsctm.IGrammar> {
  const registry = new vsctm.Registry({
    onigLib: loadOnigLib(),
    loadGrammar: async (scopeName: string) => {
      if (scopeName !== SCOPE_NAME) return null;
      return vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR_FILE, 'utf8'), GRAMMAR_FILE);
    },
  });
  const grammar = await registry.loadGrammar(SCOPE_NAME);
  if (!grammar) throw new Error(`grammar ${SCOPE_NAME} did not load`);
  return grammar;
}

interface TokenizedLine {
  text: string;
  tokens: vsctm.IToken[];
  endState: vsctm.StateStack;
}

function readFixture(rel: string): string {
  return fs.readFileSync(path.join(CORPUS, rel), 'utf8');
}

function tokenizeText(grammar: vsctm.IGrammar, text: string): TokenizedLine[] {
  let state: vsctm.StateStack = vsctm.INITIAL;
  return text.split('\n').map((line) => {
    const r = grammar.tokenizeLine(line, state);
    assert.strictEqual(r.stoppedEarly, false, 'tokenization stopped early');
    state = r.ruleStack;
    return { text: line, tokens: r.tokens, endState: state };
  });
}

/**
 * Where `needle` is in the line: its first occurrence, or its first occurrence
 * inside the first occurrence of `within` (to pick one digit out of a phrase).
 */
function locate(line: TokenizedLine, needle: string, within?: string): number {
  const show = JSON.stringify(line.text.slice(0, 200));
  if (within === undefined) {
    const at = line.text.indexOf(needle);
    if (at < 0) throw new Error(`${JSON.stringify(needle)} not in line ${show}`);
    return at;
  }
  const base = line.text.indexOf(within);
  const offset = within.indexOf(needle);
  if (base < 0 || offset < 0) throw new Error(`${JSON.stringify(needle)} in ${JSON.stringify(within)} not in line ${show}`);
  return base + offset;
}

/** The scopes of every character of the needle. */
function scopesOfNeedle(line: TokenizedLine, needle: string, within?: string): string[][] {
  const at = locate(line, needle, within);
  const out: string[][] = [];
  for (let c = at; c < at + needle.length; c++) {
    const token = line.tokens.find((t) => t.startIndex <= c && c < t.endIndex);
    if (!token) throw new Error(`no token at ${c}`);
    out.push(token.scopes);
  }
  return out;
}

function hasScope(scopes: string[], scope: string): boolean {
  return scopes.some((s) => s === scope || s.startsWith(scope + '.'));
}

function describeScopes(line: TokenizedLine, needle: string, within?: string): string {
  return scopesOfNeedle(line, needle, within)
    .map((sc, i) => `${JSON.stringify(needle[i])}: ${sc.slice(1).join(' ') || '(plain)'}`)
    .join('\n    ');
}

/** Every character of the needle carries the scope. */
function assertScope(line: TokenizedLine, needle: string, scope: string, within?: string): void {
  const scopes = scopesOfNeedle(line, needle, within);
  assert.ok(scopes.every((sc) => hasScope(sc, scope)),
    `expected every character of ${JSON.stringify(needle)} to be ${scope}:\n    ${describeScopes(line, needle, within)}`);
}

/** No character of the needle carries the scope. */
function assertNotScope(line: TokenizedLine, needle: string, scope: string, within?: string): void {
  const scopes = scopesOfNeedle(line, needle, within);
  assert.ok(scopes.every((sc) => !hasScope(sc, scope)),
    `expected no character of ${JSON.stringify(needle)} to be ${scope}:\n    ${describeScopes(line, needle, within)}`);
}

/** The needle is plain text: no scope but the grammar's own. */
function assertPlain(line: TokenizedLine, needle: string, within?: string): void {
  const scopes = scopesOfNeedle(line, needle, within);
  assert.ok(scopes.every((sc) => sc.length === 1 && sc[0] === SCOPE_NAME),
    `expected ${JSON.stringify(needle)} to be plain text:\n    ${describeScopes(line, needle, within)}`);
}

/** The substring covered by exactly one token run with the scope, starting at the needle. */
function scopedRunAt(line: TokenizedLine, needle: string, scope: string): string {
  const at = line.text.indexOf(needle);
  if (at < 0) throw new Error(`${JSON.stringify(needle)} not in line`);
  let end = at;
  for (const t of line.tokens) {
    if (t.endIndex <= at) continue;
    if (t.startIndex > end || !hasScope(t.scopes, scope)) break;
    end = t.endIndex;
  }
  return line.text.slice(at, end);
}

describe('Kamervraag TextMate grammar', function () {
  this.timeout(60_000);

  let grammar: vsctm.IGrammar;
  const cache = new Map<string, TokenizedLine[]>();
  const fixture = (rel: string): TokenizedLine[] => {
    let lines = cache.get(rel);
    if (!lines) {
      lines = tokenizeText(grammar, readFixture(rel));
      cache.set(rel, lines);
    }
    return lines;
  };
  const line = (rel: string, index: number): TokenizedLine => {
    const lines = fixture(rel);
    assert.ok(index < lines.length, `${rel} has no line ${index}`);
    return lines[index];
  };
  const synthetic = (text: string): TokenizedLine => tokenizeText(grammar, text)[0];

  before(async () => {
    grammar = await loadGrammar();
  });

  describe('openkamer header and footer', () => {
    it('colours the header keys at line start', () => {
      assertScope(line(SAMPLE, 0), 'Kamervraag', HEADER_KEY);
      assertScope(line(SAMPLE, 0), '2022Z09875', `${CITATION}.zaak`);
      assertScope(line(SAMPLE, 4), 'Ingediend', HEADER_KEY);
      assertScope(line(SAMPLE, 5), 'Beantwoord', HEADER_KEY);
      assertScope(line(SAMPLE, 6), 'Indiener', HEADER_KEY);
      assertScope(line(SAMPLE, 7), 'Beantwoord door', HEADER_KEY);
      assertScope(line(SAMPLE, 8), 'Onderwerpen', HEADER_KEY);
      assertScope(line(SAMPLE, 9), 'Bron vraag', HEADER_KEY);
      assertScope(line(SAMPLE, 10), 'Bron antwoord', HEADER_KEY);
      assertScope(line('openkamer/kv-2024Z16988.txt', 5), 'Indieners', HEADER_KEY);
    });

    it('colours the header values: dates, day count, URLs; names and topics stay plain', () => {
      assertScope(line(SAMPLE, 4), '19 mei 2022', DATE);
      assertScope(line(SAMPLE, 5), '18 juli 2022', DATE);
      assertScope(line(SAMPLE, 5), '60', DAYS);
      assertScope(line(SAMPLE, 5), '(na 60 dagen)', 'meta.days.kamervraag');
      assertScope(line(SAMPLE, 9), 'https://zoek.officielebekendmakingen.nl/kv-tk-2022Z09875.html', URL);
      assertPlain(line(SAMPLE, 6), 'Caroline van der Plas (BBB)');
      assertPlain(line(SAMPLE, 8), 'bestuur economie ict organisatie en beleid');
    });

    it('colours the footer keys and the publication ids', () => {
      assertScope(line(SAMPLE, 87), 'Kamervraag document nummer:', FOOTER_KEY);
      assertScope(line(SAMPLE, 87), 'kv-tk-2022Z09875', `${CITATION}.publication`);
      assertScope(line(SAMPLE, 88), 'Volledige titel:', FOOTER_KEY);
      assertScope(line(SAMPLE, 89), 'Kamerantwoord document nummer:', FOOTER_KEY);
      assertScope(line(SAMPLE, 89), 'ah-tk-20212022-3618', `${CITATION}.publication`);
      assert.strictEqual(scopedRunAt(line(SAMPLE, 87), 'kv-tk', `${CITATION}.publication`), 'kv-tk-2022Z09875');
    });

    it('does not take a header word inside running text for a key', () => {
      // "Beantwoord" and "Kamervraag" only count at the start of a header line.
      const l = synthetic('  De Kamervraag is Beantwoord door de minister.');
      assertNotScope(l, 'Kamervraag', HEADER_KEY);
      assertNotScope(l, 'Beantwoord door', HEADER_KEY);
      assertPlain(line(SAMPLE, 2), 'Het toenemende gebruik van Signal onder bewindspersonen');
    });
  });

  describe('headings', () => {
    it('colours the openkamer bullet headings with their number as a sub-scope', () => {
      const l = line(SAMPLE, 72); // " • Vraag 13"
      assert.strictEqual(l.text, ' • Vraag 13');
      assertScope(l, ' • Vraag 13', QUESTION_HEADING);
      assertScope(l, '13', HEADING_NUMBER);
      assertNotScope(l, 'Vraag', HEADING_NUMBER);
      assertScope(l, '•', 'punctuation.definition.heading.kamervraag');
      for (const [i, n] of [[11, '1'], [67, '12'], [77, '14']] as const) assertScope(line(SAMPLE, i), `Vraag ${n}`, QUESTION_HEADING);
    });

    it('colours the notice heading and its date', () => {
      const l = line(SAMPLE, 82);
      assertScope(l, ' • Mededeling - 24 mei 2022', NOTICE_HEADING);
      assertScope(l, '24 mei 2022', DATE);
      assertScope(line('official/ah-tk-20242025-562.txt', 40), 'Mededeling', NOTICE_HEADING);
    });

    it('colours every official heading variant', () => {
      const cases: [string, number, string, string, string[]][] = [
        ['official/ah-tk-20242025-584.txt', 10, 'Vraag 1', QUESTION_HEADING, ['1']],
        ['official/ah-tk-20242025-584.txt', 13, 'Antwoord 1', ANSWER_HEADING, ['1']],
        ['official/ah-tk-20242025-584.txt', 15, 'Vraag 2 en 3', QUESTION_HEADING, ['2', '3']],
        ['official/ah-tk-20242025-584.txt', 35, 'Antwoorden 5 en 6', ANSWER_HEADING, ['5', '6']],
        ['official/ah-tk-20242025-582.txt', 27, 'Vraag 4, 5, 7 en 8', QUESTION_HEADING, ['4', '5', '7', '8']],
        ['official/ah-tk-20242025-593.txt', 14, 'Vraag 2 t/m 6', QUESTION_HEADING, ['2', '6']],
        ['official/ah-tk-20242025-604.txt', 7, 'Antwoord op vraag 1', ANSWER_HEADING, ['1']],
        ['official/ah-tk-20242025-604.txt', 37, 'Antwoord op vraag 3 en 4 ', ANSWER_HEADING, ['3', '4']],
        ['official/ah-tk-20242025-609.txt', 35, 'Antwoord vraag 4-7:', ANSWER_HEADING, ['4', '7']],
        ['official/ah-tk-20242025-605.txt', 19, 'Antwoord vragen 1,2,3,4 en 5', ANSWER_HEADING, ['1', '2', '3', '4', '5']],
        ['official/ah-tk-20242025-602.txt', 7, 'Antwoord', ANSWER_HEADING, []],
      ];
      for (const [rel, i, text, scope, numbers] of cases) {
        const l = line(rel, i);
        assert.strictEqual(l.text, text, `${rel}:${i}`);
        assertScope(l, text, scope);
        for (const n of numbers) assertScope(l, n, HEADING_NUMBER);
      }
    });

    it('colours Toelichting: paragraphs, also in Markdown bold', () => {
      assertScope(line('official/ah-tk-20242025-570.txt', 50), 'Toelichting:', EXPLANATION_HEADING);
      assertScope(line('official/ah-tk-20232024-403.txt', 236), '**Toelichting:**', EXPLANATION_HEADING);
    });

    it('does not take a question sentence or a reference for a heading', () => {
      const l = line('official/ah-tk-20242025-584.txt', 11); // "Bent u bekend met ..."
      assert.ok(l.tokens.every((t) => !hasScope(t.scopes, 'markup.heading')), 'question text got a heading scope');
      assertNotScope(line(SAMPLE, 75), 'Zie antwoord vraag 12', 'markup.heading');
      assertNotScope(synthetic('Vraag 1 is al eerder gesteld.'), 'Vraag 1', 'markup.heading');
    });

    it('keeps a heading that PDF extraction glued to the page footer', () => {
      const l = line('official/ah-tk-20232024-706.txt', 25);
      assertScope(l, 'Vraag 3', QUESTION_HEADING);
      assertScope(l, 'Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 1', FURNITURE);
    });
  });

  describe('official header', () => {
    it('colours the openings and the (ingezonden …)/(ontvangen …) dates', () => {
      const rel = 'official/ah-tk-20242025-584.txt';
      assertScope(line(rel, 5), 'Vragen van het lid', OPENING);
      assertScope(line(rel, 7), 'ingezonden', OPENING);
      assertScope(line(rel, 7), '27 september 2024', DATE);
      assertScope(line(rel, 7), '(ingezonden 27 september 2024)', 'meta.opening.date.kamervraag');
      assertScope(line(rel, 8), 'Antwoord van', OPENING);
      assertScope(line(rel, 9), 'ontvangen', OPENING);
      assertScope(line(rel, 9), '18 november 2024', DATE);
      assertPlain(line(rel, 5), 'Martens-America');
    });

    it('colours the openings of a delay notice and a date on the next line', () => {
      const rel = 'official/ah-tk-20242025-562.txt';
      assertScope(line(rel, 5), 'Vragen van de leden', OPENING);
      assertScope(line(rel, 7), 'ingezonden', OPENING); // "(ingezonden" ends the line
      assertScope(line(rel, 8), '25 oktober 2024', DATE);
      assertScope(line(rel, 9), 'Mededeling van', OPENING);
      assertScope(line(rel, 10), '15 november 2024', DATE);
    });

    it('colours the DOCX header line and the (na N dagen) note', () => {
      assertScope(line('official/ah-tk-20242025-604.txt', 0), 'AH', HEADER_KEY);
      assertScope(line('official/ah-tk-20242025-604.txt', 1), '2024Z18294', `${CITATION}.zaak`);
      assertScope(line('official/ah-tk-20242025-604.txt', 2), 'Antwoord van', OPENING);
      assertScope(line('openkamer/kv-2024Z18792.txt', 5), '1', DAYS);
    });
  });

  describe('dates', () => {
    it('colours the year typo date of the sample (line 30, 0-based)', () => {
      assertScope(line(SAMPLE, 30), '29\u00a0juni 20022', DATE);
      assert.strictEqual(scopedRunAt(line(SAMPLE, 30), '29\u00a0juni', DATE), '29\u00a0juni 20022');
    });

    it('includes the weekday, jongstleden, jl. and a.s.', () => {
      assert.strictEqual(scopedRunAt(line(SAMPLE, 78), 'dinsdag', DATE), 'dinsdag 24\u00a0mei 2022');
      assert.strictEqual(scopedRunAt(line(SAMPLE, 14), '19\u00a0mei', DATE), '19\u00a0mei jongstleden');
      assert.strictEqual(scopedRunAt(line('official/ah-tk-20242025-604.txt', 10), '5 juni', DATE), '5 juni jl.');
      assert.strictEqual(scopedRunAt(synthetic('Het overleg van 3 juni a.s. gaat door.'), '3 juni', DATE), '3 juni a.s.');
      assert.strictEqual(scopedRunAt(line('official/ah-tk-20242025-584.txt', 18), '1 september', DATE), '1 septemberjongstleden');
    });

    it('reads no-break spaces, numeric dates and a bare day and month', () => {
      const l = line(SAMPLE, 14);
      assert.ok(l.text.includes('18\u00a0mei 2022'), 'fixture lost its no-break space');
      assertScope(l, '18\u00a0mei 2022', DATE);
      assertScope(line('official/ah-tk-20232024-387.txt', 54), '12-10-2023', DATE);
      assertScope(synthetic('Kunt u voor 24-05-2022 antwoorden?'), '24-05-2022', DATE);
      assert.strictEqual(scopedRunAt(line('official/ah-tk-20242025-584.txt', 20), '1 december', DATE), '1 december');
      assertScope(synthetic('Op 19 mei is het debat.'), '19 mei', DATE);
    });

    it('does not colour numbers that are not dates', () => {
      const l = line('official/ah-tk-20232024-403.txt', 29); // "(5.500 medewerkers, 1.500 bussen en 164 treinen)"
      assertPlain(l, '5.500 medewerkers, 1.500 bussen en 164 treinen');
      assertPlain(synthetic('Er waren 2022 meldingen en 12 meiden.'), '2022 meldingen en 12 meiden');
      assertPlain(line('official/ah-tk-20242025-584.txt', 16), 'collegejaar 2025–2026');
      assertNotScope(line('official/kv-tk-2024Z18793.txt', 23), 'Radio 1', DATE);
    });
  });

  describe('footnote markers', () => {
    it('colours digits glued to brief and Kamerbrief, not the word', () => {
      const l = line(SAMPLE, 14);
      assertScope(l, '2', FOOTNOTE, 'brief2');
      assertPlain(l, 'brief', 'brief2');
      assertScope(l, '3', FOOTNOTE, 'brief3');
      assertScope(synthetic('in de Kamerbrief12 van 3 maart'), '12', FOOTNOTE);
      assertScope(line(SAMPLE, 80), '9', FOOTNOTE, 'brief9');
    });

    it('colours digits glued after ?, », ” and a sentence-final dot', () => {
      const q = line(SAMPLE, 12);
      assertScope(q, '1', FOOTNOTE, 'organisatie?1');
      assertPlain(q, 'organisatie?', 'organisatie?1');
      assertScope(line('official/kv-tk-2024Z18563.txt', 9), '1', FOOTNOTE, 'Zeeland»?1');
      assertScope(line('openkamer/kv-2024Z18792.txt', 23), '2', FOOTNOTE, 'fractie.”2');
      const hil = line('openkamer/kv-2024Z16988.txt', 12); // "... Van den Hil.2 3"
      assert.ok(hil.text.endsWith('Hil.2 3'));
      assertScope(hil, '2', FOOTNOTE, 'Hil.2 3');
      assertScope(hil, '3', FOOTNOTE, 'Hil.2 3');
      const shell = line('official/kv-tk-2024Z18658.txt', 10); // "... Shell?1 2"
      assert.ok(shell.text.endsWith('Shell?1 2'));
      assertScope(shell, '1', FOOTNOTE, 'Shell?1 2');
      assertScope(shell, '2', FOOTNOTE, 'Shell?1 2');
      assertScope(synthetic('Dat is al bekend.12 Verder'), '12', FOOTNOTE);
    });

    it('colours bracketed markers and digits alone on a line', () => {
      const l = line('official/ah-tk-20232024-403.txt', 21);
      assertScope(l, '1, 2', FOOTNOTE);
      assertScope(l, '[', 'punctuation.definition.footnote.begin.kamervraag');
      assertScope(line('official/ah-tk-20232024-302.txt', 95), '4 5', FOOTNOTE);
      assertScope(line('official/ah-tk-20242025-584.txt', 12), '1', FOOTNOTE);
      assertScope(line('official/ah-tk-20242025-562.txt', 18), '2 3', FOOTNOTE);
    });

    it('does not claim digits it cannot be sure of', () => {
      // A marker moved to the start of the next line looks like a numbered line.
      const l = line('official/ah-tk-20242025-564.txt', 54);
      assert.ok(l.text.startsWith('2 Voor drie'));
      assertPlain(l, '2 Voor drie');
      assertNotScope(line('official/ah-tk-20232024-403.txt', 29), '1.500', FOOTNOTE);
      assertNotScope(line('official/kv-tk-2024Z18658.txt', 19), 'CO2', FOOTNOTE);
      assertNotScope(line('official/ah-tk-20242025-584.txt', 21), '1Kamerstuk', FOOTNOTE); // footnote text, not a marker
      assertNotScope(line('official/ah-tk-20242025-584.txt', 0), 'Staten-Generaal2', FOOTNOTE); // the logo
      const s = synthetic('Zie nr.5 en art.3 en blz.12 en versie 2.1 en 10.000 euro en «Titel» 2024.');
      for (const n of ['nr.5', 'art.3', 'blz.12', '2.1', '10.000', '2024.']) assertNotScope(s, n, FOOTNOTE);
      const b = synthetic('de briefwisseling en de brief 2 en brief2022');
      assertNotScope(b, 'brief 2', FOOTNOTE);
      assertNotScope(b, 'brief2022', FOOTNOTE);
    });
  });

  describe('references', () => {
    it('colours the reference phrases with the target numbers as a sub-scope', () => {
      const cases: [string, number, string][] = [
        [SAMPLE, 75, 'Zie antwoord vraag 12'],
        [SAMPLE, 19, 'het antwoord op vraag 1'],
        [SAMPLE, 30, 'antwoord 3'],
        [SAMPLE, 25, 'Zie ook het antwoord bij vraag 1'],
        ['official/ah-tk-20242025-564.txt', 59, 'Zie het antwoord op de vragen 6 en 7'],
        ['official/ah-tk-20242025-604.txt', 64, 'beantwoording op vragen 1 en 5'],
        ['official/ah-tk-20242025-582.txt', 30, 'bij vraag 2'],
      ];
      for (const [rel, i, text] of cases) {
        const l = line(rel, i);
        assert.strictEqual(scopedRunAt(l, text, REFERENCE), text, `${rel}:${i}: ${text}`);
      }
      assertScope(line(SAMPLE, 75), '12', REFERENCE_NUMBER);
      assertNotScope(line(SAMPLE, 75), 'Zie antwoord vraag ', REFERENCE_NUMBER);
      assertScope(synthetic('Zie de antwoorden op vraag 8 en 9.'), 'de antwoorden op vraag 8 en 9', REFERENCE);
    });

    it('does not take a date, a plain answer or a count for a reference', () => {
      const l = synthetic('In het antwoord van 3 juni staat het antwoord, en 2022 antwoorden 12 keer.');
      assertNotScope(l, 'antwoord van 3', REFERENCE);
      assertScope(l, '3 juni', DATE);
      assertPlain(l, 'het antwoord, en 2022 antwoorden 12 keer');
      assertPlain(line(SAMPLE, 12), 'Klopt het dat u in');
      assertNotScope(line(SAMPLE, 12), 'Antwoord op vragen van het lid', REFERENCE);
    });
  });

  describe('citations', () => {
    it('colours zaak, document and publication numbers', () => {
      assertScope(line(SAMPLE, 84), '2022Z09875', `${CITATION}.zaak`);
      assertScope(line('official/ah-tk-20242025-564.txt', 20), '2024D28457', `${CITATION}.document`);
      assertScope(synthetic('zie 2024D42030.'), '2024D42030', `${CITATION}.document`);
      assertScope(line('official/ah-tk-20242025-584.txt', 25), 'ah-tk-20242025-584', `${CITATION}.publication`);
      assert.strictEqual(scopedRunAt(synthetic('(kst-29984-899)'), 'kst', `${CITATION}.publication`), 'kst-29984-899');
    });

    it('colours Kamerstukken, Aanhangsel Handelingen, ECLI and Staatsblad references', () => {
      const cases: [string, number, string, string][] = [
        ['official/ah-tk-20232024-403.txt', 115, 'Kamerstukken II 2019/20, 29 984, nr. 899', 'kamerstuk'],
        ['official/ah-tk-20242025-584.txt', 21, 'Kamerstuk 36 410 VIII, nr. 112', 'kamerstuk'],
        ['official/ah-tk-20232024-387.txt', 112, 'Kamerstuk 21 501-02, nr. 2733', 'kamerstuk'],
        ['official/ah-tk-20242025-566.txt', 24, 'Aanhangsel Handelingen II, vergaderjaar 2023–2024, nr. 2267', 'aanhangsel'],
        ['official/ah-tk-20242025-584.txt', 9, 'Aanhangsel Handelingen,vergaderjaar 2024–2025, nr. 337', 'aanhangsel'],
        ['official/ah-tk-20242025-564.txt', 53, 'ECLI:NL:RVS:2024:3946', 'ecli'],
        ['official/ah-tk-20242025-584.txt', 22, 'Stb. 2024, 153', 'staatsblad'],
      ];
      for (const [rel, i, text, kind] of cases) {
        assert.strictEqual(scopedRunAt(line(rel, i), text, `${CITATION}.${kind}`), text, `${rel}:${i}`);
      }
      assertScope(synthetic('De uitspraak ECLI:NL:RVS:2019:1234.'), 'ECLI:NL:RVS:2019:1234', `${CITATION}.ecli`);
      const more = synthetic('Zie Handelingen II 2023/24, nr. 8, item 12, Stcrt. 2024, 12345, stcrt-2024-12345 en h-tk-20232024-8-3.');
      assert.strictEqual(scopedRunAt(more, 'Handelingen', `${CITATION}.handelingen`), 'Handelingen II 2023/24, nr. 8, item 12');
      assert.strictEqual(scopedRunAt(more, 'Stcrt.', `${CITATION}.staatscourant`), 'Stcrt. 2024, 12345');
      assert.strictEqual(scopedRunAt(more, 'stcrt-', `${CITATION}.publication`), 'stcrt-2024-12345');
      assert.strictEqual(scopedRunAt(more, 'h-tk-', `${CITATION}.publication`), 'h-tk-20232024-8-3');
      assertPlain(synthetic('Kamerstuk 36 410 en nr. 5 van 2024'), 'Kamerstuk 36 410 en nr. 5 van 2024');
      assertNotScope(synthetic('De uitspraak ECLI:NL:RVS:2019:1234.'), '.', CITATION, '1234.');
    });

    it('colours URLs without their closing punctuation', () => {
      const l = synthetic('Zie (https://www.tweedekamer.nl/kamerstukken?id=2022Z09875).');
      assert.strictEqual(scopedRunAt(l, 'https', URL), 'https://www.tweedekamer.nl/kamerstukken?id=2022Z09875');
      assertNotScope(l, '2022Z09875', `${CITATION}.zaak`);
    });
  });

  describe('page furniture', () => {
    it('colours running headers and footers as comments', () => {
      const rel = 'official/ah-tk-20242025-584.txt';
      assertScope(line(rel, 0), 'Tweede Kamer der Staten-Generaal2', FURNITURE);
      assertScope(line(rel, 1), 'Vergaderjaar 2024–2025 Aanhangsel van de Handelingen', FURNITURE);
      assertScope(line(rel, 26), 'Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 1', FURNITURE);
      assertScope(line(rel, 37), 'Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 2', FURNITURE);
    });
  });

  describe('whole corpus', () => {
    const corpusFiles = (): string[] => ['openkamer', 'official'].flatMap((dir) =>
      fs.readdirSync(path.join(CORPUS, dir)).filter((f) => f.endsWith('.txt')).map((f) => `${dir}/${f}`));

    it('is line-local: every line of every corpus file ends in the initial state', () => {
      const files = corpusFiles();
      assert.ok(files.length > 50, `only ${files.length} corpus files found`);
      const initial = grammar.tokenizeLine('', vsctm.INITIAL).ruleStack;
      assert.strictEqual(initial.depth, 1);
      for (const rel of files) {
        fixture(rel).forEach((l, i) => {
          assert.ok(l.endState.equals(initial), `${rel}:${i} leaves state open (depth ${l.endState.depth})`);
        });
      }
    });

    it('finds a heading on every line that is one and no heading elsewhere in the openkamer sample', () => {
      const headings = fixture(SAMPLE).map((l, i) => [i, l] as const)
        .filter(([, l]) => l.tokens.some((t) => hasScope(t.scopes, 'markup.heading')))
        .map(([i]) => i);
      const expected = fixture(SAMPLE).map((l, i) => [i, l.text] as const)
        .filter(([, t]) => /^ • (Vraag \d+|Mededeling - .*)$/.test(t)).map(([i]) => i);
      assert.strictEqual(expected.length, 15);
      assert.deepStrictEqual(headings, expected);
    });
  });

  describe('performance', () => {
    it('tokenizes a 200,000-character line in linear time', () => {
      const unit = 'Vraag 1 antwoord op vraag 20 maart 2019 brief2 ';
      const text = unit.repeat(Math.ceil(200_000 / unit.length)).slice(0, 200_000 - (200_000 % unit.length));
      assert.ok(text.length > 199_000);
      const t0 = Date.now();
      const r = grammar.tokenizeLine(text, vsctm.INITIAL);
      const elapsed = Date.now() - t0;
      assert.strictEqual(r.stoppedEarly, false);
      assert.ok(elapsed < 10_000, `took ${elapsed} ms`);
      // The end of the line was tokenized like the start.
      const l: TokenizedLine = { text, tokens: r.tokens, endState: r.ruleStack };
      const lastUnit = text.length - unit.length;
      const last = r.tokens.filter((t) => t.startIndex >= lastUnit);
      const covered = (needle: string, scope: string): boolean => {
        const at = lastUnit + unit.indexOf(needle);
        return last.some((t) => t.startIndex <= at && at < t.endIndex && hasScope(t.scopes, scope));
      };
      assert.ok(covered('20 maart 2019', DATE), 'last date not coloured');
      assert.ok(covered('2 ', FOOTNOTE), 'last footnote not coloured');
      assertScope(l, '20 maart 2019', DATE);
    });

    it('stays fast on adversarial long lines', () => {
      const rep = (s: string, n: number): string => s.repeat(Math.ceil(n / s.length)).slice(0, n);
      const n = 300_000;
      const lines = [
        ' '.repeat(n) + 'x',
        rep('18\u00a0', n),
        '1'.repeat(n),
        'Vraag ' + rep('1, 2 en ', n) + 'x',
        '   ' + rep('Antwoord op vraag 1,', n) + ' x',
        rep('zie antwoord vraag 12 ', n),
        rep('[1 2 3 ', n),
        rep('1 en 2 en ', n) + 'mei',
        'https://' + rep('a.', n),
        rep('Kamerstukken II, vergaderjaar 2019/20 ', n),
        rep('vraag?1 2 3 4 ', n) + 'x',
        rep('a.1 ', n),
        rep('(ingezonden 1 mei 2022) (na 60 dagen) ', n),
        'ECLI:NL:RVS:2019:' + rep('A.', n),
      ];
      // Each takes about 0.1–0.5 s here; a rule that rescans the line per match
      // (quadratic) takes over 10 s on these lengths.
      for (const text of lines) {
        const t0 = Date.now();
        const r = grammar.tokenizeLine(text, vsctm.INITIAL);
        const elapsed = Date.now() - t0;
        assert.strictEqual(r.stoppedEarly, false);
        assert.ok(elapsed < 5_000, `took ${elapsed} ms on ${JSON.stringify(text.slice(0, 40))}…`);
      }
    });
  });

  describe('grammar file', () => {
    type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
    const raw = (): { [key: string]: Json } => JSON.parse(fs.readFileSync(GRAMMAR_FILE, 'utf8')) as { [key: string]: Json };
    const collect = (node: Json, key: string, out: string[] = []): string[] => {
      if (Array.isArray(node)) node.forEach((n) => collect(n, key, out));
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (k === key && typeof v === 'string') out.push(v);
          else collect(v, key, out);
        }
      }
      return out;
    };

    it('uses only scope names of this language and only line-local match rules', () => {
      const g = raw();
      const names = collect(g, 'name').filter((n) => n !== g.name);
      assert.ok(names.length > 20);
      for (const n of names) assert.match(n, /^[a-z]+(\.[a-z-]+)+\.kamervraag$/, n);
      assert.deepStrictEqual(collect(g, 'begin'), [], 'begin/end rules span lines');
      assert.deepStrictEqual(collect(g, 'while'), []);
    });

    it('has no Oniguruma counted repeat followed by + (that is a nested quantifier, not a possessive one)', () => {
      for (const re of collect(raw(), 'match')) assert.doesNotMatch(re, /\}\+/, re);
    });

    it('parses as JSON with scopeName text.kamervraag', () => {
      const g = raw();
      assert.strictEqual(g.scopeName, 'text.kamervraag');
      assert.ok(Array.isArray(g.patterns) && g.patterns.length > 0);
    });
  });
});

describe('Kamervraag language configuration', () => {
  interface LanguageConfiguration {
    wordPattern: string;
    brackets: [string, string][];
    autoClosingPairs: { open: string; close: string }[];
    surroundingPairs: { open: string; close: string }[];
    comments?: unknown;
  }
  const conf = (): LanguageConfiguration =>
    JSON.parse(fs.readFileSync(LANGUAGE_CONFIGURATION_FILE, 'utf8')) as LanguageConfiguration;

  // VS Code compiles a string wordPattern with no flags and adds 'g'; test with 'u' too.
  for (const flags of ['g', 'gu']) {
    const words = (text: string): string[] => [...text.matchAll(new RegExp(conf().wordPattern, flags))].map((m) => m[0]);
    /** The word at a position, as VS Code's getWordAtText finds it. */
    const wordAt = (text: string, needle: string, offset = 0): string | undefined => {
      const col = text.indexOf(needle) + offset;
      assert.ok(col >= offset, `${needle} not in text`);
      return [...text.matchAll(new RegExp(conf().wordPattern, flags))]
        .find((m) => m.index !== undefined && m.index <= col && col < m.index + m[0].length)?.[0];
    };

    describe(`wordPattern with flags '${flags}'`, () => {
      it('keeps zaak, document and publication numbers as one word', () => {
        const sample = readFixture(SAMPLE).split('\n');
        assert.strictEqual(wordAt(sample[87], 'kv-tk', 3), 'kv-tk-2022Z09875');
        assert.strictEqual(wordAt(sample[89], 'ah-tk', 8), 'ah-tk-20212022-3618');
        assert.strictEqual(wordAt(sample[0], '2022Z', 5), '2022Z09875');
        assert.strictEqual(wordAt(sample[84], '2022Z09875', 2), '2022Z09875');
        assert.strictEqual(wordAt('Zie 2024D42030.', '2024D'), '2024D42030');
        const official = readFixture('official/ah-tk-20242025-564.txt').split('\n');
        assert.strictEqual(wordAt(official[20], '2024D28457', 6), '2024D28457');
      });

      it('keeps Dutch words with diacritics, apostrophes and hyphens together', () => {
        const sample = readFixture(SAMPLE).split('\n');
        assert.deepStrictEqual(words(sample[28].slice(sample[28].indexOf('De Minister-President'), sample[28].indexOf(';'))),
          ['De', 'Minister-President', 'zegt', 'enkel', 'onbelangrijke', 'sms’jes', 'te', 'hebben', 'gewist']);
        assert.strictEqual(wordAt(sample[43], 'geïnformeerd', 3), 'geïnformeerd');
        assert.deepStrictEqual(words('Financiën, één, reële, sms\'jes, Gabriëls'), ['Financiën', 'één', 'reële', 'sms\'jes', 'Gabriëls']);
      });

      it('splits at punctuation, quotes and footnote brackets', () => {
        assert.deepStrictEqual(words('«Risico’s en maatregelen»?[1, 2 ] (BBB)'), ['Risico’s', 'en', 'maatregelen', '1', '2', 'BBB']);
        assert.deepStrictEqual(words('brief van 18\u00a0mei 2022: 1.500 bussen'), ['brief', 'van', '18', 'mei', '2022', '1.500', 'bussen']);
        assert.strictEqual(new RegExp(conf().wordPattern, flags.replace('g', '')).test(''), false, 'matches the empty string');
        assert.deepStrictEqual(words('«» “” ‘’ - — ()'), []);
      });
    });
  }

  it('has the bracket and quote pairs and no comments', () => {
    const c = conf();
    assert.strictEqual(c.comments, undefined);
    const brackets = c.brackets.map(([o, cl]) => o + cl);
    for (const pair of ['()', '[]', '«»', '“”']) assert.ok(brackets.includes(pair), `bracket ${pair}`);
    for (const list of [c.autoClosingPairs, c.surroundingPairs]) {
      const pairs = list.map((p) => p.open + p.close);
      for (const pair of ['()', '[]', '«»', '“”', '‘’', '""']) assert.ok(pairs.includes(pair), `pair ${pair}`);
    }
  });
});
