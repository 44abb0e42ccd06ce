// diagnostics: the analysis' diagnostics as LSP diagnostics, in the user's
// language, filtered by the settings, with related locations; for a document
// over the size limit, one diagnostic that says why it is not analysed.

import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location } from 'vscode-languageserver-types';
import type { Analysis, Diagnostic as ModelDiagnostic, Severity } from '../model/types';
import type { DiagnosticCodeName } from '../settings';
import { say, t, type FeatureContext } from './context';
import type { Cancellation, LanguageService } from '../service/languageService';
import { provideVerbatimDiagnostics } from './verbatim';

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

/**
 * All diagnostics of an open document: its own, and those against the other
 * files of its set (`verbatim.ts`), which may read a file. Null when it is not open.
 */
export async function provideAllDiagnostics(service: LanguageService, uri: string, token?: Cancellation): Promise<Diagnostic[] | null> {
  const own = provideDiagnostics(service, uri, token);
  if (own === null || service.analysis(uri) === null) return own;
  const cross = await provideVerbatimDiagnostics(service, uri, token);
  return cross.length === 0 ? own : [...own, ...cross].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** The other open documents of `uri`'s set: their cross-file diagnostics follow `uri`'s text. */
function openSiblings(service: LanguageService, uri: string): string[] {
  const set = service.index.setOf(uri);
  if (!set || set.files.length < 2) return [];
  return set.files.map((f) => f.uri).filter((u) => u !== uri && service.documents.has(u));
}

/** Delay between the last keystroke and the diagnostics it causes. */
export const DIAGNOSTICS_DELAY_MS = 150;

/**
 * The first diagnostics of an opened document wait until no request has been begun or answered for this
 * many ms and no answer is still being written (`quietFor`; the open itself counts as a request), at
 * most `OPEN_MAX_DEFER_MS`. An editor asks for the outline, the folding and the like with the open, and
 * those read the structure alone (see `FrozenAnalysis`): pushed at once, the diagnostics made the whole
 * analysis first, and the first outline of the sample ×100 waited for it.
 */
export const OPEN_QUIET_MS = 10;
/** At most this many ms of requests hold back the first diagnostics of an opened document. */
export const OPEN_MAX_DEFER_MS = 500;

/**
 * A pushed document of at most this many characters is analysed right after
 * each edit, while its diagnostics wait for the pause: when the pause comes,
 * they go out at once instead of after the analysis. An edit of a text this
 * size is re-analysed in some 10–15 ms (the sample ×100, 1.1 M characters, on
 * the benchmark machine); a larger one is analysed when the pause comes, so
 * that typing never waits on it.
 */
export const ANALYZE_AHEAD_MAX_CHARS = 2_000_000;

/** Clears the timer of `uri` in `timers`, if any, and forgets it. */
function cancelTimer(timers: Map<string, ReturnType<typeof setTimeout>>, uri: string): void {
  const pending = timers.get(uri);
  if (pending) clearTimeout(pending);
  timers.delete(uri);
}

/** A pull report: the full list, or `unchanged` when the client's previous result still stands. */
export type DiagnosticReport = { kind: 'full'; resultId: string; items: Diagnostic[] } | { kind: 'unchanged'; resultId: string };

/**
 * Gets each open document's diagnostics to the client, in one of two ways.
 *
 * Push (`textDocument/publishDiagnostics`), for clients that do not pull: at
 * once when a document opens, after a pause in typing once its first
 * diagnostics went out, and an empty list when it closes. A newer edit drops
 * an older pending push.
 *
 * Pull (`textDocument/diagnostic`), for clients that pull and accept a
 * refresh (VS Code): the client asks when it wants them, right after a
 * keystroke, with no pause; `report` answers, `unchanged` when nothing
 * changed since the client's last result. What a document's own edits cannot
 * tell the client (another file of its set changed, the index or the
 * settings did) goes out as one `workspace/diagnostic/refresh`.
 */
export class DiagnosticsPush {
  /** Set by `usePull`: the client pulls, and this asks it to pull again. */
  private refresh: (() => void) | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  /** The last pull report per document: its id, and what it said. */
  private readonly reports = new Map<string, { id: string; key: string }>();
  private nextReport = 1;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The analysis ahead of the pause, per document (see `ANALYZE_AHEAD_MAX_CHARS`). */
  private readonly ahead = new Map<string, ReturnType<typeof setTimeout>>();
  /** Documents whose first diagnostics went out. */
  private readonly published = new Set<string>();
  /** What went out last per document, to leave out a push the index caused that says nothing new. */
  private readonly sent = new Map<string, string>();

  constructor(
    private readonly service: () => LanguageService,
    private readonly send: (p: { uri: string; version?: number; diagnostics: Diagnostic[] }) => Promise<void> | void,
    private readonly ensureSettings: (uri: string) => Promise<void>,
    private readonly log: (message: string) => void,
    /** How many ms the server has been quiet: no request begun or answered, no answer still being written (see `OPEN_QUIET_MS`). */
    private readonly quietFor: () => number = () => service().quietFor(),
  ) {}

  /** The client pulls; `refresh` asks it to pull every open document again. Nothing is pushed from now on. */
  usePull(refresh: () => void): void {
    this.refresh = refresh;
  }

  get pulling(): boolean {
    return this.refresh !== null;
  }

  /**
   * The pull report of an open document. `previousResultId` is the client's last result for it:
   * when the diagnostics are the same, the answer is `unchanged`. A newer edit while the set's
   * other file is read cancels the report: null (the client asks again for the new version).
   */
  async report(uri: string, previousResultId: string | undefined, token?: Cancellation): Promise<DiagnosticReport | null> {
    const service = this.service();
    const version = service.documents.get(uri)?.version;
    const stale = { get isCancellationRequested() { return token?.isCancellationRequested === true || service.documents.get(uri)?.version !== version; } };
    const list = version === undefined ? [] : await provideAllDiagnostics(service, uri, stale);
    if (stale.isCancellationRequested) return null;
    const key = JSON.stringify(list ?? []);
    const last = this.reports.get(uri);
    if (last && last.id === previousResultId && last.key === key) return { kind: 'unchanged', resultId: last.id };
    const id = String(this.nextReport++);
    this.reports.set(uri, { id, key });
    return { kind: 'full', resultId: id, items: list ?? [] };
  }

  /** Asks a pulling client to pull again, once for all that happened within `delay`. */
  private refreshSoon(delay: number): void {
    if (!this.refresh || this.refreshTimer) return;
    const refresh = this.refresh;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      refresh();
    }, delay);
  }

  /**
   * A document opened: its first diagnostics, and those of the other open files of its set, once the
   * requests that came with the open are answered (see `OPEN_QUIET_MS`).
   */
  opened(uri: string): void {
    if (this.pulling) {
      if (openSiblings(this.service(), uri).length > 0) this.refreshSoon(0);
      return;
    }
    this.published.delete(uri);
    this.schedule(uri, 0, false, true);
    this.siblings(uri, 0, true);
  }

  /** A document changed; returns whether it had its first diagnostics already (then typing is under way). */
  changed(uri: string): boolean {
    if (this.pulling) {
      // The client pulls this document itself; the other files of its set compare with its text.
      if (openSiblings(this.service(), uri).length > 0) this.refreshSoon(DIAGNOSTICS_DELAY_MS);
      return this.reports.has(uri);
    }
    const settled = this.published.has(uri);
    this.schedule(uri, settled ? DIAGNOSTICS_DELAY_MS : 0);
    this.siblings(uri, settled ? DIAGNOSTICS_DELAY_MS : 0);
    if (settled) this.analyzeAhead(uri);
    return settled;
  }

  /**
   * Analyses a small enough document in the turn after its edit (settings known: its first
   * diagnostics went out), unless another edit comes first: the push after the pause finds
   * the analysis done. Requests that came with the edit are answered before it.
   */
  private analyzeAhead(uri: string): void {
    cancelTimer(this.ahead, uri);
    const service = this.service();
    const doc = service.documents.get(uri);
    if (!doc || doc.getText().length > ANALYZE_AHEAD_MAX_CHARS) return;
    const version = doc.version;
    this.ahead.set(uri, setTimeout(() => {
      this.ahead.delete(uri);
      const now = this.service();
      if (now.documents.get(uri)?.version !== version) return;
      try {
        // Its findings too, which the diagnostics read (an analysis makes them when first asked).
        void now.analysis(uri)?.diagnostics;
      } catch (e) {
        this.log(`analysis failed for ${uri}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      }
    }, 0));
  }

  /** The index changed (a file came, went or changed): the open documents of sets with other files again, if their diagnostics change. */
  indexChanged(): void {
    const service = this.service();
    for (const uri of service.documents.uris()) {
      if ((service.index.setOf(uri)?.files.length ?? 0) <= 1) continue;
      if (this.pulling) {
        // An unchanged report costs the client little: it keeps what it has.
        this.refreshSoon(0);
        return;
      }
      if (!this.timers.has(uri)) this.schedule(uri, 0, true);
    }
  }

  /** The other open documents of the set compare with this one's text (`quiet`: as `schedule`). */
  private siblings(uri: string, delay: number, quiet = false): void {
    for (const other of openSiblings(this.service(), uri)) this.schedule(other, delay, false, quiet);
  }

  /** Every open document again (the settings changed). */
  all(): void {
    if (this.pulling) {
      this.refreshSoon(0);
      return;
    }
    for (const uri of this.service().documents.uris()) this.schedule(uri, 0);
  }

  closed(uri: string): void {
    if (this.pulling) {
      // The client drops a closed document's pulled diagnostics itself.
      this.reports.delete(uri);
      if (openSiblings(this.service(), uri).length > 0) this.refreshSoon(0);
      return;
    }
    cancelTimer(this.timers, uri);
    cancelTimer(this.ahead, uri);
    this.published.delete(uri);
    this.sent.delete(uri);
    this.siblings(uri, 0);
    Promise.resolve(this.send({ uri, diagnostics: [] })).catch(() => undefined);
  }

  /** Pushes the diagnostics of `uri` after `delay` ms; `quiet`: and once the server is quiet (see `OPEN_QUIET_MS`). */
  private schedule(uri: string, delay: number, onlyIfNew = false, quiet = false): void {
    this.arm(uri, delay, onlyIfNew, quiet ? Date.now() + delay + OPEN_MAX_DEFER_MS : 0);
  }

  /** Pushes the diagnostics of `uri` after `delay` ms, and, until the time `latest` (0: none), once the server is quiet. */
  private arm(uri: string, delay: number, onlyIfNew: boolean, latest: number): void {
    cancelTimer(this.timers, uri);
    const run = (): void => {
      const wait = this.waitFor(latest);
      if (wait > 0) {
        this.timers.set(uri, setTimeout(run, wait));
        return;
      }
      this.timers.delete(uri);
      this.publish(uri, onlyIfNew, latest).catch((e) => this.log(`diagnostics failed for ${uri}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
    };
    this.timers.set(uri, setTimeout(run, delay));
  }

  /** How many ms more a push that waits for quiet until the time `latest` (0: none) waits. */
  private waitFor(latest: number): number {
    if (latest === 0 || Date.now() >= latest) return 0;
    const quietFor = this.quietFor();
    return quietFor < OPEN_QUIET_MS ? OPEN_QUIET_MS - quietFor : 0;
  }

  private async publish(uri: string, onlyIfNew: boolean, latest = 0): Promise<void> {
    const version = this.service().documents.get(uri)?.version;
    if (version === undefined) return;
    await this.ensureSettings(uri);
    const service = this.service();
    if (service.documents.get(uri)?.version !== version) return; // a newer edit will publish
    // A request begun while the settings were fetched (the outline of a large document waits for them
    // too) goes first: the push waits again, unless another is due already.
    if (this.waitFor(latest) > 0) {
      if (!this.timers.has(uri)) this.arm(uri, 0, onlyIfNew, latest);
      return;
    }
    // A newer edit or a newer push while the set's questions file is read cancels this one.
    const token = { get isCancellationRequested() { return service.documents.get(uri)?.version !== version; } };
    const list = await provideAllDiagnostics(service, uri, token);
    if (list === null || token.isCancellationRequested) return;
    const key = `${version} ${JSON.stringify(list)}`;
    if (onlyIfNew && this.sent.get(uri) === key) return;
    this.sent.set(uri, key);
    this.published.add(uri);
    await this.send({ uri, version, diagnostics: list });
  }
}
