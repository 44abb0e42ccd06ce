// Citations of official documents, tested against the real documents of the
// corpus (test/fixtures/corpus). Positions are 0-based line:character, as in
// LSP, and were checked by hand against the files.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { analyze } from '../../server/src/model/analysis';
import { findCitations } from '../../server/src/model/citations';
import { LineIndex } from '../../server/src/model/text';
import { tokenizeLines } from '../../server/src/model/tokens';
import type { Citation, CitationKind } from '../../server/src/model/types';

const CORPUS = path.resolve(process.cwd(), 'test/fixtures/corpus');
const OFFICIAL = 'https://zoek.officielebekendmakingen.nl/';
const NBSP = '\u00a0';

function read(name: string): string {
  return fs.readFileSync(path.join(CORPUS, name), 'utf8');
}

/** The citations as the analysis finds them: the scan over the token stream of the kept lines. */
function citeLines(lines: LineIndex, skipLine: (line: number) => boolean): Citation[] {
  return findCitations(lines, skipLine, tokenizeLines(lines, (line) => !skipLine(line)));
}

function cite(text: string, skipLine: (line: number) => boolean = () => false): Citation[] {
  return citeLines(new LineIndex(text), skipLine);
}

function where(c: Citation): string {
  return `${c.range.start.line}:${c.range.start.character}-${c.range.end.line}:${c.range.end.character}`;
}

/** kind, id, range and text: what a reader checks against the file. */
function summary(c: Citation): [CitationKind, string, string, string] {
  return [c.kind, c.id, where(c), c.text];
}

function ofKind(cs: readonly Citation[], kind: CitationKind): Citation[] {
  return cs.filter((c) => c.kind === kind);
}

/** The one citation whose text is `text`. */
function withText(cs: readonly Citation[], text: string): Citation {
  const hits = cs.filter((c) => c.text === text);
  assert.equal(hits.length, 1, `one citation written ${JSON.stringify(text)}, found ${hits.length}: ${JSON.stringify(cs.map((c) => c.text))}`);
  return hits[0];
}

/** Replaces the one occurrence of `from` in `text`. */
function replaceOnce(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  assert.ok(i >= 0 && text.indexOf(from, i + 1) < 0, `exactly one ${JSON.stringify(from)} in the fixture`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

function fixtureNames(): string[] {
  return ['official', 'openkamer'].flatMap((dir) =>
    fs.readdirSync(path.join(CORPUS, dir)).filter((f) => f.endsWith('.txt')).map((f) => `${dir}/${f}`),
  );
}

/** The invariants every result keeps. */
function assertWellFormed(text: string, cs: readonly Citation[]): void {
  const lines = new LineIndex(text);
  let previousEnd = 0;
  for (const c of cs) {
    assert.ok(c.span.start >= previousEnd, `sorted and disjoint at ${c.span.start}`);
    assert.ok(c.span.end > c.span.start);
    assert.equal(c.text, text.slice(c.span.start, c.span.end));
    assert.deepEqual(c.range, lines.rangeOf(c.span));
    assert.ok(c.id.length > 0 && c.label.length > 0);
    assert.ok(c.url === null || /^https?:\/\//.test(c.url), c.url ?? '');
    previousEnd = c.span.end;
  }
}

describe('findCitations', () => {
  describe('ah-tk-20242025-584 (answer, PDF text)', () => {
    const text = read('official/ah-tk-20242025-584.txt');
    const cs = cite(text);

    it('finds exactly the Aanhangsel, Kamerstuk, both Staatsblad numbers, its own id and one web address', () => {
      assert.deepEqual(cs.map(summary), [
        ['aanhangsel', 'ah-tk-20242025-337', '9:38-9:92', 'Aanhangsel Handelingen,vergaderjaar 2024–2025, nr. 337'],
        ['kamerstuk', 'kst-36410-VIII-112', '21:1-21:31', 'Kamerstuk 36 410 VIII, nr. 112'],
        ['staatsblad', 'stb-2024-153', '22:1-22:15', 'Stb. 2024, 153'],
        ['staatsblad', 'stb-2024-213', '22:65-22:79', 'Stb. 2024, 213'],
        ['publication', 'ah-tk-20242025-584', '25:0-25:18', 'ah-tk-20242025-584'],
        ['url', 'https://www.studiekeuze123.nl/selectie/welke-opleidingen-hebben-een-numerus-fixus', '43:650-43:731',
          'https://www.studiekeuze123.nl/selectie/welke-opleidingen-hebben-een-numerus-fixus'],
      ]);
    });

    it('gives labels and official URLs', () => {
      const [aanhangsel, kamerstuk, stb] = cs;
      assert.equal(aanhangsel.label, 'Aanhangsel Handelingen II, vergaderjaar 2024–2025, nr. 337');
      assert.equal(aanhangsel.url, `${OFFICIAL}ah-tk-20242025-337.html`);
      assert.equal(kamerstuk.label, 'Kamerstuk 36 410 VIII, nr. 112');
      assert.equal(kamerstuk.url, `${OFFICIAL}kst-36410-VIII-112.html`);
      assert.equal(stb.label, 'Stb. 2024, 153');
      assert.equal(stb.url, `${OFFICIAL}stb-2024-153.html`);
    });

    it('does not take the heading "Vergaderjaar 2024–2025 Aanhangsel van de Handelingen" for a citation', () => {
      assert.equal(new LineIndex(text).lineText(1), 'Vergaderjaar 2024–2025 Aanhangsel van de Handelingen');
      assert.deepEqual(cs.filter((c) => c.range.start.line <= 8), []);
    });
  });

  describe('ah-tk-20242025-562 (delay notice, PDF text)', () => {
    const cs = cite(read('official/ah-tk-20242025-562.txt'));

    it('finds both Kamerstukken, the zaak number in "(2024Z16988)" and an address broken after "https://"', () => {
      assert.deepEqual(cs.map(summary), [
        ['url', 'https://nos.nl/artikel/2541672-wachttijden-ggz-niet-goed-vastgelegd-zeggen-onderzoekers', '23:84-24:79',
          'https://\nnos.nl/artikel/2541672-wachttijden-ggz-niet-goed-vastgelegd-zeggen-onderzoekers'],
        ['kamerstuk', 'kst-25242-686', '25:1-25:26', 'Kamerstuk 25 242, nr. 686'],
        ['kamerstuk', 'kst-36200-77', '26:1-26:25', 'Kamerstuk 36 200, nr. 77'],
        ['publication', 'ah-tk-20242025-562', '29:0-29:18', 'ah-tk-20242025-562'],
        ['zaak', '2024Z16988', '42:68-42:78', '2024Z16988'],
      ]);
      const zaak = cs[4];
      assert.equal(zaak.label, 'Zaak 2024Z16988');
      assert.equal(zaak.url, `${OFFICIAL}kv-tk-2024Z16988.html`);
      assert.equal(cs[1].label, 'Kamerstuk 25 242, nr. 686');
    });
  });

  describe('openkamer kv-2022Z09875', () => {
    const text = read('openkamer/kv-2022Z09875.txt');
    const cs = cite(text);

    it('finds the zaak number in the header and after "kenmerk"', () => {
      assert.deepEqual(ofKind(cs, 'zaak').map(summary), [
        ['zaak', '2022Z09875', '0:11-0:21', '2022Z09875'],
        ['zaak', '2022Z09875', '84:147-84:157', '2022Z09875'],
      ]);
    });

    it('finds the publication ids of the footer, not the zaak number inside kv-tk-2022Z09875', () => {
      assert.deepEqual(ofKind(cs, 'publication').map(summary), [
        ['publication', 'kv-tk-2022Z09875', '87:28-87:44', 'kv-tk-2022Z09875'],
        ['publication', 'ah-tk-20212022-3618', '89:31-89:50', 'ah-tk-20212022-3618'],
      ]);
      assert.equal(ofKind(cs, 'publication')[1].url, `${OFFICIAL}ah-tk-20212022-3618.html`);
    });

    it('reports a web address as one url citation, without the ids inside it', () => {
      const urls = ofKind(cs, 'url');
      assert.deepEqual(urls.map(summary), [
        ['url', `${OFFICIAL}kv-tk-2022Z09875.html`, '9:11-9:72', `${OFFICIAL}kv-tk-2022Z09875.html`],
        ['url', `${OFFICIAL}ah-tk-20212022-3618.html`, '10:14-10:78', `${OFFICIAL}ah-tk-20212022-3618.html`],
      ]);
      assert.equal(urls[0].url, urls[0].id);
      assert.deepEqual(cs.filter((c) => c.range.start.line === 9 || c.range.start.line === 10), urls);
    });

    it('finds the laws by name and by abbreviation, in either case of the first letter', () => {
      assert.deepEqual(ofKind(cs, 'law').map((c) => [c.text, c.id, c.range.start.line]), [
        ['archiefwet', 'BWBR0007376', 14],
        ['Wet openbaarheid van bestuur', 'BWBR0005252', 14],
        ['Wob', 'BWBR0005252', 14],
        ['Wet open overheid', 'BWBR0045754', 14],
        ['Wet openbaarheid bestuur', 'BWBR0005252', 22],
        ['Wob', 'BWBR0005252', 24],
        ['Archiefwet 1995', 'BWBR0007376', 30],
        ['Algemene verordening gegevensbescherming', 'CELEX:32016R0679', 30],
        ['Wob', 'BWBR0005252', 30],
        ['Woo', 'BWBR0045754', 30],
        ['Wet openbaarheid van bestuur', 'BWBR0005252', 53],
      ]);
    });

    it('gives "Wet openbaarheid van bestuur (Wob)" two citations of the same law', () => {
      const [name, abbreviation] = ofKind(cs, 'law').slice(1, 3);
      assert.equal(text.slice(name.span.start, abbreviation.span.end + 1), 'Wet openbaarheid van bestuur (Wob)');
      assert.equal(name.id, abbreviation.id);
      assert.equal(name.label, 'Wet openbaarheid van bestuur');
      assert.equal(abbreviation.label, 'Wet openbaarheid van bestuur');
      assert.equal(abbreviation.url, 'https://wetten.overheid.nl/BWBR0005252');
    });

    it('counts "Wob-rechtspraak" as a mention of the Wob, spanning "Wob" only', () => {
      const wob = ofKind(cs, 'law').find((c) => c.range.start.line === 24);
      assert.ok(wob);
      assert.equal(where(wob), '24:958-24:961');
      assert.equal(text.slice(wob.span.start, wob.span.end + 12), 'Wob-rechtspraak');
    });

    it('gives the EU regulation its CELEX id and EUR-Lex address', () => {
      const avg = withText(cs, 'Algemene verordening gegevensbescherming');
      assert.equal(avg.url, 'https://eur-lex.europa.eu/eli/reg/2016/679/oj');
      assert.equal(where(avg), '30:319-30:359');
    });
  });

  describe('Kamerstukken as written in the corpus', () => {
    const cases: [file: string, written: string, id: string, label: string][] = [
      ['ah-tk-20232024-403', 'Kamerstukken II 2019/20, 29 984, nr. 899', 'kst-29984-899', 'Kamerstuk 29 984, nr. 899'],
      ['kv-tk-2024Z18435', 'Kamerstuk36 600 XII, nr. 42', 'kst-36600-XII-42', 'Kamerstuk 36 600 XII, nr. 42'],
      ['ah-tk-20242025-566', 'Kamerstuk 36 410 A, nr. 51', 'kst-36410-A-51', 'Kamerstuk 36 410 A, nr. 51'],
      ['ah-tk-20242025-583', 'Kamerstuk 21 501-20, nr. 2018', 'kst-21501-20-2018', 'Kamerstuk 21 501-20, nr. 2018'],
      ['ah-tk-20242025-577', 'Kamerstuk 31 793 nr. 274', 'kst-31793-274', 'Kamerstuk 31 793, nr. 274'],
      ['ah-tk-20232024-387', 'Kamerstuk 21 501-02 nr. 2732', 'kst-21501-02-2732', 'Kamerstuk 21 501-02, nr. 2732'],
      ['ah-tk-20232024-387', 'Kamerstuk\n21 501-02, nr. 2737', 'kst-21501-02-2737', 'Kamerstuk 21 501-02, nr. 2737'],
      ['ah-tk-20242025-546', 'Kamerstukken II, 2021–2022, 29 279, nr. 353', 'kst-29279-353', 'Kamerstuk 29 279, nr. 353'],
      ['ah-tk-20242025-559', 'Kamerstukken II 2023/2024, 32 140, nr. 174', 'kst-32140-174', 'Kamerstuk 32 140, nr. 174'],
      ['ah-tk-20242025-580', 'Kamerstukken II vergaderjaar 2024/2025 22 452, nr. 91', 'kst-22452-91', 'Kamerstuk 22 452, nr. 91'],
      ['ah-tk-20242025-586', 'Kamerstuk-ken 23 645, nr. 811', 'kst-23645-811', 'Kamerstuk 23 645, nr. 811'],
      ['ah-tk-20242025-586', 'Kamer-stuk 23 645, nr. 828', 'kst-23645-828', 'Kamerstuk 23 645, nr. 828'],
      ['ah-tk-20242025-564', 'Kamerstuk33 529, nr. 1219', 'kst-33529-1219', 'Kamerstuk 33 529, nr. 1219'],
      ['ah-tk-20242025-610', 'Kamerstuk 33529, nr. 1219', 'kst-33529-1219', 'Kamerstuk 33 529, nr. 1219'],
      ['ah-tk-20142015-698', 'Kamerstuk 32 620, nr. 117', 'kst-32620-117', 'Kamerstuk 32 620, nr. 117'],
    ];
    for (const [file, written, id, label] of cases) {
      it(`${file}: ${JSON.stringify(written)} → ${id}`, () => {
        const c = withText(cite(read(`official/${file}.txt`)), written);
        assert.equal(c.kind, 'kamerstuk');
        assert.equal(c.id, id);
        assert.equal(c.label, label);
        assert.equal(c.url, `${OFFICIAL}${id}.html`);
      });
    }

    it('takes the first of "Kamerstuk-ken 23 645, nr. 811 en 29 984, nr. 1207"', () => {
      const cs = cite(read('official/ah-tk-20242025-586.txt'));
      assert.deepEqual(ofKind(cs, 'kamerstuk').map((c) => c.id), ['kst-23645-811', 'kst-23645-813', 'kst-23645-828']);
    });

    it('spans a Kamerstuk broken over two lines (ah-tk-20232024-387)', () => {
      const c = withText(cite(read('official/ah-tk-20232024-387.txt')), 'Kamerstuk\n21 501-02, nr. 2737');
      assert.equal(where(c), '170:58-171:19');
    });

    it('reads "Kamerstuk 2024D28457" as a document number, not a Kamerstuk (ah-tk-20242025-564)', () => {
      const cs = cite(read('official/ah-tk-20242025-564.txt'));
      const doc = withText(cs, '2024D28457');
      assert.equal(doc.kind, 'document');
      assert.equal(where(doc), '20:37-20:47');
      assert.equal(doc.url, 'https://www.tweedekamer.nl/kamerstukken/detail?id=2024D28457');
      assert.equal(doc.label, 'Document 2024D28457');
      assert.ok(!cs.some((c) => c.kind === 'kamerstuk' && c.range.start.line === 20));
    });
  });

  describe('Aanhangsel and Handelingen as written in the corpus', () => {
    const cases: [file: string, written: string, id: string, range: string][] = [
      ['ah-tk-20242025-566', 'Aanhangsel Handelingen II, vergaderjaar 2023–2024, nr. 2267', 'ah-tk-20232024-2267', '24:1-24:60'],
      ['ah-tk-20242025-583', 'AanhangselHandelingen, vergaderjaar 2024–2025, nr. 244', 'ah-tk-20242025-244', '9:129-9:183'],
      ['ah-tk-20232024-403', 'Aanhangsel Handelingen,\nvergaderjaar 2023–2024, nr. 375', 'ah-tk-20232024-375', '16:38-17:31'],
      ['ah-tk-20232024-1433', 'Aanhangsel Handelingen, vergaderjaar\n2023–2024, nr. 1283', 'ah-tk-20232024-1283', '10:34-11:19'],
      ['ah-tk-20232024-1433', 'Aanhangsel Handelin-\ngen, vergaderjaar 2023–2024, nr. 1045', 'ah-tk-20232024-1045', '26:55-27:37'],
      ['ah-tk-20242025-580', 'Aanhangsel Handelingen, verga-\nderjaar 2024/2025, nr. 203', 'ah-tk-20242025-203', '22:58-23:26'],
      ['ah-tk-20232024-302', 'Aanhangsel van de Handelingen, vergaderjaar 2023–2024, nr. 76', 'ah-tk-20232024-76', '41:2-41:63'],
      ['ah-tk-20242025-608', 'Aanhangsel Handelingen, vergaderjaar 2024-2025, nr. 247', 'ah-tk-20242025-247', '6:8-6:63'],
      ['ah-tk-20242025-576', 'Aanhangsel Handelingen, vergaderjaar 2023–2024,nr. 2116', 'ah-tk-20232024-2116', '9:27-9:82'],
      ['ah-tk-20142015-698', 'Aanhangsel Handelingen, vergaderjaar 2014–2015, nr. 403', 'ah-tk-20142015-403', '0:446-0:501'],
      ['ah-tk-20242025-561', 'Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel van de Handelingen, nr. 2386', 'ah-tk-20232024-2386', '50:1-50:78'],
      ['ah-tk-20242025-561', 'Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel van de Handelingen 2386', 'ah-tk-20232024-2386', '52:1-52:73'],
    ];
    for (const [file, written, id, range] of cases) {
      it(`${file}: ${JSON.stringify(written)} → ${id}`, () => {
        const c = withText(cite(read(`official/${file}.txt`)), written);
        assert.equal(c.kind, 'aanhangsel');
        assert.equal(c.id, id);
        assert.equal(where(c), range);
        assert.equal(c.url, `${OFFICIAL}${id}.html`);
      });
    }

    it('finds glued words deep in a word of 10,000 letters and more, where the search for a split reads in windows', () => {
      const long = 'a'.repeat(10000);
      const glued = 'AanhangselHandelingen, vergaderjaar 2024–2025, nr. 244';
      const cs = cite(`${long}${glued} en ${long}kst${'b'.repeat(5000)}Kamerstuk 29 477, nr. 3\n`);
      assert.deepEqual(cs.map((c) => [c.kind, c.text, c.span.start]), [
        ['aanhangsel', 'AanhangselHandelingen, vergaderjaar 2024–2025, nr. 244', 10000],
        ['kamerstuk', 'Kamerstuk 29 477, nr. 3', 10000 + glued.length + ' en '.length + 10000 + 'kst'.length + 5000],
      ]);
    });

    it('reads "Handelingen II, vergaderjaar 2024–2025, nr. 8" as the Handelingen (kv-tk-2024Z18792)', () => {
      const c = withText(cite(read('official/kv-tk-2024Z18792.txt')), 'Handelingen II, vergaderjaar 2024–2025, nr. 8');
      assert.deepEqual(summary(c), ['handelingen', 'h-tk-20242025-8', '22:1-22:46', c.text]);
      assert.equal(c.label, 'Handelingen II, vergaderjaar 2024–2025, nr. 8');
      assert.equal(c.url, `${OFFICIAL}h-tk-20242025-8.html`);
    });

    it('finds the "Zie ook Aanhangsel Handelingen …" of every answer in the corpus', () => {
      for (const name of fixtureNames()) {
        const text = read(name);
        const cs = cite(text);
        for (let at = text.indexOf('Zie ook Aanhangsel'); at >= 0; at = text.indexOf('Zie ook Aanhangsel', at + 1)) {
          const c = cs.find((x) => x.span.start === at + 'Zie ook '.length);
          assert.ok(c && c.kind === 'aanhangsel', `${name} at ${at}`);
          assert.match(c.id, /^ah-tk-\d{8}-\d+$/);
        }
      }
    });
  });

  describe('ECLI numbers', () => {
    it('finds the four rulings of ah-tk-20242025-564, without the full stop after the last', () => {
      const cs = ofKind(cite(read('official/ah-tk-20242025-564.txt')), 'ecli');
      assert.deepEqual(cs.map((c) => [c.id, where(c)]), [
        ['ECLI:NL:RVS:2024:3946', '53:149-53:170'],
        ['ECLI:NL:RVS:2024:3958', '68:49-68:70'],
        ['ECLI:NL:RVS:2024:3976', '69:0-69:21'],
        ['ECLI:NL:RVS:2024:3951', '69:44-69:65'],
      ]);
      assert.equal(cs[0].url, 'https://uitspraken.rechtspraak.nl/details?id=ECLI:NL:RVS:2024:3946');
    });

    it('reads a court code of five letters (ah-tk-20242025-559)', () => {
      const c = withText(cite(read('official/ah-tk-20242025-559.txt')), 'ECLI:NL:RBMNE:2021:6269');
      assert.equal(c.id, 'ECLI:NL:RBMNE:2021:6269');
    });

    it('joins an ECLI broken after a hyphen at the line end (kv-tk-2024Z18440)', () => {
      const c = withText(cite(read('official/kv-tk-2024Z18440.txt')), 'ECLI:NL-\n:RBDHA:2023:2055');
      assert.equal(c.id, 'ECLI:NL:RBDHA:2023:2055');
      assert.equal(where(c), '17:73-18:16');
      assert.equal(c.url, 'https://uitspraken.rechtspraak.nl/details?id=ECLI:NL:RBDHA:2023:2055');
    });

    it('finds an ECLI starting on every line that holds "ECLI:NL" in the corpus', () => {
      for (const name of fixtureNames()) {
        const text = read(name);
        const cs = ofKind(cite(text), 'ecli');
        const lines = new LineIndex(text);
        for (let line = 0; line < lines.lineCount; line++) {
          const count = lines.lineText(line).split('ECLI:NL').length - 1;
          assert.equal(cs.filter((c) => c.range.start.line === line).length, count, `${name} line ${line}`);
        }
      }
    });
  });

  describe('zaak and document numbers', () => {
    it('separates a footnote number glued to a zaak number: "32024Z15585/2024D37938" (ah-tk-20242025-593)', () => {
      const cs = cite(read('official/ah-tk-20242025-593.txt')).filter((c) => c.range.start.line === 23);
      assert.deepEqual(cs.map(summary), [
        ['zaak', '2024Z15585', '23:1-23:11', '2024Z15585'],
        ['document', '2024D37938', '23:12-23:22', '2024D37938'],
      ]);
    });

    it('reads the bare zaak number on line 2 of a DOCX answer and "(vraagnummer 2024Z14247)" (ah-tk-20242025-608)', () => {
      const cs = ofKind(cite(read('official/ah-tk-20242025-608.txt')), 'zaak');
      assert.deepEqual(cs.map((c) => [c.id, where(c)]), [
        ['2024Z14419', '2:0-2:10'],
        ['2024Z14247', '105:146-105:156'],
      ]);
    });

    it('keeps the zaak number of "kv-tk-2024Z18559" inside its publication id (kv-tk-2024Z18559)', () => {
      const cs = cite(read('official/kv-tk-2024Z18559.txt')).filter((c) => c.range.start.line === 23);
      assert.deepEqual(cs.map(summary), [['publication', 'kv-tk-2024Z18559', '23:0-23:16', 'kv-tk-2024Z18559']]);
      assert.equal(cs[0].url, `${OFFICIAL}kv-tk-2024Z18559.html`);
    });

    it('keeps the document number inside a tweedekamer.nl address broken after "https://" (ah-tk-20242025-563)', () => {
      const cs = cite(read('official/ah-tk-20242025-563.txt')).filter((c) => c.range.start.line >= 75 && c.range.start.line <= 76);
      assert.deepEqual(cs.map((c) => [c.kind, c.id, where(c)]), [
        ['url', 'https://www.tweedekamer.nl/kamerstukken/detail?id=2024D42030&did=2024D42030', '75:70-76:67'],
      ]);
    });
  });

  describe('web addresses', () => {
    it('joins an address that PDF text broke after a slash (kv-tk-2024Z18792)', () => {
      const c = ofKind(cite(read('official/kv-tk-2024Z18792.txt')), 'url')[0];
      assert.equal(c.id, 'https://www.noordhollandsdagblad.nl/binnenland/heinen-ook-nsc-wist-van-ontkoppeling-groei-en-ontwikkelingshulp/26751442.html');
      assert.equal(c.url, c.id);
      assert.equal(where(c), '20:42-21:77');
      assert.ok(c.text.includes('\n'));
    });

    it('joins an address broken after a hyphen before a hash (ah-tk-20242025-592)', () => {
      const c = ofKind(cite(read('official/ah-tk-20242025-592.txt')), 'url')[0];
      assert.equal(c.id, 'https://www.ft.com/content/ada8343c-3783-4600-9726-9aba86f3e38a');
      assert.equal(c.label, 'www.ft.com/content/ada8343c-3783-4600-9726-9aba86f3e38a');
      assert.equal(where(c), '22:36-23:12');
    });

    it('leaves the closing parenthesis and the full stop out: "(https://nos.nl/…)." (kv-tk-2024Z18659)', () => {
      const text = read('official/kv-tk-2024Z18659.txt');
      const c = ofKind(cite(text), 'url')[0];
      assert.equal(c.id, 'https://nos.nl/artikel/2544874-geboortezorg-voor-asielzoekers-van-onacceptabel-niveau-concluderen-onderzoekers');
      assert.equal(text.slice(c.span.end, c.span.end + 2), ').');
    });

    it('leaves a semicolon out and does not run into the next line (ah-tk-20242025-583)', () => {
      const cs = ofKind(cite(read('official/ah-tk-20242025-583.txt')), 'url');
      assert.ok(cs.some((c) => c.id === 'https://neighbourhood-enlargement.ec.europa.eu/european-neighbourhood-policy/countries-region/tunisia_en'));
      const last = cs[cs.length - 1];
      assert.deepEqual([last.id, where(last)], ['https://ec.europa.eu/commission/presscorner/detail/en/ip_23_3887', '123:1-123:65']);
    });

    it('keeps an http address as written (ah-tk-20242025-575, made http)', () => {
      const text = replaceOnce(read('official/ah-tk-20242025-575.txt'), '(https://x.com/', '(http://x.com/');
      const c = ofKind(cite(text), 'url')[0];
      assert.deepEqual([c.id, c.url, where(c)], ['http://x.com/hubertsmeets/status/1849009806952071192', 'http://x.com/hubertsmeets/status/1849009806952071192', '19:21-19:73']);
    });

    it('reads "www." addresses as https (ah-tk-20242025-560)', () => {
      const c = withText(cite(read('official/ah-tk-20242025-560.txt')), 'www.aob.nl');
      assert.equal(c.url, 'https://www.aob.nl');
      assert.equal(c.id, 'https://www.aob.nl');
    });
  });

  describe('laws as written in the corpus', () => {
    it('finds the Mijnbouwwet, Zorgverzekeringswet, Wet financieel toezicht and Pensioenwet', () => {
      assert.deepEqual(ofKind(cite(read('official/ah-tk-20242025-564.txt')), 'law').map((c) => c.id), ['BWBR0014168', 'BWBR0014168', 'BWBR0014168']);
      assert.deepEqual(ofKind(cite(read('official/kv-tk-2024Z18439.txt')), 'law').map((c) => c.text), ['Zorgverzekeringswet', 'Zorgverzekeringswet', 'Zorgverzekeringswet']);
      const laws = ofKind(cite(read('official/ah-tk-20242025-609.txt')), 'law');
      assert.deepEqual(laws.map((c) => [c.text, c.id, c.label]), [
        ['Wet financieel toezicht', 'BWBR0020368', 'Wet op het financieel toezicht'],
        ['Pensioenwet', 'BWBR0020809', 'Pensioenwet'],
      ]);
    });

    it('follows a law name over a line break and counts "Woo-stukken" as the Woo (kv-tk-2024Z18559)', () => {
      const laws = ofKind(cite(read('official/kv-tk-2024Z18559.txt')), 'law');
      assert.deepEqual(laws.map((c) => [c.text, c.id, where(c)]), [
        ['Wet\npolitiegegevens', 'BWBR0022463', '5:148-6:15'],
        ['Wet politiegegevens', 'BWBR0022463', '13:17-13:36'],
        ['Wet open overheid', 'BWBR0045754', '65:106-65:123'],
        ['Wet politiegegevens', 'BWBR0022463', '83:52-83:71'],
        ['Woo', 'BWBR0045754', '147:31-147:34'],
        ['Archiefwet 1995', 'BWBR0007376', '151:302-151:317'],
      ]);
    });

    it('reads "Wet maatschappelijke ondersteuning (Wmo)" as the Wmo 2015 (kv-tk-2024Z18562)', () => {
      const laws = ofKind(cite(read('official/kv-tk-2024Z18562.txt')), 'law');
      assert.deepEqual(laws.map((c) => [c.text, c.id]), [
        ['Wet maatschappelijke ondersteuning', 'BWBR0035362'],
        ['Wmo', 'BWBR0035362'],
        ['Wmo', 'BWBR0035362'],
      ]);
      assert.equal(laws[0].url, 'https://wetten.overheid.nl/BWBR0035362');
      assert.equal(laws[0].label, 'Wet maatschappelijke ondersteuning 2015');
    });

    it('matches abbreviations in their own case only: "Wob" and "Woo", not "wob" or "WOO"', () => {
      const sentence = `de Archiefwet 1995, de Algemene verordening gegevensbescherming en de Wob (en sinds 1${NBSP}mei de Woo)`;
      const text = read('openkamer/kv-2022Z09875.txt');
      assert.ok(text.includes(sentence));
      const lower = replaceOnce(text, sentence, sentence.replace('Wob', 'wob').replace('Woo', 'WOO'));
      const laws = (t: string): string[] => ofKind(cite(t), 'law').filter((c) => c.range.start.line === 30).map((c) => c.text);
      assert.deepEqual(laws(text), ['Archiefwet 1995', 'Algemene verordening gegevensbescherming', 'Wob', 'Woo']);
      assert.deepEqual(laws(lower), ['Archiefwet 1995', 'Algemene verordening gegevensbescherming']);
    });

    it('finds both of two abbreviations glued together as in PDF text ("WobWoo"), the second from where the first ends', () => {
      // The scan goes on inside the same word token after a citation that ends within it.
      const text = replaceOnce(read('openkamer/kv-2022Z09875.txt'), 'de Wob (en sinds', 'de WobWoo (en sinds');
      const laws = ofKind(cite(text), 'law').filter((c) => c.range.start.line === 30);
      assert.deepEqual(laws.map((c) => [c.text, c.id, where(c)]).slice(2), [
        ['Wob', 'BWBR0005252', '30:366-30:369'],
        ['Woo', 'BWBR0045754', '30:369-30:372'],
        ['Woo', 'BWBR0045754', '30:392-30:395'],
      ]);
    });

    it('matches whole words only: not "Grondwettelijk" nor "Jeugdwetgeving"', () => {
      const text = replaceOnce(read('openkamer/kv-2022Z09875.txt'), 'in relatie tot de archiefwet,', 'in relatie tot de Grondwet, het Grondwettelijk kader, de Jeugdwetgeving en de Jeugdwet,');
      const laws = ofKind(cite(text), 'law').filter((c) => c.range.start.line === 14);
      assert.deepEqual(laws.map((c) => [c.text, c.id]).slice(0, 2), [['Grondwet', 'BWBR0001840'], ['Jeugdwet', 'BWBR0034925']]);
    });
  });

  describe('forms not in the corpus, put into real text', () => {
    const answer = read('official/ah-tk-20242025-584.txt');
    const stb = 'Stb. 2024, 153, het inwerkingtredingsbesluit';

    it('reads Staatsblad and Staatscourant written out and abbreviated', () => {
      for (const [written, kind, id, label] of [
        ['Staatsblad 2024, 153', 'staatsblad', 'stb-2024-153', 'Stb. 2024, 153'],
        ['Stcrt. 2024, 1234', 'staatscourant', 'stcrt-2024-1234', 'Stcrt. 2024, 1234'],
        ['Staatscourant 2024, nr. 1234', 'staatscourant', 'stcrt-2024-1234', 'Stcrt. 2024, 1234'],
      ] as const) {
        const c = withText(cite(replaceOnce(answer, stb, stb.replace('Stb. 2024, 153', written))), written);
        assert.deepEqual([c.kind, c.id, c.label, c.url, where(c)], [kind, id, label, `${OFFICIAL}${id}.html`, `22:1-22:${1 + written.length}`]);
      }
    });

    it('reads "Handelingen II 2023/24, nr. 8, item 3" and leaves Handelingen after "Aanhangsel van de" to the Aanhangsel', () => {
      const questions = read('official/kv-tk-2024Z18792.txt');
      const written = 'Handelingen II, vergaderjaar 2024–2025, nr. 8';
      const item = withText(cite(replaceOnce(questions, written, 'Handelingen II 2023/24, nr. 8, item 3')), 'Handelingen II 2023/24, nr. 8, item 3');
      assert.deepEqual([item.kind, item.id, item.label], ['handelingen', 'h-tk-20232024-8-3', 'Handelingen II, vergaderjaar 2023–2024, nr. 8, item 3']);
      const ah = withText(cite(replaceOnce(questions, written, `Aanhangsel van de ${written}`)), `Aanhangsel van de ${written}`);
      assert.equal(ah.id, 'ah-tk-20242025-8');
    });

    it('reads publication ids of every kind', () => {
      const footnote = 'Kamerstukken II 2019/20, 29 984, nr. 899';
      const text = read('official/ah-tk-20232024-403.txt');
      for (const id of ['kst-29984-899', 'kst-36410-VIII-112', 'kst-21501-20-2018', 'h-tk-20232024-8-3', 'ah-ek-20232024-5', 'stcrt-2024-1234', 'stb-2024-153', 'blg-1071735']) {
        const c = withText(cite(replaceOnce(text, footnote, `${id}.`)), id);
        assert.deepEqual([c.kind, c.id, c.label, c.url], ['publication', id, id, `${OFFICIAL}${id}.html`]);
      }
      // `kv-` without the house, or a vergaderjaar that is no pair of years, is no publication id.
      const kv = cite(replaceOnce(text, footnote, 'kv-2022Z09875 en ah-tk-20232025-5'));
      assert.deepEqual(kv.filter((c) => c.range.start.line === 115).map((c) => [c.kind, c.text]), [['zaak', '2022Z09875']]);
    });

    it('reads other courts and the Hoge Raad', () => {
      const text = read('official/ah-tk-20242025-564.txt');
      const c = withText(cite(replaceOnce(text, 'ECLI:NL:RVS:2024:3946', 'ECLI:NL:HR:2020:12')), 'ECLI:NL:HR:2020:12');
      assert.equal(c.url, 'https://uitspraken.rechtspraak.nl/details?id=ECLI:NL:HR:2020:12');
      const eu = withText(cite(replaceOnce(text, 'ECLI:NL:RVS:2024:3946', 'ECLI:EU:C:2014:317')), 'ECLI:EU:C:2014:317');
      assert.equal(eu.url, null);
    });

    it('knows the laws of the table by name and abbreviation', () => {
      const table: [string, string, string][] = [
        ['Algemene wet bestuursrecht', 'BWBR0005537', 'https://wetten.overheid.nl/BWBR0005537'],
        ['Awb', 'BWBR0005537', 'https://wetten.overheid.nl/BWBR0005537'],
        ['Wet op het financieel toezicht', 'BWBR0020368', 'https://wetten.overheid.nl/BWBR0020368'],
        ['Wft', 'BWBR0020368', 'https://wetten.overheid.nl/BWBR0020368'],
        ['Participatiewet', 'BWBR0015703', 'https://wetten.overheid.nl/BWBR0015703'],
        ['Vreemdelingenwet 2000', 'BWBR0011823', 'https://wetten.overheid.nl/BWBR0011823'],
        ['Wet maatschappelijke ondersteuning 2015', 'BWBR0035362', 'https://wetten.overheid.nl/BWBR0035362'],
        ['Wmo 2015', 'BWBR0035362', 'https://wetten.overheid.nl/BWBR0035362'],
        ['Omgevingswet', 'BWBR0037885', 'https://wetten.overheid.nl/BWBR0037885'],
        ['Uitvoeringswet AVG', 'BWBR0040940', 'https://wetten.overheid.nl/BWBR0040940'],
        ['AVG', 'CELEX:32016R0679', 'https://eur-lex.europa.eu/eli/reg/2016/679/oj'],
        ['grondwet', 'BWBR0001840', 'https://wetten.overheid.nl/BWBR0001840'],
      ];
      const text = read('openkamer/kv-2022Z09875.txt');
      for (const [name, id, url] of table) {
        const c = withText(cite(replaceOnce(text, 'de Wet open overheid en', `de ${name} en`)), name);
        assert.deepEqual([c.kind, c.id, c.url], ['law', id, url], name);
      }
    });
  });

  describe('skipped lines, line ends and spaces', () => {
    it('finds nothing on a skipped line (ah-tk-20242025-584, line 22)', () => {
      const cs = cite(read('official/ah-tk-20242025-584.txt'), (line) => line === 22);
      assert.deepEqual(ofKind(cs, 'staatsblad'), []);
      assert.equal(ofKind(cs, 'kamerstuk').length, 1);
    });

    it('does not continue a citation onto a skipped line (ah-tk-20232024-403, lines 16–17)', () => {
      const text = read('official/ah-tk-20232024-403.txt');
      assert.equal(ofKind(cite(text), 'aanhangsel').length, 1);
      assert.deepEqual(ofKind(cite(text, (line) => line === 17), 'aanhangsel'), []);
      assert.deepEqual(ofKind(cite(text, (line) => line === 16), 'aanhangsel'), []);
      assert.deepEqual(ofKind(cite(read('official/kv-tk-2024Z18440.txt'), (line) => line === 18), 'ecli'), []);
    });

    it('does not run a citation over a blank line', () => {
      const text = replaceOnce(read('official/ah-tk-20232024-403.txt'), 'Aanhangsel Handelingen,\nvergaderjaar', 'Aanhangsel Handelingen,\n\nvergaderjaar');
      assert.deepEqual(ofKind(cite(text), 'aanhangsel'), []);
    });

    it('gives the same citations, lines and characters with CRLF line ends', () => {
      for (const name of ['official/ah-tk-20232024-403.txt', 'official/kv-tk-2024Z18440.txt', 'official/kv-tk-2024Z18792.txt']) {
        const text = read(name);
        const crlf = text.replace(/\n/g, '\r\n');
        const plain = cite(text);
        const windows = cite(crlf);
        assert.ok(plain.length > 0, `${name} has citations`);
        assert.deepEqual(windows.map((c) => [c.kind, c.id, where(c)]), plain.map((c) => [c.kind, c.id, where(c)]), name);
        assertWellFormed(crlf, windows);
      }
    });

    it('treats no-break spaces as spaces: "1)\\u00a0Kamerstuk 19637, nr. 3203" (ah-tk-20242025-601)', () => {
      const text = read('official/ah-tk-20242025-601.txt');
      assert.ok(text.includes(`1)${NBSP}Kamerstuk 19637, nr. 3203`));
      const c = withText(cite(text), 'Kamerstuk 19637, nr. 3203');
      assert.deepEqual([c.id, where(c)], ['kst-19637-3203', '24:3-24:28']);
      const written = 'Kamerstuk 25 242, nr. 686';
      const nbsp = written.replace(/ /g, NBSP);
      const d = withText(cite(replaceOnce(read('official/ah-tk-20242025-562.txt'), written, nbsp)), nbsp);
      assert.deepEqual([d.id, d.label], ['kst-25242-686', 'Kamerstuk 25 242, nr. 686']);
    });
  });

  describe('as the analysis runs it', () => {
    it('the analysis of ah-tk-20242025-584 gives the citations above except the id in the page footer (line 25, page furniture)', () => {
      assert.deepEqual(analyze(read('official/ah-tk-20242025-584.txt')).citations.map(summary), [
        ['aanhangsel', 'ah-tk-20242025-337', '9:38-9:92', 'Aanhangsel Handelingen,vergaderjaar 2024–2025, nr. 337'],
        ['kamerstuk', 'kst-36410-VIII-112', '21:1-21:31', 'Kamerstuk 36 410 VIII, nr. 112'],
        ['staatsblad', 'stb-2024-153', '22:1-22:15', 'Stb. 2024, 153'],
        ['staatsblad', 'stb-2024-213', '22:65-22:79', 'Stb. 2024, 213'],
        ['url', 'https://www.studiekeuze123.nl/selectie/welke-opleidingen-hebben-een-numerus-fixus', '43:650-43:731',
          'https://www.studiekeuze123.nl/selectie/welke-opleidingen-hebben-een-numerus-fixus'],
      ]);
    });

    it('the analysis of every corpus document finds what `cite` finds with its page furniture skipped', () => {
      let pdf = 0;
      for (const name of fixtureNames()) {
        const text = read(name);
        const a = analyze(text);
        const furniture = new Set<number>();
        for (const s of a.sections) if (s.kind === 'furniture') for (let line = s.range.start.line; line <= s.range.end.line; line++) furniture.add(line);
        if (furniture.size > 0) pdf++;
        assert.deepEqual(a.citations, cite(text, (line) => furniture.has(line)), name);
      }
      assert.ok(pdf > 20, `${pdf} documents with page furniture`);
    });
  });

  describe('invariants', () => {
    it('keeps citations sorted, disjoint and exact in every document of the corpus', () => {
      let total = 0;
      for (const name of fixtureNames()) {
        const text = read(name);
        const cs = cite(text);
        assertWellFormed(text, cs);
        total += cs.length;
      }
      assert.ok(total > 300, `${total} citations in the corpus`);
    });

    it('keeps them for any mix of citation fragments', () => {
      const fragments = [
        'Kamerstuk', 'Kamerstukken II', ' ', '\u00a0', '\n', '\r\n', '-\n', '-', ',', '.', '(', ')', '/',
        '36 410', ' VIII', ', nr. ', '112', '2022Z09875', '2024D42030', '20', 'Z', 'D', '09875', 'kv-tk-', 'kst-',
        'https://', 'www.', 'x.nl/', 'a-b', 'ECLI', ':NL', ':RVS:2019:1234', 'Aanhangsel ', 'van de ', 'Handelingen',
        ', vergaderjaar ', '2023–2024', '2019/20', 'Tweede Kamer, ', 'Wob', 'Wet open overheid', 'Archiefwet 1995',
        'Stb. ', '2024, 153', 'Staatscourant ', 'item 3',
      ];
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 40 }), fc.func(fc.boolean()), (parts, skip) => {
          const text = parts.join('');
          const lines = new LineIndex(text);
          const cs = citeLines(lines, (line) => skip(line));
          assertWellFormed(text, cs);
          for (const c of cs) {
            const first = c.range.start.line;
            const last = c.range.end.line;
            for (let line = first; line <= last; line++) assert.ok(!skip(line), 'no citation touches a skipped line');
          }
        }),
        { numRuns: 500 },
      );
    });
  });

  describe('linear time', function () {
    this.timeout(60_000);
    const MB = 1 << 20;

    /** Runs `findCitations` on one long line and checks the count; bounds the time loosely. */
    function run(text: string, expected: (cs: Citation[]) => void): void {
      const started = Date.now();
      const cs = cite(text);
      const elapsed = Date.now() - started;
      expected(cs);
      assert.ok(elapsed < 10_000, `${elapsed} ms for ${text.length} characters`);
    }

    it('handles 1 MB of zaak-like fragments, digits and anchors without a match', () => {
      run('2022Z0987'.repeat(MB / 9), (cs) => assert.equal(cs.length, 0));
      run('7'.repeat(MB), (cs) => assert.equal(cs.length, 0));
      run('Kamerstuk '.repeat(MB / 10), (cs) => assert.equal(cs.length, 0));
      run('Kamerstukken II, vergaderjaar 2023–2024, '.repeat(MB / 40), (cs) => assert.equal(cs.length, 0));
      run('Aanhangsel van de Handelingen, vergaderjaar 2023–2024, '.repeat(MB / 50), (cs) => assert.equal(cs.length, 0));
      run('ECLI:NL:'.repeat(MB / 8), (cs) => assert.equal(cs.length, 0));
      run('https://'.repeat(MB / 8), (cs) => assert.equal(cs.length, 0));
      run('www.-'.repeat(MB / 5), (cs) => assert.equal(cs.length, 0));
      run('Wet open '.repeat(MB / 9), (cs) => assert.equal(cs.length, 0));
      run(`${'Kamer-'.repeat(MB / 6)}\n`.repeat(2), (cs) => assert.equal(cs.length, 0));
    });

    it('finds every citation in 1 MB of repeated citations', () => {
      const zaak = '2022Z09875 ';
      run(zaak.repeat(MB / zaak.length), (cs) => {
        assert.equal(cs.length, Math.floor(MB / zaak.length));
        assert.ok(cs.every((c) => c.id === '2022Z09875'));
      });
      run(`${'0'.repeat(MB)}2024Z12345`, (cs) => assert.deepEqual(cs.map((c) => c.id), ['2024Z12345']));
      const kamerstuk = 'Kamerstuk 29 984, nr. 899 en ';
      run(kamerstuk.repeat(MB / kamerstuk.length), (cs) => assert.equal(cs.length, Math.floor(MB / kamerstuk.length)));
    });

    it('handles a 10 MB single line of prose with citations here and there', () => {
      const prose = 'De minister heeft de Kamer over het beleid geïnformeerd, zie ook de brief van 3 mei 2024. ';
      const cited = 'Zie Kamerstuk 29 984, nr. 899, de Wob en https://x.nl/a-b. ';
      const block = prose.repeat(50) + cited;
      const n = Math.floor((10 * MB) / block.length);
      run(block.repeat(n), (cs) => {
        assert.equal(cs.length, 3 * n);
        assert.deepEqual(cs.slice(0, 3).map((c) => c.kind), ['kamerstuk', 'law', 'url']);
      });
      run(`${'a'.repeat(10 * MB)} Wob`, (cs) => assert.deepEqual(cs.map((c) => c.text), ['Wob']));
      run(`https://x.nl/${'a-'.repeat(5 * MB)}`, (cs) => assert.equal(cs.length, 1));
    });
  });
});
