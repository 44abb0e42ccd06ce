// The workspace of question sets in a real VS Code: the index the server
// builds from the files in `sets/` (read through the client's file system),
// shown in the Explorer view "Kamervragen" and the timeline webview, and used
// by workspace symbols and cross-file definitions. What only the screen shows
// (tree rows, the webview's content) is read from the workbench's DOM by the
// launcher; a click on a timeline event is a real mouse click in the webview.
// The server's "today" is KAMERVRAAG_TODAY (scripts/editor/run.mjs): 6 December 2024.

import * as assert from 'assert';
import * as vscode from 'vscode';
import { baseName, click, definitions, dom, drag, HAS_LAUNCHER, hover, openKamervraag, positionOf, say, screenshot, sleep, waitFor, workspaceFile, type DomElement } from './util';

/** The rows of the Kamervragen view (custom trees in the side bar, not the Timeline view). */
const ROWS = '.tree-explorer-viewlet-tree-view:not(.timeline-tree-view) .customview-tree .monaco-list-row';
const MESSAGE = '.tree-explorer-viewlet-tree-view:not(.timeline-tree-view) > .message';

const ONTKOPPELING = 'De ontkoppeling van ontwikkelingshulp';
const GGZ = 'Wachttijden ggz niet goed vastgelegd';
const VERVOLG = 'antwoorden op eerdere vragen over de ontkoppeling';
const LELYLIJN = 'Lelylijn';

const STATE = {
  answered: say('Op tijd beantwoord', 'Answered in time'),
  late: say('Te laat beantwoord', 'Answered late'),
  delayed: say('Uitgesteld', 'Delayed'),
  overdue: say('Onbeantwoord, termijn verstreken', 'Unanswered, overdue'),
  open: say('Open, binnen de termijn', 'Open, within the term'),
};

function rowOf(rows: readonly DomElement[], title: string): DomElement | undefined {
  return rows.find((r) => (r.aria ?? r.text).includes(title));
}

/** Pixels the side bar widens for the screenshot of the view; the sash between the side bar and the editors. */
const WIDER = 200;
const SIDEBAR_SASH = '.monaco-workbench > .monaco-grid-view .monaco-sash.vertical:not(.disabled)';

let probes = 0;
/** The rendered rows, polled until `ok` holds. */
async function rowsUntil(what: string, ok: (rows: DomElement[]) => boolean): Promise<DomElement[]> {
  return waitFor(what, async () => (await dom(`rows-${++probes}`, ROWS)) ?? [], ok, 60_000);
}

function webviewTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('kamervraag.timeline'));
}

suite('workspace: the sets of the folder, across files', function () {
  const questions = workspaceFile('sets/kv-tk-2024Z18792.txt');
  const answer = workspaceFile('sets/ah-tk-20242025-605.txt');
  const citing = workspaceFile('sets/vervolgvragen-ontkoppeling.kamervraag');
  const notice = workspaceFile('sets/ah-tk-20242025-562.txt');

  suiteSetup(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  suiteTeardown(async function () {
    await vscode.commands.executeCommand('kamervraag.sets.clearFilter');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('workspace symbols find a set that no editor opened, by zaak number and by a word of its title', async function () {
    const find = (query: string) => vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', query);
    const byZaak = await waitFor('a workspace symbol for 2024Z18792', () => find('2024Z18792'), (l) => (l ?? []).some((s) => s.name.includes('2024Z18792')), 60_000);
    const set = byZaak.find((s) => s.name.includes('2024Z18792')) as vscode.SymbolInformation;
    assert.ok([questions, answer].some((u) => u.toString() === set.location.uri.toString()), `in a file of the set: ${set.location.uri.toString()}`);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === set.location.uri.toString()), 'found through the index, not an open document');
    const byWord = await find('wachttijden');
    assert.ok(byWord.some((s) => s.name.includes(GGZ) && /16988|562/.test(baseName(s.location.uri))), `the set titled ${GGZ}: ${byWord.map((s) => s.name).join(' | ')}`);
  });

  test('Definition: the cited zaak number leads into the files of that set', async function () {
    const doc = await openKamervraag(citing);
    const zaak = await waitFor('a definition for the zaak number', () => definitions(citing, positionOf(doc, 'kenmerk 2024Z18792', 12)), (l) => l.length > 0, 60_000);
    const names = zaak.map((t) => baseName(t.uri));
    assert.ok(names.some((n) => n === 'kv-tk-2024Z18792.txt' || n === 'ah-tk-20242025-605.txt'), `zaak 2024Z18792 → ${names.join(', ')}`);
    assert.ok(zaak.every((t) => t.uri.toString() !== citing.toString()), 'not in the citing file');
  });

  // ah-tk-20242025-605.txt (a DOCX conversion) prints `AH 605` but no `Vergaderjaar`: the index knows it as
  // ah-tk-20242025-605 by its official file name.
  test('Definition: the cited publication id leads to that publication', async function () {
    const doc = await openKamervraag(citing);
    const publication = await waitFor('a definition for the publication id', () => definitions(citing, positionOf(doc, 'ah-tk-20242025-605', 5)), (l) => l.length > 0, 20_000);
    assert.deepStrictEqual(publication.map((t) => baseName(t.uri)), ['ah-tk-20242025-605.txt']);
  });

  test('Kamervragen view: the sets newest first, each with its submitter, date and state', async function () {
    await vscode.commands.executeCommand('workbench.view.explorer');
    await vscode.commands.executeCommand('workbench.files.action.collapseExplorerFolders');
    // Room for the view in the screenshot: without the Outline and Timeline views.
    for (const view of ['outline', 'timeline']) await vscode.commands.executeCommand(`${view}.removeView`).then(undefined, () => undefined);
    await vscode.commands.executeCommand('kamervraag.sets.focus');
    if (!HAS_LAUNCHER) this.skip();
    // A wider side bar, with the mouse on the sash between it and the editors.
    await drag('wider', WIDER, SIDEBAR_SASH);
    const rows = await rowsUntil('the sets in the view', (r) => [ONTKOPPELING, GGZ, VERVOLG, LELYLIJN].every((t) => rowOf(r, t)));
    const answered = rowOf(rows, ONTKOPPELING) as DomElement;
    assert.match(answered.aria ?? '', new RegExp(`${STATE.answered}.*Boswijk \\(CDA\\)`));
    assert.ok(answered.icons.includes('codicon-pass'), `icons ${answered.icons.join(' ')}`);
    const delayed = rowOf(rows, GGZ) as DomElement;
    assert.match(delayed.aria ?? '', new RegExp(`${STATE.delayed}.*Van den Hil \\(VVD\\)`));
    assert.ok(delayed.icons.includes('codicon-clock'), `icons ${delayed.icons.join(' ')}`);
    const open = rowOf(rows, VERVOLG) as DomElement;
    assert.match(open.aria ?? '', new RegExp(STATE.open));
    assert.ok(open.icons.includes('codicon-circle-outline'));
    const overdue = rowOf(rows, LELYLIJN) as DomElement;
    assert.match(overdue.aria ?? '', new RegExp(`${STATE.overdue}.*Olger van Dijk`));
    assert.ok(overdue.icons.includes('codicon-error'), `icons ${overdue.icons.join(' ')}`);
    const late = rowOf(rows, 'De capaciteitsfixus');
    assert.ok(late && (late.aria ?? '').includes(STATE.late) && late.icons.includes('codicon-warning'), `the late answer: ${JSON.stringify(late)}`);
    // Newest first: 22 November, 19 November, 14 November, 25 October.
    const order = [VERVOLG, ONTKOPPELING, LELYLIJN, GGZ].map((t) => rows.indexOf(rowOf(rows, t) as DomElement));
    assert.deepStrictEqual([...order].sort((a, b) => a - b), order, `rows: ${rows.map((r) => r.aria).join(' | ')}`);
    // The screenshot: the folder tree collapsed, the delayed set opened on its files (a real click on its twistie).
    await click('collapse-folders', '.pane:has(.explorer-folders-view) > .pane-header');
    const twistie = await click('expand-set', `${ROWS}[aria-label*="Wachttijden"] .monaco-tl-twistie`);
    assert.ok(twistie?.clicked, 'the delayed set can be expanded');
    const expanded = await rowsUntil('the files of the delayed set', (r) => r.some((x) => x.text.includes('ah-tk-20242025-562.txt')));
    assert.ok(expanded.some((x) => x.text.includes(say('Uitstelbericht', 'Delay notice')) && x.text.includes('ah-tk-20242025-562.txt')), `the notice: ${JSON.stringify(expanded.map((x) => x.text))}`);
    assert.ok(expanded.some((x) => x.text.includes('kv-2024Z16988.kv.txt')));
    // And the tooltip of the last set (late): its dates, days late, submitter and addressees.
    await hover('hover-set', `${ROWS}[aria-label^="Het toenemende gebruik"] .monaco-icon-label`);
    await sleep(1500);
    await screenshot('sets');
  });

  test('Kamervragen view: filtered by state, then by ministry, then not', async function () {
    if (!HAS_LAUNCHER) this.skip();
    await vscode.commands.executeCommand('kamervraag.sets.filterState', ['delayed', 'overdue']);
    let rows = await rowsUntil('only the delayed and the overdue set', (r) => Boolean(rowOf(r, GGZ)) && Boolean(rowOf(r, LELYLIJN)) && !rowOf(r, ONTKOPPELING) && !rowOf(r, VERVOLG));
    assert.ok(rows.every((r) => !(r.aria ?? '').includes(STATE.answered)));
    const message = (await dom('sets-message', MESSAGE)) ?? [];
    assert.ok(message.some((m) => m.text.includes(say('uitgesteld', 'delayed'))), `view message: ${JSON.stringify(message)}`);

    await vscode.commands.executeCommand('kamervraag.sets.clearFilter');
    await vscode.commands.executeCommand('kamervraag.sets.filterMinistry', 'Buitenlandse Handel');
    rows = await rowsUntil('only the sets addressed to Buitenlandse Handel en Ontwikkelingshulp', (r) => Boolean(rowOf(r, ONTKOPPELING)) && !rowOf(r, GGZ));
    assert.ok(rowOf(rows, VERVOLG), 'the follow-up questions are addressed to the same minister');

    await vscode.commands.executeCommand('kamervraag.sets.clearFilter');
    await rowsUntil('all sets again', (r) => [ONTKOPPELING, GGZ, VERVOLG, LELYLIJN].every((t) => rowOf(r, t)));
  });

  test('Timeline: beside the delay notice, the submission, both terms, the notice and the cited letter', async function () {
    // The side bar back to its width: room for the editor and the timeline.
    await drag('narrower', -WIDER, SIDEBAR_SASH);
    const doc = await openKamervraag(notice);
    await vscode.commands.executeCommand('kamervraag.showTimeline');
    await waitFor('the timeline panel', () => webviewTab(), (t) => t !== undefined, 20_000);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), doc.uri.toString(), 'the editor keeps the focus');
    if (!HAS_LAUNCHER) return;
    const events = await waitFor('the events in the webview', async () => (await dom(`timeline-${++probes}`, '#kv-events tr')) ?? [], (l) => l.length >= 4, 60_000);
    const texts = events.map((e) => e.text);
    for (const [kind, date] of [
      [say('Ingediend', 'Submitted'), say('25 oktober 2024', '25 October 2024')],
      [say('Termijn van 3 weken', '3-week term'), say('15 november 2024', '15 November 2024')],
      [say('Uitstelbericht', 'Delay notice'), say('15 november 2024', '15 November 2024')],
      [say('Termijn van 6 weken', '6-week term'), say('6 december 2024', '6 December 2024')],
    ]) {
      assert.ok(texts.some((t) => t.toLowerCase().includes(kind.toLowerCase()) && t.includes(date)), `${kind} on ${date} in ${JSON.stringify(texts)}`);
    }
    assert.ok(texts.some((t) => t.includes(say('april 2024', 'April 2024'))), `the letter of 4 April 2024 the questions cite: ${JSON.stringify(texts)}`);
    const state = (await dom('timeline-state', '#kv-state')) ?? [];
    assert.deepStrictEqual(state.map((s) => s.text), [STATE.delayed]);
    await hover('hover-timeline', '#kv-title');
    await screenshot('timeline');
  });

  test('Timeline: a click on an event selects the text it comes from', async function () {
    if (!HAS_LAUNCHER) this.skip();
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(notice), { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await sleep(300);
    const clicked = await click('timeline-click', '#kv-events tr.k-submitted[data-index]');
    assert.ok(clicked?.clicked, 'the submission is in the list and clickable');
    const selected = await waitFor(
      'the selection to move to the submission',
      () => vscode.window.activeTextEditor,
      (e) => e !== undefined && !e.selection.isEmpty,
      20_000,
    );
    assert.strictEqual(selected?.document.uri.toString(), notice.toString());
    const text = selected?.document.getText(new vscode.Range(selected.selection.start.line, 0, selected.selection.end.line + 1, 0)) ?? '';
    assert.match(text.replace(/\s+/g, ' '), /25 oktober 2024/, `the selection is on the submission date: ${JSON.stringify(text)}`);
    assert.ok(selected?.visibleRanges.some((r) => r.contains(selected.selection.start)), 'revealed');
  });

  test('Timeline: follows the active editor to another set, and opens for a set given by the view', async function () {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(citing), { viewColumn: vscode.ViewColumn.One });
    if (HAS_LAUNCHER) {
      await waitFor('the timeline of the follow-up questions', async () => (await dom(`timeline-title-${++probes}`, '#kv-title')) ?? [], (l) => l.some((e) => e.text.includes(VERVOLG)), 30_000);
    }
    // The view's inline action passes the set; a URI does as well.
    await vscode.commands.executeCommand('kamervraag.showTimeline', workspaceFile('sets/kv-tk-2024Z18792.txt'));
    await waitFor('the panel titled after the set', () => webviewTab()?.label ?? '', (label) => label.includes(ONTKOPPELING), 30_000);
    if (HAS_LAUNCHER) {
      const rows = await waitFor('its events', async () => (await dom(`timeline-answered-${++probes}`, '#kv-events tr')) ?? [], (l) => l.some((e) => e.text.includes(say('Beantwoord', 'Answered'))), 30_000);
      assert.ok(rows.some((e) => e.text.includes(say('Ingediend', 'Submitted'))), JSON.stringify(rows.map((e) => e.text)));
      const state = (await dom('timeline-state-answered', '#kv-state')) ?? [];
      assert.deepStrictEqual(state.map((e) => e.text), [STATE.answered]);
    }
    assert.strictEqual(vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview).length, 1, 'one timeline panel, reused');
  });
});
