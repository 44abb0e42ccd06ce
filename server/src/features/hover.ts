// Hover: what the element under the cursor is and what it means in this
// document — a date's weekday and its place relative to the answer terms, a
// letter's other mentions, where a reference leads, a footnote's text, a
// citation's address, a heading's answer, the deadline arithmetic behind the
// header. Everything comes from the analysis; nothing here reads the text
// except to quote it.

import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import { daysBetween } from '../model/calendar';
import { answerLabel as answerTitle, capitalize, citationKindName, clip, compactNumbers, days, formatDateEn, formatDateNl, joinList, longDate, questionLabel, termAdjective, termLength, times, weekdayName } from '../i18n/words';
import { normalizeSpace as collapse, type Span } from '../model/text';
import type { Analysis, Block, Citation, DateMention, FootnoteMarker, HeaderField, IsoDate, Letter, LetterMention, Notice, Person, Question, Reference } from '../model/types';
import { elementAt, firstSentence, offsetOf, questionByNumber, referencesTo, Target, noteText } from './at';
import { FeatureContext, t } from './context';
import { esc, escInline, link } from './markdown';
import type { Cancellation, LanguageService } from '../service/languageService';
import { crossFileHover } from './crossFile';
import { originalPlaceLine } from './originals';

/** Lines of other mentions listed in a hover, at most. */
const MAX_LINES_LISTED = 8;

/**
 * The hover at `position`: what the document says of the element there, then
 * what the workspace index knows of the set it stands for. Null where nothing
 * stands there or the position lies outside the document. Errors are the
 * caller's to log.
 */
export function provideHover(service: LanguageService, uri: string, position: Position, token?: Cancellation): Hover | null {
  const a = service.analysis(uri);
  if (!a || token?.isCancellationRequested) return null;
  const ctx = service.context(uri);
  const own = hover(a, position, ctx);
  const more = crossFileHover(a, position, uri, service.index, ctx);
  // An original's converted text: where the element stands in the PDF or the Word document.
  if (own?.range) {
    const place = originalPlaceLine(service, uri, a.lines.offsetAt(own.range.start), ctx);
    if (place) more.push(`*${esc(place)}*`);
  }
  if (more.length === 0) return own;
  const value = own && typeof own.contents === 'object' && 'value' in own.contents ? own.contents.value : '';
  return { ...(own ?? {}), contents: { kind: MarkupKind.Markdown, value: [value, ...more].filter((x) => x).join('\n\n') } };
}

/** The document's own hover at `position`, or null. */
export function hover(a: Analysis, position: Position, ctx: FeatureContext): Hover | null {
  const offset = offsetOf(a, position);
  return offset === null ? null : hoverAtOffset(a, offset, ctx);
}

/** The hover at a text offset. */
export function hoverAtOffset(a: Analysis, offset: number, ctx: FeatureContext): Hover | null {
  if (!Number.isFinite(offset) || offset < 0 || offset > a.text.length) return null;
  const target = elementAt(a, offset);
  if (!target) return null;
  const lines = render(a, target, ctx);
  if (lines.length === 0) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') },
    range: a.lines.rangeOf(target.span),
  };
}

/** What a hover says of each kind of element. */
const RENDER: { readonly [K in Target['kind']]: (a: Analysis, t: Extract<Target, { kind: K }>, ctx: FeatureContext) => string[] } = {
  date: (a, t, ctx) => dateHover(a, t.date, ctx),
  letter: (a, t, ctx) => letterHover(a, t.letter, t.mention, ctx),
  reference: (a, t, ctx) => referenceHover(a, t.reference, ctx),
  footnote: (a, t, ctx) => footnoteHover(a, t.footnote, ctx),
  citation: (_a, t, ctx) => citationHover(t.citation, ctx),
  question: (a, t, ctx) => questionHover(a, t.question, ctx),
  answer: (a, t, ctx) => answerHover(a, t.answer, t.questions, ctx),
  notice: (a, t, ctx) => noticeHover(a, t.notice, ctx),
  header: (a, t, ctx) => headerHover(a, t.field, ctx),
};

function render(a: Analysis, target: Target, ctx: FeatureContext): string[] {
  return (RENDER[target.kind] as (a: Analysis, t: Target, ctx: FeatureContext) => string[])(a, target, ctx);
}

// ---------------------------------------------------------------- dates

function dateHover(a: Analysis, d: DateMention, ctx: FeatureContext): string[] {
  const out: string[] = [];
  const inferred = d.inferredYear ? ` ${t(ctx, '(jaar afgeleid uit het document)', '(year inferred from the document)')}` : '';
  out.push(`${bold(longDate(ctx, d.date))} (${d.date})${inferred}`);
  const role = dateRole(a, d, ctx);
  if (role) out.push(role);
  if (d.typo) {
    out.push(t(ctx,
      `Jaartal geschreven als ${esc(d.typo.written)}; bedoeld is ${d.typo.year}.`,
      `Year written as ${esc(d.typo.written)}; ${d.typo.year} is meant.`));
  }
  if (d.weekday && !d.weekday.matches) {
    out.push(t(ctx,
      `Er staat ${esc(d.weekday.name.toLowerCase())}, maar ${formatDateNl(d.date)} is een ${weekdayName('nl', d.date)}.`,
      `Written as ${esc(d.weekday.name.toLowerCase())}, but ${formatDateEn(d.date)} is a ${weekdayName('en', d.date)}.`));
  }
  const submitted = a.metadata.submitted ?? a.deadlines?.submitted ?? null;
  if (submitted) {
    const n = daysBetween(submitted, d.date);
    if (n === 0) out.push(t(ctx, `De dag van indiening.`, `The day of submission.`));
    else if (n > 0) out.push(t(ctx, `${days(ctx, n)} na indiening (${formatDateNl(submitted)})`, `${days(ctx, n)} after submission (${formatDateEn(submitted)})`));
    else out.push(t(ctx, `${days(ctx, -n)} vóór indiening (${formatDateNl(submitted)})`, `${days(ctx, -n)} before submission (${formatDateEn(submitted)})`));
    const dl = a.deadlines;
    if (dl && n >= 0) out.push(capitalize(termsRelation(ctx, d.date, dl.regularDays, dl.regular, dl.extendedDays, dl.extended)));
  }
  const others = a.dates.filter((o) => o !== d && o.date === d.date);
  if (others.length > 0) {
    out.push(t(ctx,
      `Elders genoemd: ${others.length} keer (${lineList(ctx, a, others.map((o) => o.span))})`,
      `Mentioned elsewhere: ${times(ctx, others.length)} (${lineList(ctx, a, others.map((o) => o.span))})`));
  }
  return out;
}

/** What the date is in the document, where the header says so. */
function dateRole(a: Analysis, d: DateMention, ctx: FeatureContext): string | null {
  const m = a.metadata;
  if (inside(m.submittedSpan, d.span.start)) return t(ctx, 'Datum van indiening.', 'Date of submission.');
  if (inside(m.answeredSpan, d.span.start)) return t(ctx, 'Datum van beantwoording.', 'Date of the answer.');
  for (const n of a.notices) {
    if (n.heading && inside(n.heading.span, d.span.start)) return t(ctx, 'Datum van de uitstelmelding.', 'Date of the delay notice.');
  }
  return null;
}

/** `na de termijn van 3 weken (9 juni 2022), vóór die van 6 weken (30 juni 2022)`. */
function termsRelation(ctx: FeatureContext, date: IsoDate, regularDays: number, regular: IsoDate, extendedDays: number, extended: IsoDate): string {
  const rel = (term: IsoDate): 'before' | 'on' | 'after' => {
    const n = daysBetween(term, date);
    return n < 0 ? 'before' : n === 0 ? 'on' : 'after';
  };
  if (ctx.locale === 'en') {
    const word = { before: 'before', on: 'on the last day of', after: 'after' };
    return `${word[rel(regular)]} the ${termAdjective(regularDays)} term (${formatDateEn(regular)}), ${word[rel(extended)]} the ${termAdjective(extendedDays)} term (${formatDateEn(extended)})`;
  }
  const first = { before: 'vóór de termijn', on: 'op de laatste dag van de termijn', after: 'na de termijn' };
  const second = { before: 'vóór die', on: 'op de laatste dag van die', after: 'na die' };
  return `${first[rel(regular)]} van ${termLength('nl', regularDays)} (${formatDateNl(regular)}), ${second[rel(extended)]} van ${termLength('nl', extendedDays)} (${formatDateNl(extended)})`;
}

// ---------------------------------------------------------------- letters

/**
 * The footnote marker numbered `n` that stands on one of the letter's mentions
 * (`brief[1]`), so that a document with two runs of notes (typed ones, then
 * Word's own) shows the note of this marker; else the first marker so
 * numbered that has a note.
 */
function letterMarker(a: Analysis, letter: Letter, n: number): FootnoteMarker | null {
  for (const m of letter.mentions) {
    if (m.footnote !== n) continue;
    const on = a.footnotes.find((f) => f.number === n && f.note !== null && f.span.start >= m.span.start && f.span.start <= m.span.end + 1);
    if (on) return on;
  }
  return a.footnotes.find((f) => f.number === n && f.note !== null) ?? null;
}

function letterHover(a: Analysis, letter: Letter, mention: LetterMention, ctx: FeatureContext): string[] {
  const out: string[] = [];
  out.push(bold(t(ctx, `Brief van ${formatDateNl(letter.date)}`, `Letter of ${formatDateEn(letter.date)}`)));
  if (mention.date === null) {
    out.push(t(ctx, 'De datum volgt uit een andere vermelding van deze brief.', 'The date follows from another mention of this letter.'));
  }
  if (letter.sender) out.push(`${t(ctx, 'Afzender', 'Sender')}: ${esc(clip(letter.sender, 120))}`);
  if (letter.footnotes.length > 0) {
    const texts = letter.footnotes.map((n) => ({ n, text: noteText(letterMarker(a, letter, n)) }));
    if (texts.some((x) => x.text !== null)) {
      const parts = texts.slice(0, 3).map(({ n, text }) => `${t(ctx, `voetnoot ${n}`, `footnote ${n}`)}${text ? `: ${quote(clip(text, 140))}` : ''}`);
      out.push(capitalize(parts.join('; ')));
    } else {
      out.push(letter.footnotes.length === 1
        ? t(ctx, `Voetnoot ${letter.footnotes[0]}`, `Footnote ${letter.footnotes[0]}`)
        : t(ctx, `Voetnoten ${joinList(ctx, letter.footnotes)}`, `Footnotes ${joinList(ctx, letter.footnotes)}`));
    }
  }
  const others = letter.mentions.filter((m) => m !== mention);
  const count = letter.mentions.length;
  if (others.length === 0) {
    out.push(t(ctx, 'Alleen hier genoemd.', 'Mentioned only here.'));
  } else {
    out.push(t(ctx,
      `${count} keer genoemd; ook op ${lineList(ctx, a, others.map((m) => m.span))}`,
      `Mentioned ${times(ctx, count)}; also on ${lineList(ctx, a, others.map((m) => m.span))}`));
  }
  if (letter.notice !== null) {
    const notice = a.notices[letter.notice];
    const date = notice?.date ?? letter.date;
    let line = t(ctx, `Dit is de uitstelmelding van ${formatDateNl(date)}.`, `This is the delay notice of ${formatDateEn(date)}.`);
    const dl = a.deadlines;
    if (dl) {
      line += ' ' + t(ctx,
        `De termijn wordt daarmee ${termLength('nl', dl.extendedDays)} (${formatDateNl(dl.extended)}).`,
        `The term is then ${termAdjective(dl.extendedDays)} (${formatDateEn(dl.extended)}).`);
    }
    out.push(line);
  }
  return out;
}

// ---------------------------------------------------------------- references

function referenceHover(a: Analysis, r: Reference, ctx: FeatureContext): string[] {
  if (r.scope === 'internal') {
    if (r.target === null) {
      const known = compactNumbers(a.questions.flatMap((q) => q.numbers));
      const list = joinList(ctx, known);
      const many = known.length > 1 || known.some((k) => k.includes('–'));
      return [
        bold(t(ctx, `Vraag ${r.number} bestaat niet in dit document`, `Question ${r.number} does not exist in this document`)),
        known.length === 0
          ? t(ctx, 'Dit document heeft geen genummerde vragen.', 'This document has no numbered questions.')
          : many
            ? t(ctx, `Dit document heeft de vragen ${list}.`, `This document has questions ${list}.`)
            : t(ctx, `Dit document heeft alleen vraag ${list}.`, `This document has only question ${list}.`),
      ];
    }
    const out = [bold(t(ctx, `Verwijst naar vraag ${r.target}`, `Refers to question ${r.target}`))];
    const q = questionByNumber(a, r.target);
    if (q) out.push(...questionAndAnswer(a, q, r.target, ctx));
    return out;
  }
  const what = r.kind === 'answer' ? t(ctx, `antwoord ${r.number}`, `answer ${r.number}`) : t(ctx, `vraag ${r.number}`, `question ${r.number}`);
  const out = [bold(t(ctx, `Verwijst naar ${what} van een andere set vragen`, `Refers to ${what} of another set of questions`))];
  if (r.cites) {
    out.push(`${t(ctx, 'Genoemd als', 'Cited as')}: ${quote(clip(r.cites.text, 160))}`);
    if (r.cites.letterDate) {
      out.push(t(ctx, `In de brief van ${formatDateNl(r.cites.letterDate)}.`, `In the letter of ${formatDateEn(r.cites.letterDate)}.`));
    }
  } else {
    out.push(t(ctx, `Dit document heeft geen vraag ${r.number}; de verwijzing geldt een eerdere set vragen.`, `This document has no question ${r.number}; the reference is to an earlier set of questions.`));
  }
  out.push(t(ctx, 'Niet gekoppeld binnen dit document.', 'Not linked within this document.'));
  return out;
}

/** The opening of question `n` and the first sentence of its answer. */
function questionAndAnswer(a: Analysis, q: Question, n: number, ctx: FeatureContext): string[] {
  const out: string[] = [];
  const opening = firstSentence(slice(a, q.question.span), 200);
  if (opening) out.push(`${bold(t(ctx, 'Vraag:', 'Question:'))} ${esc(opening)}`);
  if (!q.answer) {
    out.push(t(ctx, '(Nog) niet beantwoord.', 'Not (yet) answered.'));
    return out;
  }
  const answer = firstSentence(slice(a, q.answer.body.span), 240);
  out.push(`${bold(t(ctx, 'Antwoord:', 'Answer:'))} ${answer ? esc(answer) : t(ctx, '(leeg)', '(empty)')}`);
  const together = q.answer.numbers.filter((m) => m !== n);
  if (together.length > 0) {
    out.push(t(ctx, `Beantwoord samen met vraag ${joinList(ctx, together)}.`, `Answered together with question ${joinList(ctx, together)}.`));
  }
  return out;
}

// ---------------------------------------------------------------- footnotes

function footnoteHover(a: Analysis, f: FootnoteMarker, ctx: FeatureContext): string[] {
  const out = [bold(t(ctx, `Voetnoot ${f.number}`, `Footnote ${f.number}`))];
  const text = noteText(f);
  if (text) out.push(quote(clip(text, 600)));
  else out.push(t(ctx, '_De voetnoottekst staat niet in dit document._', '_The footnote text is not in this document._'));
  const letter = a.letters.find((l) => l.footnotes.includes(f.number));
  if (letter) out.push(t(ctx, `Bij de brief van ${formatDateNl(letter.date)}.`, `On the letter of ${formatDateEn(letter.date)}.`));
  return out;
}

// ---------------------------------------------------------------- citations

function citationHover(c: Citation, ctx: FeatureContext): string[] {
  const kindName = capitalize(citationKindName(ctx, c.kind));
  if (c.kind === 'url' && c.url) return [bold(kindName), link(c.url, c.url)];
  const out = [bold(esc(clip(c.label, 160)))];
  const id = c.id && c.id !== c.label && c.id !== c.url ? `, id ${code(c.id)}` : '';
  out.push(`${kindName}${id}`);
  if (c.url) out.push(link(c.url, c.url));
  else out.push(t(ctx, 'Geen webadres bekend.', 'No web address known.'));
  return out;
}

// ---------------------------------------------------------------- headings

function questionHover(a: Analysis, q: Question, ctx: FeatureContext): string[] {
  const out = [bold(questionLabel(ctx, q.numbers))];
  const opening = firstSentence(slice(a, q.question.span), 200);
  if (opening) out.push(esc(opening));
  if (q.answer) {
    const line = q.answer.range.start.line + 1;
    out.push(t(ctx,
      `Beantwoord in ${answerLabel(ctx, q.answer.numbers)} (regel ${line}).`,
      `Answered in ${answerLabel(ctx, q.answer.numbers)} (line ${line}).`));
  } else {
    out.push(t(ctx, '(Nog) niet beantwoord.', 'Not (yet) answered.'));
  }
  out.push(referenceCount(a, ctx, q.numbers));
  return out;
}

function answerHover(a: Analysis, b: Block, questions: readonly Question[], ctx: FeatureContext): string[] {
  const out = [bold(t(ctx, `Antwoord op vraag ${joinList(ctx, b.numbers)}`, `Answer to question ${joinList(ctx, b.numbers)}`))];
  if (questions.length === 0) {
    out.push(t(ctx, 'De vraag staat niet in dit document.', 'The question is not in this document.'));
  } else {
    const covered = new Set(questions.flatMap((q) => q.numbers));
    const missing = b.numbers.filter((n) => !covered.has(n));
    for (const q of questions.slice(0, 3)) {
      const opening = firstSentence(slice(a, q.question.span), 160);
      out.push(`${bold(questionLabel(ctx, q.numbers) + ':')} ${esc(opening)}`);
    }
    if (missing.length > 0) {
      out.push(t(ctx, `Vraag ${joinList(ctx, missing)} staat niet in dit document.`, `Question ${joinList(ctx, missing)} is not in this document.`));
    }
  }
  out.push(referenceCount(a, ctx, b.numbers));
  return out;
}

function noticeHover(a: Analysis, n: Notice, ctx: FeatureContext): string[] {
  const out = [bold(n.date
    ? t(ctx, `Uitstelmelding van ${formatDateNl(n.date)}`, `Delay notice of ${formatDateEn(n.date)}`)
    : t(ctx, 'Uitstelmelding', 'Delay notice'))];
  const dl = a.deadlines;
  if (dl) {
    if (n.date) {
      const k = daysBetween(dl.submitted, n.date);
      if (k >= 0) out.push(t(ctx, `${days(ctx, k)} na indiening (${formatDateNl(dl.submitted)}).`, `${days(ctx, k)} after submission (${formatDateEn(dl.submitted)}).`));
    }
    out.push(t(ctx,
      `De termijn is daarmee ${termLength('nl', dl.extendedDays)}: ${formatDateNl(dl.extended)} (in plaats van ${termLength('nl', dl.regularDays)}: ${formatDateNl(dl.regular)}).`,
      `The term is then ${termAdjective(dl.extendedDays)}: ${formatDateEn(dl.extended)} (instead of ${termAdjective(dl.regularDays)}: ${formatDateEn(dl.regular)}).`));
  } else {
    out.push(t(ctx, 'De termijn wordt daarmee verlengd.', 'The term is thereby extended.'));
  }
  return out;
}

// ---------------------------------------------------------------- header

function headerHover(a: Analysis, f: HeaderField, ctx: FeatureContext): string[] {
  const m = a.metadata;
  switch (f.key) {
    case 'Beantwoord':
    case 'Antwoord van':
      return answeredHover(a, f, ctx);
    case 'Ingediend':
    case 'Vragen van':
      return submittedHover(a, f, ctx);
    case 'Mededeling van': {
      const out = [bold(m.noticeDate
        ? t(ctx, `Uitstelmelding van ${formatDateNl(m.noticeDate)}`, `Delay notice of ${formatDateEn(m.noticeDate)}`)
        : t(ctx, 'Uitstelmelding', 'Delay notice'))];
      out.push(`${t(ctx, 'Van', 'From')}: ${esc(clip(f.value, 160))}`);
      const dl = a.deadlines;
      if (dl) out.push(t(ctx, `De termijn is daarmee ${termLength('nl', dl.extendedDays)}: ${formatDateNl(dl.extended)}.`, `The term is then ${termAdjective(dl.extendedDays)}: ${formatDateEn(dl.extended)}.`));
      return out;
    }
    case 'Indiener':
    case 'Indieners':
      return [bold(t(ctx, 'Indiener', 'Submitted by')), people(m.submitters, f, ctx)];
    case 'Beantwoord door': {
      const out = [bold(t(ctx, 'Beantwoord door', 'Answered by')), people(m.answeredBy, f, ctx)];
      if (m.onBehalfOf) out.push(`${t(ctx, 'Mede namens', 'Also on behalf of')}: ${esc(clip(m.onBehalfOf, 160))}`);
      return out;
    }
    case 'Onderwerpen':
      return [bold(t(ctx, 'Onderwerpen', 'Topics')), esc(m.topics.length > 0 ? m.topics.join(', ') : clip(f.value, 200))];
    case 'Bron vraag':
    case 'Bron antwoord':
    case 'Kamervraag document nummer':
    case 'Kamerantwoord document nummer': {
      const question = f.key === 'Bron vraag' || f.key === 'Kamervraag document nummer';
      const out = [bold(question ? t(ctx, 'Publicatie van de vragen', 'Publication of the questions') : t(ctx, 'Publicatie van het antwoord', 'Publication of the answer'))];
      const pub = m.publications.find((p) => p.kind === (question ? 'question' : 'answer') && p.url !== null);
      const url = pub?.url ?? (/^https?:\/\/\S+$/.test(f.value) ? f.value : null);
      if (pub?.id) out.push(code(pub.id));
      else out.push(esc(clip(f.value, 160)));
      if (url) out.push(link(url, url));
      return out;
    }
    case 'Volledige titel':
      return [bold(t(ctx, 'Volledige titel', 'Full title')), esc(clip(f.value, 300))];
    default:
      return [bold(esc(f.key)), esc(clip(f.value, 200))];
  }
}

function answeredHover(a: Analysis, f: HeaderField, ctx: FeatureContext): string[] {
  const m = a.metadata;
  const dl = a.deadlines;
  const out: string[] = [];
  out.push(bold(m.answered
    ? t(ctx, `Beantwoord op ${longDate(ctx, m.answered)}`, `Answered on ${longDate(ctx, m.answered)}`)
    : t(ctx, 'Beantwoord', 'Answered')));
  if (f.key === 'Antwoord van' && m.answeredBy.length > 0) out.push(`${t(ctx, 'Door', 'By')}: ${people(m.answeredBy, f, ctx)}`);
  if (!dl) {
    out.push(t(ctx, 'De datum van indiening is onbekend; de termijnen zijn niet te berekenen.', 'The submission date is unknown; the terms cannot be computed.'));
    return out;
  }
  if (dl.daysTaken !== null && dl.answered !== null) {
    const span = t(ctx, `van ${formatDateNl(dl.submitted)} tot ${formatDateNl(dl.answered)}`, `${formatDateEn(dl.submitted)} to ${formatDateEn(dl.answered)}`);
    if (m.statedDays === null) {
      out.push(t(ctx, `Beantwoord na ${days(ctx, dl.daysTaken)} (${span}).`, `Answered after ${days(ctx, dl.daysTaken)} (${span}).`));
    } else if (m.statedDays === dl.daysTaken) {
      out.push(t(ctx, `(na ${m.statedDays} dagen) klopt: ${span} is ${days(ctx, dl.daysTaken)}.`, `(na ${m.statedDays} dagen) is correct: ${span} is ${days(ctx, dl.daysTaken)}.`));
    } else {
      out.push(t(ctx, `(na ${m.statedDays} dagen) klopt niet: ${span} is ${days(ctx, dl.daysTaken)}.`, `(na ${m.statedDays} dagen) is wrong: ${span} is ${days(ctx, dl.daysTaken)}.`));
    }
  }
  out.push(...termLines(dl.regularDays, dl.regular, dl.extendedDays, dl.extended, dl.noticeGiven, ctx));
  if (dl.answered === null || dl.daysLate === null) {
    out.push(t(ctx, 'Nog niet beantwoord.', 'Not answered yet.'));
  } else if (dl.late) {
    out.push(bold(t(ctx, `${days(ctx, dl.daysLate)} te laat.`, `${days(ctx, dl.daysLate)} late.`)));
  } else {
    const margin = daysBetween(dl.answered, dl.applicable);
    out.push(margin > 0
      ? t(ctx, `Op tijd: ${days(ctx, margin)} vóór het einde van de termijn.`, `On time: ${days(ctx, margin)} before the end of the term.`)
      : t(ctx, 'Op tijd: op de laatste dag van de termijn.', 'On time: on the last day of the term.'));
  }
  return out;
}

function submittedHover(a: Analysis, f: HeaderField, ctx: FeatureContext): string[] {
  const m = a.metadata;
  const dl = a.deadlines;
  const submitted = m.submitted ?? dl?.submitted ?? null;
  const out: string[] = [];
  out.push(bold(submitted
    ? t(ctx, `Ingediend op ${longDate(ctx, submitted)}`, `Submitted on ${longDate(ctx, submitted)}`)
    : t(ctx, 'Ingediend', 'Submitted')));
  if (f.key === 'Vragen van' && m.submitters.length > 0) out.push(`${t(ctx, 'Door', 'By')}: ${people(m.submitters, f, ctx)}`);
  if (dl) {
    out.push(...termLines(dl.regularDays, dl.regular, dl.extendedDays, dl.extended, dl.noticeGiven, ctx));
    if (dl.answered !== null && dl.daysTaken !== null) {
      out.push(t(ctx, `Beantwoord na ${days(ctx, dl.daysTaken)} (${formatDateNl(dl.answered)}).`, `Answered after ${days(ctx, dl.daysTaken)} (${formatDateEn(dl.answered)}).`));
    } else {
      out.push(t(ctx, 'Nog niet beantwoord.', 'Not answered yet.'));
    }
  } else {
    out.push(t(ctx, 'De datum van indiening is onbekend.', 'The submission date is unknown.'));
  }
  return out;
}

/** The two answer terms, the one that applies marked. */
function termLines(regularDays: number, regular: IsoDate, extendedDays: number, extended: IsoDate, noticeGiven: boolean, ctx: FeatureContext): string[] {
  const applies = t(ctx, ' — geldt', ' — applies');
  return [
    t(ctx,
      `Termijn van ${termLength('nl', regularDays)}: ${longDate('nl', regular)}${noticeGiven ? '' : applies}`,
      `${capitalize(termAdjective(regularDays))} term: ${longDate('en', regular)}${noticeGiven ? '' : applies}`),
    t(ctx,
      `Termijn van ${termLength('nl', extendedDays)} na een uitstelmelding: ${longDate('nl', extended)}${noticeGiven ? ' — geldt (uitstel gemeld)' : ''}`,
      `${capitalize(termAdjective(extendedDays))} term after a delay notice: ${longDate('en', extended)}${noticeGiven ? ' — applies (delay notified)' : ''}`),
  ];
}

/** `Caroline van der Plas (BBB)`; the field's own value where no person was read. */
function people(list: readonly Person[], f: HeaderField, ctx: FeatureContext): string {
  if (list.length === 0) return esc(clip(f.value, 200));
  const each = list.slice(0, 8).map((p) => {
    let s = p.name;
    if (p.role && p.role !== p.name) s += `, ${p.role}`;
    if (p.party) s += ` (${p.party})`;
    return esc(clip(s, 160));
  });
  return joinList(ctx, each);
}

// ---------------------------------------------------------------- helpers

function referenceCount(a: Analysis, ctx: FeatureContext, numbers: readonly number[]): string {
  const refs = referencesTo(a, numbers);
  if (refs.length === 0) return t(ctx, 'Geen verwijzingen hiernaar.', 'No references to it.');
  const where = lineList(ctx, a, refs.map((r) => r.span));
  return refs.length === 1
    ? t(ctx, `1 verwijzing hiernaar (${where}).`, `1 reference to it (${where}).`)
    : t(ctx, `${refs.length} verwijzingen hiernaar (${where}).`, `${refs.length} references to it (${where}).`);
}

/** `regel 15, 20 en 26` for the lines of the spans, 1-based, each once, at most eight. */
function lineList(ctx: FeatureContext, a: Analysis, spans: readonly Span[]): string {
  const lines = [...new Set(spans.map((s) => a.lines.lineAt(s.start) + 1))].sort((x, y) => x - y);
  const shown = lines.slice(0, MAX_LINES_LISTED).map(String);
  if (lines.length > MAX_LINES_LISTED) shown.push('…');
  const list = lines.length > MAX_LINES_LISTED ? shown.join(', ') : joinList(ctx, shown);
  return lines.length === 1 ? t(ctx, `regel ${list}`, `line ${list}`) : t(ctx, `regels ${list}`, `lines ${list}`);
}

/** `antwoord 3`, `antwoord 2 en 3` / `answer 3`, `answers 2 and 3`: inside a sentence. */
function answerLabel(ctx: FeatureContext, numbers: readonly number[]): string {
  return answerTitle(ctx, numbers).toLowerCase();
}

function inside(span: Span | null, offset: number): boolean {
  return span !== null && span.start <= offset && offset < span.end;
}

function slice(a: Analysis, span: Span): string {
  return a.text.slice(span.start, span.end);
}

function bold(s: string): string {
  return `**${s}**`;
}

/** Document text with its web addresses kept as links and everything else escaped. */
function quote(s: string): string {
  const re = /https?:\/\/[^\s<>"]+/g;
  let out = '';
  let last = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    const url = m[0].replace(/[.,;:!?)»”’]+$/, '');
    const before = s.slice(last, m.index);
    out += (last === 0 ? esc(before) : escInline(before)) + `<${url}>`;
    last = m.index + url.length;
    re.lastIndex = last;
  }
  const rest = s.slice(last);
  return out + (last === 0 ? esc(rest) : escInline(rest));
}

/** An inline code span, safe against backticks in the content. */
function code(s: string): string {
  const clean = collapse(s).replace(/`/g, "'");
  return `\`${clean}\``;
}
