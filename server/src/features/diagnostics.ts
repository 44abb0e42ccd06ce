// diagnostics: the analysis' diagnostics as LSP diagnostics, in the user's
// language, filtered by the settings, with related locations; for a document
// over the size limit, one diagnostic that says why it is not analysed.

import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location } from 'vscode-languageserver-types';
import type { Analysis, Diagnostic as ModelDiagnostic, Severity } from '../model/types';
import type { DiagnosticCodeName } from '../settings';
import { say, t, type FeatureContext } from './context';
import type { Cancellation, LanguageService } from '../service/languageService';

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

/** The diagnostics of an open document, or null when it is not open. */
export function provideDiagnostics(service: LanguageService, uri: string, token?: Cancellation): Diagnostic[] | null {
  if (!service.documents.has(uri) || token?.isCancellationRequested) return null;
  const ctx = service.context(uri);
  const limitMB = service.tooLarge(uri);
  if (limitMB !== null) {
    const message = t(ctx, `Dit bestand is groter dan ${limitMB} MB (kamervraag.maxFileSizeMB) en wordt niet geanalyseerd.`, `This file is larger than ${limitMB} MB (kamervraag.maxFileSizeMB) and is not analysed.`);
    return [Diagnostic.create({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message, DiagnosticSeverity.Information, 'file-too-large', SOURCE)];
  }
  const a = service.analysis(uri);
  return a ? diagnostics(a, uri, ctx) : [];
}

/** Delay between the last keystroke and the diagnostics it causes. */
export const DIAGNOSTICS_DELAY_MS = 150;

/**
 * Pushes each open document's diagnostics: at once when it opens, after a
 * pause in typing once its first diagnostics went out, and an empty list when
 * it closes. A newer edit drops an older pending push.
 */
export class DiagnosticsPush {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Documents whose first diagnostics went out. */
  private readonly published = new Set<string>();

  constructor(
    private readonly service: () => LanguageService,
    private readonly send: (p: { uri: string; version?: number; diagnostics: Diagnostic[] }) => Promise<void> | void,
    private readonly ensureSettings: (uri: string) => Promise<void>,
    private readonly log: (message: string) => void,
  ) {}

  opened(uri: string): void {
    this.published.delete(uri);
    this.schedule(uri, 0);
  }

  /** A document changed; returns whether it had its first diagnostics already (then typing is under way). */
  changed(uri: string): boolean {
    const settled = this.published.has(uri);
    this.schedule(uri, settled ? DIAGNOSTICS_DELAY_MS : 0);
    return settled;
  }

  /** Every open document again (the settings changed). */
  all(): void {
    for (const uri of this.service().documents.uris()) this.schedule(uri, 0);
  }

  closed(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.delete(uri);
    this.published.delete(uri);
    Promise.resolve(this.send({ uri, diagnostics: [] })).catch(() => undefined);
  }

  private schedule(uri: string, delay: number): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      this.publish(uri).catch((e) => this.log(`diagnostics failed for ${uri}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
    }, delay));
  }

  private async publish(uri: string): Promise<void> {
    const version = this.service().documents.get(uri)?.version;
    if (version === undefined) return;
    await this.ensureSettings(uri);
    const service = this.service();
    if (service.documents.get(uri)?.version !== version) return; // a newer edit will publish
    const list = provideDiagnostics(service, uri);
    if (list === null) return;
    this.published.add(uri);
    await this.send({ uri, version, diagnostics: list });
  }
}
