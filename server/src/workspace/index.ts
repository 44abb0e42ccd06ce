// The workspace index: the summaries of every Kamervraag file of the
// workspace, the sets they form, and inverted maps for the cross-file
// features (zaak → files, publication id → files, cited id → citing files,
// answer date → files, submitter → files). Adding, changing or removing a
// file touches only its own entries; the grouping into sets is recomputed
// lazily, on the next question that needs it. Pure: no Node built-ins.

import { DEFAULT_TERMS, type Terms } from '../model/deadlines';
import type { Range } from '../model/text';
import type { IsoDate } from '../model/types';
import type { SetDocument, SetState, SetSummary, SetsParams } from '../protocol';
import { fold } from './ministries';
import { isoToday, standing } from './state';
import type { AnswerTarget, DocumentKind, ExternalSite, FileSummary } from './summary';

/** A set: the files of one zaak (or one publication), merged. */
export interface IndexedSet {
  readonly key: string;
  /** Primary file first: the answer, else the openkamer page, else the notice, else the questions. */
  readonly files: readonly FileSummary[];
  readonly summary: SetSummary;
}

export interface Target {
  readonly uri: string;
  readonly range: Range;
  readonly selection: Range;
}

const KIND_ORDER: Readonly<Record<DocumentKind, number>> = { answer: 0, openkamer: 1, notice: 2, questions: 3 };

function add<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let s = map.get(key);
  if (!s) map.set(key, (s = new Set()));
  s.add(value);
}

function remove<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const s = map.get(key);
  if (!s) return;
  s.delete(value);
  if (s.size === 0) map.delete(key);
}

function titleKey(f: FileSummary): string | null {
  return f.title && f.submitted ? `${fold(f.title)}|${f.submitted}` : null;
}

/** Whether `word` stands as a whole word in the folded `text`. */
function hasWord(text: string, word: string): boolean {
  let i = text.indexOf(word);
  while (i >= 0) {
    const before = i === 0 || text.charCodeAt(i - 1) === 32;
    const end = i + word.length;
    const after = end === text.length || text.charCodeAt(end) === 32;
    if (before && after) return true;
    i = text.indexOf(word, i + 1);
  }
  return false;
}

export class WorkspaceIndex {
  private readonly files = new Map<string, FileSummary>();
  private readonly byZaak = new Map<string, Set<string>>();
  private readonly byOwnPublication = new Map<string, Set<string>>();
  private readonly byListedPublication = new Map<string, Set<string>>();
  private readonly byTitle = new Map<string, Set<string>>();
  private readonly citedBy = new Map<string, Set<string>>();
  private readonly byAnswered = new Map<IsoDate, Set<string>>();
  private readonly externalByDate = new Map<IsoDate, Set<string>>();
  private readonly externalUndated = new Set<string>();
  private readonly bySurname = new Map<string, Set<string>>();
  /** Lower-case search text per file, words separated by single spaces, with a leading space. */
  private readonly haystacks = new Map<string, string>();

  private groups: Map<string, IndexedSet> | null = null;
  private keyOf = new Map<string, string>();
  private sorted: IndexedSet[] | null = null;

  /** Bumped on every change. */
  generation = 0;

  constructor(
    private terms: Terms = DEFAULT_TERMS,
    private today: IsoDate = isoToday(),
  ) {}

  setTerms(terms: Terms): void {
    if (terms.regularDays === this.terms.regularDays && terms.extendedDays === this.terms.extendedDays) return;
    this.terms = terms;
    this.invalidate();
  }

  setToday(today: IsoDate): void {
    if (today === this.today) return;
    this.today = today;
    this.invalidate();
  }

  get size(): number {
    return this.files.size;
  }

  get(uri: string): FileSummary | undefined {
    return this.files.get(uri);
  }

  uris(): IterableIterator<string> {
    return this.files.keys();
  }

  private invalidate(): void {
    this.groups = null;
    this.sorted = null;
    this.generation++;
  }

  /** Adds or replaces the summary of a file. */
  set(s: FileSummary): void {
    if (this.files.has(s.uri)) this.delete(s.uri);
    const uri = s.uri;
    this.files.set(uri, s);
    if (s.setZaak) add(this.byZaak, s.setZaak, uri);
    if (s.zaak && s.zaak !== s.setZaak) add(this.byZaak, s.zaak, uri);
    for (const id of s.ownPublicationIds) add(this.byOwnPublication, id, uri);
    for (const id of s.publicationIds) add(this.byListedPublication, id, uri);
    const tk = titleKey(s);
    if (tk) add(this.byTitle, tk, uri);
    for (const c of s.citations) add(this.citedBy, c.id, uri);
    if (s.answered) add(this.byAnswered, s.answered, uri);
    for (const e of s.external) {
      if (e.date) add(this.externalByDate, e.date, uri);
      else this.externalUndated.add(uri);
    }
    for (const n of s.surnames) add(this.bySurname, n, uri);
    this.haystacks.set(uri, haystackOf(s));
    this.invalidate();
  }

  delete(uri: string): boolean {
    const s = this.files.get(uri);
    if (!s) return false;
    this.files.delete(uri);
    if (s.setZaak) remove(this.byZaak, s.setZaak, uri);
    if (s.zaak) remove(this.byZaak, s.zaak, uri);
    for (const id of s.ownPublicationIds) remove(this.byOwnPublication, id, uri);
    for (const id of s.publicationIds) remove(this.byListedPublication, id, uri);
    const tk = titleKey(s);
    if (tk) remove(this.byTitle, tk, uri);
    for (const c of s.citations) remove(this.citedBy, c.id, uri);
    if (s.answered) remove(this.byAnswered, s.answered, uri);
    for (const e of s.external) if (e.date) remove(this.externalByDate, e.date, uri);
    this.externalUndated.delete(uri);
    for (const n of s.surnames) remove(this.bySurname, n, uri);
    this.haystacks.delete(uri);
    this.invalidate();
    return true;
  }

  // ------------------------------------------------------------------ sets

  /** The set key of a file: its zaak; else the zaak of a file listing its publication, or with its title and submission date; else its publication; else itself. */
  private setKeyOf(f: FileSummary): string {
    if (f.setZaak) return `z:${f.setZaak}`;
    for (const id of f.ownPublicationIds) {
      for (const other of this.byListedPublication.get(id) ?? []) {
        const z = this.files.get(other)?.setZaak;
        if (z) return `z:${z}`;
      }
    }
    const tk = titleKey(f);
    if (tk) {
      for (const other of this.byTitle.get(tk) ?? []) {
        const z = this.files.get(other)?.setZaak;
        if (z) return `z:${z}`;
      }
    }
    // Files without zaak that share a publication (an answer and its openkamer-less question) still merge.
    const pub = f.ownPublicationIds[0] ?? f.publicationIds[0];
    if (pub) return `p:${pub}`;
    return tk ? `t:${tk}` : `u:${f.uri}`;
  }

  private regroup(): Map<string, IndexedSet> {
    if (this.groups) return this.groups;
    const members = new Map<string, FileSummary[]>();
    const keyOf = new Map<string, string>();
    for (const f of this.files.values()) {
      const key = this.setKeyOf(f);
      keyOf.set(f.uri, key);
      const list = members.get(key);
      if (list) list.push(f);
      else members.set(key, [f]);
    }
    const groups = new Map<string, IndexedSet>();
    for (const [key, list] of members) {
      list.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.uri < b.uri ? -1 : 1));
      groups.set(key, { key, files: list, summary: this.summarizeSet(list) });
    }
    this.groups = groups;
    this.keyOf = keyOf;
    return groups;
  }

  private summarizeSet(files: readonly FileSummary[]): SetSummary {
    const primary = files[0];
    const first = <T>(pick: (f: FileSummary) => T | null, order: readonly FileSummary[] = files): T | null => {
      for (const f of order) {
        const v = pick(f);
        if (v !== null && v !== undefined) return v;
      }
      return null;
    };
    const nonEmpty = (pick: (f: FileSummary) => readonly string[]): readonly string[] => {
      for (const f of files) if (pick(f).length > 0) return pick(f);
      return [];
    };
    const union = (pick: (f: FileSummary) => readonly string[]): string[] => {
      const out: string[] = [];
      for (const f of files) for (const v of pick(f)) if (!out.includes(v)) out.push(v);
      return out;
    };
    const answerFirst = [...files].sort((a, b) => (b.answered ? 1 : 0) - (a.answered ? 1 : 0));
    const submitted = first((f) => f.submitted);
    const answered = first((f) => f.answered, answerFirst);
    const noticeGiven = files.some((f) => f.noticeGiven);
    const st = standing({ submitted, answered, noticeGiven }, this.terms, this.today);
    const documents: SetDocument[] = files.map((f) => ({ uri: f.uri, kind: f.kind }));
    const zaak = first((f) => f.setZaak);
    return {
      uri: primary.uri,
      documents,
      label: zaak ? `Kamervraag ${zaak}` : primary.label,
      zaak,
      title: first((f) => f.title),
      publicationIds: union((f) => f.publicationIds),
      aanhangselNumber: first((f) => f.aanhangselNumber),
      vergaderjaar: first((f) => f.vergaderjaar),
      submitted,
      answered,
      submitters: nonEmpty((f) => f.submitters),
      addressees: nonEmpty((f) => f.addressees),
      ministries: union((f) => f.ministries),
      state: st.state,
      deadline: st.deadline,
      daysLate: st.daysLate,
      questions: Math.max(0, ...files.map((f) => f.questions)),
    };
  }

  /** All sets, newest first (by submission, else answer date), then by label. */
  allSets(): readonly IndexedSet[] {
    if (this.sorted && this.groups) return this.sorted;
    const list = [...this.regroup().values()];
    const dateOf = (s: IndexedSet) => s.summary.submitted ?? s.summary.answered ?? '';
    list.sort((a, b) => (dateOf(a) < dateOf(b) ? 1 : dateOf(a) > dateOf(b) ? -1 : a.summary.label.localeCompare(b.summary.label)));
    this.sorted = list;
    return list;
  }

  get setCount(): number {
    return this.regroup().size;
  }

  sets(params: SetsParams = {}): SetSummary[] {
    const states: readonly SetState[] | null = Array.isArray(params.states) && params.states.length > 0 ? params.states : null;
    const ministry = typeof params.ministry === 'string' && params.ministry.trim() ? fold(params.ministry) : null;
    const out: SetSummary[] = [];
    for (const s of this.allSets()) {
      if (states && !states.includes(s.summary.state)) continue;
      if (ministry && !s.summary.ministries.some((m) => fold(m).includes(ministry))) continue;
      out.push(s.summary);
    }
    return out;
  }

  /** The set a file belongs to. */
  setOf(uri: string): IndexedSet | null {
    const groups = this.regroup();
    const key = this.keyOf.get(uri);
    return key ? groups.get(key) ?? null : null;
  }

  // ------------------------------------------------------------------ cross-file targets

  private headerOf(f: FileSummary): Target {
    return { uri: f.uri, range: f.headerRange, selection: f.headerRange };
  }

  /** Files that are, or list, the cited id (a zaak number or publication id); the citing file's own set excluded. */
  filesCiting(kind: 'zaak' | 'publication' | 'aanhangsel', id: string, fromUri: string): Target[] {
    const own = this.setOf(fromUri)?.key;
    let found: FileSummary[] = [];
    if (kind === 'zaak') {
      const set = this.regroup().get(`z:${id}`);
      if (set) found = [...set.files];
    } else {
      for (const uri of this.byOwnPublication.get(id) ?? []) found.push(this.files.get(uri)!);
      if (found.length === 0) for (const uri of this.byListedPublication.get(id) ?? []) found.push(this.files.get(uri)!);
      found.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.uri < b.uri ? -1 : 1));
    }
    return found.filter((f) => f.uri !== fromUri && (kind !== 'zaak' || this.keyOf.get(f.uri) !== own)).map((f) => this.headerOf(f));
  }

  /** The sets an external site could mean; conservative: by answer date and submitter or title, unique. */
  resolveExternal(site: Pick<ExternalSite, 'date' | 'words' | 'kind'>, fromUri: string): IndexedSet | null {
    const groups = this.regroup();
    const ownKey = this.keyOf.get(fromUri);
    const candidates = new Set<string>();
    if (site.date) {
      for (const uri of this.byAnswered.get(site.date) ?? []) candidates.add(this.keyOf.get(uri)!);
    } else {
      if (site.kind !== 'reference') return null;
      for (const w of site.words.split(' ')) {
        if (w.length < 3) continue;
        for (const uri of this.bySurname.get(w) ?? []) candidates.add(this.keyOf.get(uri)!);
      }
    }
    if (ownKey) candidates.delete(ownKey);
    let best: IndexedSet | null = null;
    let bestScore = 0;
    let tie = false;
    const words = site.words.length > 0 ? site.words : '';
    for (const key of candidates) {
      const set = groups.get(key);
      if (!set) continue;
      const score = matchScore(set, words, site.date !== null);
      if (score <= 0) continue;
      if (score > bestScore) {
        best = set;
        bestScore = score;
        tie = false;
      } else if (score === bestScore) tie = true;
    }
    return tie ? null : best;
  }

  /** Where answer `n` of a set is: the answer in the file that holds it, else the set's header. */
  answerTarget(set: IndexedSet, n: number | null): Target {
    if (n !== null) {
      let fallback: { f: FileSummary; t: AnswerTarget } | null = null;
      for (const f of set.files) {
        const t = f.targets.find((x) => x.numbers.includes(n));
        if (!t) continue;
        if (t.answered) return { uri: f.uri, range: t.range, selection: t.selection };
        fallback ??= { f, t };
      }
      if (fallback) return { uri: fallback.f.uri, range: fallback.t.range, selection: fallback.t.selection };
    }
    return this.headerOf(set.files[0]);
  }

  /** Every place in other files that cites the set of `uri`: its zaak, its publications, answer references and letters that resolve to it. */
  citationsOf(uri: string): { uri: string; range: Range }[] {
    const set = this.setOf(uri);
    if (!set) return [];
    const keys = new Set<string>();
    if (set.summary.zaak) keys.add(set.summary.zaak);
    for (const f of set.files) {
      if (f.zaak) keys.add(f.zaak);
      for (const id of f.publicationIds) keys.add(id);
    }
    const members = new Set(set.files.map((f) => f.uri));
    const out: { uri: string; range: Range }[] = [];
    const citing = new Set<string>();
    for (const k of keys) for (const u of this.citedBy.get(k) ?? []) if (!members.has(u)) citing.add(u);
    for (const u of citing) {
      const f = this.files.get(u)!;
      for (const c of f.citations) if (keys.has(c.id)) out.push({ uri: u, range: c.range });
    }
    const dates = new Set<IsoDate>();
    for (const f of set.files) if (f.answered) dates.add(f.answered);
    const consider = (u: string, dated: boolean) => {
      if (members.has(u)) return;
      const f = this.files.get(u);
      if (!f) return;
      for (const e of f.external) {
        if (dated ? !(e.date && dates.has(e.date)) : e.date !== null) continue;
        if (this.resolveExternal(e, u) === set) out.push({ uri: u, range: e.range });
      }
    };
    const seen = new Set<string>();
    for (const d of dates) for (const u of this.externalByDate.get(d) ?? []) if (!seen.has(u)) { seen.add(u); consider(u, true); }
    for (const u of this.externalUndated) consider(u, false);
    out.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character));
    return out;
  }

  // ------------------------------------------------------------------ search

  /**
   * Files whose zaak, publication ids, title, submitters, addressees, topics or
   * dates hold every word of the query as the start of a word. Newest first.
   */
  search(query: string, limit = 200): FileSummary[] {
    const words = searchWords(query);
    const out: FileSummary[] = [];
    for (const set of this.allSets()) {
      for (const f of set.files) {
        const hay = this.haystacks.get(f.uri)!;
        if (words.every((w) => hay.includes(w))) {
          out.push(f);
          if (out.length >= limit) return out;
        }
      }
    }
    return out;
  }
}

/** How well a set matches the words around a citing site; 0 when not at all. */
function matchScore(set: IndexedSet, words: string, dated: boolean): number {
  let surname = false;
  const titleWords = new Set<string>();
  let hits = 0;
  for (const f of set.files) {
    for (const n of f.surnames) if (hasWord(words, n)) surname = true;
    for (const w of f.titleWords) titleWords.add(w);
  }
  for (const w of titleWords) if (hasWord(words, w)) hits++;
  const titleMatch = titleWords.size > 0 && hits >= Math.max(2, Math.ceil(titleWords.size * 0.5));
  if (dated) return (surname ? 2 : 0) + (titleMatch ? 1 : 0) + (hits > 0 ? hits / 100 : 0);
  // Without a date: the submitter and the title both.
  return surname && titleMatch ? 2 + hits / 100 : 0;
}

const MONTHS_NL = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const MONTHS_EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function dateWords(iso: IsoDate | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  const day = String(Number(d));
  return `${iso} ${d}-${m}-${y} ${day}-${Number(m)}-${y} ${day} ${MONTHS_NL[Number(m) - 1]} ${MONTHS_EN[Number(m) - 1]} ${y}`;
}

function haystackOf(s: FileSummary): string {
  const parts = [
    s.label,
    s.zaak ?? '',
    s.setZaak ?? '',
    ...s.publicationIds,
    s.aanhangselNumber !== null ? `ah ${s.aanhangselNumber} nr ${s.aanhangselNumber}` : '',
    s.title ?? '',
    ...s.submitters,
    ...s.addressees,
    ...s.answeredBy,
    ...s.ministries,
    ...s.topics,
    dateWords(s.submitted),
    dateWords(s.answered),
    dateWords(s.noticeDate),
  ];
  const text = searchText(parts.join(' '));
  // Hyphenated words also by their parts: `minister-president` is found by `president`.
  return ` ${text} ${text.includes('-') ? text.replace(/-/g, ' ') : ''} `;
}

/** Lower case without accents; ids keep their hyphens (`ah-tk-20242025-584`), other punctuation becomes a space. */
function searchText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a query, each prefixed with a space: they must start a word of the haystack. */
export function searchWords(query: string): string[] {
  const q = searchText(typeof query === 'string' ? query : '');
  return q ? q.split(' ').map((w) => ` ${w}`) : [];
}
