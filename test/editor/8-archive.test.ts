// An item of the historical archive (OCR text of the Aanhangsel, 1976) in a
// real VS Code: numbered inline, one answer number lost by the OCR and
// restored with a hint, a reference that leads to its answer, and the dates
// of the running text.

import * as assert from 'assert';
import * as vscode from 'vscode';
import { child, definitions, diagnosticsOf, documentSymbols, hoverText, LANGUAGE_ID, openKamervraag, positionOf, say, screenshot, showAt, waitFor, workspaceFile } from './util';

suite('Archive: ah-tk-19761977-294.txt, OCR of the Aanhangsel 1976', function () {
  const uri = workspaceFile('archive/ah-tk-19761977-294.txt');
  let doc: vscode.TextDocument;

  suiteSetup(async function () {
    doc = await openKamervraag(uri);
  });

  test('the outline holds the nine inline questions, then the answers, and `8 en 9` answers both', async function () {
    assert.strictEqual(doc.languageId, LANGUAGE_ID);
    const root = await waitFor('the outline', async () => (await documentSymbols(uri))[0], (r) => r !== undefined && r.children.length >= 9);
    assert.strictEqual(root.name, 'Het Kurenpolderproject in de gemeente Dussen');
    const q = say('Vraag', 'Question');
    const names = root.children.map((c) => c.name).filter((n) => n.startsWith(`${q} `));
    assert.deepStrictEqual(names, [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `${q} ${n}`));
    // The heading of question 7 is the number printed inline after question 6's question mark.
    assert.strictEqual(doc.getText(child(root, `${q} 7`).selectionRange), '7');
    // The answers follow the questions, as in the official publication.
    const a8 = child(root, `${say('Antwoord', 'Answers')} 8 ${say('en', 'and')} 9`);
    assert.strictEqual(doc.getText(a8.selectionRange), '8 en 9');
  });

  test('the lost answer number 2 is restored, and the hint says so', async function () {
    const [hint] = await waitFor('the ocr-number-restored hint', () => diagnosticsOf(uri, 'ocr-number-restored'), (l) => l.length === 1);
    assert.strictEqual(hint.severity, vscode.DiagnosticSeverity.Hint);
    assert.strictEqual(hint.range.start.line, positionOf(doc, 'De aanvankelijk als onderdeel').line);
    assert.match(hint.message, /antwoord 2|answer 2/);
  });

  test('`het antwoord op vraag 6` in answer 7 leads to answer 6; the submission date hovers', async function () {
    const ref = positionOf(doc, 'naar het antwoord op vraag 6', 'naar het antwoord op vraag '.length);
    const [target] = await definitions(uri, ref);
    assert.ok(target, 'the reference has a definition');
    assert.strictEqual(doc.getText(target.selection), '6');
    assert.ok(doc.getText(new vscode.Range(target.selection.start, target.selection.start.translate(0, 20))).startsWith('6 Van de kant'));
    const hover = await hoverText(uri, positionOf(doc, '18 maart 1976'));
    assert.ok(hover.includes('1976-03-18'), hover);
    await showAt(doc, positionOf(doc, 'De aanvankelijk als onderdeel'));
    await screenshot('archive');
  });
});
