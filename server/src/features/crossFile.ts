// definition, hover and references across files, through the workspace
// index: a zaak number, publication id or Aanhangsel number goes to that set's
// file; an external answer reference goes to the matching answer in the
// matching set; a letter that is another set's answer (same date, same
// submitter) goes to that set; references on a set's header list every file
// that cites it. Where the index knows no target, or more than one, nothing
// is linked and the document's own features answer.

import { Location, LocationLink, Position } from 'vscode-languageserver-types';
import type { Span } from '../model/text';
import type { Analysis, Letter, LetterMention, Reference } from '../model/types';
import type { IndexedSet, Target, WorkspaceIndex } from '../workspace/index';
import { letterSite, referenceSite, type ExternalSite } from '../workspace/summary';
import { elementAt, offsetOf } from './at';
import { formatDate, t, type FeatureContext } from './context';
import { esc, link } from './markdown';

interface Resolved {
  readonly origin: Span;
  readonly targets: readonly Target[];
  /** The set the element stands for, when it is one set. */
  readonly set: IndexedSet | null;
  /** The answer number, for an answer reference. */
  readonly number: number | null;
}

function ownIds(index: WorkspaceIndex, uri: string): Set<string> {
  const ids = new Set<string>();
  const f = index.get(uri);
  if (f) {
    if (f.setZaak) ids.add(f.setZaak);
    for (const id of f.publicationIds) ids.add(id);
  }
  return ids;
}

/** The letter mention that carries the letter's date: this one, or the letter's first dated mention. */
function datedMention(mentions: readonly LetterMention[], m: LetterMention): LetterMention | null {
  return m.date !== null ? m : mentions.find((x) => x.date !== null) ?? null;
}

// A site reads the words around every dated mention of its letter (~50 ms at ×100, ~0.4 s at ×1000):
// keep it per element of one analysis, so that hovers and definitions on it repeat for free. Per
// analysis, not per element alone: the analysis of the next version shares the elements before an
// edit, and their sites read words after it (around the letter's other mentions, past the element).
const sitesOf = new WeakMap<Analysis, Map<Reference | LetterMention, ExternalSite | null>>();

function sites(a: Analysis): Map<Reference | LetterMention, ExternalSite | null> {
  let map = sitesOf.get(a);
  if (map === undefined) {
    map = new Map();
    sitesOf.set(a, map);
  }
  return map;
}

function referenceSiteOf(a: Analysis, r: Reference): ExternalSite | null {
  const map = sites(a);
  let site = map.get(r);
  if (site === undefined) {
    site = referenceSite(a, r);
    map.set(r, site);
  }
  return site;
}

function letterSiteOf(a: Analysis, m: LetterMention, letter: Letter): ExternalSite {
  const map = sites(a);
  let site = map.get(m);
  if (!site) {
    site = letterSite(a, m, letter);
    map.set(m, site);
  }
  return site;
}

/** What the element at `offset` stands for in other files. */
export function resolveAt(a: Analysis, offset: number, uri: string, index: WorkspaceIndex): Resolved | null {
  const el = elementAt(a, offset);
  if (!el) return null;
  switch (el.kind) {
    case 'citation': {
      const c = el.citation;
      if (c.kind !== 'zaak' && c.kind !== 'publication' && c.kind !== 'aanhangsel') return null;
      if (ownIds(index, uri).has(c.id)) return null;
      const targets = index.filesCiting(c.kind, c.id, uri);
      if (targets.length === 0) return null;
      const set = index.setOf(targets[0].uri);
      return { origin: el.span, targets, set, number: null };
    }
    case 'reference': {
      const site = referenceSiteOf(a, el.reference);
      if (!site) return null;
      const set = index.resolveExternal(site, uri);
      if (!set) return null;
      return { origin: el.span, targets: [index.answerTarget(set, el.reference.number)], set, number: el.reference.number };
    }
    case 'letter': {
      if (el.letter.notice !== null) return null;
      const m = datedMention(el.letter.mentions, el.mention);
      if (!m) return null;
      const set = index.resolveExternal(letterSiteOf(a, m, el.letter), uri);
      if (!set) return null;
      return { origin: el.span, targets: [index.answerTarget(set, null)], set, number: null };
    }
    default:
      return null;
  }
}

export function crossFileDefinition(a: Analysis, position: Position, uri: string, index: WorkspaceIndex): LocationLink[] | null {
  const offset = offsetOf(a, position);
  const r = offset === null ? null : resolveAt(a, offset, uri, index);
  if (!r) return null;
  const origin = a.lines.rangeOf(r.origin);
  return r.targets.map((x) => LocationLink.create(x.uri, x.range, x.selection, origin));
}

/** Whether `offset` lies in the document's header (its zaak number, title and header fields). */
export function inHeader(a: Analysis, offset: number): boolean {
  const m = a.metadata;
  for (const s of [m.zaakSpan, m.titleSpan]) if (s && s.start <= offset && offset <= s.end) return true;
  return a.sections.some((s) => s.kind === 'header' && s.span.start <= offset && offset <= s.span.end);
}

/**
 * References across files: on a set's header, every place in other files that
 * cites the set; on a citation of another set, the same for that set. Null
 * when the position is neither.
 */
export function crossFileReferences(a: Analysis, position: Position, uri: string, index: WorkspaceIndex, includeDeclaration: boolean): Location[] | null {
  const offset = offsetOf(a, position);
  if (offset === null) return null;
  const r = resolveAt(a, offset, uri, index);
  let setUri: string | null = null;
  if (r?.set) setUri = r.set.files[0].uri;
  else if (index.get(uri) && inHeader(a, offset)) {
    const el = elementAt(a, offset);
    // A citation inside the header that names another set is not the header's own.
    if (!el || el.kind === 'header' || el.kind === 'citation' || el.kind === 'date') setUri = uri;
  }
  if (!setUri) return null;
  const set = index.setOf(setUri);
  if (!set) return null;
  const out: Location[] = [];
  if (includeDeclaration) for (const f of set.files) out.push(Location.create(f.uri, f.headerRange));
  for (const c of index.citationsOf(setUri)) out.push(Location.create(c.uri, c.range));
  return out;
}

/** Markdown lines about the set an element stands for, to add to the hover. */
export function crossFileHover(a: Analysis, position: Position, uri: string, index: WorkspaceIndex, ctx: FeatureContext): string[] {
  const offset = offsetOf(a, position);
  const r = offset === null ? null : resolveAt(a, offset, uri, index);
  if (!r || !r.set) return [];
  const s = r.set.summary;
  const target = r.targets[0];
  const name = s.title ? `${s.label} — ${s.title}` : s.label;
  const where = link(name, `${target.uri}#L${target.selection.start.line + 1}`);
  const out = [r.number !== null ? t(ctx, `**In de werkruimte:** antwoord ${r.number} in ${where}`, `**In the workspace:** answer ${r.number} in ${where}`) : t(ctx, `**In de werkruimte:** ${where}`, `**In the workspace:** ${where}`)];
  const fmt = (d: string) => formatDate(ctx, d);
  const facts: string[] = [];
  if (s.submitters.length > 0) facts.push(esc(s.submitters.join(', ')));
  if (s.submitted) facts.push(t(ctx, `ingediend ${fmt(s.submitted)}`, `submitted ${fmt(s.submitted)}`));
  if (s.answered) facts.push(t(ctx, `beantwoord ${fmt(s.answered)}`, `answered ${fmt(s.answered)}`));
  else facts.push(t(ctx, 'nog niet beantwoord', 'not answered yet'));
  out.push(facts.join(' · '));
  if (r.targets.length > 1) out.push(t(ctx, `${r.targets.length} bestanden in deze set.`, `${r.targets.length} files in this set.`));
  return out;
}
