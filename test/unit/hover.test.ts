import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { MarkupContent, MarkupKind } from 'vscode-languageserver-types';
import { analyze } from '../../server/src/model/analysis';
import type { Analysis } from '../../server/src/model/types';
import type { FeatureContext } from '../../server/src/features/context';
import { hover, hoverAtOffset } from '../../server/src/features/hover';
import { esc } from '../../server/src/features/markdown';
import { DEFAULT_SETTINGS } from '../../server/src/settings';

const CORPUS = path.resolve(__dirname, '../../../test/fixtures/corpus');
const NL: FeatureContext = { locale: 'nl', settings: DEFAULT_SETTINGS };
const EN: FeatureContext = { locale: 'en', settings: DEFAULT_SETTINGS };

function read(rel: string): string {
  return fs.readFileSync(path.join(CORPUS, rel), 'utf8');
}

/** The offset of the `nth` occurrence of `needle`; a space in the needle matches any run of white space, no-break spaces included. */
function find(a: Analysis, needle: string, nth = 0): number {
  const pattern = needle.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\u00a0]+');
  const re = new RegExp(pattern, 'g');
  let m: RegExpExecArray | null = null;
  for (let i = 0; i <= nth; i++) {
    m = re.exec(a.text);
    assert.ok(m, `"${needle}" (#${nth}) not found`);
  }
  return m!.index;
}

/** The hover text at `offset`, asserting that there is a Markdown hover whose range holds the position. */
function hoverText(a: Analysis, offset: number, ctx: FeatureContext = NL): string {
  const position = a.lines.positionAt(offset);
  const h = hover(a, position, ctx);
  assert.ok(h, `no hover at ${position.line}:${position.character}`);
  assert.ok(MarkupContent.is(h.contents));
  assert.strictEqual(h.contents.kind, MarkupKind.Markdown);
  assert.ok(h.range);
  const start = a.lines.offsetAt(h.range.start);
  const end = a.lines.offsetAt(h.range.end);
  assert.ok(start <= offset && offset <= end, 'the range holds the position');
  return h.contents.value;
}

function includes(text: string, ...parts: string[]): void {
  for (const p of parts) assert.ok(text.includes(p), `expected ${JSON.stringify(p)} in:\n${text}`);
}

describe('hover', () => {
  const sample = analyze(read('openkamer/kv-2022Z09875.txt'));
  const official = analyze(read('official/ah-tk-20242025-584.txt'));

  describe('dates', () => {
    it('29 juni 20022: ISO date, weekday, typo, days since submission and the terms', () => {
      // 29 June 2022 was a Wednesday.
      assert.strictEqual(new Date(Date.UTC(2022, 5, 29)).getUTCDay(), 3);
      const text = hoverText(sample, find(sample, '20022') + 2);
      includes(text, '2022-06-29', 'woensdag 29 juni 2022', 'geschreven als 20022', '41 dagen na indiening (19 mei 2022)',
        'a de termijn van 3 weken (9 juni 2022), vóór die van 6 weken (30 juni 2022)', 'Elders genoemd: 4 keer');
      assert.ok(text.startsWith('**'), 'a bold title line');
      const en = hoverText(sample, find(sample, '20022') + 2, EN);
      includes(en, '2022-06-29', 'Wednesday', 'written as 20022', '41 days after submission', 'After the 3-week term (9 June 2022), before the 6-week term (30 June 2022)');
    });

    it('a date with an inferred year, on the day of submission', () => {
      const text = hoverText(sample, find(sample, '19 mei jongstleden') + 1);
      includes(text, '2022-05-19', 'donderdag', '(jaar afgeleid uit het document)', 'De dag van indiening');
    });

    it('a date before submission has no term line', () => {
      const text = hoverText(sample, find(sample, '25 februari 2022') + 1);
      includes(text, '2022-02-25', '83 dagen vóór indiening');
      assert.ok(!text.includes('termijn'), text);
    });

    it('the answer date in the header is after both terms and says what it is', () => {
      const text = hoverText(sample, find(sample, '18 juli 2022') + 1);
      includes(text, 'maandag 18 juli 2022', 'Datum van beantwoording', '60 dagen na indiening', 'a de termijn van 3 weken (9 juni 2022), na die van 6 weken (30 juni 2022)');
    });

    it('uses the configured terms', () => {
      const short = analyze(read('openkamer/kv-2022Z09875.txt'), { terms: { regularDays: 14, extendedDays: 30 } });
      const text = hoverText(short, find(short, '20022') + 2);
      includes(text, 'termijn van 2 weken (2 juni 2022)', 'die van 30 dagen (18 juni 2022)');
    });
  });

  describe('letters', () => {
    it('brief van 18 mei 2022: the word brief gives the letter, the date inside gives the date', () => {
      const at = find(sample, 'brief van 18 mei 2022');
      const text = hoverText(sample, at + 2);
      includes(text, '**Brief van 18 mei 2022**', 'Voetnoot 2', '6 keer genoemd', 'regels 15, 26, 31, 36 en 41');
      // The hover covers the whole mention, `brief van 18 mei 2022` in answer 2 (line 20, characters 253–274).
      assert.deepStrictEqual(sample.lines.positionAt(at), { line: 19, character: 253 });
      assert.deepStrictEqual(hover(sample, sample.lines.positionAt(at + 2), NL)!.range, { start: { line: 19, character: 253 }, end: { line: 19, character: 274 } });
      // Inside the mention, the date wins.
      const date = hoverText(sample, at + 'brief van '.length + 1);
      includes(date, '2022-05-18', 'woensdag');
      assert.ok(!date.includes('Brief van'), date);
    });

    it('brief2 takes its date from a later mention', () => {
      const text = hoverText(sample, find(sample, 'brief2') + 1);
      includes(text, 'Brief van 18 mei 2022', 'De datum volgt uit een andere vermelding', 'Voetnoot 2', 'regels 20, 26, 31, 36 en 41');
    });

    it('brief9 is the delay notice of this document', () => {
      const text = hoverText(sample, find(sample, 'brief9') + 1);
      includes(text, 'Brief van 24 mei 2022', 'Voetnoot 9', 'Dit is de uitstelmelding van 24 mei 2022', 'Alleen hier genoemd');
      includes(hoverText(sample, find(sample, 'brief9') + 1, EN), 'Letter of 24 May 2022', 'This is the delay notice of 24 May 2022');
    });

    it('a letter with a Word footnote after typed notes: the note of its own marker, not the typed note of that number', () => {
      const text = ['Vragen van het lid Podt (D66) aan de minister van Onderwijs over zwemles (ingezonden 3 maart 2025).', '',
        'Vraag 1', 'Kent u het bericht? [1]', '', 'Antwoord op vraag 1', 'Ja, zie mijn brief[1] van 3 februari 2025.', '',
        '[1] NOS, 23 februari 2025, het bericht.', '',
        '[1] Kamerstuk 31 293, nr. 700.', ''].join('\n');
      const a = analyze(text);
      const shown = hoverText(a, text.indexOf('brief[1]') + 2);
      includes(shown, 'Brief van 3 februari 2025', 'Kamerstuk 31 293, nr. 700');
      assert.ok(!shown.includes('NOS'), shown);
    });

    it('lists the footnotes of a letter cited three times', () => {
      includes(hoverText(sample, find(sample, 'brief8') + 1), 'Brief van 25 februari 2022', 'Voetnoten 4, 7 en 8', '3 keer genoemd; ook op regels 25 en 66');
    });
  });

  describe('references', () => {
    it('Zie antwoord vraag 12: the question and the first sentence of its answer', () => {
      const text = hoverText(sample, find(sample, 'Zie antwoord vraag 12') + 4);
      includes(text, '**Verwijst naar vraag 12**', 'Bent u bereid om het beleid ten aanzien van het verwijderen van SMS',
        '**Antwoord:** Zoals ook aangegeven in het antwoord op vraag 3 in de brief8 van 25 februari 2022');
      includes(hoverText(sample, find(sample, 'Zie antwoord vraag 12') + 4, EN), '**Refers to question 12**', '**Answer:** Zoals ook');
    });

    it('antwoord 3 op de bovengenoemde Kamervragen: another set, not linked', () => {
      const text = hoverText(sample, find(sample, 'antwoord 3 op de bovengenoemde Kamervragen') + 2);
      includes(text, 'Verwijst naar antwoord 3 van een andere set vragen', 'op de bovengenoemde Kamervragen', 'Niet gekoppeld binnen dit document');
      const en = hoverText(sample, find(sample, 'antwoord 3 op de bovengenoemde Kamervragen') + 2, EN);
      includes(en, 'another set of questions', 'Not linked within this document');
    });

    it('an external reference into a letter names the letter date', () => {
      const text = hoverText(sample, find(sample, 'het antwoord op vraag 3 in de brief8') + 1);
      includes(text, 'andere set vragen', 'in de brief8 van 25 februari 2022', 'In de brief van 25 februari 2022');
    });

    it('a grouped answer: answered together with the other question', () => {
      const text = hoverText(official, find(official, 'beschreven in antwoord 3') + 16);
      includes(text, 'Verwijst naar vraag 3', 'Kunt u bevestigen', '**Antwoord:** Het amendement is inderdaad in werking getreden', 'Beantwoord samen met vraag 2');
    });

    it('an unknown question number, and a weekday that does not match', () => {
      const a = analyze([
        'Kamervraag 2022Z09875', '', 'Titel', '', 'Ingediend 19 mei 2022', 'Beantwoord 18 juli 2022 (na 61 dagen)', 'Indiener Caroline van der Plas (BBB)',
        ' • Vraag 1', '  Klopt het dat de brief van woensdag 24 mei 2022 over *ster_ren* <b>|# is verstuurd?', '', '  Zie het antwoord op vraag 21.', '',
        ' • Vraag 2', '  Waarom niet?', '', '  Zie antwoord vraag 1.', '',
      ].join('\n'));
      includes(hoverText(a, find(a, 'vraag 21') + 1), '**Vraag 21 bestaat niet in dit document**', 'de vragen 1 en 2');
      includes(hoverText(a, find(a, 'vraag 21') + 1, EN), '**Question 21 does not exist in this document**');
      includes(hoverText(a, find(a, 'woensdag') + 1), 'Er staat woensdag, maar 24 mei 2022 is een dinsdag');
      // Quoted document text is escaped.
      includes(hoverText(a, find(a, 'antwoord vraag 1') + 1), '\\*ster\\_ren\\* \\<b\\>\\|\\#');
      includes(hoverText(a, find(a, 'Beantwoord 18') + 1), '(na 61 dagen) klopt niet', 'is 60 dagen', '— geldt', '39 dagen te laat');
    });
  });

  describe('footnotes and citations', () => {
    it('footnote 5 of 20195: the marker, its text absent in openkamer', () => {
      const at = find(sample, '20195') + 4;
      const text = hoverText(sample, at);
      includes(text, '**Voetnoot 5**', 'De voetnoottekst staat niet in dit document');
      const h = hover(sample, sample.lines.positionAt(at), NL)!;
      assert.strictEqual(sample.lines.offsetAt(h.range!.end) - sample.lines.offsetAt(h.range!.start), 1);
      includes(hoverText(sample, at - 2), '2019-03-20');
      includes(hoverText(sample, at, EN), '**Footnote 5**', 'not in this document');
    });

    it('an official footnote marker shows its text', () => {
      // Marker 1 stands alone on the line before `Antwoord 1`.
      const marker = official.text.indexOf('\n1\nAntwoord 1') + 1;
      assert.deepStrictEqual(official.lines.positionAt(marker), { line: 12, character: 0 });
      const text = hoverText(official, marker);
      includes(text, '**Voetnoot 1**', 'Kamerstuk 36 410 VIII, nr. 112');
      assert.ok(!text.includes('1Kamerstuk'), text);
    });

    it('a citation shows its kind, id and address', () => {
      assert.ok(official.citations.some((c) => c.id === 'kst-36410-VIII-112'));
      const text = hoverText(official, find(official, 'Kamerstuk 36 410 VIII') + 3);
      includes(text, '**Kamerstuk 36 410 VIII, nr. 112**', 'Kamerstuk, id `kst-36410-VIII-112`',
        '(https://zoek.officielebekendmakingen.nl/kst-36410-VIII-112.html)');
      includes(hoverText(official, find(official, 'Stb. 2024, 153') + 1), 'Staatsblad', 'stb-2024-153');
      includes(hoverText(sample, find(sample, 'Wob') + 1), 'Wet openbaarheid van bestuur', 'Wet, id `BWBR0005252`', '(https://wetten.overheid.nl/BWBR0005252)');
      includes(hoverText(sample, find(sample, 'Wob') + 1, EN), 'Law, id');
    });
  });

  describe('headings', () => {
    it('a question heading: opening, answer, references to it', () => {
      const text = hoverText(official, find(official, 'Vraag 2 en 3') + 2);
      includes(text, '**Vraag 2 en 3**', 'Kunt u bevestigen', 'Beantwoord in antwoord 2 en 3', '1 verwijzing hiernaar');
      includes(hoverText(sample, find(sample, 'Vraag 12') + 2), '**Vraag 12**', 'Beantwoord in antwoord 12', '1 verwijzing hiernaar (regel 76)');
    });

    it('an answer heading: the questions it answers', () => {
      const text = hoverText(official, find(official, 'Antwoorden 5 en 6') + 2);
      includes(text, '**Antwoord op vraag 5 en 6**', '**Vraag 5 en 6:** Kunt u uitleggen', 'Geen verwijzingen hiernaar');
      includes(hoverText(official, find(official, 'Antwoorden 5 en 6') + 2, EN), '**Answer to question 5 and 6**');
    });

    it('the notice heading: its date and the extended term', () => {
      const text = hoverText(sample, find(sample, 'Mededeling - 24 mei') + 2);
      includes(text, '**Uitstelmelding van 24 mei 2022**', '5 dagen na indiening', '6 weken: 30 juni 2022');
    });
  });

  describe('header', () => {
    it('Beantwoord: the stated day count, both terms, which applies, how late', () => {
      const text = hoverText(sample, find(sample, 'Beantwoord 18 juli') + 2);
      includes(text, '**Beantwoord op maandag 18 juli 2022**', '(na 60 dagen) klopt', 'is 60 dagen',
        'Termijn van 3 weken: donderdag 9 juni 2022', 'Termijn van 6 weken na een uitstelmelding: donderdag 30 juni 2022 — geldt', '18 dagen te laat');
      const en = hoverText(sample, find(sample, 'Beantwoord 18 juli') + 2, EN);
      includes(en, '**Answered on Monday 18 July 2022**', '(na 60 dagen) is correct', '3-week term: Thursday 9 June 2022',
        '6-week term after a delay notice: Thursday 30 June 2022 — applies', '18 days late');
    });

    it('Ingediend: the submission date and both terms', () => {
      const text = hoverText(sample, find(sample, 'Ingediend') + 2);
      includes(text, '**Ingediend op donderdag 19 mei 2022**', '9 juni 2022', '30 juni 2022', 'Beantwoord na 60 dagen');
    });

    it('official Vragen van and Antwoord van', () => {
      const asked = hoverText(official, find(official, 'Vragen van') + 2);
      includes(asked, 'Ingediend op vrijdag 27 september 2024', 'Martens-America (VVD)', 'Termijn van 3 weken: vrijdag 18 oktober 2024 — geldt');
      const answered = hoverText(official, find(official, 'Antwoord van') + 2);
      includes(answered, 'Beantwoord op maandag 18 november 2024', 'Beantwoord na 52 dagen', '18 oktober 2024 — geldt', '31 dagen te laat');
    });

    it('other fields name themselves', () => {
      includes(hoverText(sample, find(sample, 'Indiener') + 2), '**Indiener**', 'Caroline van der Plas (BBB)');
      includes(hoverText(sample, find(sample, 'Beantwoord door') + 2), '**Beantwoord door**', 'Hanke Bruins Slot', '(CDA)');
      includes(hoverText(sample, find(sample, 'Bron antwoord') + 2), 'ah-tk-20212022-3618', '(https://zoek.officielebekendmakingen.nl/ah-tk-20212022-3618.html)');
    });
  });

  describe('robustness', () => {
    it('positions out of range give null without throwing', () => {
      const last = sample.lines.lineCount - 1;
      for (const p of [
        { line: -1, character: 0 }, { line: 0, character: -1 }, { line: 1e6, character: 0 }, { line: last + 1, character: 0 },
        { line: 4, character: 1e6 }, { line: Number.NaN, character: 0 }, { line: 0.5, character: 0 },
      ]) {
        assert.strictEqual(hover(sample, p, NL), null, JSON.stringify(p));
      }
      const empty = analyze('');
      assert.strictEqual(hover(empty, { line: 0, character: 0 }, NL), null);
      assert.strictEqual(hover(empty, { line: 3, character: 7 }, EN), null);
      assert.strictEqual(hoverAtOffset(empty, -1, NL), null);
      assert.strictEqual(hoverAtOffset(sample, sample.text.length + 5, NL), null);
    });

    it('blank space and plain words give null', () => {
      assert.strictEqual(hover(sample, { line: 1, character: 0 }, NL), null);
      assert.strictEqual(hover(sample, sample.lines.positionAt(find(sample, 'toenemende gebruik') + 2), NL), null);
    });

    it('every offset of several documents gives null or a compact hover, in both languages', () => {
      for (const rel of ['openkamer/kv-2022Z09875.txt', 'official/ah-tk-20242025-584.txt', 'official/ah-tk-20242025-562.txt', 'openkamer/excerpt-2025Z09682-flat.txt']) {
        const a = rel === 'openkamer/kv-2022Z09875.txt' ? sample : analyze(read(rel));
        for (let offset = 0; offset <= a.text.length; offset++) {
          for (const ctx of [NL, EN]) {
            const h = hoverAtOffset(a, offset, ctx);
            if (!h) continue;
            const value = (h.contents as MarkupContent).value;
            const lines = value.split('\n\n');
            assert.ok(lines[0].startsWith('**'), `${rel}:${offset}: ${value}`);
            assert.ok(lines.length >= 2 && lines.length <= 7, `${rel}:${offset}: ${value}`);
            assert.ok(!/undefined|NaN|\[object/.test(value), `${rel}:${offset}: ${value}`);
          }
        }
      }
    });
  });

  it('esc escapes Markdown in document text', () => {
    assert.strictEqual(esc('a*b_c[d]`e<f>|g#h'), 'a\\*b\\_c\\[d\\]\\`e\\<f\\>\\|g\\#h');
    assert.strictEqual(esc('1. punt'), '1\\. punt');
    assert.strictEqual(esc('- item'), '\\- item');
  });
});
