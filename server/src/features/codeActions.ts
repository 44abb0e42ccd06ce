// codeAction: quick fixes where the fix is certain — the year typo
// (`20022` → `2022`), the day count (`(na 61 dagen)` → `(na 60 dagen)`), the
// weekday of a certain date, an answer heading for an unanswered question,
// across files a question's submitted text, and the
// renumbering of the questions or the footnotes on their diagnostics — and,
// for the whole document, the source actions `Vragen hernummeren` and
// `Voetnoten hernummeren` when (and only when) the numbering is off. Every
// action carries its edit; the commands `kamervraag.renumberQuestions` and
// `kamervraag.renumberFootnotes` apply the same edit through the client.

import { CodeAction, CodeActionKind, Range, TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import { DiagnosticCode } from '../model/diagnostics';
import type { Analysis, Fix } from '../model/types';
import { say, type FeatureContext } from './context';
import { isEnabled, toLspDiagnostic } from './diagnostics';
import type { Cancellation, LanguageService } from '../service/languageService';
import { verbatimCodeActions } from './verbatim';

/** The source action kinds: the whole set renumbered 1…N, the footnotes in order of appearance. */
export const RENUMBER_QUESTIONS_KIND = `${CodeActionKind.Source}.renumberQuestions`;
export const RENUMBER_FOOTNOTES_KIND = `${CodeActionKind.Source}.renumberFootnotes`;

export type Renumbering = 'questions' | 'footnotes';

function overlaps(a: Range, b: Range): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** Whether a client that asks for `only` wants actions of `kind` (LSP: a kind covers its sub-kinds). */
function wanted(kind: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((k) => typeof k === 'string' && (k === CodeActionKind.Empty || k === kind || kind.startsWith(`${k}.`)));
}

function workspaceEdit(uri: string, fix: Fix): WorkspaceEdit {
  return { changes: { [uri]: fix.edits.map((e) => TextEdit.replace(e.range, e.newText)) } };
}

/** The renumbering fix the analysis holds, or null when the numbering is in order. */
export function renumberFix(a: Analysis, which: Renumbering): Fix | null {
  const code = which === 'questions' ? DiagnosticCode.questionNumbering : DiagnosticCode.footnoteDisorder;
  for (const d of a.diagnostics) if (d.code === code && d.fix && d.fix.edits.length > 0) return d.fix;
  return null;
}

export function codeActions(a: Analysis, range: Range, uri: string, ctx: FeatureContext, only?: readonly string[]): CodeAction[] {
  const out: CodeAction[] = [];
  if (wanted(CodeActionKind.QuickFix, only)) {
    // One renumbering per kind, however many of its diagnostics the range touches.
    const offered = new Set<string>();
    for (const d of a.diagnostics) {
      if (!d.fix || !isEnabled(d, ctx) || !overlaps(d.range, range)) continue;
      const multi = d.fix.edits.length > 1 || d.code === DiagnosticCode.questionNumbering || d.code === DiagnosticCode.footnoteDisorder;
      if (multi && offered.has(d.code)) continue;
      offered.add(d.code);
      const action = CodeAction.create(say(ctx, d.fix.title), workspaceEdit(uri, d.fix), CodeActionKind.QuickFix);
      action.diagnostics = [toLspDiagnostic(d, uri, ctx)];
      action.isPreferred = true;
      out.push(action);
    }
  }
  for (const [which, kind] of [['questions', RENUMBER_QUESTIONS_KIND], ['footnotes', RENUMBER_FOOTNOTES_KIND]] as const) {
    if (!wanted(kind, only)) continue;
    const fix = renumberFix(a, which);
    if (fix) out.push(CodeAction.create(say(ctx, fix.title), workspaceEdit(uri, fix), kind));
  }
  return out;
}

export function provideCodeActions(service: LanguageService, uri: string, range: Range, context: { readonly only?: readonly string[] } | undefined, token?: Cancellation): CodeAction[] {
  const a = service.analysis(uri);
  if (!a || token?.isCancellationRequested || !range || !range.start || !range.end) return [];
  const only = Array.isArray(context?.only) ? context.only : undefined;
  const actions = codeActions(a, range, uri, service.context(uri), only);
  // Across files: a question's submitted text (verbatim.ts).
  return wanted(CodeActionKind.QuickFix, only) ? [...actions, ...verbatimCodeActions(service, uri, range)] : actions;
}

/** What a renumber command applies: the edit with its label, or null when there is nothing to renumber. */
export function provideRenumberEdit(service: LanguageService, uri: string, which: Renumbering): { label: string; edit: WorkspaceEdit } | null {
  const a = service.analysis(uri);
  const fix = a ? renumberFix(a, which) : null;
  return fix ? { label: say(service.context(uri), fix.title), edit: workspaceEdit(uri, fix) } : null;
}
