// What the editor draws and lists: document links, semantic tokens, code
// lenses, workspace symbols, and the custom `kamervraag/analysis` request.

import * as assert from 'assert';
import {
  CodeLensRequest,
  DocumentLinkRequest,
  SemanticTokensRequest,
  SymbolKind,
  WorkspaceSymbolRequest,
  type CodeLens,
  type Location,
  type SemanticTokensLegend,
  type SymbolInformation,
  type WorkspaceSymbol,
} from 'vscode-languageserver-protocol/node';
import {
  analysisOf,
  decodeTokens,
  lineOf,
  OFFICIAL_564,
  OFFICIAL_584,
  OFFICIAL_605,
  openFixture,
  rangeOf,
  SAMPLE,
  sameRange,
  Session,
  showRange,
  textIn,
  type AnalysisJson,
  type OpenDocument,
  type Token,
} from './harness';

describe('protocol: links, semantic tokens, code lenses, workspace symbols, analysis', function () {
  let s: Session;
  let sample: OpenDocument;
  let sampleJson: AnalysisJson;
  let o584: OpenDocument;
  let o605: OpenDocument;
  let o564: OpenDocument;

  before(async function () {
    s = await Session.start({ locale: 'nl' });
    sample = await openFixture(s, SAMPLE);
    o584 = await openFixture(s, OFFICIAL_584);
    o605 = await openFixture(s, OFFICIAL_605);
    o564 = await openFixture(s, OFFICIAL_564);
    sampleJson = await analysisOf(s, sample.uri);
  });

  afterEach(function () {
    s.assertAlive();
  });

  after(async function () {
    await s?.shutdown();
  });

  describe('documentLink', function () {
    it('the sample: the Bron vraag address and Archiefwet 1995 → wetten.overheid.nl/BWBR0007376', async function () {
      const links = (await s.request(DocumentLinkRequest.type, { textDocument: { uri: sample.uri } })) ?? [];
      const url = 'https://zoek.officielebekendmakingen.nl/kv-tk-2022Z09875.html';
      const source = rangeOf(sample.text, url);
      const bron = links.find((l) => sameRange(l.range, source));
      assert.ok(bron, `a link over the Bron vraag address ${showRange(source)}`);
      assert.strictEqual(bron.target, url);
      const law = rangeOf(sample.text, 'Archiefwet 1995');
      const archiefwet = links.find((l) => sameRange(l.range, law));
      assert.ok(archiefwet, `a link over Archiefwet 1995 ${showRange(law)}; links: ${links.map((l) => `${showRange(l.range)} ${l.target}`).join(', ')}`);
      assert.strictEqual(archiefwet.target, 'https://wetten.overheid.nl/BWBR0007376');
      for (const l of links) {
        assert.ok(l.target && /^https:\/\/\S+$/.test(l.target), `a web address: ${l.target}`);
        assert.ok(textIn(sample.text, l.range).trim().length > 0, 'over some text');
      }
    });

    it('584: `Kamerstuk 36 410 VIII, nr. 112` → its zoek.officielebekendmakingen.nl address', async function () {
      const links = (await s.request(DocumentLinkRequest.type, { textDocument: { uri: o584.uri } })) ?? [];
      const at = rangeOf(o584.text, 'Kamerstuk 36 410 VIII, nr. 112');
      const link = links.find((l) => sameRange(l.range, at));
      assert.ok(link, `a link over ${showRange(at)}; links: ${links.map((l) => `${showRange(l.range)} ${l.target}`).join(', ')}`);
      assert.strictEqual(link.target, 'https://zoek.officielebekendmakingen.nl/kst-36410-VIII-112.html');
      const citation = (await analysisOf(s, o584.uri)).citations.find((c) => c.kind === 'kamerstuk');
      assert.strictEqual(citation?.url, 'https://zoek.officielebekendmakingen.nl/kst-36410-VIII-112.html', 'the analysis gives the same address');
    });

    it('564: ECLI numbers → rechtspraak.nl', async function () {
      const links = (await s.request(DocumentLinkRequest.type, { textDocument: { uri: o564.uri } })) ?? [];
      const at = rangeOf(o564.text, 'ECLI:NL:RVS:2024:3946');
      const link = links.find((l) => sameRange(l.range, at));
      assert.ok(link);
      assert.match(link.target ?? '', /^https:\/\/uitspraken\.rechtspraak\.nl\/.*ECLI:NL:RVS:2024:3946/);
    });
  });

  describe('semanticTokens', function () {
    let legend: SemanticTokensLegend;
    const tokensOf = async (doc: OpenDocument): Promise<Token[]> => {
      const r = await s.request(SemanticTokensRequest.type, { textDocument: { uri: doc.uri } });
      assert.ok(r && Array.isArray(r.data), 'semantic tokens answered');
      return decodeTokens(r.data, legend);
    };
    const tokenAt = (tokens: readonly Token[], line: number, character: number) =>
      tokens.find((t) => t.line === line && t.character <= character && character < t.character + t.length);
    const wellFormed = (doc: OpenDocument, tokens: readonly Token[]) => {
      const lines = doc.text.split('\n');
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i];
        assert.ok(t.length > 0, `token ${i} has a length`);
        assert.ok(t.line < lines.length, `token ${i} on an existing line`);
        assert.ok(t.character + t.length <= lines[t.line].length, `token ${i} (${t.line}:${t.character}+${t.length}) stays on its line of ${lines[t.line].length}`);
        const prev = tokens[i - 1];
        if (prev && prev.line === t.line) {
          assert.ok(prev.character + prev.length <= t.character, `tokens ${i - 1} and ${i} on line ${t.line} do not overlap`);
        }
      }
    };

    before(function () {
      const provider = s.initializeResult?.capabilities.semanticTokensProvider;
      assert.ok(provider);
      legend = provider.legend;
    });

    it('on the sample: a date is a number, a reference a function, a letter a class, a footnote marker a decorator', async function () {
      const tokens = await tokensOf(sample);
      assert.ok(tokens.length > 50, `${tokens.length} tokens`);
      wellFormed(sample, tokens);
      const date = rangeOf(sample.text, '29 juni 20022');
      const d = tokenAt(tokens, date.start.line, date.start.character);
      assert.ok(d && d.type === 'number' && d.character === date.start.character && d.length === 13, JSON.stringify(d));
      const ref = rangeOf(sample.text, 'Zie antwoord vraag 12');
      const r = tokenAt(tokens, ref.start.line, ref.start.character);
      assert.ok(r && r.type === 'function' && r.length === 21, JSON.stringify(r));
      const letter = rangeOf(sample.text, 'brief2');
      const l = tokenAt(tokens, letter.start.line, letter.start.character);
      assert.ok(l && l.type === 'class', JSON.stringify(l));
      const marker = tokenAt(tokens, letter.start.line, letter.start.character + 5);
      assert.ok(marker && marker.type === 'decorator' && marker.length === 1, `the 2 of brief2: ${JSON.stringify(marker)}`);
      const q1 = rangeOf(sample.text, 'organisatie?1');
      const m1 = tokenAt(tokens, q1.start.line, q1.start.character + 12);
      assert.ok(m1 && m1.type === 'decorator', `the 1 of organisatie?1: ${JSON.stringify(m1)}`);
      // A letter mention with a date inside: the words are the letter, the date a number.
      const later = rangeOf(sample.text, 'brief van 18 mei 2022');
      assert.strictEqual(tokenAt(tokens, later.start.line, later.start.character)?.type, 'class');
      assert.strictEqual(tokenAt(tokens, later.start.line, later.start.character + 12)?.type, 'number');
      const ext = rangeOf(sample.text, 'antwoord 2, stelt');
      assert.strictEqual(tokenAt(tokens, ext.start.line, ext.start.character)?.type, 'function', 'an external reference is a function too');
    });

    it('on 584: the footnote marker on a line of its own is a decorator, a citation a string', async function () {
      const tokens = await tokensOf(o584);
      wellFormed(o584, tokens);
      const marker = rangeOf(o584.text, '1\nAntwoord 1').start;
      assert.strictEqual(tokenAt(tokens, marker.line, 0)?.type, 'decorator');
      const ks = rangeOf(o584.text, 'Kamerstuk 36 410 VIII, nr. 112');
      assert.strictEqual(tokenAt(tokens, ks.start.line, ks.start.character)?.type, 'string');
    });

    it('on 564: both numbers of `de vragen 6 en 7` are references', async function () {
      const tokens = await tokensOf(o564);
      wellFormed(o564, tokens);
      const phrase = rangeOf(o564.text, 'Zie het antwoord op de vragen 6 en 7');
      assert.strictEqual(tokenAt(tokens, phrase.start.line, phrase.start.character + 30)?.type, 'function');
      assert.strictEqual(tokenAt(tokens, phrase.start.line, phrase.start.character + 35)?.type, 'function');
    });

    it('on 605: well-formed', async function () {
      wellFormed(o605, await tokensOf(o605));
    });
  });

  describe('codeLens', function () {
    const lensesOf = async (doc: OpenDocument): Promise<CodeLens[]> => (await s.request(CodeLensRequest.type, { textDocument: { uri: doc.uri } })) ?? [];

    it('one lens per answer in the sample (14), each at its answer', async function () {
      const lenses = await lensesOf(sample);
      assert.strictEqual(lenses.length, 14);
      // The answer lines of the sample (0-based), five lines apart except after answer 3, which has two lines (24 and 25).
      assert.deepStrictEqual(lenses.map((l) => l.range.start.line), [14, 19, 24, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80]);
      // Each answer sits three lines under its ` • Vraag N` heading.
      lenses.forEach((l, i) => assert.strictEqual(lineOf(sample.text, l.range.start.line - 3), ` • Vraag ${i + 1}`));
    });

    it('every lens carries a command with a title (no resolve step is announced)', async function () {
      const lenses = await lensesOf(sample);
      assert.strictEqual(s.initializeResult?.capabilities.codeLensProvider?.resolveProvider ?? false, false);
      for (const l of lenses) {
        assert.ok(l.command, `lens at line ${l.range.start.line + 1} has a command: ${JSON.stringify(l)}`);
        assert.strictEqual(typeof l.command.title, 'string');
      }
    });

    it('the lens of answer 1 says `3 verwijzingen` (from answers 2, 3 and 5) and lists them', async function () {
      const lenses = await lensesOf(sample);
      const refs = sampleJson.references.filter((r) => r.scope === 'internal' && r.target === 1);
      assert.deepStrictEqual(refs.map((r) => r.from), [2, 3, 5]);
      const first = lenses[0];
      assert.strictEqual(first?.command?.title, '3 verwijzingen');
      const locations = (first.command.arguments ?? []).find((x): x is Location[] => Array.isArray(x));
      assert.ok(locations, `the command passes the locations: ${JSON.stringify(first.command.arguments)}`);
      assert.deepStrictEqual(locations.map((x) => x.range.start.line), [19, 25, 35]);
    });

    it('the other lenses count their references: 1 for answers 3, 4 and 12, `0 verwijzingen` elsewhere', async function () {
      const lenses = await lensesOf(sample);
      const expected: Record<number, string> = { 1: '3 verwijzingen', 3: '1 verwijzing', 4: '1 verwijzing', 12: '1 verwijzing' };
      lenses.forEach((l, i) => assert.strictEqual(l.command?.title, expected[i + 1] ?? '0 verwijzingen', `answer ${i + 1}`));
    });

    it('605: one lens for the shared answer; 564: the answer to question 5 is referenced once', async function () {
      const l605 = await lensesOf(o605);
      assert.strictEqual(l605.length, 1);
      assert.strictEqual(l605[0].range.start.line, rangeOf(o605.text, 'Antwoord vragen').start.line);
      assert.strictEqual(l605[0].command?.title, '0 verwijzingen');
      const l564 = await lensesOf(o564);
      // 564 has 21 answer headings (`Antwoord 6 en 7`, `Antwoord 14 en 15` and `Antwoord 19, 20 en 21` answer several questions).
      const headings = [14, 19, 28, 32, 37, 42, 52, 58, 62, 66, 75, 81, 85, 89, 96, 102, 112, 118, 124, 134, 139];
      for (const line of headings) assert.match(lineOf(o564.text, line), /^Antwoord \d/, `line ${line + 1}`);
      assert.deepStrictEqual(l564.map((l) => l.range.start.line), headings);
      const five = l564.find((l) => l.range.start.line === rangeOf(o564.text, 'Antwoord 5').start.line);
      assert.strictEqual(five?.command?.title, '1 verwijzing');
    });
  });

  describe('workspace/symbol', function () {
    const search = async (query: string): Promise<(SymbolInformation | WorkspaceSymbol)[]> => (await s.request(WorkspaceSymbolRequest.type, { query })) ?? [];
    const uriOf = (x: SymbolInformation | WorkspaceSymbol) => x.location.uri;
    const rangeOfSymbol = (x: SymbolInformation | WorkspaceSymbol) => ('range' in x.location ? x.location.range : null);

    it('`vraag 12` over several open documents finds Vraag 12 of the sample', async function () {
      const list = await search('vraag 12');
      assert.ok(new Set(list.map(uriOf)).size >= 2, 'more than one document searched');
      const v12 = list.find((x) => uriOf(x) === sample.uri && x.name.startsWith('Vraag 12'));
      assert.ok(v12, list.map((x) => x.name).join(' | '));
      assert.match(v12.name, /Bent u bereid/);
      const r = rangeOfSymbol(v12);
      assert.ok(r && r.start.line === rangeOf(sample.text, 'Vraag 12').start.line, JSON.stringify(v12.location));
      assert.strictEqual(v12.containerName, 'Kamervraag 2022Z09875');
    });

    it('`brief` finds the letters', async function () {
      const list = await search('brief');
      const letters = list.filter((x) => uriOf(x) === sample.uri && x.kind === SymbolKind.Object).map((x) => x.name);
      for (const name of ['Brief van 18 mei 2022', 'Brief van 25 mei 2022', 'Brief van 29 juni 2022', 'Brief van 25 februari 2022', 'Brief van 24 mei 2022']) {
        assert.ok(letters.includes(name), `${name} in ${letters.join(', ')}`);
      }
      const l18 = list.find((x) => uriOf(x) === sample.uri && x.name === 'Brief van 18 mei 2022');
      const r = l18 && rangeOfSymbol(l18);
      assert.ok(r && sameRange(r, rangeOf(sample.text, 'brief2')), 'located at its first mention');
    });

    it('a query that matches nothing: an empty list', async function () {
      assert.deepStrictEqual(await search('zzzzqqqq'), []);
    });
  });

  describe('kamervraag/analysis', function () {
    it('returns the JSON of schema 1 with 14 questions', async function () {
      const a = sampleJson;
      assert.strictEqual(a.schemaVersion, 2);
      assert.strictEqual(a.layout, 'openkamer');
      assert.strictEqual(a.zaak, '2022Z09875');
      assert.strictEqual(a.questions.length, 14);
      assert.deepStrictEqual(a.questions.map((q) => q.number), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
      assert.deepStrictEqual(a.diagnostics.map((d) => d.code).sort(), ['late-answer', 'year-typo']);
    });

    it('for an official document too', async function () {
      const a = await analysisOf(s, o605.uri);
      assert.strictEqual(a.schemaVersion, 2);
      assert.strictEqual(a.layout, 'official');
      assert.deepStrictEqual(a.questions.map((q) => q.answeredBy), [1, 1, 1, 1, 1]);
    });

    it('an unknown uri is an error', async function () {
      await assert.rejects(analysisOf(s, 'file:///nowhere/unknown.kamervraag'), (e: { code?: number; message?: string }) => {
        assert.strictEqual(e.code, -32602);
        assert.match(String(e.message), /unknown\.kamervraag/);
        return true;
      });
      await assert.rejects(s.requestRaw('kamervraag/analysis', {}));
      await assert.rejects(s.requestRaw('kamervraag/analysis', { uri: 42 }));
    });
  });

  describe('afterwards', function () {
    it('the server logged no feature errors', function () {
      assert.deepStrictEqual(s.errorLogs(), []);
    });
  });
});
