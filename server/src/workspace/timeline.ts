// The timeline of a set, for the timeline view: submission, the regular and
// extended terms, delay notices, every dated letter, the debates and rulings
// the text cites, other dates, and the answer. Events of the requested
// document carry their range (a click reveals the text); events known only
// from the set's other files (the answer date seen from the questions) and
// the computed terms have none.

import { formatDateEn, formatDateNl } from '../model/calendar';
import type { Terms } from '../model/deadlines';
import type { Span } from '../model/text';
import type { Analysis, IsoDate } from '../model/types';
import type { SetSummary, Timeline, TimelineEvent, TimelineEventKind } from '../protocol';
import { fold } from './ministries';
import { standing } from './state';

export type TimelineLocale = 'nl' | 'en';

/** Words that make a date a debate's, or a ruling's, when they stand just before it (or just after). */
const DEBATE = /\b(?:debat|debatten|commissiedebat|notaoverleg|wetgevingsoverleg|plenaire?|plenair|algemeen overleg|schriftelijk overleg|vragenuur|mondelinge vragen|regeling van werkzaamheden|beschouwingen|begrotingsbehandeling|overleg|hoorzitting|rondetafelgesprek|motie)\b/;
const RULING = /\b(?:uitspraak|uitspraken|vonnis|arrest|ecli|rechter|rechtbank|raad van state|gerechtshof|hof|beschikking|bestuursrechtspraak|hoge raad|college van beroep)\b/;

/** How many characters around a date are read to classify it. */
const BEFORE = 90;
const AFTER = 30;

function classify(text: string, span: Span): 'debate' | 'ruling' | 'date' {
  const before = fold(text.slice(Math.max(0, span.start - BEFORE), span.start));
  const after = fold(text.slice(span.end, span.end + AFTER));
  // The nearest keyword before the date wins; after it only when none stands before.
  const last = (re: RegExp, s: string) => {
    let at = -1;
    const g = new RegExp(re.source, 'g');
    for (let m = g.exec(s); m; m = g.exec(s)) at = m.index;
    return at;
  };
  const d = last(DEBATE, before);
  const r = last(RULING, before);
  if (d >= 0 || r >= 0) return r > d ? 'ruling' : 'debate';
  if (RULING.test(after)) return 'ruling';
  if (DEBATE.test(after)) return 'debate';
  return 'date';
}

function weeksLabel(days: number, locale: TimelineLocale): string {
  if (days % 7 === 0) return locale === 'en' ? `${days / 7}-week` : `${days / 7} weken`;
  return locale === 'en' ? `${days}-day` : `${days} dagen`;
}

/**
 * The timeline of the document `uri` with analysis `a`, within its set (when
 * the index knows it). `today` decides the state of an unanswered set.
 */
export function timeline(uri: string, a: Analysis, set: SetSummary | null, terms: Terms, today: IsoDate, locale: TimelineLocale): Timeline {
  const en = locale === 'en';
  const fmt = (iso: IsoDate) => (en ? formatDateEn(iso) : formatDateNl(iso));
  const m = a.metadata;
  const events: (TimelineEvent & { order: number })[] = [];
  const seen = new Set<string>();
  const push = (date: IsoDate | null, kind: TimelineEventKind, label: string, span: Span | null, order?: number) => {
    if (!date) return;
    const key = `${kind}|${date}`;
    if (seen.has(key) && kind !== 'debate' && kind !== 'ruling') return;
    seen.add(key);
    events.push({ date, kind, label, range: span ? a.lines.rangeOf(span) : null, order: order ?? (span ? span.start : Number.MAX_SAFE_INTEGER) });
  };
  const submitted = m.submitted ?? set?.submitted ?? null;
  const answered = m.answered ?? set?.answered ?? null;
  const noticeGiven = a.notices.length > 0 || m.noticeDate !== null || set?.state === 'delayed' || (set?.documents.some((d) => d.kind === 'notice') ?? false);
  const st = standing({ submitted, answered, noticeGiven }, terms, today);

  push(submitted, 'submitted', en ? 'Submitted' : 'Ingediend', m.submitted ? m.submittedSpan : null, -1);
  if (submitted && st.deadlines) {
    const d = st.deadlines;
    push(d.regular, 'term-regular', en ? `End of the ${weeksLabel(d.regularDays, locale)} term` : `Einde termijn van ${weeksLabel(d.regularDays, locale)}`, null);
    push(d.extended, 'term-extended', en ? `End of the extended ${weeksLabel(d.extendedDays, locale)} term` : `Einde verlengde termijn van ${weeksLabel(d.extendedDays, locale)}`, null);
  }
  const used: Span[] = [];
  for (const s of [m.submittedSpan, m.answeredSpan]) if (s) used.push(s);
  for (const n of a.notices) {
    const date = n.date ?? m.noticeDate;
    if (date) push(date, 'notice', en ? 'Delay notice' : 'Uitstelbericht', (n.heading ?? n).span);
    used.push(n.heading?.span ?? n.span);
  }
  if (a.notices.length === 0 && m.noticeDate) push(m.noticeDate, 'notice', en ? 'Delay notice' : 'Uitstelbericht', null);
  for (const l of a.letters) {
    for (const mention of l.mentions) used.push(mention.span);
    if (l.notice !== null) continue;
    push(l.date, 'letter', en ? `Letter of ${fmt(l.date)}` : `Brief van ${fmt(l.date)}`, l.mentions[0].span);
  }
  const inSections = a.sections.filter((s) => s.kind === 'header' || s.kind === 'footer' || s.kind === 'furniture');
  const overlaps = (x: Span, y: Span) => x.start < y.end && y.start < x.end;
  for (const d of a.dates) {
    if (used.some((u) => overlaps(u, d.span))) continue;
    if (inSections.some((s) => overlaps(s.span, d.span))) continue;
    const kind = classify(a.text, d.span);
    const label = kind === 'debate' ? (en ? `Debate of ${fmt(d.date)}` : `Debat van ${fmt(d.date)}`)
      : kind === 'ruling' ? (en ? `Ruling of ${fmt(d.date)}` : `Uitspraak van ${fmt(d.date)}`)
      : fmt(d.date);
    push(d.date, kind, label, d.span);
  }
  push(answered, 'answered', en ? 'Answered' : 'Beantwoord', m.answered ? m.answeredSpan : null);

  events.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.order - y.order));
  return {
    uri,
    title: set?.title ?? m.title ?? set?.label ?? (m.zaak ? `Kamervraag ${m.zaak}` : uri.slice(uri.lastIndexOf('/') + 1)),
    state: set?.state ?? st.state,
    events: events.map(({ date, kind, label, range }) => ({ date, kind, label, range })),
  };
}
