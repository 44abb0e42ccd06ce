// The timeline of the current set: a webview beside the editor that draws
// what the server's TIMELINE_REQUEST answers (page: timelineHtml.ts). It
// follows the active Kamervraag editor and the index; a click on an event
// selects and reveals the text the event comes from.

import * as vscode from 'vscode';
import { TIMELINE_REQUEST } from '../../server/src/protocol';
import type { Timeline, TimelineEvent } from '../../server/src/protocol';
import type { ClientAccess, SetsNode } from './setsView';
import { encodeBase64 } from './base64';
import { messageHtml, timelineHtml } from './timelineHtml';

const LANGUAGE_ID = 'kamervraag';
const VIEW_TYPE = 'kamervraag.timeline';

/** An event may name the file it comes from when a set has several; otherwise it is the timeline's. */
type LocatedEvent = TimelineEvent & { readonly uri?: string };

class TimelinePanel {
  private timeline: Timeline | null = null;
  private loading = 0;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly access: ClientAccess,
    public uri: string,
  ) {
    panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m));
  }

  private options() {
    return { nonce: encodeBase64(globalThis.crypto.getRandomValues(new Uint8Array(16))), cspSource: this.panel.webview.cspSource, lang: this.access.lang };
  }

  private say(nl: string, en: string): string {
    return this.access.lang === 'en' ? en : nl;
  }

  async load(uri = this.uri): Promise<void> {
    this.uri = uri;
    const ticket = ++this.loading;
    const client = await this.access.running();
    if (ticket !== this.loading) return;
    if (!client) {
      this.timeline = null;
      this.panel.webview.html = messageHtml(this.say('De taalserver draait niet.', 'The language server is not running.'), this.options());
      return;
    }
    let timeline: Timeline | null;
    try {
      timeline = await client.sendRequest<Timeline | null>(TIMELINE_REQUEST, { uri });
    } catch (err) {
      timeline = null;
      if (ticket === this.loading) this.panel.webview.html = messageHtml(`${this.say('Geen tijdlijn', 'No timeline')}: ${String(err instanceof Error ? err.message : err)}`, this.options());
      this.timeline = null;
      return;
    }
    if (ticket !== this.loading) return;
    this.timeline = timeline;
    if (!timeline) {
      this.panel.title = this.say('Tijdlijn', 'Timeline');
      this.panel.webview.html = messageHtml(this.say('Dit document hoort niet bij een set in de index.', 'This document belongs to no set in the index.'), this.options());
      return;
    }
    this.panel.title = `${this.say('Tijdlijn', 'Timeline')}: ${timeline.title}`;
    this.panel.webview.html = timelineHtml(timeline, this.options());
  }

  private async onMessage(message: unknown): Promise<void> {
    if (typeof message !== 'object' || message === null) return;
    const { type, index } = message as { type?: unknown; index?: unknown };
    if (type !== 'reveal' || typeof index !== 'number' || !this.timeline) return;
    const event = this.timeline.events[index] as LocatedEvent | undefined;
    if (!event?.range) return;
    await reveal(vscode.Uri.parse(event.uri ?? this.timeline.uri), event.range);
  }
}

/** Opens the document where it is already visible (else in the first column), selects the range and scrolls it to the middle. */
export async function reveal(uri: vscode.Uri, r: NonNullable<TimelineEvent['range']>): Promise<vscode.TextEditor> {
  const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preview: false, preserveFocus: false });
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
  return editor;
}

function uriOf(arg: unknown): string | undefined {
  if (arg instanceof vscode.Uri) return arg.toString();
  if (typeof arg === 'string') return arg;
  const node = arg as SetsNode | undefined;
  if (node && typeof node === 'object' && 'set' in node) return node.set.uri;
  const doc = vscode.window.activeTextEditor?.document;
  return doc?.languageId === LANGUAGE_ID ? doc.uri.toString() : undefined;
}

export function registerTimeline(access: ClientAccess): vscode.Disposable[] {
  let current: TimelinePanel | undefined;

  const show = async (arg?: unknown) => {
    const uri = uriOf(arg);
    if (!uri) {
      void vscode.window.showInformationMessage(access.lang === 'en' ? 'Open a Kamervraag document first.' : 'Open eerst een Kamervraag-document.');
      return;
    }
    if (current) {
      current.panel.reveal(undefined, true);
    } else {
      const panel = vscode.window.createWebviewPanel(VIEW_TYPE, access.lang === 'en' ? 'Timeline' : 'Tijdlijn', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        enableCommandUris: false,
        enableFindWidget: true,
        localResourceRoots: [],
      });
      const created = new TimelinePanel(panel, access, uri);
      current = created;
      panel.onDidDispose(() => {
        if (current === created) current = undefined;
      });
    }
    await current.load(uri);
  };

  return [
    vscode.commands.registerCommand('kamervraag.showTimeline', show),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      const doc = editor?.document;
      if (current && doc?.languageId === LANGUAGE_ID && doc.uri.toString() !== current.uri) void current.load(doc.uri.toString());
    }),
    access.onIndexChanged(() => void current?.load()),
    { dispose: () => current?.panel.dispose() },
  ];
}
