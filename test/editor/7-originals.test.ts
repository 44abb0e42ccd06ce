// Originals in a real VS Code: a typeset Tweede Kamer PDF and a ministry's
// Word document of the workspace, opened with `Open Original as Text`, become
// read-only Kamervraag documents with an outline, hovers that say where in
// the original an element stands, and definitions. The files themselves are
// never written.

import * as assert from 'assert';
import * as vscode from 'vscode';
import { definitions, documentSymbols, hoverText, LANGUAGE_ID, positionOf, screenshot, showAt, waitFor, workspaceFile } from './util';

const SCHEME = 'kamervraag-original';

/** Opens an original with the command and waits for its outline. */
async function openOriginal(file: vscode.Uri, questions: number): Promise<vscode.TextDocument> {
  await vscode.commands.executeCommand('kamervraag.openOriginal', file);
  const editor = (await waitFor(
    `the converted text of ${file.path}`,
    () => vscode.window.activeTextEditor,
    (e) => e !== undefined && e.document.uri.scheme === SCHEME && decodeURIComponent(e.document.uri.toString()).includes(file.path.split('/').pop() ?? '?'),
    60_000,
  )) as vscode.TextEditor;
  assert.strictEqual(editor.document.languageId, LANGUAGE_ID);
  await waitFor(
    `the outline of ${file.path}`,
    async () => ((await documentSymbols(editor.document.uri))[0]?.children ?? []).filter((c) => /^(Vraag|Vragen|Question|Questions) \d/.test(c.name)).length,
    (n) => n === questions,
    60_000,
  );
  return editor.document;
}

suite('Originals: a PDF and a Word document opened as Kamervraag documents', function () {
  test('the PDF of Aanhangsel 2023–2024 nr. 2168: ten questions, a date placed on its page, `Zie de antwoorden op de vragen 2, 6 en 8` leads to answer 2', async function () {
    const file = workspaceFile('originals/ah-tk-20232024-2168.pdf');
    const before = await vscode.workspace.fs.readFile(file);
    const doc = await openOriginal(file, 10);
    // Read-only: a virtual document, not the file.
    assert.strictEqual(doc.uri.scheme, SCHEME);
    assert.ok(doc.getText().includes('Vraag 10'), 'question 10 is in the text');

    const date = positionOf(doc, '18 juni 2024', 1);
    const hover = await hoverText(doc.uri, date);
    assert.ok(hover.includes('2024-06-18'), hover);
    assert.ok(/pagina \d|page \d/.test(hover), `the hover says on which page the date stands: ${hover}`);

    const ref = positionOf(doc, 'vragen 2, 6 en 8', 'vragen '.length);
    const [target] = await definitions(doc.uri, ref);
    assert.ok(target, 'the reference has a definition');
    assert.strictEqual(target.uri.toString(), doc.uri.toString());
    assert.ok(doc.lineAt(target.range.start.line).text.startsWith('Antwoord 2') || doc.getText(target.range).includes('Antwoord 2'), doc.lineAt(target.range.start.line).text);

    await showAt(doc, date);
    await vscode.commands.executeCommand('editor.action.showHover');
    await waitFor('the hover on screen', () => true, (x) => x, 1_000);
    await screenshot('original-pdf');
    const after = await vscode.workspace.fs.readFile(file);
    assert.ok(after.length === before.length && after.every((b, i) => b === before[i]), 'the PDF is untouched');
  });

  test('the Word original of 2024Z11889 (Teunissen): 22 questions, the zaak from the cover letter, a paragraph in the hover, a footnote marker to its own note', async function () {
    const file = workspaceFile('originals/jenv-2024Z11889-teunissen.docx');
    const doc = await openOriginal(file, 22);
    const root = (await documentSymbols(doc.uri))[0];
    assert.ok(root.name.includes('2024Z11889'), `the outline names the zaak from "In antwoord op uw brief …, nr. 2024Z11889": ${root.name}`);
    // The date of the cover letter.
    const hover = await hoverText(doc.uri, positionOf(doc, '26 augustus 2024'));
    assert.ok(hover.includes('2024-08-26'), hover);
    assert.ok(/alinea \d|paragraph \d/.test(hover), `the hover says in which paragraph: ${hover}`);
    // The typed footnote marker after question 1 leads to its note at the end, not to the Word footnote numbered 1 after it.
    const marker = positionOf(doc, 'overleden’? [1]', 'overleden’? ['.length);
    const [note] = await definitions(doc.uri, marker);
    assert.ok(note, 'the marker [1] has a definition');
    assert.ok(doc.lineAt(note.range.start.line).text.startsWith('[1] NOS'), doc.lineAt(note.range.start.line).text);
    await showAt(doc, positionOf(doc, 'Vraag 1'));
    await screenshot('original-docx');
  });
});
