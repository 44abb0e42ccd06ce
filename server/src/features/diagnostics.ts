// diagnostics: the analysis' diagnostics as LSP diagnostics, in the user's
// language, filtered by the settings, with related locations.

import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location } from 'vscode-languageserver-types';
import type { Analysis, Diagnostic as ModelDiagnostic, Severity } from '../model/types';
import type { DiagnosticCodeName } from '../settings';
import { say, type FeatureContext } from './context';

export const SOURCE = 'kamervraag';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function isEnabled(d: ModelDiagnostic, ctx: FeatureContext): boolean {
  return ctx.settings.diagnostics[d.code as DiagnosticCodeName] !== false;
}

export function toLspDiagnostic(d: ModelDiagnostic, uri: string, ctx: FeatureContext): Diagnostic {
  const out = Diagnostic.create(d.range, say(ctx, d.message), SEVERITY[d.severity], d.code, SOURCE);
  if (d.related.length > 0) {
    out.relatedInformation = d.related.map((r) => DiagnosticRelatedInformation.create(Location.create(uri, r.range), say(ctx, r.message)));
  }
  return out;
}

export function diagnostics(a: Analysis, uri: string, ctx: FeatureContext): Diagnostic[] {
  return a.diagnostics.filter((d) => isEnabled(d, ctx)).map((d) => toLspDiagnostic(d, uri, ctx));
}
