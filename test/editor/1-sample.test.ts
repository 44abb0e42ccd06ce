// The openkamer sample in a real VS Code, opened as `sample.txt`: a name no
// pattern of the extension knows, so it becomes `kamervraag` only through the
// client's first-line detection. Every feature is asked through the commands
// the editor itself uses (vscode.execute…Provider), so these tests see what a
// user sees: the client, the language server and VS Code's own conversions.
// The tests run in order; the last ones edit the document.

import * as assert from 'assert';
import * as vscode from 'vscode';
import { testEnv } from './env';
import {
  child,
  current,
  definitions,
  diagnosticsOf,
  documentSymbols,
  ENGLISH,
  HAS_LAUNCHER,
  hoverText,
  LANGUAGE_ID,
  openKamervraag,
  positionOf,
  rangeOf,
  replace,
  say,
  screenshot,
  showAt,
  sleep,
  waitFor,
  workspaceFile,
} from './util';

const NBSP = '\u00a0';
const LETTER = `brief van 18${NBSP}mei 2022`;
const TYPO_DATE = `29${NBSP}juni 20022`;

suite('sample.txt: the openkamer sample, recognised by its first line', function () {
  const uri = workspaceFile('sample.txt');
  let doc: vscode.TextDocument;

  suiteSetup(async function () {
    doc = await openKamervraag(uri);
  });

  suiteTeardown(async function () {
    // Leave nothing dirty behind: undo the edits of the last tests.
    const d = current(uri);
    if (d?.isDirty) {
      await vscode.window.showTextDocument(d);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('runs in the workspace trust mode of this run (restricted mode when the folder is untrusted)', function () {
    const restricted = testEnv('EDITOR_TEST_RESTRICTED') === '1';
    assert.strictEqual(vscode.workspace.isTrusted, !restricted);
    assert.ok(vscode.extensions.getExtension('kamervraag.kamervraag')?.isActive, 'the extension is active');
  });

  test('the plain-text file is switched to the kamervraag language', function () {
    assert.strictEqual(doc.fileName.endsWith('sample.txt'), true);
    assert.strictEqual(doc.languageId, LANGUAGE_ID);
    assert.strictEqual(doc.lineAt(0).text, 'Kamervraag 2022Z09875');
  });

  test('Outline: Kamervraag 2022Z09875 › Vraag 1 … Vraag 14 with question and answer, the delay notice', async function () {
    const symbols = await documentSymbols(uri);
    assert.strictEqual(symbols.length, 1, `one root, got ${symbols.map((s) => s.name).join(', ')}`);
    const [root] = symbols;
    assert.strictEqual(root.name, 'Kamervraag 2022Z09875');
    assert.strictEqual(doc.getText(root.selectionRange), '2022Z09875');
    const questions = root.children.filter((c) => new RegExp(`^${say('Vraag', 'Question')} \\d+$`).test(c.name));
    assert.deepStrictEqual(questions.map((q) => q.name), Array.from({ length: 14 }, (_, i) => `${say('Vraag', 'Question')} ${i + 1}`));
    for (const [i, q] of questions.entries()) {
      assert.strictEqual(doc.getText(q.selectionRange), `Vraag ${i + 1}`, `${q.name}: selection on its heading`);
      assert.deepStrictEqual(q.children.map((c) => c.name), [say('Antwoord', 'Answer')], `${q.name}: children`);
      assert.ok((q.detail ?? '').length >= 20, `${q.name}: the opening words of the question as detail`);
    }
    const notice = child(root, say('Mededeling – 24 mei 2022', 'Delay notice – 24 May 2022'));
    assert.strictEqual(notice.range.start.line, rangeOf(doc, 'Mededeling - 24 mei 2022').start.line);
  });

  test('Hover on a date: the ISO date and the weekday', async function () {
    const text = await hoverText(uri, positionOf(doc, TYPO_DATE, 1));
    assert.match(text, /2022-06-29/);
    assert.match(text, ENGLISH ? /Wednesday 29 June 2022/ : /woensdag 29 juni 2022/);
    assert.match(text, /20022/, 'names the year as written');
  });

  test('Hover on a letter (the word brief of `brief van 18 mei 2022`): which letter it is', async function () {
    const text = await hoverText(uri, positionOf(doc, LETTER, 2, 1));
    assert.match(text, ENGLISH ? /Letter of 18 May 2022/ : /Brief van 18 mei 2022/);
    assert.match(text, ENGLISH ? /[Ff]ootnote 2/ : /[Vv]oetnoot 2/);
  });

  test('Go to Definition on `Zie antwoord vraag 12` lands on answer 12', async function () {
    const targets = await definitions(uri, positionOf(doc, 'Zie antwoord vraag 12', 10));
    assert.strictEqual(targets.length, 1, JSON.stringify(targets));
    const [t] = targets;
    assert.strictEqual(t.uri.toString(), uri.toString());
    const heading = rangeOf(doc, ' • Vraag 12').start.line;
    // The answer is the text after the question and the blank line under ` • Vraag 12`.
    assert.strictEqual(t.selection.start.line, heading + 3);
    assert.ok(doc.getText(t.selection).startsWith('Zoals ook aangegeven in het antwoord op vraag 3'), doc.getText(t.selection).slice(0, 60));
  });

  test('Go to Definition on a reference to an earlier set (`vraag 7 van de eerder aangehaalde …`): nowhere in this document', async function () {
    const targets = await definitions(uri, positionOf(doc, 'vraag 7 van de eerder aangehaalde schriftelijke vragen', 7));
    assert.deepStrictEqual(targets.filter((t) => t.uri.toString() === uri.toString()), []);
  });

  test('Find References on the heading of Vraag 1: the heading and the answers that refer to it', async function () {
    const heading = positionOf(doc, ' • Vraag 1\n', 3);
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, heading);
    assert.ok(refs.every((r) => r.uri.toString() === uri.toString()), 'all in this document');
    const lines = refs.map((r) => r.range.start.line).sort((a, b) => a - b);
    const expected = [
      heading.line,
      rangeOf(doc, 'het antwoord op vraag 1 ').start.line,
      rangeOf(doc, 'Zie ook het antwoord bij vraag 1').start.line,
      rangeOf(doc, 'in antwoord 1 genoemde').start.line,
    ].sort((a, b) => a - b);
    assert.deepStrictEqual(lines, expected);
  });

  test('Problems: the year typo 20022 as an error, and the late answer', async function () {
    const [typo] = await waitFor('the year-typo diagnostic', () => diagnosticsOf(uri, 'year-typo'), (l) => l.length === 1);
    assert.strictEqual(doc.getText(typo.range), '20022');
    assert.strictEqual(typo.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(typo.source, 'kamervraag');
    assert.match(typo.message, /20022/);
    assert.match(typo.message, /\b2022\b/);
    const late = diagnosticsOf(uri, 'late-answer');
    assert.strictEqual(late.length, 1, JSON.stringify(vscode.languages.getDiagnostics(uri)));
    assert.strictEqual(late[0].severity, vscode.DiagnosticSeverity.Information);
    assert.match(late[0].message, /18/);
  });

  test('Folding: a range for each question block', async function () {
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri);
    for (let n = 1; n <= 14; n++) {
      const line = rangeOf(doc, ` • Vraag ${n}\n`).start.line;
      assert.ok(ranges.some((r) => r.start === line && r.end >= line + 3), `a fold from the heading of Vraag ${n} (line ${line})`);
    }
  });

  test('Links: the source address and the Archiefwet', async function () {
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri);
    const targets = links.map((l) => l.target?.toString(true) ?? '');
    assert.ok(targets.some((t) => t.startsWith('https://zoek.officielebekendmakingen.nl/kv-tk-2022Z09875')), targets.join('\n'));
    const archief = links.find((l) => l.range.contains(positionOf(doc, 'Archiefwet 1995', 3)));
    assert.ok(archief?.target, `a link on Archiefwet 1995; links: ${targets.join(', ')}`);
    assert.match(archief.target.toString(true), /wetten\.overheid\.nl\/.*BWBR0007376/);
  });

  test('Screenshots: the Outline view, a hover on a letter, the Problems panel', async function () {
    // Only under the code-server launcher, which takes them; a desktop VS Code run skips this.
    if (!HAS_LAUNCHER) this.skip();
    // The Outline with the whole side bar to itself: the file tree and the timeline go to the Search
    // container for the picture, and come back after it.
    const others = ['workbench.explorer.fileView', 'timeline'];
    await vscode.commands.executeCommand('vscode.moveViews', { viewIds: others, destinationId: 'workbench.view.search' });
    // The Outline from the top with the metadata folded, beside the top of the document.
    await vscode.commands.executeCommand('outline.focus');
    await vscode.commands.executeCommand('list.focusFirst');
    await vscode.commands.executeCommand('list.focusDown');
    await vscode.commands.executeCommand('list.collapse');
    const editor = await showAt(doc, positionOf(doc, 'brief2', 5));
    editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
    await screenshot('outline');
    await vscode.commands.executeCommand('vscode.moveViews', { viewIds: others, destinationId: 'workbench.view.explorer' });
    await vscode.commands.executeCommand('workbench.view.explorer');

    await showAt(doc, positionOf(doc, LETTER, 2, 1));
    await sleep(300);
    await vscode.commands.executeCommand('editor.action.showHover');
    await screenshot('hover');

    await showAt(doc, positionOf(doc, TYPO_DATE, 9));
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await screenshot('problems');
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });

  test('Quick fix for the year typo: applied, the diagnostic is gone', async function () {
    const typoRange = rangeOf(doc, '20022');
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, typoRange, vscode.CodeActionKind.QuickFix.value);
    const fixes = actions.filter((a): a is vscode.CodeAction => 'edit' in a && a.edit !== undefined && a.kind !== undefined && vscode.CodeActionKind.QuickFix.contains(a.kind));
    assert.deepStrictEqual(fixes.map((f) => f.title), [say('Vervang door 2022', 'Replace with 2022')]);
    const [fix] = fixes;
    assert.ok(fix.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the fix was applied');
    assert.ok(doc.getText().includes(`29${NBSP}juni 2022 heeft`), 'the date now reads 29 juni 2022');
    assert.ok(!doc.getText().includes('20022'), 'no 20022 left');
    await waitFor('the year-typo diagnostic to go', () => diagnosticsOf(uri, 'year-typo'), (l) => l.length === 0);
    assert.strictEqual(diagnosticsOf(uri, 'late-answer').length, 1, 'the late-answer diagnostic stays');
  });

  test('Editing: `vraag 12` → `vraag 21` brings an unknown-reference diagnostic; the definition is gone', async function () {
    const twelve = rangeOf(doc, 'Zie antwoord vraag 12');
    const number = new vscode.Range(twelve.end.translate(0, -2), twelve.end);
    await replace(doc, number, '21');
    const [unknown] = await waitFor('an unknown-reference diagnostic', () => diagnosticsOf(uri, 'unknown-reference'), (l) => l.length === 1);
    assert.strictEqual(unknown.range.start.line, twelve.start.line);
    assert.match(doc.getText(unknown.range), /21/);
    assert.match(unknown.message, /21/);
    assert.deepStrictEqual(await definitions(uri, positionOf(doc, 'Zie antwoord vraag 21', 10)), []);
    await replace(doc, number, '12');
    await waitFor('the unknown-reference diagnostic to go', () => diagnosticsOf(uri, 'unknown-reference'), (l) => l.length === 0);
  });

  test('Editing: deleting the ` • Vraag 12` block takes it out of the Outline, and `Zie antwoord vraag 12` becomes unknown', async function () {
    assert.deepStrictEqual(diagnosticsOf(uri, 'unknown-reference'), []);
    const start = rangeOf(doc, ' • Vraag 12').start;
    const end = rangeOf(doc, ' • Vraag 13').start;
    await replace(doc, new vscode.Range(start, end), '');
    const question = (n: number) => `${say('Vraag', 'Question')} ${n}`;
    const after = await waitFor('the Outline without Vraag 12', () => documentSymbols(uri), (l) => {
      const names = (l[0]?.children ?? []).map((c) => c.name);
      return names.includes(question(13)) && !names.includes(question(12));
    });
    const questions = after[0].children.map((c) => c.name).filter((n) => /^(Vraag|Question) \d+$/.test(n));
    assert.deepStrictEqual(questions, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14].map(question));
    assert.strictEqual(doc.getText(child(after[0], question(13)).selectionRange), 'Vraag 13');
    const [unknown] = await waitFor('an unknown-reference diagnostic on `Zie antwoord vraag 12`', () => diagnosticsOf(uri, 'unknown-reference'), (l) => l.length === 1);
    assert.strictEqual(unknown.range.start.line, rangeOf(doc, 'Zie antwoord vraag 12').start.line);
    assert.match(unknown.message, /12/);
    assert.deepStrictEqual(await definitions(uri, positionOf(doc, 'Zie antwoord vraag 12', 10)), []);
  });
});
