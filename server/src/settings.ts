// The server's settings (`kamervraag.*`), with their defaults. The client
// sends them through workspace/configuration; every feature reads them from
// here, never from the editor directly.

import { DiagnosticCode } from './model/diagnostics';

export type DiagnosticCodeName = (typeof DiagnosticCode)[keyof typeof DiagnosticCode];

export interface Settings {
  /** Each kind of diagnostic on or off, by code (`year-typo`, `late-answer`, …). */
  readonly diagnostics: Readonly<Record<DiagnosticCodeName, boolean>>;
  /** The answer terms in days: three weeks, and six weeks after a delay notice. */
  readonly terms: { readonly regularDays: number; readonly extendedDays: number };
  /** Documents larger than this many megabytes are not analysed. */
  readonly maxFileSizeMB: number;
  /** Each kind of inlay hint on or off. */
  readonly inlayHints: InlayHintSettings;
}

export interface InlayHintSettings {
  /** After an undated letter mention (`brief2`): the letter's date. */
  readonly letterDates: boolean;
  /** After a date whose year is inferred (`19 mei`): the full date. */
  readonly inferredYears: boolean;
  /** After the submission date: both term ends. */
  readonly terms: boolean;
  /** After an internal reference: the question's opening words. */
  readonly references: boolean;
}

/** The `kamervraag.diagnostics.*` setting name of each code: `year-typo` → `yearTypo`. */
export function settingNameOf(code: string): string {
  return code.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

const ALL_CODES = Object.values(DiagnosticCode) as DiagnosticCodeName[];

/** The smallest size limit a setting can give: a text of at most this many megabytes is analysed under any settings. */
export const MIN_FILE_SIZE_MB = 1;

export const DEFAULT_SETTINGS: Settings = {
  diagnostics: Object.fromEntries(ALL_CODES.map((c) => [c, true])) as Record<DiagnosticCodeName, boolean>,
  terms: { regularDays: 21, extendedDays: 42 },
  maxFileSizeMB: 50,
  inlayHints: { letterDates: true, inferredYears: true, terms: true, references: false },
};

function positiveInt(v: unknown, fallback: number, max: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 1 && v <= max ? Math.floor(v) : fallback;
}

/** Boolean flags of a section, each keeping its default when missing or malformed. */
function readFlags<T extends object>(raw: unknown, defaults: T): T {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const out = { ...defaults } as Record<string, unknown>;
  for (const k of Object.keys(defaults)) if (typeof r[k] === 'boolean') out[k] = r[k];
  return out as T;
}

/** Reads the raw `kamervraag` configuration section; anything missing or malformed keeps its default. */
export function readSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const d = (r.diagnostics && typeof r.diagnostics === 'object' ? r.diagnostics : {}) as Record<string, unknown>;
  const t = (r.terms && typeof r.terms === 'object' ? r.terms : {}) as Record<string, unknown>;
  const diagnostics = { ...DEFAULT_SETTINGS.diagnostics };
  for (const code of ALL_CODES) {
    const v = d[settingNameOf(code)];
    if (typeof v === 'boolean') diagnostics[code] = v;
  }
  return {
    diagnostics,
    terms: {
      regularDays: positiveInt(t.regularDays, DEFAULT_SETTINGS.terms.regularDays, 365),
      extendedDays: positiveInt(t.extendedDays, DEFAULT_SETTINGS.terms.extendedDays, 365),
    },
    maxFileSizeMB: Math.max(MIN_FILE_SIZE_MB, positiveInt(r.maxFileSizeMB, DEFAULT_SETTINGS.maxFileSizeMB, 2048)),
    inlayHints: readFlags(r.inlayHints, DEFAULT_SETTINGS.inlayHints),
  };
}
