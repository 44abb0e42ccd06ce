// workspace/symbol: the open documents (each set, its questions and its
// letters), then every other file the workspace index knows.

import { SymbolKind, WorkspaceSymbol } from 'vscode-languageserver-types';
import type { Analysis } from '../model/types';
import { firstSentence } from './at';
import { formatDate, t, type FeatureContext } from './context';
import { questionLabel } from '../i18n/words';
import type { Cancellation, LanguageService } from '../service/languageService';
import { indexSymbols } from './indexSymbols';

/** Case-insensitive match of the query's characters in order (`v12` finds `Vraag 12`). */
export function matchesQuery(name: string, query: string): boolean {
  if (!query) return true;
  const n = name.toLowerCase();
  let i = 0;
  for (const c of query.toLowerCase()) {
    if (c === ' ') continue;
    i = n.indexOf(c, i);
    if (i < 0) return false;
    i++;
  }
  return true;
}

export function workspaceSymbols(docs: readonly { uri: string; analysis: Analysis }[], query: string, ctx: FeatureContext, limit = 1000): WorkspaceSymbol[] {
  const out: WorkspaceSymbol[] = [];
  const push = (s: WorkspaceSymbol) => {
    if (out.length < limit && matchesQuery(s.name, query)) out.push(s);
  };
  for (const { uri, analysis: a } of docs) {
    const set = a.metadata.zaak ? `Kamervraag ${a.metadata.zaak}` : a.metadata.title ?? uri.slice(uri.lastIndexOf('/') + 1);
    const setRange = a.lines.rangeOf(a.metadata.zaakSpan ?? a.metadata.titleSpan ?? { start: 0, end: 0 });
    push({ name: a.metadata.title ? `${set} — ${a.metadata.title}` : set, kind: SymbolKind.Module, location: { uri, range: setRange } });
    for (const q of a.questions) {
      const sel = q.heading ?? q.question;
      push({
        name: `${questionLabel(ctx, q.numbers)}: ${firstSentence(a.text.slice(q.question.span.start, q.question.span.end), 80)}`,
        kind: SymbolKind.Class,
        containerName: set,
        location: { uri, range: sel.range },
      });
    }
    for (const l of a.letters) {
      const date = formatDate(ctx, l.date);
      push({ name: `${t(ctx, 'Brief van', 'Letter of')} ${date}`, kind: SymbolKind.Object, containerName: set, location: { uri, range: l.mentions[0].range } });
    }
  }
  return out;
}

export function provideWorkspaceSymbols(service: LanguageService, query: string, token?: Cancellation): WorkspaceSymbol[] {
  const docs: { uri: string; analysis: Analysis }[] = [];
  for (const uri of service.documents.uris()) {
    if (token?.isCancellationRequested) return [];
    const a = service.analysis(uri);
    if (a) docs.push({ uri, analysis: a });
  }
  const ctx = { locale: service.locale, settings: service.settings };
  const q = typeof query === 'string' ? query : '';
  return [...workspaceSymbols(docs, q, ctx), ...indexSymbols(service.index, q, ctx, new Set(service.documents.uris()))];
}
