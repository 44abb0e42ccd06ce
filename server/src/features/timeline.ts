// The timeline of a set, for the timeline view: submission, the regular and
// extended terms, delay notices, every dated letter, the debates and rulings
// the text cites, other dates, and the answer. The events come from every file
// of the set the server could read (the questions, the openkamer page, the
// answer, a delay notice), the requested one first; each carries the range it
// comes from, and the file when that is another one, so a click reveals the
// text. The computed terms have no range.

import { eventKindLabel, formatDate, termEndLabel, t, type Locale } from '../i18n/words';
import type { Terms } from '../model/deadlines';
import { normalizeSpace, type Span } from '../model/text';
import type { Analysis, IsoDate } from '../model/types';
import type { SetSummary, Timeline, TimelineEvent, TimelineEventKind } from '../protocol';
import type { Cancellation, LanguageService } from '../service/languageService';
import { fold } from '../workspace/ministries';
import { standing } from '../workspace/state';

/** Words that make a date a debate's, or a ruling's, when they stand just before it (or just after). */
// A written consultation (`schriftelijk overleg`), a bare `overleg` (with municipalities, say) and a motion are no debates.
const DEBATE = /\b(?:debat|debatten|commissiedebat|notaoverleg|wetgevingsoverleg|plenaire?|plenair|algemeen overleg|vragenuur|mondelinge vragen|regeling van werkzaamheden|beschouwingen|begrotingsbehandeling|hoorzitting|rondetafelgesprek)\b/;
const RULING = /\b(?:uitspraak|uitspraken|vonnis|arrest|ecli|rechter|rechtbank|raad van state|gerechtshof|hof|beschikking|bestuursrechtspraak|hoge raad|college van beroep)\b/;

const DEBATE_ALL = new RegExp(DEBATE.source, 'g');
const RULING_ALL = new RegExp(RULING.source, 'g');

/** Where the last match of a global pattern in `s` starts, or -1. */
function lastMatch(re: RegExp, s: string): number {
  let at = -1;
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) at = m.index;
  return at;
}

/** How many characters around a date are read to classify it. */
const BEFORE = 90;
const AFTER = 30;

function classify(text: string, span: Span): 'debate' | 'ruling' | 'date' {
  const before = fold(text.slice(Math.max(0, span.start - BEFORE), span.start));
  const after = fold(text.slice(span.end, span.end + AFTER));
  // The nearest keyword before the date wins; after it only when none stands before.
  const d = lastMatch(DEBATE_ALL, before);
  const r = lastMatch(RULING_ALL, before);
  if (d >= 0 || r >= 0) return r > d ? 'ruling' : 'debate';
  if (RULING.test(after)) return 'ruling';
  if (DEBATE.test(after)) return 'debate';
  return 'date';
}


/** The words just before a date, within its sentence and line, for an undescribed date: `…het rapport van 22 oktober 2024`. */
function dateContext(text: string, span: Span): string {
  const from = Math.max(0, span.start - CONTEXT);
  let cut = from;
  for (let i = span.start - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    // Stop at a line break, a sentence end or an opening bracket.
    if (c === 10 || c === 13 || c === 0x2e || c === 0x3f || c === 0x21 || c === 0x3b || c === 0x28 || c === 0x3a) {
      cut = i + 1;
      break;
    }
  }
  let before = text.slice(cut, span.start);
  let clipped = false;
  if (cut === from && from > 0) {
    // Cut inside a word: start at the next whole word.
    const space = before.indexOf(' ');
    before = space >= 0 ? before.slice(space + 1) : '';
    clipped = true;
  }
  // A footnote text starts with its number glued to the first word (`1Noordhollands Dagblad, …`).
  let lead = 0;
  while (lead < before.length && before.charCodeAt(lead) >= 0x30 && before.charCodeAt(lead) <= 0x39) lead++;
  if (lead > 0 && lead < before.length && before[lead] !== ' ' && before[lead] !== ',') before = before.slice(lead);
  const words = normalizeSpace(`${before}${text.slice(span.start, span.end)}`).trim();
  return clipped ? `…${words}` : words;
}

/** How many characters before an undescribed date its label shows at most. */
const CONTEXT = 48;

/** A file of the set with its analysis; `uri` is null for the requested file itself. */
interface Source {
  readonly uri: string | null;
  readonly a: Analysis;
}

/**
 * The timeline of the document `uri` with analysis `a`, within its set (when
 * the index knows it), with the events of the set's `others` files after its
 * own. `today` decides the state of an unanswered set.
 */
export function timeline(
  uri: string,
  a: Analysis,
  set: SetSummary | null,
  terms: Terms,
  today: IsoDate,
  locale: Locale,
  others: readonly { readonly uri: string; readonly analysis: Analysis }[] = [],
): Timeline {
  const fmt = (iso: IsoDate) => formatDate(locale, iso);
  const sources: Source[] = [{ uri: null, a }, ...others.filter((o) => o.uri !== uri).map((o) => ({ uri: o.uri, a: o.analysis }))];
  const events: (TimelineEvent & { order: number })[] = [];
  const seen = new Set<string>();
  let rank = 0;
  const push = (source: Source | null, date: IsoDate | null, kind: TimelineEventKind, label: string, span: Span | null, order?: number) => {
    if (!date) return;
    // One event a kind and day (the first file's); debates and rulings of one day may be several.
    const key = kind === 'debate' || kind === 'ruling' ? `${kind}|${date}|${label}` : `${kind}|${date}`;
    if (seen.has(key)) return;
    seen.add(key);
    const range = source && span ? source.a.lines.rangeOf(span) : null;
    const base = { date, kind, label, range, order: rank + (order ?? (span ? span.start : Number.MAX_SAFE_INTEGER / 4)) };
    events.push(source?.uri && range ? { ...base, uri: source.uri } : base);
  };
  const firstOf = <T>(pick: (x: Analysis) => T | null): { source: Source; value: T } | null => {
    for (const source of sources) {
      const value = pick(source.a);
      if (value !== null) return { source, value };
    }
    return null;
  };
  const submittedAt = firstOf((x) => (x.metadata.submitted && x.metadata.submittedSpan ? x.metadata.submittedSpan : null));
  const answeredAt = firstOf((x) => (x.metadata.answered && x.metadata.answeredSpan ? x.metadata.answeredSpan : null));
  const submitted = submittedAt ? submittedAt.source.a.metadata.submitted : set?.submitted ?? null;
  const answered = answeredAt ? answeredAt.source.a.metadata.answered : set?.answered ?? null;
  const noticeGiven = sources.some((x) => x.a.notices.length > 0 || x.a.metadata.noticeDate !== null) || set?.state === 'delayed' ||
    (set?.documents.some((d) => d.kind === 'notice') ?? false);
  const st = standing({ submitted, answered, noticeGiven }, terms, today);

  push(submittedAt?.source ?? null, submitted, 'submitted', eventKindLabel(locale, 'submitted', terms), submittedAt?.value ?? null, -1);
  if (submitted && st.deadlines) {
    const d = st.deadlines;
    push(null, d.regular, 'term-regular', termEndLabel(locale, 'regular', d), null);
    push(null, d.extended, 'term-extended', termEndLabel(locale, 'extended', d), null);
  }
  for (const source of sources) {
    const x = source.a;
    const m = x.metadata;
    const used: Span[] = [];
    for (const s of [m.submittedSpan, m.answeredSpan]) if (s) used.push(s);
    for (const n of x.notices) {
      const date = n.date ?? m.noticeDate;
      if (date) push(source, date, 'notice', eventKindLabel(locale, 'notice', terms), (n.heading ?? n).span);
      used.push(n.heading?.span ?? n.span);
    }
    if (x.notices.length === 0 && m.noticeDate) push(source, m.noticeDate, 'notice', eventKindLabel(locale, 'notice', terms), null);
    for (const l of x.letters) {
      for (const mention of l.mentions) used.push(mention.span);
      if (l.notice !== null) continue;
      push(source, l.date, 'letter', t(locale, `Brief van ${fmt(l.date)}`, `Letter of ${fmt(l.date)}`), l.mentions[0].span);
    }
    const inSections = x.sections.filter((s) => s.kind === 'header' || s.kind === 'footer' || s.kind === 'furniture');
    const overlaps = (p: Span, q: Span) => p.start < q.end && q.start < p.end;
    for (const d of x.dates) {
      if (used.some((u) => overlaps(u, d.span))) continue;
      if (inSections.some((s) => overlaps(s.span, d.span))) continue;
      const kind = classify(x.text, d.span);
      const label = kind === 'debate' ? t(locale, `Debat van ${fmt(d.date)}`, `Debate of ${fmt(d.date)}`)
        : kind === 'ruling' ? t(locale, `Uitspraak van ${fmt(d.date)}`, `Ruling of ${fmt(d.date)}`)
        : dateContext(x.text, d.span);
      push(source, d.date, kind, label, d.span);
    }
    // The next file's events come after this one's on the same day.
    rank += x.text.length + 1;
  }
  push(answeredAt?.source ?? null, answered, 'answered', eventKindLabel(locale, 'answered', terms), answeredAt?.value ?? null, Number.MAX_SAFE_INTEGER / 2);

  events.sort((p, q) => (p.date < q.date ? -1 : p.date > q.date ? 1 : p.order - q.order));
  // A bare date on a day that already has its event (`Op 29 oktober` beside the letter of that day) adds nothing.
  const described = new Set(events.filter((e) => e.kind !== 'date' && e.range !== null).map((e) => e.date));
  const shown = events.filter((e) => e.kind !== 'date' || !described.has(e.date));
  const m = a.metadata;
  return {
    uri,
    title: set?.title ?? m.title ?? set?.label ?? (m.zaak ? `Kamervraag ${m.zaak}` : uri.slice(uri.lastIndexOf('/') + 1)),
    // With the timeline's own terms, as its term events: one timeline never mixes two terms.
    state: st.state,
    terms: { regularDays: terms.regularDays, extendedDays: terms.extendedDays },
    events: shown.map(({ order: _order, ...event }) => event),
  };
}

/**
 * The timeline of the set `uri` belongs to: its own events first, then those
 * of the set's other files (read through the service when they are not open),
 * all with the terms of `uri`, so that one timeline never mixes two terms.
 */
export async function provideTimeline(service: LanguageService, uri: string, token?: Cancellation): Promise<Timeline | null> {
  const today = service.today();
  const settings = service.settingsFor(uri);
  const a = await service.fileAnalysis(uri, settings);
  if (!a || token?.isCancellationRequested) return null;
  const set = service.index.setOf(uri)?.summary ?? null;
  const others: { uri: string; analysis: Analysis }[] = [];
  // An original's converted text is its original: that file's events are these.
  const file = service.fileUri(uri);
  for (const d of set?.documents ?? []) {
    if (d.uri === uri || d.uri === file) continue;
    const other = await service.fileAnalysis(d.uri, settings).catch(() => null);
    if (other) others.push({ uri: d.uri, analysis: other });
    if (token?.isCancellationRequested) return null;
  }
  return timeline(uri, a, set, settings.terms, today, service.locale, others);
}
