// codeAction: quick fixes where the fix is certain — the year typo
// (`20022` → `2022`), the day count (`(na 61 dagen)` → `(na 60 dagen)`), the
// weekday of a certain date, an answer heading for an unanswered question, and
// across files a question's submitted text.

import { CodeAction, CodeActionKind, Range, TextEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../model/types';
import { say, type FeatureContext } from './context';
import { isEnabled, toLspDiagnostic } from './diagnostics';
import type { Cancellation, LanguageService } from '../service/languageService';
import { verbatimCodeActions } from './verbatim';

function overlaps(a: Range, b: Range): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** Whether a request's `only` kinds admit quick fixes. */
function asksQuickFix(only?: readonly string[]): boolean {
  return !only || only.length === 0 || only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`) || k === CodeActionKind.Empty);
}

export function codeActions(a: Analysis, range: Range, uri: string, ctx: FeatureContext, only?: readonly string[]): CodeAction[] {
  if (!asksQuickFix(only)) return [];
  const out: CodeAction[] = [];
  for (const d of a.diagnostics) {
    if (!d.fix || !isEnabled(d, ctx) || !overlaps(d.range, range)) continue;
    const action = CodeAction.create(say(ctx, d.fix.title), { changes: { [uri]: d.fix.edits.map((e) => TextEdit.replace(e.range, e.newText)) } }, CodeActionKind.QuickFix);
    action.diagnostics = [toLspDiagnostic(d, uri, ctx)];
    action.isPreferred = true;
    out.push(action);
  }
  return out;
}

export function provideCodeActions(service: LanguageService, uri: string, range: Range, context: { readonly only?: readonly string[] } | undefined, token?: Cancellation): CodeAction[] {
  const a = service.analysis(uri);
  if (!a || token?.isCancellationRequested) return [];
  const actions = codeActions(a, range, uri, service.context(uri), context?.only);
  // Across files: a question's submitted text (verbatim.ts).
  return asksQuickFix(context?.only) ? [...actions, ...verbatimCodeActions(service, uri, range)] : actions;
}
