// codeLens above each answer: how many references point to it. The command
// shows them in the peek view; the client turns the LSP locations into
// editor ones.

import { type CodeLens, Command, Location } from 'vscode-languageserver-types';
import type { Analysis } from '../model/types';
import { referencesTo } from './at';
import { t, type FeatureContext } from './context';

export const SHOW_REFERENCES = 'kamervraag.showReferences';

export function codeLenses(a: Analysis, uri: string, ctx: FeatureContext): CodeLens[] {
  return a.answers.map((b) => {
    const refs = referencesTo(a, b.numbers);
    const anchor = b.heading ?? b.body;
    const n = refs.length;
    const title = t(ctx, n === 1 ? '1 verwijzing' : `${n} verwijzingen`, n === 1 ? 'referenced by 1 answer' : `referenced by ${n} answers`);
    const command: Command = n === 0
      ? Command.create(title, '')
      : Command.create(title, SHOW_REFERENCES, uri, anchor.range.start, refs.map((r) => Location.create(uri, r.range)));
    const lens: CodeLens = { range: { start: anchor.range.start, end: anchor.range.start }, command };
    return lens;
  });
}
