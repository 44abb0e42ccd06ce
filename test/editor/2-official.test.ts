// An official publication (Aanhangsel van de Handelingen, PDF text) in a real
// VS Code: recognised by its file name `ah-tk-*.txt`, with questions grouped as
// the document groups them.

import * as assert from 'assert';
import * as vscode from 'vscode';
import { child, diagnosticsOf, documentSymbols, LANGUAGE_ID, openKamervraag, say, waitFor, workspaceFile } from './util';

suite('ah-tk-20242025-584.txt: an official publication', function () {
  const uri = workspaceFile('ah-tk-20242025-584.txt');
  let doc: vscode.TextDocument;

  suiteSetup(async function () {
    doc = await openKamervraag(uri);
  });

  test('opens as kamervraag by its file name', function () {
    assert.strictEqual(doc.languageId, LANGUAGE_ID);
  });

  test('Outline: Vraag 1, `Vraag 2 en 3` holding `Antwoord 2 en 3`, Vraag 4, `Vraag 5 en 6`, Vraag 7', async function () {
    const [root, ...rest] = await documentSymbols(uri);
    assert.deepStrictEqual(rest, [], 'one root');
    assert.strictEqual(root.name, 'De capaciteitsfixus op trajecten binnen een opleiding');
    const q = say('Vraag', 'Question');
    // A group of questions: `Vraag 2 en 3` as the document has it, `Questions 2 and 3` in English.
    const qs = say('Vraag', 'Questions');
    const and = say('en', 'and');
    const names = root.children.map((c) => c.name).filter((n) => n.startsWith(`${q} `) || n.startsWith(`${qs} `));
    assert.deepStrictEqual(names, [`${q} 1`, `${qs} 2 ${and} 3`, `${q} 4`, `${qs} 5 ${and} 6`, `${q} 7`]);
    const q23 = child(root, `${qs} 2 ${and} 3`);
    assert.strictEqual(doc.getText(q23.selectionRange), 'Vraag 2 en 3');
    const a23 = child(q23, `${say('Antwoord', 'Answers')} 2 ${and} 3`);
    assert.strictEqual(doc.getText(a23.selectionRange), 'Antwoord 2 en 3');
    for (const sym of root.children) assert.ok(root.range.contains(sym.range), `${sym.name} inside the root`);
  });

  test('Problems: answered 31 days late', async function () {
    const [late] = await waitFor('the late-answer diagnostic', () => diagnosticsOf(uri, 'late-answer'), (l) => l.length === 1);
    assert.match(late.message, /31/);
    assert.strictEqual(diagnosticsOf(uri, 'year-typo').length, 0);
  });
});
