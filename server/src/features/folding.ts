// foldingRange: the header, each question block, each answer, the notices,
// the footer, a Toelichting and the footnote texts at page bottoms.

import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver-types';
import type { Analysis, Located } from '../model/types';
import { questionBlock } from './at';
import type { Cancellation, LanguageService } from '../service/languageService';

export function foldingRanges(a: Analysis): FoldingRange[] {
  const out: FoldingRange[] = [];
  const seen = new Set<string>();
  const add = (el: Located, kind?: string) => {
    const start = el.range.start.line;
    const end = el.range.end.line;
    if (end <= start) return;
    const key = `${start}:${end}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(FoldingRange.create(start, end, undefined, undefined, kind));
  };
  for (const s of a.sections) {
    if (s.kind === 'header' || s.kind === 'footer') add(s, FoldingRangeKind.Imports);
    else if (s.kind === 'footnotes') add(s, FoldingRangeKind.Comment);
    else if (s.kind === 'toelichting') add(s, FoldingRangeKind.Region);
  }
  for (const q of a.questions) {
    // The question block runs to the end of its answer when the answer follows it.
    const block = questionBlock(a, q);
    add({ span: block, range: a.lines.rangeOf(block) }, FoldingRangeKind.Region);
  }
  for (const b of a.answers) add(b, FoldingRangeKind.Region);
  for (const n of a.notices) add(n, FoldingRangeKind.Region);
  return out.sort((x, y) => x.startLine - y.startLine || y.endLine - x.endLine);
}

export function provideFoldingRanges(service: LanguageService, uri: string, token?: Cancellation): FoldingRange[] {
  const a = service.analysis(uri);
  return !a || token?.isCancellationRequested ? [] : foldingRanges(a);
}
