// Drafting in a real VS Code: F2 renumbers a question and the outline
// follows, the renumber action after a question is deleted, completion of
// question numbers with their opening words, inlay hints, and `Draft answer`
// opening the skeleton. The official answer 584 is edited in an untitled
// copy, so that the workspace's files and the other suites stay as they are.

import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeUntitled, diagnosticsOf, readText, documentSymbols, ENGLISH, LANGUAGE_ID, positionOf, rangeOf, replace, say, screenshot, showAt, sleep, waitFor, workspaceFile } from './util';

/** The question headings of the outline, in order: `Vraag 1`, `Vraag 2 en 3`, … */
async function outlineHeadings(uri: vscode.Uri): Promise<string[]> {
  const root = (await documentSymbols(uri))[0];
  return (root?.children ?? []).map((c) => c.name).filter((n) => /^(Vraag|Vragen|Question|Questions) \d/.test(n));
}

suite('Drafting: renumber, complete, inlay hints, draft an answer', function () {
  let doc: vscode.TextDocument;

  suiteSetup(async function () {
    const text = await readText(workspaceFile('ah-tk-20242025-584.txt'));
    doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: text });
    await vscode.window.showTextDocument(doc, { preview: false });
    await waitFor('the outline of the untitled copy of 584', () => outlineHeadings(doc.uri), (h) => h.length === 5, 60_000);
  });

  // Close the untitled copies without saving.
  suiteTeardown(closeUntitled);

  test('F2 on `Vraag 7`: 7 → 8 renumbers the heading and its answer, and the outline follows', async function () {
    const at = positionOf(doc, 'Vraag 7', 'Vraag '.length);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, at, '8');
    assert.ok(edit, 'a rename edit');
    const changed = edit.get(doc.uri).map((e) => [e.range.start.line, doc.lineAt(e.range.start.line).text.trim(), e.newText]);
    assert.deepStrictEqual(
      changed.map((c) => [c[1], c[2]]),
      [
        ['Vraag 7', '8'],
        ['Antwoord 7', '8'],
      ],
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the outline to show Vraag 8', () => outlineHeadings(doc.uri), (h) => h[h.length - 1] === say('Vraag 8', 'Question 8'), 20_000);
    // Back to 7 for the next tests.
    const back = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, positionOf(doc, 'Vraag 8', 'Vraag '.length), '7');
    assert.ok(await vscode.workspace.applyEdit(back));
    await waitFor('the outline to show Vraag 7 again', () => outlineHeadings(doc.uri), (h) => h[h.length - 1] === say('Vraag 7', 'Question 7'), 20_000);
  });

  test('F2 on a number another question has: refused with the reason', async function () {
    const at = positionOf(doc, 'Vraag 7', 'Vraag '.length);
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', doc.uri, at, '4')),
      (e: Error) => e.message.includes(say('Er is al een vraag 4', 'There is a question 4 already')),
    );
  });

  test('completion after `vraag `: the numbers with the opening words of their questions', async function () {
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    await replace(doc, new vscode.Range(end, end), '\nZie het antwoord op vraag ');
    await waitFor('the server to see the edit', () => documentSymbols(doc.uri), (s) => s.length > 0);
    const at = doc.lineAt(doc.lineCount - 1).range.end;
    const list = await waitFor(
      'completion items after `vraag `',
      () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at),
      (l) => (l?.items ?? []).some((i) => i.label === '4'),
    );
    const four = list.items.find((i) => i.label === '4');
    assert.ok(four && typeof four.detail === 'string' && four.detail.length > 10, `item 4 has the opening words of question 4: ${JSON.stringify(four?.detail)}`);
    const numbers = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).filter((l) => /^\d+$/.test(l)).sort((x, y) => Number(x) - Number(y));
    assert.deepStrictEqual(numbers, ['1', '2', '3', '4', '5', '6', '7']);
    await vscode.commands.executeCommand('undo');
  });

  test('inlay hints on the sample: the date of `brief2`, the term ends after `Ingediend`', async function () {
    const sample = await vscode.workspace.openTextDocument(workspaceFile('sample.txt'));
    await showAt(sample, positionOf(sample, 'brief2'));
    const hints = await waitFor(
      'inlay hints of the sample',
      () => vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', sample.uri, new vscode.Range(0, 0, sample.lineCount, 0)),
      (h) => (h ?? []).length > 0,
    );
    const label = (h: vscode.InlayHint) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));
    const brief2 = rangeOf(sample, 'brief2').end;
    const atBrief2 = hints.filter((h) => h.position.isEqual(brief2)).map(label);
    // A date in the running text is shown as the text writes dates, in Dutch, whatever the UI language.
    assert.deepStrictEqual(atBrief2.map((l) => l.trim()), ['18 mei 2022']);
    await screenshot('inlay-hints');
  });

  test('no renumber action while the numbering is right', async function () {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), vscode.CodeActionKind.Source.value);
    assert.deepStrictEqual((actions ?? []).map((a) => a.title), []);
    assert.deepStrictEqual(diagnosticsOf(doc.uri, 'question-numbering'), []);
  });

  test('deleting `Vraag 4` and its answer: a question-numbering warning whose light bulb renumbers the set, and the outline follows', async function () {
    const from = positionOf(doc, 'Vraag 4');
    const to = positionOf(doc, 'Vraag 5 en 6');
    await replace(doc, new vscode.Range(from, to), '');
    const [warning] = await waitFor('the question-numbering warning', () => diagnosticsOf(doc.uri, 'question-numbering'), (d) => d.length === 1);
    assert.strictEqual(warning.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(doc.getText(warning.range).startsWith('Vraag 5 en 6'), true, doc.getText(warning.range));
    // The light bulb on the warning: the quick fix; the whole document: the source action.
    const quick = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, warning.range, vscode.CodeActionKind.QuickFix.value);
    const fix = quick.find((a) => a.title === say('Vragen hernummeren', 'Renumber questions'));
    assert.ok(fix?.edit, `the quick fix is offered: ${quick.map((a) => a.title).join(', ')}`);
    const source = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, 0, 0), vscode.CodeActionKind.Source.value);
    assert.deepStrictEqual(source.map((a) => [a.title, a.kind?.value]), [[say('Vragen hernummeren', 'Renumber questions'), 'source.renumberQuestions']]);
    await showAt(doc, warning.range.start);
    await vscode.commands.executeCommand('editor.action.quickFix');
    await sleep(1500);
    await screenshot('renumber');
    await vscode.commands.executeCommand('hideCodeActionWidget');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitFor(
      'the outline renumbered',
      () => outlineHeadings(doc.uri),
      (h) => JSON.stringify(h) === JSON.stringify(ENGLISH ? ['Question 1', 'Questions 2 and 3', 'Questions 4 and 5', 'Question 6'] : ['Vraag 1', 'Vragen 2 en 3', 'Vragen 4 en 5', 'Vraag 6']),
      20_000,
    );
    assert.ok(doc.getText().includes('\nVraag 4 en 5\n'), 'the heading `Vraag 5 en 6` became `Vraag 4 en 5`');
    assert.ok(doc.getText().includes('\nAntwoorden 4 en 5\n'), 'its answer heading `Antwoorden 5 en 6` followed');
    assert.ok(doc.getText().includes('\nVraag 6\n') && doc.getText().includes('\nAntwoord 6\n'), 'Vraag 7 and Antwoord 7 became 6');
    await waitFor('the warning gone', () => diagnosticsOf(doc.uri, 'question-numbering'), (d) => d.length === 0);
  });

  test('Draft answer on the questions of 2024Z18435: a new untitled document with the skeleton, the minister selected', async function () {
    const questions = workspaceFile('sets/kv-tk-2024Z18435.txt');
    await vscode.commands.executeCommand('kamervraag.draftAnswer', questions);
    const editor = (await waitFor(
      'an untitled editor with the draft',
      () => vscode.window.activeTextEditor,
      (e) => e !== undefined && e.document.isUntitled && e.document.getText().startsWith('2024Z18435'),
    )) as vscode.TextEditor;
    const text = editor.document.getText();
    assert.strictEqual(editor.document.languageId, LANGUAGE_ID);
    // The header: the submitted questions' sentence, then the answer line with the addressee as the first tab stop.
    const lines = text.split('\n');
    assert.ok(lines[1].startsWith('Vragen van de leden Olger van Dijk (Nieuw Sociaal Contract) en Pierik (BBB) aan de Staatssecretaris van Infrastructuur en Waterstaat'), lines[1]);
    assert.strictEqual(lines[2], 'Antwoord van staatssecretaris van Infrastructuur en Waterstaat (ontvangen datum).');
    assert.strictEqual(editor.document.getText(editor.selection), 'staatssecretaris van Infrastructuur en Waterstaat');
    // Every question with an empty answer after it.
    assert.deepStrictEqual(lines.filter((l) => /^Vraag \d+$/.test(l)).length, 9);
    assert.deepStrictEqual(lines.filter((l) => /^Antwoord \d+$/.test(l)).length, 9);
    assert.ok(text.includes('Vraag 2\nBent u het eens dat een stap gezet dient te worden met de Nedersaksenlijnen de Lelylijn?\n\nAntwoord 2\n'), 'question 2 verbatim, then its answer heading');
    await waitFor('the outline of the draft', () => outlineHeadings(editor.document.uri), (h) => h.length === 9);
    await screenshot('draft-answer');
  });
});
