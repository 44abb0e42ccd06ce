// workspace/symbol over the workspace index: one symbol per indexed file,
// found by zaak number, publication id, Aanhangsel number, title words,
// submitter, addressee, ministry, topic and date (`2022Z09875`,
// `ah-tk-20242025-584`, `signal`, `van der plas`, `19 mei 2022`,
// `2022-05-19`). Open documents are searched by workspaceSymbols.ts, with
// their questions and letters.

import { SymbolKind, WorkspaceSymbol } from 'vscode-languageserver-types';
import type { WorkspaceIndex } from '../workspace/index';
import { formatDate, t, type FeatureContext } from './context';

export function indexSymbols(index: WorkspaceIndex, query: string, ctx: FeatureContext, skip: ReadonlySet<string>, limit = 200): WorkspaceSymbol[] {
  const out: WorkspaceSymbol[] = [];
  const fmt = (d: string) => formatDate(ctx, d);
  for (const f of index.search(query, limit + skip.size)) {
    if (skip.has(f.uri)) continue;
    const detail: string[] = [];
    if (f.submitters.length > 0) detail.push(f.submitters.join(', '));
    if (f.submitted) detail.push(`${t(ctx, 'ingediend', 'submitted')} ${fmt(f.submitted)}`);
    if (f.answered) detail.push(`${t(ctx, 'beantwoord', 'answered')} ${fmt(f.answered)}`);
    else if (f.noticeDate) detail.push(`${t(ctx, 'uitstel', 'delayed')} ${fmt(f.noticeDate)}`);
    out.push({
      name: f.title ? `${f.label} — ${f.title}` : f.label,
      kind: SymbolKind.Module,
      containerName: detail.join(' · '),
      location: { uri: f.uri, range: f.headerRange },
    });
    if (out.length >= limit) break;
  }
  return out;
}
