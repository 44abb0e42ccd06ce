// The Word converter: mammoth's HTML read back into the official text layout
// (docxHtml.ts), the three ministry Word originals through the analysis
// against their gold, and bad input refused with its code before anything
// large is unpacked.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { analyze } from '../../../server/src/model/analysis';
import { convertDocx, numberLists } from '../../../server/src/originals/docx';
import { decodeEntities, layOut, walkMammothHtml } from '../../../server/src/originals/docxHtml';
import { type Conversion, type Converted, DEFAULT_LIMITS, isProblem, placeAt } from '../../../server/src/originals/types';
import { readZipDirectory } from '../../../server/src/originals/zip';
import { answeredNumbers, questionOrder, scoreFile, type Gold } from '../../../scripts/score';
import { FIXTURES } from '../util';

const ORIGINALS = path.join(FIXTURES, 'originals');
const NAMES = ['jenv-2023Z19006-beckerman', 'jenv-2024-eerdmans', 'jenv-2024Z11889-teunissen'];

function bytesOf(name: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(ORIGINALS, `${name}.docx`)));
}

function gold(name: string): Gold {
  return JSON.parse(fs.readFileSync(path.join(ORIGINALS, `${name}.gold.json`), 'utf8')) as Gold;
}

function converted(c: Conversion): Converted {
  if (isProblem(c)) assert.fail(`conversion failed: ${c.problem} ${c.message.en}`);
  return c;
}

/** The text of mammoth-style HTML, laid out. */
function html(s: string): string {
  return layOut(walkMammothHtml(s)).text;
}

describe('Word HTML walker', () => {
  it('decodes the entities mammoth writes, numeric ones, and leaves unknown ones as written', () => {
    assert.strictEqual(decodeEntities('a &amp; b &lt;c&gt; &quot;d&quot; &#233; &#xE9; &#x20AC; &nbsp;'), 'a & b <c> "d" é é € \u00a0');
    assert.strictEqual(decodeEntities('&bogus; & alone &#xZZ; &#99999999; &amp'), '&bogus; & alone &#xZZ; &#99999999; &amp');
  });

  it('reads nested formatting as plain text, one paragraph a line', () => {
    assert.strictEqual(html('<p><strong>Vraag <em>1</em></strong></p><p>Kunt u <a href="https://x.nl/a?b=1&amp;c=2">dit</a> bevestigen?</p>'), 'Vraag 1\nKunt u dit bevestigen?\n');
  });

  it('glues a Word footnote reference to the word before it and puts the note texts at the end with their numbers', () => {
    const src = '<p>Zie de brief<sup><a href="#footnote-7" id="footnote-ref-7">[1]</a></sup>.</p>' +
      '<p>En de nota<sup><a href="#footnote-9" id="footnote-ref-9">[2]</a></sup></p>' +
      '<ol><li id="footnote-7"><p> Kamerstuk 29 628, nr. 1139. <a href="#footnote-ref-7">↑</a></p></li>' +
      '<li id="footnote-9"><p> Eerste alinea.</p><p>Tweede alinea. <a href="#footnote-ref-9">↑</a></p></li></ol>';
    const laid = layOut(walkMammothHtml(src));
    // Word's note ids (7, 9) are not the numbers shown: the references' numbers are.
    assert.strictEqual(laid.text, 'Zie de brief[1].\nEn de nota[2]\n\n[1] Kamerstuk 29 628, nr. 1139.\n[2] Eerste alinea. Tweede alinea.\n');
    assert.strictEqual(laid.units, 2);
    const noteAt = laid.text.indexOf('[2] Eerste');
    assert.deepStrictEqual(placeAt(laid.places, noteAt), { offset: noteAt, paragraph: 2, part: 'footnotes' });
    const secondPara = laid.text.indexOf('Tweede');
    assert.deepStrictEqual(placeAt(laid.places, secondPara), { offset: secondPara, paragraph: 3, part: 'footnotes' });
    assert.deepStrictEqual(placeAt(laid.places, laid.text.indexOf('nota')), { offset: laid.text.indexOf('En de'), paragraph: 2, part: 'body' });
  });

  it('puts a row of one-paragraph cells on one line (label and value) and other cells a paragraph a line', () => {
    const src = '<table><tr><td><p>Datum</p></td><td><p>4 december 2023</p></td></tr>' +
      '<tr><td colspan="2"><p>Aan de Voorzitter</p><p>Postbus 20018</p></td></tr>' +
      '<tr><td></td><td><p>alleen</p></td></tr>' +
      '<tr><td><table><tr><td><p>binnen</p></td></tr></table></td><td><p>buiten</p></td></tr></table>';
    assert.strictEqual(html(src), 'Datum\t4 december 2023\nAan de Voorzitter\nPostbus 20018\nalleen\nbinnen\nbuiten\n');
  });

  it('makes a run of empty paragraphs one blank line, counts them as paragraphs, and keeps line breaks', () => {
    const laid = layOut(walkMammothHtml('<p>Een</p><p></p><p> </p><p></p><p>Twee<br />drie</p>'));
    assert.strictEqual(laid.text, 'Een\n\nTwee\ndrie\n');
    assert.strictEqual(laid.units, 5);
    assert.deepStrictEqual(laid.places.map((p) => p.paragraph), [1, 5]);
  });

  it('reads list items and headings as paragraphs', () => {
    assert.strictEqual(html('<h1>Titel</h1><ol><li>1. Eerste vraag?</li><li>2. Tweede vraag?<ul><li>punt</li></ul></li></ol>'), 'Titel\n1. Eerste vraag?\n2. Tweede vraag?\npunt\n');
  });

  it('survives broken HTML: a tag that never closes, stray closing tags', () => {
    assert.strictEqual(html('</td><p>abc</b> def</p><p>ghi <b'), 'abc def\nghi <b\n');
    assert.strictEqual(html(''), '');
  });

  it('reads a 1 MB paragraph, with entities and formatting, in linear time', () => {
    const piece = 'woord &amp; <em>nadruk</em> ';
    const big = '<p>' + piece.repeat(Math.ceil(1_000_000 / piece.length)) + '</p>';
    const t = Date.now();
    const text = html(big);
    const ms = Date.now() - t;
    assert.strictEqual(text, 'woord & nadruk '.repeat(Math.ceil(1_000_000 / piece.length)).trim() + '\n');
    assert.ok(ms < 3000, `${ms} ms`);
  });

  it('numbers ordered list paragraphs as Word does: continued after a paragraph in between, deeper levels restarting', () => {
    const level0 = { isOrdered: true, level: '0' };
    const level1 = { isOrdered: true, level: '1' };
    const bullet = { isOrdered: false, level: '0' };
    const para = (text: string, numbering: object | null) => ({ type: 'paragraph', numbering, children: [{ type: 'run', children: [{ type: 'text', value: text }] }] });
    const doc = { type: 'document', children: [para('Vraag een', level0), para('Antwoord', null), para('Vraag twee', level0), para('a', level1), para('b', level1), para('Vraag drie', level0), para('c', level1), para('punt', bullet)] };
    numberLists()(doc);
    const first = (p: { children: { children: { value: string }[] }[] }) => p.children.map((r) => r.children[0].value).join('');
    assert.deepStrictEqual(doc.children.map((p) => first(p as never)), ['1. Vraag een', 'Antwoord', '2. Vraag twee', '1. a', '2. b', '3. Vraag drie', '1. c', 'punt']);
  });
});

describe('Word originals through the analysis', function () {
  this.timeout(60_000);
  const results = new Map<string, Converted>();

  before(async () => {
    const times: string[] = [];
    for (const name of NAMES) {
      const t = Date.now();
      results.set(name, converted(await convertDocx(bytesOf(name))));
      times.push(`${name} ${Date.now() - t} ms`);
    }
    // The first includes loading mammoth, JSZip and xmldom, unless another test loaded them before.
    console.log(`      first conversions: ${times.join(', ')}`);
  });

  it('keeps the cover letter: letterhead rows on one line, the Kamer letter with its zaak, then the answers', () => {
    const t = results.get('jenv-2024Z11889-teunissen')!.text;
    const lines = t.split('\n');
    assert.ok(lines.includes('Datum\t26 augustus 2024'));
    assert.ok(lines.includes('In antwoord op uw brief van 8 juli 2024, nr. 2024Z11889, deel ik u mede'));
    assert.ok(lines.includes('Ons kenmerk'));
    assert.ok(lines.indexOf('D.M. van Weel') < lines.indexOf('Vraag 1'));
    assert.ok(lines.includes('Antwoord op vragen 11, 12 en 13'));
    // Page headers and footers are not in the text; the back links of the notes neither.
    assert.ok(!t.includes('Pagina'), 'page footer');
    assert.ok(!t.includes('↑'));
    const e = results.get('jenv-2024-eerdmans')!.text.split('\n');
    assert.ok(e.includes('Datum\t24 maart 2024'));
    assert.ok(e.includes('Ons kenmerk') && e[e.indexOf('Ons kenmerk') + 1] === '5303168');
  });

  it('gives the analysis the zaak of the cover letter and the letter date as the answer date', () => {
    const meta = (name: string) => {
      const m = analyze(results.get(name)!.text).metadata;
      return [m.zaak, m.answered];
    };
    assert.deepStrictEqual(meta('jenv-2023Z19006-beckerman'), ['2023Z19006', '2023-12-04']);
    assert.deepStrictEqual(meta('jenv-2024Z11889-teunissen'), ['2024Z11889', '2024-08-26']);
    // The Kamer's letter is cited by a number that is no zaak: `nr. 5284183`.
    assert.deepStrictEqual(meta('jenv-2024-eerdmans'), [null, '2024-03-24']);
  });

  it('writes Word footnote references glued to their word and the notes at the end, after the typed notes', () => {
    const t = results.get('jenv-2024Z11889-teunissen')!;
    assert.ok(t.text.includes('huisvesting van werkhonden[1]. De politie'));
    assert.ok(t.text.includes('nieuwe leerlandschap voor hondengeleiders[2].\n'));
    // Typed markers and typed notes stay as typed.
    assert.ok(t.text.includes('keerde overleden’? [1] [2]\n'));
    const lines = t.text.trimEnd().split('\n');
    assert.ok(lines[lines.length - 2].startsWith('[1] Zie ook de Verzamelbrief dierenwelzijn gezelschapsdieren'));
    assert.ok(lines[lines.length - 1].startsWith('[2] De Koers Politiehonden is nader besproken'));
    assert.ok(lines[lines.length - 1].endsWith('van 26 september 2023.'));
    const typed = lines.findIndex((l) => l.startsWith('[3] Schiedam 24, 26 maart 2024'));
    assert.ok(typed > 0 && typed < lines.length - 2);
    // The places: the Word notes are paragraphs 1 and 2 of the footnotes part; a heading is in the body.
    const n1 = t.text.indexOf('[1] Zie ook');
    assert.deepStrictEqual(placeAt(t.places, n1), { offset: n1, paragraph: 1, part: 'footnotes' });
    assert.strictEqual(placeAt(t.places, t.text.indexOf('[2] De Koers'))?.paragraph, 2);
    assert.strictEqual(placeAt(t.places, t.text.indexOf('Vraag 1\n'))?.part, 'body');
    for (let k = 1; k < t.places.length; k++) assert.ok(t.places[k].offset > t.places[k - 1].offset);

    const b = results.get('jenv-2023Z19006-beckerman')!.text;
    assert.ok(b.includes('in de Veiligheidsagenda 2023-2026.[2]\n'));
    assert.ok(b.includes('Van Raan: "Ecocide: de ontbrekende misdaad tegen de vrede”,[4] hierna'));
    assert.ok(b.trimEnd().endsWith('\n[1] Voortgangsrapportage IBP VTH juni 2023\n[2] Kamerstukken II 2022/23, 29628, nr. 1139.\n[3] Kamerstukken II 2022/23, 22343, nr. 344.\n[4] Kamerstukken II 2020/21,  35690, nr. 3\n[5] Aanhangsel van de Handelingen II, 2022/-23, nr. 1823.'));
  });

  for (const name of NAMES) {
    it(`${name}: the structure exactly as the gold, in document order`, () => {
      const a = analyze(results.get(name)!.text);
      const g = gold(name);
      assert.deepStrictEqual(questionOrder(a), g.questions);
      assert.deepStrictEqual(answeredNumbers(a), [...new Set(g.answered)].sort((x, y) => x - y));
      const s = scoreFile(a, g, name);
      assert.strictEqual(s.references.fp + s.references.fn, 0, 'internal references');
      assert.strictEqual(s.external.found, g.externalReferences.length, 'external references');
      assert.strictEqual(s.external.wronglyLinked, 0);
      const pr = (c: { tp: number; fp: number; fn: number }) => `${c.tp}/${c.fp}/${c.fn}`;
      console.log(`      ${name}: dates ${pr(s.dates)}, letters ${pr(s.letters)}, footnotes ${pr(s.footnotes)} (tp/fp/fn)`);
    });
  }

  it('beckerman: dates, letters and the five Word footnotes as the gold', () => {
    const s = scoreFile(analyze(results.get('jenv-2023Z19006-beckerman')!.text), gold('jenv-2023Z19006-beckerman'));
    assert.deepStrictEqual([s.dates.fp, s.dates.fn, s.letters.fp, s.letters.fn, s.footnotes.fp, s.footnotes.fn], [0, 0, 0, 0, 0, 0]);
    const a = analyze(results.get('jenv-2023Z19006-beckerman')!.text);
    // Each marker is paired with its note at the end.
    assert.deepStrictEqual(a.footnotes.map((f) => f.number), [1, 2, 3, 4, 5]);
    assert.ok(a.footnotes.every((f) => f.note !== null));
  });

  it('eerdmans and teunissen: every date of the body and the notes is found', () => {
    for (const name of ['jenv-2024-eerdmans', 'jenv-2024Z11889-teunissen']) {
      const s = scoreFile(analyze(results.get(name)!.text), gold(name));
      assert.strictEqual(s.dates.fn, 0, name);
    }
  });

  it('prints the conversion time: the first conversion and the warm ones', async () => {
    const times: string[] = [];
    for (const name of NAMES) {
      const b = bytesOf(name);
      const t = Date.now();
      const runs = 5;
      for (let k = 0; k < runs; k++) converted(await convertDocx(b));
      times.push(`${name} ${((Date.now() - t) / runs).toFixed(0)} ms`);
    }
    console.log(`      warm conversion: ${times.join(', ')}`);
    assert.strictEqual(times.length, 3);
  });
});

/** A zip of the given entries (deflated). */
async function zipOf(entries: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const z = new JSZip();
  for (const [name, data] of Object.entries(entries)) z.file(name, data);
  return z.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A minimal Word document: the package parts, a numbering definition (decimal list 1) and the given body XML. */
function docxOf(body: string): Promise<Uint8Array> {
  return zipOf({
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/_rels/document.xml.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="n1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>',
    'word/numbering.xml': `<?xml version="1.0"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>` +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>',
    'word/document.xml': `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
  });
}

const para = (text: string, numbered = false) =>
  `<w:p>${numbered ? '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

describe('Word lists', () => {
  it('writes the numbers Word shows before list questions, continued across the answers between them', async () => {
    // Empty paragraphs between the blocks, as the ministries write them.
    const body = para('Vragen van het lid Jansen (D66) aan de minister over honden.') + para('') + para('Kunt u dit bevestigen?', true) + para('') +
      para('Antwoord vraag 1:') + para('Ja.') + para('') + para('Wanneer komt de brief?', true) + para('') + para('Antwoord vraag 2:') + para('Voor de zomer.');
    const c = converted(await convertDocx(await docxOf(body)));
    assert.strictEqual(c.text, 'Vragen van het lid Jansen (D66) aan de minister over honden.\n\n1. Kunt u dit bevestigen?\n\nAntwoord vraag 1:\nJa.\n\n' +
      '2. Wanneer komt de brief?\n\nAntwoord vraag 2:\nVoor de zomer.\n');
    assert.strictEqual(c.units, 11);
    assert.deepStrictEqual(placeAt(c.places, c.text.indexOf('2. Wanneer')), { offset: c.text.indexOf('2. Wanneer'), paragraph: 8, part: 'body' });
    assert.deepStrictEqual(questionOrder(analyze(c.text)), [1, 2]);
  });
});

/** Sets the declared (central directory) uncompressed size of one entry. */
function declareSize(zip: Uint8Array, entry: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let at = 0; at + 46 <= out.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    if (Buffer.from(out.subarray(at + 46, at + 46 + nameLength)).toString('latin1') === entry) view.setUint32(at + 24, size, true);
  }
  return out;
}

describe('Word conversion of bad input', function () {
  this.timeout(60_000);

  const expectProblem = async (bytes: Uint8Array, code: string, limits = DEFAULT_LIMITS) => {
    const r = await convertDocx(bytes, limits);
    assert.ok(isProblem(r), `expected ${code}, got a text`);
    assert.strictEqual(r.problem, code, r.message.en);
    assert.ok(r.message.nl.length > 0 && r.message.en.length > 0);
    assert.notStrictEqual(r.message.nl, r.message.en);
  };

  it('refuses bytes that are no zip as not-docx: random bytes, a PDF, nothing', async () => {
    let x = 12345;
    const random = Uint8Array.from({ length: 4096 }, () => (x = (x * 1103515245 + 12345) & 0x7fffffff) & 255);
    await expectProblem(random, 'not-docx');
    await expectProblem(new TextEncoder().encode('%PDF-1.7\n%…'), 'not-docx');
    await expectProblem(new Uint8Array(0), 'not-docx');
  });

  it('refuses a zip without a Word body as not-docx', async () => {
    await expectProblem(await zipOf({ 'hello.txt': 'dag', 'word/styles.xml': '<w:styles/>' }), 'not-docx');
  });

  it('refuses a cut-off or damaged Word document as corrupt', async () => {
    const b = bytesOf('jenv-2024-eerdmans');
    await expectProblem(b.subarray(0, b.length >> 1), 'corrupt');
    await expectProblem(b.subarray(0, b.length - 30), 'corrupt');
    // The central directory points past the end.
    const d = b.slice();
    const view = new DataView(d.buffer);
    view.setUint32(d.length - 22 + 16, d.length + 100, true);
    await expectProblem(d, 'corrupt');
  });

  it('refuses a zip bomb before inflating it: 200 MB of zeros declared, and a part bigger than it declares', async () => {
    const zeros = await zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': new Uint8Array(200 * 1024 * 1024) });
    assert.ok(zeros.length < 1024 * 1024, `${zeros.length} bytes`);
    const t = Date.now();
    await expectProblem(zeros, 'zip-bomb');
    console.log(`      200 MB of zeros (${zeros.length} bytes) refused in ${Date.now() - t} ms`);
    // Within the total, but 20 MB packed 1000 times: absurd for a Word part.
    await expectProblem(await zipOf({ 'word/document.xml': new Uint8Array(20 * 1024 * 1024) }), 'zip-bomb');
    // A directory that understates the size: inflation stops at the declared size.
    const lying = declareSize(await zipOf({ 'word/document.xml': '<w:document>' + ' '.repeat(3_000_000) + '</w:document>' }), 'word/document.xml', 1000);
    const directory = readZipDirectory(lying);
    assert.ok(directory.ok);
    assert.strictEqual(directory.entries.find((e) => e.name === 'word/document.xml')?.uncompressedSize, 1000);
    await expectProblem(lying, 'zip-bomb');
    // The limit is the caller's.
    await expectProblem(bytesOf('jenv-2024-eerdmans'), 'zip-bomb', { ...DEFAULT_LIMITS, maxUnpackedBytes: 10_000 });
  });

  it('refuses a file over the byte limit, and stops at the time limit', async () => {
    await expectProblem(bytesOf('jenv-2024-eerdmans'), 'too-large', { ...DEFAULT_LIMITS, maxBytes: 50_000 });
    await expectProblem(bytesOf('jenv-2023Z19006-beckerman'), 'timeout', { ...DEFAULT_LIMITS, maxMillis: 1 });
  });
});
