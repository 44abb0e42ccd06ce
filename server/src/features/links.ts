// documentLink: web addresses, publication ids, Kamerstukken, Aanhangsels,
// Handelingen, ECLI numbers, Staatsblad and laws, each to its official address.

import { DocumentLink } from 'vscode-languageserver-types';
import type { Analysis } from '../model/types';

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
