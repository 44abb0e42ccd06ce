// The workspace index: the summaries of every Kamervraag file of the
// workspace, the sets they form, and inverted maps for the cross-file
// features (zaak → files, publication id → files, cited id → citing files,
// answer date → files, submitter → files, search word → files). Adding,
// changing or removing a file touches only its own entries and the sets of
// the files it links to; a set's summary is recomputed on the next question
// that needs it. Pure: no Node built-ins.

import { dateSearchWords } from '../i18n/words';
import type { Terms } from '../model/deadlines';
import { partitionPoint, type Range } from '../model/text';
import type { IsoDate } from '../model/types';
import type { DocumentKind, SetDocument, SetState, SetSummary, SetsParams } from './sets';
import { fold } from './ministries';
import { standing } from './state';
import { findTarget, type AnswerTarget, type ExternalSite, type FileSummary } from './summary';

/** A set: the files of one zaak (or one publication), merged. */
export interface IndexedSet {
  readonly key: string;
  /** Primary file first: the answer, else the openkamer page, else the notice, else the questions. */
  readonly files: readonly FileSummary[];
  readonly summary: SetSummary;
}

/** A set as the index keeps it: its members, and its sorted files and summary once asked for. */
interface Group {
  readonly key: string;
  readonly members: Map<string, FileSummary>;
  /** Null when a member changed since. */
  view: IndexedSet | null;
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

/** The title key of each summary, once (summaries do not change; the index asks it several times a change). */
const titleKeys = new WeakMap<FileSummary, string | null>();

function titleKey(f: FileSummary): string | null {
  let key = titleKeys.get(f);
  if (key === undefined) {
    key = f.title && f.submitted ? `${fold(f.title)}|${f.submitted}` : null;
    titleKeys.set(f, key);
  }
  return key;
}

export class WorkspaceIndex {
  private readonly files = new Map<string, FileSummary>();
  private readonly byZaak = new Map<string, Set<string>>();
  private readonly byOwnPublication = new Map<string, Set<string>>();
  private readonly byListedPublication = new Map<string, Set<string>>();
  /** Title and submission date → files with a zaak number, and → files without (which take their set from the former). */
  private readonly byTitleWithZaak = new Map<string, Set<string>>();
  private readonly byTitleWithout = new Map<string, Set<string>>();
  private readonly citedBy = new Map<string, Set<string>>();
  private readonly byAnswered = new Map<IsoDate, Set<string>>();
  private readonly externalByDate = new Map<IsoDate, Set<string>>();
  private readonly externalUndated = new Set<string>();
  private readonly bySurname = new Map<string, Set<string>>();
  /**
   * Search words → files, and the words in sorted order for prefix search:
   * made on the first search, then kept up to date. A word that comes waits in
   * `newWords` until the next search merges them all in at once: a search
   * while a crawl brings thousands of new words (zaak numbers, ids) would
   * otherwise cost an insertion into the sorted list for each.
   */
  private readonly postings = new Map<string, Set<string>>();
  private sortedWords: string[] | null = null;
  private newWords = new Set<string>();

  private readonly groups = new Map<string, Group>();
  private readonly keyOf = new Map<string, string>();
  private sorted: IndexedSet[] | null = null;
  /** Documents that stand for an indexed file (an original's converted text in an editor → the original's URI). */
  private readonly aliases = new Map<string, string>();

  /** Bumped on every change. */
  generation = 0;

  constructor(
    private terms: Terms,
    private today: IsoDate,
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
    return this.files.get(this.resolve(uri));
  }

  /**
   * Lets `uri` stand for `file` wherever the index is asked by URI (`get`,
   * `setOf`, the cross-file look-ups): the virtual document that shows an
   * original's converted text is that original. `null` ends it.
   */
  alias(uri: string, file: string | null): void {
    if (file === null || file === uri) this.aliases.delete(uri);
    else this.aliases.set(uri, file);
  }

  /** The file `uri` stands for (itself, unless it is an alias). */
  resolve(uri: string): string {
    return this.aliases.get(uri) ?? uri;
  }

  uris(): IterableIterator<string> {
    return this.files.keys();
  }

  /** Every set's summary is stale (new terms, another day). */
  private invalidate(): void {
    for (const g of this.groups.values()) g.view = null;
    this.sorted = null;
    this.generation++;
  }

  /**
   * Files whose set may follow from `f`: files without a zaak number of their
   * own that `f` (with one) lists by publication, or that share its title and
   * submission date. Nothing else depends on another file, so a change costs
   * no more than its few dependants.
   */
  private neighbours(f: FileSummary, into: Set<string>): void {
    if (!f.setZaak) return;
    for (const id of f.publicationIds) {
      for (const u of this.byOwnPublication.get(id) ?? []) if (!this.files.get(u)?.setZaak) into.add(u);
    }
    const tk = titleKey(f);
    if (tk) for (const u of this.byTitleWithout.get(tk) ?? []) into.add(u);
  }

  /** Puts each file in the set its key says, after a change near it. */
  private rekey(uris: Iterable<string>, changed: string): void {
    for (const uri of uris) {
      const f = this.files.get(uri);
      const old = this.keyOf.get(uri);
      const key = f ? this.setKeyOf(f) : undefined;
      if (old !== undefined && (old !== key || uri === changed)) {
        const g = this.groups.get(old);
        if (g) {
          g.members.delete(uri);
          g.view = null;
          if (g.members.size === 0) this.groups.delete(old);
        }
        this.keyOf.delete(uri);
      }
      if (f && key !== undefined && (old !== key || uri === changed)) {
        let g = this.groups.get(key);
        if (!g) this.groups.set(key, (g = { key, members: new Map(), view: null }));
        g.members.set(uri, f);
        g.view = null;
        this.keyOf.set(uri, key);
      }
    }
    this.sorted = null;
    this.generation++;
  }

  /** Adds or replaces the summary of a file. */
  set(s: FileSummary): void {
    const uri = s.uri;
    const affected = new Set<string>([uri]);
    const old = this.files.get(uri);
    if (old) {
      this.neighbours(old, affected);
      this.unmap(old);
    }
    this.files.set(uri, s);
    for (const [map, key] of this.entries(s)) add(map, key, uri);
    if (s.external.some((e) => !e.date)) this.externalUndated.add(uri);
    for (const w of searchWordsOf(s)) {
      let files = this.postings.get(w);
      if (!files) {
        this.postings.set(w, (files = new Set()));
        if (this.sortedWords) this.newWords.add(w);
      }
      files.add(uri);
    }
    this.neighbours(s, affected);
    this.rekey(affected, uri);
  }

  delete(uri: string): boolean {
    const s = this.files.get(uri);
    if (!s) return false;
    const affected = new Set<string>([uri]);
    this.neighbours(s, affected);
    this.unmap(s);
    this.files.delete(uri);
    this.rekey(affected, uri);
    return true;
  }

  /** Every key a file stands under in the inverted maps (the search words apart), with its map: `set` adds the file under them, `unmap` takes it out. */
  private *entries(s: FileSummary): Generator<[Map<string, Set<string>>, string]> {
    if (s.setZaak) yield [this.byZaak, s.setZaak];
    if (s.zaak && s.zaak !== s.setZaak) yield [this.byZaak, s.zaak];
    for (const id of s.ownPublicationIds) yield [this.byOwnPublication, id];
    for (const id of s.publicationIds) yield [this.byListedPublication, id];
    const tk = titleKey(s);
    if (tk) yield [s.setZaak ? this.byTitleWithZaak : this.byTitleWithout, tk];
    for (const c of s.citations) yield [this.citedBy, c.id];
    if (s.answered) yield [this.byAnswered, s.answered];
    for (const e of s.external) if (e.date) yield [this.externalByDate, e.date];
    for (const n of s.surnames) yield [this.bySurname, n];
  }

  /** Takes a file out of the inverted maps. */
  private unmap(s: FileSummary): void {
    const uri = s.uri;
    for (const [map, key] of this.entries(s)) remove(map, key, uri);
    this.externalUndated.delete(uri);
    for (const w of searchWordsOf(s)) {
      remove(this.postings, w, uri);
      if (!this.postings.has(w) && this.sortedWords) {
        const i = lowerBound(this.sortedWords, w);
        if (this.sortedWords[i] === w) this.sortedWords.splice(i, 1);
        else this.newWords.delete(w);
      }
    }
  }

  // ------------------------------------------------------------------ sets

  /** The set key of a file: its zaak; else the zaak of a file listing its publication, or with its title and submission date; else its publication; else itself. */
  private setKeyOf(f: FileSummary): string {
    if (f.setZaak) return `z:${f.setZaak}`;
    // The lowest zaak number among the candidates, so that the key does not depend on the order files came in.
    let zaak: string | null = null;
    for (const id of f.ownPublicationIds) {
      for (const other of this.byListedPublication.get(id) ?? []) {
        const z = this.files.get(other)?.setZaak;
        if (z && (zaak === null || z < zaak)) zaak = z;
      }
    }
    if (zaak) return `z:${zaak}`;
    const tk = titleKey(f);
    if (tk) {
      for (const other of this.byTitleWithZaak.get(tk) ?? []) {
        const z = this.files.get(other)?.setZaak;
        if (z && (zaak === null || z < zaak)) zaak = z;
      }
      if (zaak) return `z:${zaak}`;
    }
    // Files without zaak that share a publication (an answer and its openkamer-less question) still merge.
    const pub = f.ownPublicationIds[0] ?? f.publicationIds[0];
    if (pub) return `p:${pub}`;
    return tk ? `t:${tk}` : `u:${f.uri}`;
  }

  /** The set of a group, its files sorted and its summary computed, once per change. */
  private view(g: Group): IndexedSet {
    if (g.view) return g.view;
    // Of two files of one kind, the text comes before the original (a PDF beside its text twin): the text is the one to edit and open.
    const files = [...g.members.values()].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.original ? 1 : 0) - (b.original ? 1 : 0) || (a.uri < b.uri ? -1 : 1));
    g.view = { key: g.key, files, summary: this.summarizeSet(files) };
    return g.view;
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
    const documents: SetDocument[] = files.map((f) => (f.original ? { uri: f.uri, kind: f.kind, original: f.original } : { uri: f.uri, kind: f.kind }));
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
    if (this.sorted) return this.sorted;
    const list = [...this.groups.values()].map((g) => this.view(g));
    const dateOf = (s: IndexedSet) => s.summary.submitted ?? s.summary.answered ?? '';
    list.sort((a, b) => (dateOf(a) < dateOf(b) ? 1 : dateOf(a) > dateOf(b) ? -1 : a.summary.label.localeCompare(b.summary.label)));
    this.sorted = list;
    return list;
  }

  get setCount(): number {
    return this.groups.size;
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
    const key = this.keyOf.get(this.resolve(uri));
    const g = key ? this.groups.get(key) : undefined;
    return g ? this.view(g) : null;
  }

  private setByKey(key: string): IndexedSet | null {
    const g = this.groups.get(key);
    return g ? this.view(g) : null;
  }

  // ------------------------------------------------------------------ cross-file targets

  private headerOf(f: FileSummary): Target {
    return { uri: f.uri, range: f.headerRange, selection: f.headerRange };
  }

  /** Files that are, or list, the cited id (a zaak number or publication id); the citing file's own set excluded. */
  filesCiting(kind: 'zaak' | 'publication' | 'aanhangsel', id: string, from: string): Target[] {
    const fromUri = this.resolve(from);
    const own = this.setOf(fromUri)?.key;
    let found: FileSummary[] = [];
    if (kind === 'zaak') {
      const set = this.setByKey(`z:${id}`);
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
    const ownKey = this.keyOf.get(this.resolve(fromUri));
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
    const words = new Set(site.words.split(' '));
    for (const key of candidates) {
      const set = this.setByKey(key);
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
        const t = findTarget(f, n);
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
    if (words.length === 0) {
      const out: FileSummary[] = [];
      for (const set of this.allSets()) {
        for (const f of set.files) {
          out.push(f);
          if (out.length >= limit) return out;
        }
      }
      return out;
    }
    // The files of the rarest word first, then kept while they hold the others.
    const lists = words.map((w) => this.filesWithPrefix(w)).sort((a, b) => a.size - b.size);
    let hits = [...lists[0]];
    for (const l of lists.slice(1)) hits = hits.filter((u) => l.has(u));
    const found = hits.map((u) => this.files.get(u)!);
    const dateOf = (f: FileSummary) => f.submitted ?? f.answered ?? f.noticeDate ?? '';
    found.sort((a, b) => (dateOf(a) < dateOf(b) ? 1 : dateOf(a) > dateOf(b) ? -1 : a.uri < b.uri ? -1 : 1));
    return found.slice(0, limit);
  }

  /** Every search word, sorted: the new words merged in. */
  private searchableWords(): string[] {
    if (!this.sortedWords) {
      this.newWords.clear();
      return (this.sortedWords = [...this.postings.keys()].sort());
    }
    if (this.newWords.size === 0) return this.sortedWords;
    const fresh = [...this.newWords].sort();
    const old = this.sortedWords;
    const out = new Array<string>(old.length + fresh.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < old.length && j < fresh.length) out[k++] = old[i] < fresh[j] ? old[i++] : fresh[j++];
    while (i < old.length) out[k++] = old[i++];
    while (j < fresh.length) out[k++] = fresh[j++];
    this.newWords.clear();
    return (this.sortedWords = out);
  }

  /** The files that have a search word starting with `prefix`. */
  private filesWithPrefix(prefix: string): Set<string> {
    const exact = this.postings.get(prefix);
    const words = this.searchableWords();
    const lo = lowerBound(words, prefix);
    if (lo < words.length && !words[lo].startsWith(prefix)) return exact ?? new Set();
    if (lo + 1 < words.length && !words[lo + 1].startsWith(prefix)) return this.postings.get(words[lo]) ?? new Set();
    const out = new Set<string>();
    for (let i = lo; i < words.length && words[i].startsWith(prefix); i++) for (const u of this.postings.get(words[i]) ?? []) out.add(u);
    return out;
  }
}

/** The first index of a sorted list whose item is not below `value`. */
function lowerBound(list: readonly string[], value: string): number {
  return partitionPoint(list.length, (i) => list[i] < value);
}

/** How well a set matches the words around a citing site; 0 when not at all. */
function matchScore(set: IndexedSet, words: ReadonlySet<string>, dated: boolean): number {
  let surname = false;
  const titleWords = new Set<string>();
  let hits = 0;
  for (const f of set.files) {
    for (const n of f.surnames) if (words.has(n)) surname = true;
    for (const w of f.titleWords) titleWords.add(w);
  }
  for (const w of titleWords) if (words.has(w)) hits++;
  const titleMatch = titleWords.size > 0 && hits >= Math.max(2, Math.ceil(titleWords.size * 0.5));
  if (dated) return (surname ? 2 : 0) + (titleMatch ? 1 : 0) + (hits > 0 ? hits / 100 : 0);
  // Without a date: the submitter and the title both.
  return surname && titleMatch ? 2 + hits / 100 : 0;
}

function dateWords(iso: IsoDate | null): string {
  return iso ? dateSearchWords(iso) : '';
}

/** The search words of a file: its haystack's words, each once. */
function searchWordsOf(s: FileSummary): Set<string> {
  const words = new Set<string>();
  for (const w of haystackOf(s).split(' ')) if (w.length > 0) words.add(w);
  return words;
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
  return fold(s, true);
}

/** The words of a query, each once: each must start a word of a file's search text. */
export function searchWords(query: string): string[] {
  const q = searchText(typeof query === 'string' ? query : '');
  return q ? [...new Set(q.split(' '))] : [];
}
