// semanticTokens: references, dates, letters, footnote markers, citations and
// headings, with standard token types that every theme colours. Tokens never
// overlap and never span lines: an element inside another (a date inside a
// letter mention, a marker glued to a year) cuts the outer one.

import type { SemanticTokens, SemanticTokensDelta, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { Analysis } from '../model/types';
import type { Span } from '../model/text';
import type { Cancellation, LanguageService } from '../service/languageService';

export const TOKEN_TYPES = ['function', 'number', 'class', 'decorator', 'string', 'keyword'] as const;
export const TOKEN_MODIFIERS = ['declaration', 'defaultLibrary', 'deprecated'] as const;
export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

type TokenType = (typeof TOKEN_TYPES)[number];
type Modifier = (typeof TOKEN_MODIFIERS)[number];

interface Piece {
  readonly span: Span;
  readonly type: TokenType;
  readonly modifiers: number;
  /** Higher wins where pieces overlap. */
  readonly priority: number;
}

function mods(...m: Modifier[]): number {
  return m.reduce((bits, x) => bits | (1 << TOKEN_MODIFIERS.indexOf(x)), 0);
}

function pieces(a: Analysis): Piece[] {
  const out: Piece[] = [];
  for (const q of a.questions) if (q.heading && q.heading.span.end > q.heading.span.start) out.push({ span: q.heading.span, type: 'keyword', modifiers: mods('declaration'), priority: 0 });
  for (const b of a.answers) if (b.heading) out.push({ span: b.heading.span, type: 'keyword', modifiers: mods('declaration'), priority: 0 });
  for (const n of a.notices) if (n.heading) out.push({ span: n.heading.span, type: 'keyword', modifiers: 0, priority: 0 });
  for (const c of a.citations) out.push({ span: c.span, type: 'string', modifiers: 0, priority: 1 });
  for (const r of a.references) {
    const external = r.scope === 'external';
    out.push({ span: r.span, type: 'function', modifiers: external ? mods('defaultLibrary') : r.target === null ? mods('deprecated') : 0, priority: 2 });
  }
  for (const l of a.letters) for (const m of l.mentions) out.push({ span: m.span, type: 'class', modifiers: 0, priority: 3 });
  for (const d of a.dates) out.push({ span: d.span, type: 'number', modifiers: d.typo || (d.weekday && !d.weekday.matches) ? mods('deprecated') : 0, priority: 4 });
  for (const f of a.footnotes) out.push({ span: f.span, type: 'decorator', modifiers: 0, priority: 5 });
  return out;
}

/**
 * Cuts the pieces into non-overlapping, single-line tokens: a sweep over the
 * boundaries, where the highest-priority piece that covers an interval owns it.
 */
export function semanticTokens(a: Analysis): SemanticTokens {
  const all = pieces(a);
  const events: { at: number; piece: Piece; open: boolean }[] = [];
  for (const p of all) {
    if (p.span.end <= p.span.start) continue;
    events.push({ at: p.span.start, piece: p, open: true }, { at: p.span.end, piece: p, open: false });
  }
  events.sort((x, y) => x.at - y.at || (x.open === y.open ? 0 : x.open ? 1 : -1));
  const active: Piece[][] = [[], [], [], [], [], []];
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  const push = (line: number, char: number, length: number, type: number, modifiers: number) => {
    // LSP's relative encoding: line delta, start delta (on the same line), length, type, modifiers.
    data.push(line - prevLine, line === prevLine ? char - prevChar : char, length, type, modifiers);
    prevLine = line;
    prevChar = char;
  };
  let last = -1;
  const emit = (from: number, to: number) => {
    let owner: Piece | undefined;
    for (let p = active.length - 1; p >= 0 && !owner; p--) owner = active[p][active[p].length - 1];
    if (!owner || to <= from) return;
    // Split at line ends.
    let s = from;
    while (s < to) {
      const pos = a.lines.positionAt(s);
      const lineEnd = a.lines.lineEnd(pos.line);
      const e = Math.min(to, lineEnd);
      if (e > s) push(pos.line, pos.character, e - s, TOKEN_TYPES.indexOf(owner.type), owner.modifiers);
      if (pos.line + 1 >= a.lines.lineCount) break;
      s = Math.max(e, a.lines.lineStart(pos.line + 1));
    }
  };
  for (const ev of events) {
    if (last >= 0 && ev.at > last) emit(last, ev.at);
    const stack = active[ev.piece.priority];
    if (ev.open) stack.push(ev.piece);
    else {
      const i = stack.lastIndexOf(ev.piece);
      if (i >= 0) stack.splice(i, 1);
    }
    last = ev.at;
  }
  return { data };
}

/** The tokens last sent per open document, by service: what a delta is computed against. */
const sent = new WeakMap<LanguageService, Map<string, { readonly resultId: string; readonly data: readonly number[] }>>();
let nextResult = 1;

/** Remembers what goes out for an open document (a closed one's memory is let go here too). */
function remember(service: LanguageService, uri: string, data: readonly number[]): string {
  let byUri = sent.get(service);
  if (!byUri) sent.set(service, (byUri = new Map()));
  for (const known of byUri.keys()) if (!service.documents.has(known)) byUri.delete(known);
  const resultId = String(nextResult++);
  if (service.documents.has(uri)) byUri.set(uri, { resultId, data });
  return resultId;
}

export function provideSemanticTokens(service: LanguageService, uri: string, token?: Cancellation): SemanticTokens {
  const a = service.analysis(uri);
  if (!a || token?.isCancellationRequested) return { data: [] };
  const tokens = semanticTokens(a);
  return { resultId: remember(service, uri, tokens.data), data: tokens.data };
}

/**
 * The change from the tokens of `previousResultId` to the document's tokens now, as one edit of
 * the integer array: what lies between the common start and the common end. A keystroke shifts
 * the tokens after it by a character on its line only (the encoding is relative), so the edit is
 * a few integers. The full tokens when the previous result is not the one remembered.
 */
export function provideSemanticTokensDelta(service: LanguageService, uri: string, previousResultId: string | undefined, token?: Cancellation): SemanticTokens | SemanticTokensDelta {
  const before = sent.get(service)?.get(uri);
  if (!before || before.resultId !== previousResultId) return provideSemanticTokens(service, uri, token);
  const a = service.analysis(uri);
  if (!a || token?.isCancellationRequested) return { data: [] };
  const now = semanticTokens(a).data;
  const old = before.data;
  let start = 0;
  const shorter = Math.min(old.length, now.length);
  while (start < shorter && old[start] === now[start]) start++;
  let end = 0;
  while (end < shorter - start && old[old.length - 1 - end] === now[now.length - 1 - end]) end++;
  // Whole tokens (five integers each), so that the edit reads as tokens replaced.
  start -= start % 5;
  end -= end % 5;
  const resultId = remember(service, uri, now);
  if (start === old.length && start === now.length) return { resultId, edits: [] };
  return { resultId, edits: [{ start, deleteCount: old.length - start - end, data: now.slice(start, now.length - end) }] };
}
