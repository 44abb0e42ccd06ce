// Originals (PDF, Word) through the one ingest path, the index, the service,
// the hover and the client's URIs. A fake converter turns a fixture's bytes
// into a known text (its text twin in the corpus), so that these tests hold
// whatever the real converters do; a few use the real `convertOriginal` and
// assert only what holds for any converter: a problem or a text, never a throw.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { provideHover } from '../../server/src/features/hover';
import { placeLabel, provideOriginalText } from '../../server/src/features/originals';
import { provideTimeline } from '../../server/src/features/timeline';
import { convertOriginal } from '../../server/src/originals/index';
import type { ConversionLimits, ConversionProblem, Converted, OriginalKind, Place } from '../../server/src/originals/types';
import { originalDocumentUri, originalUriOf } from '../../server/src/originals/uri';
import { createLanguageService } from '../../server/src/service/languageService';
import { INDEX_MAX_PAGES } from '../../server/src/service/indexer';
import type { WorkspaceFileSystem } from '../../server/src/workspace/fileSystem';
import { isCandidateName } from '../../server/src/workspace/fileSystem';
import { ingestFile, originalIdentifies, summarizeAnyFile, type Converter } from '../../server/src/workspace/ingest';
import { documentDescription, documentUriOf, isOriginalPath, originalOf } from '../../client/src/originalUri';
import { CORPUS_DIR } from './workspaceFixture';
import { fixtureText } from './util';

const TODAY = '2024-12-20';
const PDF_698 = fs.readFileSync(path.join(CORPUS_DIR, 'originals', 'ah-tk-20142015-698.pdf'));
const DOCX_EERDMANS = fs.readFileSync(path.join(CORPUS_DIR, 'originals', 'jenv-2024-eerdmans.docx'));
const TEXT_698 = fixtureText('official/ah-tk-20142015-698.txt');
const TEXT_584 = fixtureText('official/ah-tk-20242025-584.txt');

/** The twin of 698 as a PDF's conversion: page 2 starts at the page's first words, page 3 at `Vraag 6` (where the printed pages turn). */
function converted698(): Converted {
  const page2 = TEXT_698.indexOf('gegeven aan verzekerden? Zo nee');
  const page3 = TEXT_698.indexOf('Vraag 6 Kunt u');
  assert.ok(page2 > 0 && page3 > page2);
  return { kind: 'pdf', text: TEXT_698, places: [{ offset: 0, page: 1 }, { offset: page2, page: 2 }, { offset: page3, page: 3 }], units: 3, warnings: [] };
}

/** 584 as a Word document's conversion: one body paragraph per line. */
function converted584(): Converted {
  const places: Place[] = [];
  let offset = 0;
  TEXT_584.split('\n').forEach((line, i) => {
    places.push({ offset, paragraph: i + 1, part: 'body' });
    offset += line.length + 1;
  });
  return { kind: 'docx', text: TEXT_584, places, units: places.length, warnings: [] };
}

/** A converter that knows some byte arrays (by identity) and calls anything else corrupt; it records the calls. */
function fakeConverter(known: Map<Uint8Array, Converted | ConversionProblem>): Converter & { calls: { kind: OriginalKind; limits: ConversionLimits }[] } {
  const calls: { kind: OriginalKind; limits: ConversionLimits }[] = [];
  const convert = async (kind: OriginalKind, bytes: Uint8Array, limits: ConversionLimits) => {
    calls.push({ kind, limits });
    return known.get(bytes) ?? { problem: 'corrupt' as const, message: { nl: 'onbekend', en: 'unknown' } };
  };
  return Object.assign(convert, { calls });
}

/** A folder in memory; `readFile` gives the stored arrays themselves (the fake converter knows them by identity). */
function memoryFs(files: Map<string, Uint8Array>): WorkspaceFileSystem {
  return {
    findFiles: async (folder) => [...files.keys()].filter((u) => u.startsWith(folder) && isCandidateName(u)).sort(),
    readFile: async (uri) => (files.has(uri) ? { bytes: files.get(uri)!, mtime: 1 } : null),
  };
}

const ENCRYPTED: ConversionProblem = { problem: 'encrypted', message: { nl: 'De PDF is beveiligd met een wachtwoord.', en: 'The PDF is protected by a password.' } };

describe('originals: ingest', () => {
  it('converts a PDF with the converter and analyses its text like the text twin', async () => {
    const convert = fakeConverter(new Map([[PDF_698, converted698()]]));
    const r = await ingestFile('file:///ws/ah-tk-20142015-698.pdf', PDF_698, { year: 2024 }, convert);
    assert.ok(r.ok);
    assert.strictEqual(r.text, TEXT_698);
    assert.strictEqual(r.converted?.kind, 'pdf');
    assert.strictEqual(r.converted?.units, 3);
    assert.strictEqual(r.identified, true);
    // Questions 1, 2 and 3 (2 and 3 under one heading), 4, 5, 6: the gold of the PDF.
    assert.deepStrictEqual([...new Set(r.analysis.questions.flatMap((q) => q.numbers))], [1, 2, 3, 4, 5, 6]);
    assert.strictEqual(r.analysis.metadata.answered, '2014-11-26');
    assert.deepStrictEqual(convert.calls.map((c) => [c.kind, c.limits.maxPages, c.limits.maxMillis]), [['pdf', 300, 20_000]]);
  });

  it('converts a Word document the same way, by its extension in any case', async () => {
    const convert = fakeConverter(new Map([[DOCX_EERDMANS, converted584()]]));
    const r = await ingestFile('file:///ws/Antwoorden.DOCX', DOCX_EERDMANS, {}, convert);
    assert.ok(r.ok);
    assert.strictEqual(r.converted?.kind, 'docx');
    assert.deepStrictEqual(convert.calls.map((c) => c.kind), ['docx']);
  });

  it('turns a conversion problem into a skip with the problem, and a converter that throws into a corrupt file', async () => {
    const r = await ingestFile('file:///ws/x.pdf', PDF_698, {}, fakeConverter(new Map([[PDF_698, ENCRYPTED]])));
    assert.ok(!r.ok);
    assert.strictEqual(r.skip, 'conversion');
    assert.strictEqual(r.conversion?.problem, 'encrypted');
    assert.strictEqual(r.conversion?.message.en, 'The PDF is protected by a password.');
    const thrown = await ingestFile('file:///ws/x.docx', DOCX_EERDMANS, {}, async () => {
      throw new Error('end of central directory not found');
    });
    assert.ok(!thrown.ok);
    assert.strictEqual(thrown.conversion?.problem, 'corrupt');
    assert.match(thrown.conversion?.message.en ?? '', /^The Word document could not be read \(end of central directory not found\)\.$/);
  });

  it('keeps the byte limit before converting, and leaves text files on the text path', async () => {
    const convert = fakeConverter(new Map());
    const big = await ingestFile('file:///ws/a.pdf', PDF_698, { maxBytes: 1000 }, convert);
    assert.ok(!big.ok && big.skip === 'too-large');
    const text = await ingestFile('file:///ws/ah-tk-20142015-698.txt', new TextEncoder().encode(TEXT_698), {}, convert);
    assert.ok(text.ok && text.converted === undefined);
    assert.strictEqual(convert.calls.length, 0);
  });

  it('tells the converted text of a set from other PDFs: by name, first line or the signs of a set near the start', () => {
    assert.strictEqual(originalIdentifies('file:///ws/ah-tk-20232024-1292.pdf', 'Jaarverslag'), true);
    assert.strictEqual(originalIdentifies('file:///ws/scan.pdf', TEXT_698), true);
    const letter = 'Ministerie van Justitie en Veiligheid\nDatum 4 december 2023\nOnderwerp Antwoorden Kamervragen over de ME\n\nVraag 1\nKent u het bericht?';
    assert.strictEqual(originalIdentifies('file:///ws/brief.docx', letter), true);
    assert.strictEqual(originalIdentifies('file:///ws/brief.docx', 'Zaak 2023Z19006 — antwoorden'), true);
    assert.strictEqual(originalIdentifies('file:///ws/jaarverslag.pdf', 'Jaarverslag 2023\n\n1. Inleiding\nDe omzet steeg.'), false);
  });

  it('skips an original whose text is no question set in the index, with the index\'s page bound', async () => {
    const other: Converted = { kind: 'pdf', text: 'Jaarverslag 2023\n\n1. Inleiding\nDe omzet steeg.\n', places: [{ offset: 0, page: 1 }], units: 1, warnings: [] };
    const convert = fakeConverter(new Map([[PDF_698, other]]));
    const out = await summarizeAnyFile('file:///ws/jaarverslag.pdf', PDF_698, { limits: { maxPages: INDEX_MAX_PAGES } }, convert);
    assert.deepStrictEqual(out, { skip: 'not-kamervraag' });
    assert.strictEqual(convert.calls[0].limits.maxPages, 60);
  });

  it('the real converters answer a problem or a text for every fixture and for garbage, never a throw', async function () {
    this.timeout(60000);
    const dir = path.join(CORPUS_DIR, 'originals');
    const inputs: [string, Uint8Array][] = fs.readdirSync(dir).filter((n) => /\.(pdf|docx)$/.test(n)).map((n) => [n, fs.readFileSync(path.join(dir, n))]);
    inputs.push(['garbage.pdf', new TextEncoder().encode('%PDF-1.7\nnot really')], ['garbage.docx', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])], ['empty.pdf', new Uint8Array(0)]);
    for (const [name, bytes] of inputs) {
      const r = await ingestFile(`file:///ws/${name}`, bytes, {}, convertOriginal);
      if (r.ok) assert.ok(r.text.length > 0 && r.converted !== undefined, name);
      else {
        assert.strictEqual(r.skip, 'conversion', name);
        assert.ok(r.conversion && r.conversion.message.nl.length > 0 && r.conversion.message.en.length > 0, name);
      }
    }
  });
});

describe('originals: the index', () => {
  const folder = 'file:///ws';
  const pdf = `${folder}/ah-tk-20142015-698.pdf`;
  const txt = `${folder}/ah-tk-20142015-698.txt`;

  async function indexed(files: Map<string, Uint8Array>, known = new Map<Uint8Array, Converted | ConversionProblem>([[PDF_698, converted698()]])) {
    const convert = fakeConverter(known);
    const service = createLanguageService({ today: TODAY, fileSystem: memoryFs(files), convert });
    await service.addFolders([folder]);
    service.dispose();
    return { service, convert };
  }

  it('finds PDF and Word files, and merges a PDF with the text of the same publication into one set, the text first', async () => {
    const { service, convert } = await indexed(new Map([[pdf, PDF_698], [txt, new TextEncoder().encode(TEXT_698)]]));
    const sets = service.index.sets();
    assert.strictEqual(sets.length, 1);
    assert.deepStrictEqual(sets[0].documents, [{ uri: txt, kind: 'answer' }, { uri: pdf, kind: 'answer', original: 'pdf' }]);
    assert.strictEqual(sets[0].uri, txt);
    assert.strictEqual(sets[0].answered, '2014-11-26');
    // The crawl converts with the index's page bound, and asks the first page whether it shows a set.
    assert.deepStrictEqual(convert.calls.map((c) => c.limits.maxPages), [INDEX_MAX_PAGES]);
    const probe = convert.calls[0].limits.firstPageShows;
    assert.ok(probe, 'the index gives the converter its first-page probe');
    assert.strictEqual(probe('Jaarverslag 2023 Inhoud 1 Inleiding'), true, 'an ah-tk- name is a set whatever its first page says');
  });

  it('asks the first page of a PDF with another name for the signs of a set', async () => {
    const other = `${folder}/rapport.pdf`;
    const { convert } = await indexed(new Map([[other, PDF_698]]));
    const probe = convert.calls[0].limits.firstPageShows!;
    assert.strictEqual(probe('Jaarverslag 2023 Inhoud 1 Inleiding De omzet steeg'), false);
    assert.strictEqual(probe('Vergaderjaar 2023–2024 Aanhangsel van de Handelingen Vragen gesteld door de leden der Kamer'), true);
    assert.strictEqual(probe('Vragen van het lid Erkens (VVD) aan de Minister voor Klimaat en Energie'), true);
  });

  it('shows a set whose answer exists only as PDF, with the PDF as its file', async () => {
    const { service } = await indexed(new Map([[pdf, PDF_698]]));
    const sets = service.index.sets();
    assert.strictEqual(sets.length, 1);
    assert.strictEqual(sets[0].uri, pdf);
    assert.deepStrictEqual(sets[0].documents, [{ uri: pdf, kind: 'answer', original: 'pdf' }]);
    assert.strictEqual(service.index.get(pdf)?.original, 'pdf');
  });

  it('skips an original it cannot convert, with the reason', async () => {
    const { service } = await indexed(new Map([[pdf, PDF_698], [`${folder}/beveiligd.docx`, DOCX_EERDMANS]]), new Map([[PDF_698, ENCRYPTED]]));
    assert.strictEqual(service.index.sets().length, 0);
    assert.strictEqual(service.indexer.skipped.get(pdf), 'conversion');
    assert.strictEqual(service.indexer.skipped.get(`${folder}/beveiligd.docx`), 'conversion');
  });

  it('re-reads an original on a watcher event', async () => {
    const files = new Map<string, Uint8Array>([[pdf, PDF_698]]);
    const known = new Map<Uint8Array, Converted | ConversionProblem>([[PDF_698, ENCRYPTED]]);
    const { service, convert } = await indexed(files, known);
    assert.strictEqual(service.index.sets().length, 0);
    known.set(PDF_698, converted698());
    await service.fileEvent(pdf, false);
    assert.strictEqual(service.index.sets().length, 1);
    assert.strictEqual(convert.calls.length, 2);
  });
});

describe('originals: the service, the request, the hover', () => {
  const folder = 'file:///ws';
  const pdf = `${folder}/ah-tk-20142015-698.pdf`;
  const docx = `${folder}/antwoorden-584.docx`;

  function service(locale: 'nl' | 'en' = 'nl') {
    const convert = fakeConverter(new Map<Uint8Array, Converted | ConversionProblem>([[PDF_698, converted698()], [DOCX_EERDMANS, converted584()]]));
    const files = new Map<string, Uint8Array>([[pdf, PDF_698], [docx, DOCX_EERDMANS]]);
    return { s: createLanguageService({ today: TODAY, fileSystem: memoryFs(files), convert, locale }), convert };
  }

  it('answers kamervraag/originalText with the text, the kind, the units and the document URI, converting once per file stamp', async () => {
    const { s, convert } = service();
    const r = await provideOriginalText(s, pdf);
    assert.ok(r && !('error' in r));
    assert.strictEqual(r.text, TEXT_698);
    assert.strictEqual(r.kind, 'pdf');
    assert.strictEqual(r.units, 3);
    assert.strictEqual(r.original, pdf);
    assert.strictEqual(r.document, 'kamervraag-original:/ws/ah-tk-20142015-698.pdf.kamervraag?file%3A%2F%2F%2Fws%2Fah-tk-20142015-698.pdf');
    // Asked again, and by the virtual document's URI: the same conversion.
    const again = await provideOriginalText(s, r.document);
    assert.ok(again && !('error' in again) && again.text === TEXT_698);
    assert.strictEqual(convert.calls.length, 1);
    // A watcher event: converted again.
    await s.fileEvent(pdf, false);
    await provideOriginalText(s, pdf);
    assert.strictEqual(convert.calls.length, 2);
    s.dispose();
  });

  it('refuses with the reason: an unreadable file, no URI, a file that is no original', async () => {
    const { s } = service('en');
    assert.deepStrictEqual(await provideOriginalText(s, `${folder}/gone.pdf`), { error: 'The file cannot be read.', code: 'unreadable' });
    assert.deepStrictEqual(await provideOriginalText(s, 42), { error: 'No file given.', code: 'unreadable' });
    const txt = await provideOriginalText(s, `${folder}/a.txt`);
    assert.ok(txt && 'error' in txt && txt.error === 'This is not a PDF or Word file (.pdf, .docx).');
    s.dispose();
  });

  it('hovers an element of a PDF\'s converted text with its page, and of a Word document\'s with its paragraph', async () => {
    for (const locale of ['nl', 'en'] as const) {
      const { s } = service(locale);
      const r = await provideOriginalText(s, pdf);
      assert.ok(r && !('error' in r));
      s.openDocument(r.document, 'kamervraag', 1, r.text);
      // `24 september 2014` in answer 5, on the second page (the twin is one line).
      const at = TEXT_698.indexOf('Financieel Dagblad van 24 september 2014') + 'Financieel Dagblad van '.length + 3;
      const h = provideHover(s, r.document, { line: 0, character: at });
      const value = h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
      assert.ok(value.includes(locale === 'nl' ? '*In de PDF: pagina 2*' : '*In the PDF: page 2*'), value);
      // Question 6's heading, on the third page.
      const q6 = provideHover(s, r.document, { line: 0, character: TEXT_698.indexOf('Vraag 6 Kunt u') + 2 });
      const v6 = q6 && typeof q6.contents === 'object' && 'value' in q6.contents ? q6.contents.value : '';
      assert.ok(v6.includes(locale === 'nl' ? 'pagina 3' : 'page 3'), v6);

      const w = await provideOriginalText(s, docx);
      assert.ok(w && !('error' in w));
      s.openDocument(w.document, 'kamervraag', 1, w.text);
      // `(ontvangen 18 november 2024)` is line 10 of 584: paragraph 10.
      const line = TEXT_584.split('\n')[9];
      assert.ok(line.includes('18 november 2024'));
      const hw = provideHover(s, w.document, { line: 9, character: line.indexOf('18 november 2024') + 1 });
      const vw = hw && typeof hw.contents === 'object' && 'value' in hw.contents ? hw.contents.value : '';
      assert.ok(vw.includes(locale === 'nl' ? '*In het Word-document: alinea 10*' : '*In the Word document: paragraph 10*'), vw);
      s.dispose();
    }
  });

  it('says nothing of a place once the virtual document was edited, nor on a plain file', async () => {
    const { s } = service();
    const r = await provideOriginalText(s, pdf);
    assert.ok(r && !('error' in r));
    s.openDocument(r.document, 'kamervraag', 1, `${r.text} `);
    const at = TEXT_698.indexOf('24 september 2014 betreft') + 3;
    const h = provideHover(s, r.document, { line: 0, character: at });
    const value = h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
    assert.ok(value.length > 0 && !value.includes('pagina'), value);
    s.openDocument('file:///ws/ah-tk-20142015-698.txt', 'kamervraag', 1, TEXT_698);
    const plain = provideHover(s, 'file:///ws/ah-tk-20142015-698.txt', { line: 0, character: at });
    assert.ok(plain && typeof plain.contents === 'object' && 'value' in plain.contents && !plain.contents.value.includes('pagina'));
    s.dispose();
  });

  it('treats the open virtual document as its original in the index: not indexed twice, the same set, one timeline', async () => {
    const { s } = service();
    await s.addFolders([folder]);
    const r = await provideOriginalText(s, pdf);
    assert.ok(r && !('error' in r));
    s.openDocument(r.document, 'kamervraag', 1, r.text);
    s.indexDocument(r.document);
    assert.ok(![...s.index.uris()].includes(r.document));
    assert.strictEqual(s.index.get(r.document)?.uri, pdf);
    assert.strictEqual(s.index.setOf(r.document)?.summary.uri, pdf);
    const tl = await provideTimeline(s, r.document);
    assert.ok(tl);
    // Submitted 3 October 2014, answered 26 November 2014: once each, though the set's file is the PDF itself.
    assert.deepStrictEqual(tl.events.filter((e) => e.kind === 'submitted' || e.kind === 'answered').map((e) => [e.kind, e.date]), [['submitted', '2014-10-03'], ['answered', '2014-11-26']]);
    s.closeDocument(r.document);
    assert.strictEqual(s.index.get(r.document), undefined);
    assert.strictEqual(s.index.sets().length, 2);
    s.dispose();
  });

  it('names places in both languages, a footnote paragraph too', () => {
    assert.strictEqual(placeLabel({ locale: 'nl' }, { offset: 0, page: 3 }), 'pagina 3');
    assert.strictEqual(placeLabel({ locale: 'en' }, { offset: 0, paragraph: 12 }), 'paragraph 12');
    assert.strictEqual(placeLabel({ locale: 'nl' }, { offset: 0, paragraph: 2, part: 'footnotes' }), 'alinea 2 van de voetnoten');
    assert.strictEqual(placeLabel({ locale: 'en' }, { offset: 0 }), null);
  });
});

describe('originals: the virtual document\'s URI', () => {
  it('wraps the original\'s URI and gives it back, for files, spaces and virtual workspaces', () => {
    for (const original of ['file:///home/an/Kamervragen/ah-tk-20142015-698.pdf', 'file:///C%3A/Users/An%20de%20Vries/Antwoorden%20ME.docx', 'vscode-vfs://github/kamervraag/sets/2024/AH-TK-20232024-1292.PDF']) {
      const doc = documentUriOf(original);
      assert.ok(doc.startsWith('kamervraag-original:/'), doc);
      assert.strictEqual(originalOf(doc), original);
      assert.strictEqual(originalUriOf(doc), original);
      // The path ends in the original's name plus `.kamervraag`: the editor shows that name and gives the language by extension.
      assert.ok(doc.slice(0, doc.indexOf('?')).endsWith(`${original.slice(original.lastIndexOf('/') + 1)}.kamervraag`), doc);
    }
    assert.strictEqual(documentUriOf('file:///a/b.pdf'), 'kamervraag-original:/a/b.pdf.kamervraag?file%3A%2F%2F%2Fa%2Fb.pdf');
    // The query as VS Code writes it back (`Uri.toString()` encodes the same characters).
    assert.strictEqual(originalOf('kamervraag-original:/a/b.pdf.kamervraag?file%3A%2F%2F%2Fa%2Fb.pdf'), 'file:///a/b.pdf');
    assert.strictEqual(originalDocumentUri('file:///a/b.pdf'), documentUriOf('file:///a/b.pdf'));
  });

  it('gives no original for other URIs or a broken query', () => {
    assert.strictEqual(originalOf('file:///a/b.pdf'), null);
    assert.strictEqual(originalOf('kamervraag-original:/a/b.pdf.kamervraag'), null);
    assert.strictEqual(originalOf('kamervraag-original:/a/b.pdf.kamervraag?%E0%A4%A'), null);
    assert.strictEqual(originalOf('kamervraag-original:/a/b.pdf.kamervraag?geen-uri'), null);
    assert.strictEqual(originalOf(`kamervraag-original:/x.kamervraag?${encodeURIComponent('kamervraag-original:/y?z')}`), null);
  });

  it('knows originals by their extension, and describes them in the view', () => {
    assert.strictEqual(isOriginalPath('/a/ah-tk-20142015-698.pdf'), true);
    assert.strictEqual(isOriginalPath('/a/Antwoorden.DOCX'), true);
    assert.strictEqual(isOriginalPath('/a/ah-tk-20142015-698.txt'), false);
    assert.strictEqual(isOriginalPath('/a/pdf'), false);
    assert.strictEqual(documentDescription({ original: 'pdf' }, 'ah-tk-20142015-698.pdf'), 'ah-tk-20142015-698.pdf · PDF');
    assert.strictEqual(documentDescription({ original: 'docx' }, 'antwoorden.docx'), 'antwoorden.docx · Word');
    assert.strictEqual(documentDescription({}, 'kv.txt'), 'kv.txt');
  });
});
