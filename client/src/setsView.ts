// The Explorer view "Kamervragen": the question sets of the server's
// workspace index, newest first, each with its submitters, date and state;
// a set's files below it. Filters by state and by ministry (the server
// filters; the client remembers the choice per workspace). Refreshes when the
// server says the index changed.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { SETS_REQUEST } from '../../server/src/protocol';
import type { IndexChangedParams, SetDocument, SetsParams, SetState, SetSummary } from '../../server/src/protocol';
import { documentKindLabel, filterMessage, formatDate, STATES, setDescription, stateLabel, type Lang, type SetsFilter } from './labels';
import { documentDescription } from './originalUri';

export const SETS_VIEW = 'kamervraag.sets';
const FILTER_KEY = 'kamervraag.sets.filter';
/** Context key for the view's welcome content: starting | indexing | empty | filtered | ready | error. */
const STATUS_KEY = 'kamervraag.sets.status';
const FILTERED_KEY = 'kamervraag.sets.filtered';

export interface ClientAccess {
  /** The running client, started if it was not; undefined when it cannot run. */
  running(): Promise<BaseLanguageClient | undefined>;
  readonly lang: Lang;
  readonly onIndexChanged: vscode.Event<IndexChangedParams>;
}

export type SetsNode = { readonly type: 'set'; readonly set: SetSummary } | { readonly type: 'document'; readonly set: SetSummary; readonly document: SetDocument };

const STATE_ICON: Record<SetState, [icon: string, colour: string | undefined]> = {
  answered: ['pass', 'testing.iconPassed'],
  late: ['warning', 'list.warningForeground'],
  delayed: ['clock', 'charts.orange'],
  overdue: ['error', 'list.errorForeground'],
  open: ['circle-outline', undefined],
};

export function stateIcon(state: SetState): vscode.ThemeIcon {
  const [icon, colour] = STATE_ICON[state];
  return new vscode.ThemeIcon(icon, colour ? new vscode.ThemeColor(colour) : undefined);
}

function dateOf(set: SetSummary): string {
  return set.submitted ?? set.answered ?? '';
}

/** Newest first; the server sends them so, but the view does not rely on it. Ties by label. */
export function sortSets(sets: readonly SetSummary[]): SetSummary[] {
  return [...sets].sort((a, b) => dateOf(b).localeCompare(dateOf(a)) || a.label.localeCompare(b.label));
}

class SetsProvider implements vscode.TreeDataProvider<SetsNode> {
  private readonly changed = new vscode.EventEmitter<SetsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** The sets last shown (after the filter). */
  shown: SetSummary[] = [];
  indexing = false;
  onLoaded: (sets: SetSummary[]) => void = () => undefined;

  constructor(
    private readonly access: ClientAccess,
    private readonly filter: () => SetsFilter,
  ) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(node?: SetsNode): Promise<SetsNode[]> {
    if (node) return node.type === 'set' ? node.set.documents.map((document) => ({ type: 'document', set: node.set, document })) : [];
    const client = await this.access.running();
    if (!client) {
      await setStatus('error');
      this.shown = [];
      this.onLoaded(this.shown);
      return [];
    }
    const filter = this.filter();
    const params: SetsParams = { ...(filter.states?.length ? { states: filter.states } : {}), ...(filter.ministry ? { ministry: filter.ministry } : {}) };
    let sets: SetSummary[];
    try {
      sets = sortSets((await client.sendRequest<SetSummary[] | null>(SETS_REQUEST, params)) ?? []);
    } catch {
      await setStatus('error');
      this.shown = [];
      this.onLoaded(this.shown);
      return [];
    }
    const filtered = Boolean(filter.states?.length || filter.ministry);
    await setStatus(sets.length > 0 ? 'ready' : this.indexing ? 'indexing' : filtered ? 'filtered' : 'empty');
    this.shown = sets;
    this.onLoaded(sets);
    return sets.map((set) => ({ type: 'set', set }));
  }

  getTreeItem(node: SetsNode): vscode.TreeItem {
    const lang = this.access.lang;
    if (node.type === 'document') {
      const uri = vscode.Uri.parse(node.document.uri);
      const item = new vscode.TreeItem(documentKindLabel(node.document.kind, lang), vscode.TreeItemCollapsibleState.None);
      item.id = `document:${node.set.uri}:${node.document.uri}`;
      item.description = documentDescription(node.document, uri.path.slice(uri.path.lastIndexOf('/') + 1));
      item.resourceUri = uri;
      item.tooltip = uri.scheme === 'file' ? uri.fsPath : uri.toString();
      if (node.document.original) {
        // An original (the PDF, the Word document): its own icon; a click opens its converted text, the menu offers it too.
        item.iconPath = new vscode.ThemeIcon(node.document.original === 'pdf' ? 'file-pdf' : 'file-text');
        item.contextValue = `kamervraag.document.${node.document.kind}.original`;
        item.command = { command: 'kamervraag.openOriginal', title: lang === 'en' ? 'Open Original as Text' : 'Origineel openen als tekst', arguments: [node] };
        return item;
      }
      item.contextValue = `kamervraag.document.${node.document.kind}`;
      item.command = { command: 'vscode.open', title: documentKindLabel(node.document.kind, lang), arguments: [uri] };
      return item;
    }
    const set = node.set;
    const title = set.title ?? set.label;
    const item = new vscode.TreeItem(title, set.documents.length > 1 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `set:${set.uri}`;
    item.description = setDescription(set.submitters, dateOf(set) || null, lang);
    item.iconPath = stateIcon(set.state);
    item.tooltip = tooltip(set, lang);
    item.contextValue = `kamervraag.set.${set.state}`;
    item.accessibilityInformation = { label: [title, stateLabel(set.state, lang), item.description].filter(Boolean).join(', ') };
    item.command = { command: 'vscode.open', title: lang === 'en' ? 'Open' : 'Openen', arguments: [vscode.Uri.parse(set.uri)] };
    return item;
  }
}

function tooltip(set: SetSummary, lang: Lang): vscode.MarkdownString {
  const en = lang === 'en';
  const md = new vscode.MarkdownString(undefined, true);
  md.supportThemeIcons = true;
  const esc = (s: string) => s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
  md.appendMarkdown(`**${esc(set.title ?? set.label)}**\n\n`);
  const ids = [set.zaak ? `${en ? 'Zaak' : 'Zaak'} ${set.zaak}` : null, ...set.publicationIds].filter((s): s is string => Boolean(s));
  if (ids.length) md.appendMarkdown(`${esc(ids.join(' · '))}\n\n`);
  const [icon] = STATE_ICON[set.state];
  let state = `$(${icon}) ${esc(stateLabel(set.state, lang))}`;
  if (set.daysLate) state += esc(en ? ` (${set.daysLate} days late)` : ` (${set.daysLate} dagen te laat)`);
  md.appendMarkdown(`${state}\n\n`);
  const rows: [string, string | null][] = [
    [en ? 'Submitted' : 'Ingediend', set.submitted && formatDate(set.submitted, lang)],
    [en ? 'Term ends' : 'Termijn tot', set.deadline && formatDate(set.deadline, lang)],
    [en ? 'Answered' : 'Beantwoord', set.answered && formatDate(set.answered, lang)],
    [en ? 'Submitted by' : 'Indieners', set.submitters.join(', ') || null],
    [en ? 'Addressed to' : 'Gericht aan', set.addressees.join(', ') || null],
    [en ? 'Questions' : 'Vragen', set.questions ? String(set.questions) : null],
  ];
  for (const [k, v] of rows) if (v) md.appendMarkdown(`${esc(k)}: ${esc(v)}  \n`);
  return md;
}

async function setStatus(status: string): Promise<void> {
  await vscode.commands.executeCommand('setContext', STATUS_KEY, status);
}

/** The view, its filter commands and its refresh on index changes. */
export function registerSetsView(context: vscode.ExtensionContext, access: ClientAccess): vscode.Disposable[] {
  const lang = access.lang;
  const en = lang === 'en';
  const readFilter = (): SetsFilter => context.workspaceState.get<SetsFilter>(FILTER_KEY) ?? {};
  const provider = new SetsProvider(access, readFilter);
  const view = vscode.window.createTreeView(SETS_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  void setStatus('starting');

  const showFilter = async () => {
    const filter = readFilter();
    view.message = filterMessage(filter, lang);
    await vscode.commands.executeCommand('setContext', FILTERED_KEY, Boolean(filter.states?.length || filter.ministry));
  };
  provider.onLoaded = (sets) => {
    view.description = sets.length ? String(sets.length) : undefined;
  };
  const writeFilter = async (filter: SetsFilter) => {
    await context.workspaceState.update(FILTER_KEY, filter.states?.length || filter.ministry ? filter : undefined);
    await showFilter();
    provider.refresh();
  };
  void showFilter();

  const filterState = async (states?: unknown) => {
    const filter = readFilter();
    if (Array.isArray(states)) {
      await writeFilter({ ...filter, states: states.filter((s): s is SetState => STATES.includes(s as SetState)) });
      return;
    }
    const picked = await vscode.window.showQuickPick(
      STATES.map((state) => ({ label: `$(${STATE_ICON[state][0]}) ${stateLabel(state, lang)}`, state, picked: filter.states?.includes(state) ?? false })),
      { canPickMany: true, title: en ? 'Show sets in these states' : 'Sets tonen met deze status', placeHolder: en ? 'None: all states' : 'Geen: alle statussen' },
    );
    if (picked) await writeFilter({ ...filter, states: picked.map((p) => p.state) });
  };

  const filterMinistry = async (ministry?: unknown) => {
    const filter = readFilter();
    if (typeof ministry === 'string') {
      await writeFilter({ ...filter, ministry: ministry || undefined });
      return;
    }
    const client = await access.running();
    const all = client ? ((await client.sendRequest<SetSummary[] | null>(SETS_REQUEST, {}).catch(() => null)) ?? []) : [];
    const counts = new Map<string, number>();
    for (const set of all) for (const m of new Set(set.ministries)) counts.set(m, (counts.get(m) ?? 0) + 1);
    const none = { label: en ? '$(clear-all) All ministries' : '$(clear-all) Alle ministeries', ministry: undefined as string | undefined, description: '' };
    const items = [none, ...[...counts].sort((a, b) => a[0].localeCompare(b[0], 'nl')).map(([m, n]) => ({ label: m, ministry: m as string | undefined, description: String(n) }))];
    const picked = await vscode.window.showQuickPick(items, { title: en ? 'Show sets addressed to a ministry' : 'Sets tonen gericht aan een ministerie', placeHolder: filter.ministry ?? '' });
    if (picked) await writeFilter({ ...filter, ministry: picked.ministry });
  };

  return [
    view,
    access.onIndexChanged((params) => {
      provider.indexing = params.indexing;
      provider.refresh();
    }),
    vscode.commands.registerCommand('kamervraag.sets.filterState', filterState),
    vscode.commands.registerCommand('kamervraag.sets.filterMinistry', filterMinistry),
    vscode.commands.registerCommand('kamervraag.sets.clearFilter', () => writeFilter({})),
    vscode.commands.registerCommand('kamervraag.sets.refresh', () => provider.refresh()),
  ];
}
