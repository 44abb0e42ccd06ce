// documentLink: web addresses, publication ids, Kamerstukken, Aanhangsels,
// Handelingen, ECLI numbers, Staatsblad and laws, each to its official address.

import { DocumentLink } from 'vscode-languageserver-types';
import type { Analysis } from '../model/types';
import type { Cancellation, LanguageService } from '../service/languageService';

export function documentLinks(a: Analysis): DocumentLink[] {
  const out: DocumentLink[] = [];
  for (const c of a.citations) {
    if (!c.url) continue;
    const link = DocumentLink.create(c.range, c.url);
    link.tooltip = c.label;
    out.push(link);
  }
  return out;
}

export function provideDocumentLinks(service: LanguageService, uri: string, token?: Cancellation): DocumentLink[] {
  const a = service.analysis(uri);
  return !a || token?.isCancellationRequested ? [] : documentLinks(a);
}
