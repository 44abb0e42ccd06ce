// codeLens above each answer: how many references point to it. The command
// shows them in the peek view; the client turns the LSP locations into
// editor ones.

import { type CodeLens, Command, Location } from 'vscode-languageserver-types';
import type { Analysis, Reference } from '../model/types';
import { answerLabel } from '../i18n/words';
import { t, type FeatureContext } from './context';
import type { Cancellation, LanguageService } from '../service/languageService';

export const SHOW_REFERENCES = 'kamervraag.showReferences';

export function codeLenses(a: Analysis, uri: string, ctx: FeatureContext): CodeLens[] {
  // The references by target, once: a set of thousands of answers must not scan them all per answer.
  const byTarget = new Map<number, Reference[]>();
  for (const r of a.references) {
    if (r.scope !== 'internal' || r.target === null) continue;
    const list = byTarget.get(r.target);
    if (list) list.push(r);
    else byTarget.set(r.target, [r]);
  }
  // Answers numbered inline (the archive: `4 Neen. 5 In verband met … 6 Van de kant …`) share a line: each lens names its answer.
  const perLine = new Map<number, number>();
  for (const b of a.answers) {
    const line = (b.heading ?? b.body).range.start.line;
    perLine.set(line, (perLine.get(line) ?? 0) + 1);
  }
  return a.answers.map((b) => {
    const refs = b.numbers.length === 1 ? byTarget.get(b.numbers[0]) ?? [] : b.numbers.flatMap((n) => byTarget.get(n) ?? []).sort((x, y) => x.span.start - y.span.start);
    const anchor = b.heading ?? b.body;
    const n = refs.length;
    const count = t(ctx, n === 1 ? '1 verwijzing' : `${n} verwijzingen`, n === 1 ? 'referenced by 1 answer' : `referenced by ${n} answers`);
    const title = (perLine.get(anchor.range.start.line) ?? 0) > 1 ? `${answerLabel(ctx, b.numbers)}: ${count}` : count;
    const command: Command = n === 0
      ? Command.create(title, '')
      : Command.create(title, SHOW_REFERENCES, uri, anchor.range.start, refs.map((r) => Location.create(uri, r.range)));
    const lens: CodeLens = { range: { start: anchor.range.start, end: anchor.range.start }, command };
    return lens;
  });
}

export function provideCodeLenses(service: LanguageService, uri: string, token?: Cancellation): CodeLens[] {
  const a = service.analysis(uri);
  return !a || token?.isCancellationRequested ? [] : codeLenses(a, uri, service.context(uri));
}
