// Helpers for the editor suite: waiting for the editor, finding text,
// reading what the providers answer, and asking the launcher for screenshots.

import * as assert from 'assert';
import * as vscode from 'vscode';
import { testEnv } from './env';

export const LANGUAGE_ID = 'kamervraag';

/** The server speaks English when VS Code does, Dutch otherwise (as `localeOf` on the server). */
export const ENGLISH = vscode.env.language.toLowerCase().startsWith('en');

/** `nl` or `en`, as the extension shows it in this VS Code. */
export function say(nl: string, en: string): string {
  return ENGLISH ? en : nl;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until `ok` holds for its value; fails with `what` and the last value after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | Thenable<T>, ok: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: T | undefined;
  let error: unknown;
  for (;;) {
    try {
      last = await probe();
      error = undefined;
      if (ok(last)) return last;
    } catch (err) {
      error = err;
    }
    if (Date.now() > until) {
      const seen = error ? `error ${String(error)}` : `last value ${describe(last)}`;
      assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}; ${seen}`);
    }
    await sleep(100);
  }
}

function describe(value: unknown): string {
  try {
    const s = JSON.stringify(value);
    return s === undefined ? String(value) : s.length > 400 ? `${s.slice(0, 400)}…` : s;
  } catch {
    return String(value);
  }
}

/** The last segment of a URI's path: a file's name. */
export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** A file's text as UTF-8, read through the workspace file system (a Node host and a web worker alike). */
export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** Whether a file is there, through the workspace file system. */
async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function remove(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.workspace.fs.delete(uri);
  } catch {
    // not there
  }
}

/**
 * A file the launcher writes (a screenshot, an answer), by its path on the machine that runs
 * code-server: the workspace folder's URI with that path, which reaches the same disk from a Node
 * extension host and from a web worker one.
 */
function launcherFile(dir: string, name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'VS Code opened a workspace folder');
  return folder.uri.with({ path: `${dir.replace(/\\/g, '/').replace(/\/$/, '')}/${name}`, query: '', fragment: '' });
}

/** The folder VS Code opened (made per run by scripts/editor/run.mjs). */
export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'VS Code opened a workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** The open document with this URI as VS Code has it now (a language switch replaces the object). */
export function current(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

/** Opens a file in an editor and waits until it is a Kamervraag document whose outline the server answers. */
export async function openKamervraag(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const opened = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(opened, { preview: false });
  const doc = await waitFor(`${baseName(uri)} to become ${LANGUAGE_ID}`, () => current(uri), (d) => d?.languageId === LANGUAGE_ID, 20_000);
  await waitFor(`the outline of ${baseName(uri)} from the language server`, () => documentSymbols(uri), (list) => list.length > 0, 60_000);
  return doc as vscode.TextDocument;
}

/** Shows the document in the active editor with the cursor at `position`, scrolled to the middle. */
export async function showAt(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
  return editor;
}

/** The position `delta` characters into the `occurrence`-th (0-based) occurrence of `needle`. */
export function positionOf(doc: vscode.TextDocument, needle: string, delta = 0, occurrence = 0): vscode.Position {
  return rangeOf(doc, needle, occurrence).start.translate(0, delta);
}

/** The range of the `occurrence`-th (0-based) occurrence of `needle`. */
export function rangeOf(doc: vscode.TextDocument, needle: string, occurrence = 0): vscode.Range {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `${JSON.stringify(needle)} occurs ${occurrence + 1} times in ${baseName(doc.uri)}`);
  }
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + needle.length));
}

/** The outline, as the Outline view gets it. */
export async function documentSymbols(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  const list = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
  return (list ?? []).filter((s): s is vscode.DocumentSymbol => 'children' in s);
}

/** The child of `parent` with this name, or a failure that lists the names there are. */
export function child(parent: vscode.DocumentSymbol, name: string): vscode.DocumentSymbol {
  const found = parent.children.find((c) => c.name === name);
  assert.ok(found, `${parent.name} has a child ${JSON.stringify(name)}; it has ${parent.children.map((c) => JSON.stringify(c.name)).join(', ')}`);
  return found;
}

/** The text of every hover at `position`, joined. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

export interface Target {
  readonly uri: vscode.Uri;
  readonly range: vscode.Range;
  readonly selection: vscode.Range;
}

/** Definitions as plain targets, whether VS Code answers with Locations or LocationLinks. */
export async function definitions(uri: vscode.Uri, position: vscode.Position): Promise<Target[]> {
  const list = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[] | undefined>('vscode.executeDefinitionProvider', uri, position);
  return (list ?? []).map((l) =>
    'targetUri' in l
      ? { uri: l.targetUri, range: l.targetRange, selection: l.targetSelectionRange ?? l.targetRange }
      : { uri: l.uri, range: l.range, selection: l.range },
  );
}

/** The diagnostic's code as a string (VS Code may wrap it with a target). */
export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : String(c ?? '');
}

export function diagnosticsOf(uri: vscode.Uri, code?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => code === undefined || codeOf(d) === code);
}

/** Closes the visible untitled documents without saving. */
export async function closeUntitled(): Promise<void> {
  for (const editor of vscode.window.visibleTextEditors) {
    if (editor.document.isUntitled) {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }
}

/** Replaces `range` in the document through a WorkspaceEdit, as a user's edit would. */
export async function replace(doc: vscode.TextDocument, range: vscode.Range, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, range, text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was applied');
}

/**
 * Asks the launcher (scripts/editor/code-server-launcher.mjs) for a screenshot of the workbench
 * as it is now, and waits until it is written. Without EDITOR_TEST_SCREENSHOTS (a desktop VS Code
 * run), does nothing.
 */
export async function screenshot(name: string): Promise<void> {
  const dir = testEnv('EDITOR_TEST_SCREENSHOTS');
  if (!dir) return;
  const file = launcherFile(dir, `${name}.png`);
  await remove(file);
  console.log(`[screenshot] ${name}`);
  await waitFor(`the launcher to write ${file.path}`, () => exists(file), (ok) => ok, 30_000);
}

/** An element of the workbench or of a webview, as the launcher reads it (scripts/editor/code-server-launcher.mjs). */
export interface DomElement {
  readonly text: string;
  readonly aria: string | null;
  readonly icons: readonly string[];
  /** Its CSS classes. */
  readonly classes: readonly string[];
  /** Where it is drawn, in pixels within its frame (the workbench or a webview). */
  readonly box: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
}

/** Waits for the launcher's answer NAME.json to a `[dom]` or `[click]` line. */
async function launcherAnswer<T>(verb: 'dom' | 'click' | 'hover' | 'drag', name: string, selector: string): Promise<T | undefined> {
  const dir = testEnv('EDITOR_TEST_SCREENSHOTS');
  if (!dir) return undefined;
  const file = launcherFile(dir, `${name}.json`);
  await remove(file);
  console.log(`[${verb}] ${name} ${selector}`);
  await waitFor(`the launcher to write ${file.path}`, () => exists(file), (ok) => ok, 30_000);
  const value = JSON.parse(await readText(file)) as T & { error?: string };
  await remove(file);
  if (value && typeof value === 'object' && 'error' in value && value.error) assert.fail(`launcher ${verb} ${selector}: ${value.error}`);
  return value;
}

/**
 * The elements matching a CSS selector in the workbench and its webviews, as rendered now.
 * Undefined without the launcher (a desktop VS Code run): the caller skips what only the DOM shows.
 */
export function dom(name: string, selector: string): Promise<DomElement[] | undefined> {
  return launcherAnswer<DomElement[]>('dom', name, selector);
}

/** Clicks the first element matching a CSS selector (workbench or webview) with the mouse, through the browser. */
export function click(name: string, selector: string): Promise<{ clicked: boolean; text: string | null } | undefined> {
  return launcherAnswer('click', name, selector);
}

/** Moves the mouse over the first element matching a CSS selector (for a tooltip in the next screenshot). */
export function hover(name: string, selector: string): Promise<{ clicked: boolean; text: string | null } | undefined> {
  return launcherAnswer('hover', name, selector);
}

/** Drags the leftmost visible element matching a CSS selector (a sash) `dx` pixels to the right with the mouse. */
export function drag(name: string, dx: number, selector: string): Promise<{ clicked: boolean; text: string | null } | undefined> {
  return launcherAnswer('drag', name, `${dx} ${selector}`);
}

/** Whether the launcher runs this VS Code (and so can read the DOM and take screenshots). */
export const HAS_LAUNCHER = Boolean(testEnv('EDITOR_TEST_SCREENSHOTS'));
