// VS Code's Unicode highlighting on Kamervraag documents, read from the
// rendered editor: the no-break spaces, quotes and dashes of Dutch official
// texts (`18 mei 2022` with U+00A0, `sms’jes`, `2024–2025`) get no box, in a
// trusted workspace and in restricted mode alike.
//
// VS Code draws a box as a `.unicode-highlight` element in the editor's view
// overlays. To know which line a box is on, the launcher reads the boxes and
// the line numbers in the gutter with their positions: a box belongs to the
// last numbered line at or above it (a wrapped line is numbered once).
//
// An absence proves little by itself, so each test first puts a probe into
// the document: a word with a Greek alpha, which VS Code boxes in every locale
// (its table of characters confusable with ASCII). Once the probe's box shows,
// VS Code has highlighted the document after the edit, and the probe must be
// the only box on screen. The edit is reverted at the end. The screenshots
// unicode-sample.png and unicode-ah-tk-20242025-584.png show the probe's box.

import * as assert from 'assert';
import * as vscode from 'vscode';
import { baseName, current, dom, HAS_LAUNCHER, openKamervraag, positionOf, replace, screenshot, showAt, waitFor, workspaceFile } from './util';

const NBSP = '\u00a0';
const RIGHT_QUOTE = '\u2019';
const EN_DASH = '\u2013';
/** `Kamervraag` with a Greek small alpha for its second `a`. */
const PROBE = 'Kamervr\u03b1ag';

/** The editors of the editor area (not the panel's). */
const EDITOR = '.part.editor .monaco-editor';

interface Rendered {
  /** The lines (0-based) whose number the gutter shows. */
  readonly numbered: readonly number[];
  /** For every box, the line (0-based) it is on; -1 when no number is drawn above it. */
  readonly boxed: readonly number[];
}

let probes = 0;
/** The boxes and line numbers of the editor as drawn now. */
async function rendered(): Promise<Rendered> {
  const elements = (await dom(`unicode-${++probes}`, `${EDITOR} .margin-view-overlays .line-numbers, ${EDITOR} .view-overlays .unicode-highlight`)) ?? [];
  const numbers = elements
    .filter((e) => e.classes.includes('line-numbers') && /^\d+$/.test(e.text))
    .map((e) => ({ line: Number(e.text) - 1, top: e.box.y }))
    .sort((a, b) => a.top - b.top);
  const lineAt = (y: number) => numbers.filter((n) => n.top <= y + 1).at(-1)?.line ?? -1;
  return {
    numbered: numbers.map((n) => n.line),
    boxed: elements.filter((e) => e.classes.includes('unicode-highlight')).map((e) => lineAt(e.box.y + e.box.height / 2)),
  };
}

/**
 * Opens `uri` with `centre` in the middle of the editor, puts the probe on a line of its own before
 * the line of `before`, and checks that the probe is the only box while lines holding each of
 * `shown` are on screen.
 */
async function onlyTheProbeIsBoxed(uri: vscode.Uri, centre: string, before: string, shown: readonly string[]): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const doc = await openKamervraag(uri);
  try {
    await showAt(doc, positionOf(doc, centre));
    const probeLine = positionOf(doc, before).line;
    await replace(doc, new vscode.Range(probeLine, 0, probeLine, 0), `${PROBE}\n`);
    assert.strictEqual(doc.lineAt(probeLine).text, PROBE);
    const seen = await waitFor('the box around the probe', rendered, (r) => r.boxed.includes(probeLine), 30_000);
    const describe = (line: number) => (line < 0 ? 'a line without a number' : `line ${line + 1} ${JSON.stringify(doc.lineAt(line).text.slice(0, 100))}`);
    for (const char of shown) {
      assert.ok(
        seen.numbered.some((line) => doc.lineAt(line).text.includes(char)),
        `a line with U+${char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')} is on screen; lines ${seen.numbered.map((l) => l + 1).join(', ')}`,
      );
    }
    const others = [...new Set(seen.boxed.filter((line) => line !== probeLine))];
    assert.deepStrictEqual(others.map(describe), [], `boxes besides the probe's in ${baseName(uri)}`);
    assert.strictEqual(seen.boxed.length, 1, 'one box: around the alpha');
    await screenshot(`unicode-${baseName(uri).replace(/\.txt$/, '')}`);
  } finally {
    const d = current(uri);
    if (d?.isDirty) {
      await vscode.window.showTextDocument(d);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
}

suite('Unicode highlighting: no boxes around the no-break spaces, quotes and dashes of official texts', function () {
  suiteSetup(function () {
    // Only the launcher reads the rendered editor; a desktop VS Code run skips this suite.
    if (!HAS_LAUNCHER) this.skip();
  });

  suiteTeardown(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test(`sample.txt: \`brief van 18${NBSP}mei 2022\` and \`sms’jes\` are drawn without a box; a Greek alpha in \`${PROBE}\` gets one`, async function () {
    // Line 26 holds `brief van 18 mei 2022` and `19 mei 2022` with no-break spaces, line 29 `sms’jes`.
    await onlyTheProbeIsBoxed(workspaceFile('sample.txt'), `zijn brief van 18${NBSP}mei 2022, tijdens`, ' • Vraag 4', [NBSP, RIGHT_QUOTE]);
  });

  test(`ah-tk-20242025-584.txt: \`2025–2026\` and \`risico’s\` are drawn without a box; a Greek alpha in \`${PROBE}\` gets one`, async function () {
    await onlyTheProbeIsBoxed(workspaceFile('ah-tk-20242025-584.txt'), `studiejaar 2025${EN_DASH}2026 grote risico${RIGHT_QUOTE}s`, 'Wat doet u er op dit moment', [EN_DASH, RIGHT_QUOTE]);
  });
});
