// Diagnostics of one document, each with a code, a Dutch and an English
// message, related locations where useful, and a fix where the fix is certain.

import { formatDateEn, formatDateNl, joinList, termAdjective, termLength, weekdayName } from '../i18n/words';
import type { LineIndex, Span } from './text';
import type { Deadlines, Diagnostic, Fix, Message, Severity } from './types';

export const DiagnosticCode = {
  unknownReference: 'unknown-reference',
  yearTypo: 'year-typo',
  implausibleYear: 'implausible-year',
  invalidDate: 'invalid-date',
  weekdayMismatch: 'weekday-mismatch',
  dayCountMismatch: 'day-count-mismatch',
  unansweredQuestion: 'unanswered-question',
  answerWithoutQuestion: 'answer-without-question',
  duplicateQuestion: 'duplicate-question',
  questionNumbering: 'question-numbering',
  footnoteDisorder: 'footnote-disorder',
  lateAnswer: 'late-answer',
  noQuestions: 'no-questions',
  encoding: 'encoding',
  questionTextDiffers: 'question-text-differs',
  ocrNumberRestored: 'ocr-number-restored',
  ocrNumberMissing: 'ocr-number-missing',
  ocrDateRead: 'ocr-date-read',
} as const;

/** A fix as the analysis states it: one replacement, or several applied together. */
export type FixSpec =
  | { readonly span: Span; readonly newText: string; readonly title: Message }
  | { readonly title: Message; readonly edits: readonly { readonly span: Span; readonly newText: string }[] };

export class DiagnosticSink {
  readonly items: Diagnostic[] = [];

  constructor(private readonly lines: LineIndex) {}

  add(
    span: Span,
    severity: Severity,
    code: string,
    message: Message,
    extra: { related?: { span: Span; message: Message }[]; fix?: FixSpec } = {},
  ): void {
    const spec = extra.fix;
    const edits = spec === undefined ? [] : 'edits' in spec ? spec.edits : [spec];
    const fix: Fix | null = spec === undefined ? null : { title: spec.title, edits: edits.map((e) => ({ span: e.span, newText: e.newText, range: this.lines.rangeOf(e.span) })) };
    this.items.push({
      span,
      range: this.lines.rangeOf(span),
      severity,
      code,
      message,
      related: (extra.related ?? []).map((r) => ({ ...r, range: this.lines.rangeOf(r.span) })),
      fix,
    });
  }

  sorted(): Diagnostic[] {
    return [...this.items].sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  }
}

export const messages = {
  unknownReference: (n: number, known: string): Message => ({
    nl: `Deze verwijzing noemt vraag ${n}, maar dit document heeft geen vraag ${n} (wel: ${known}).`,
    en: `This reference names question ${n}, but this document has no question ${n} (it has: ${known}).`,
  }),
  yearTypo: (written: string, year: number): Message => ({
    nl: `Het jaartal ${written} kan niet kloppen; waarschijnlijk is ${year} bedoeld.`,
    en: `The year ${written} cannot be right; ${year} is probably meant.`,
  }),
  yearTypoFix: (year: number): Message => ({ nl: `Vervang door ${year}`, en: `Replace with ${year}` }),
  implausibleYear: (written: string): Message => ({
    nl: `Het jaartal ${written} is onwaarschijnlijk in een Kamervraag.`,
    en: `The year ${written} is implausible in a parliamentary question.`,
  }),
  invalidDate: (text: string): Message => ({
    nl: `${text} bestaat niet.`,
    en: `${text} is not a calendar date.`,
  }),
  weekdayMismatch: (written: string, iso: string): Message => ({
    nl: `${formatDateNl(iso)} valt op een ${weekdayName('nl', iso)}, niet op een ${written.toLowerCase()}.`,
    en: `${formatDateEn(iso)} is a ${weekdayName('en', iso)}, not a ${written.toLowerCase()}.`,
  }),
  weekdayFix: (right: string): Message => ({ nl: `Vervang door ${right}`, en: `Replace with ${right}` }),
  dayCountMismatch: (stated: number, actual: number, d: Deadlines): Message => ({
    nl: `Er staat na ${stated} dagen, maar van ${formatDateNl(d.submitted)} tot ${formatDateNl(d.answered ?? d.submitted)} is ${actual} dagen.`,
    en: `It says after ${stated} days, but ${formatDateEn(d.submitted)} to ${formatDateEn(d.answered ?? d.submitted)} is ${actual} days.`,
  }),
  dayCountFix: (actual: number): Message => ({ nl: `Vervang door (na ${actual} dagen)`, en: `Replace with (na ${actual} dagen)` }),
  unansweredQuestion: (label: string): Message => ({
    nl: `${label} heeft geen antwoord, terwijl de vragen wel beantwoord zijn.`,
    en: `${label} has no answer, although the questions were answered.`,
  }),
  answerStubFix: (numbers: readonly number[]): Message => ({
    nl: `Antwoord ${joinList('nl', numbers)} toevoegen`,
    en: numbers.length > 1 ? `Add answers ${joinList('en', numbers)}` : `Add answer ${numbers[0]}`,
  }),
  answerWithoutQuestion: (numbers: string): Message => ({
    nl: `Antwoord op vraag ${numbers}, maar die vraag staat niet in dit document.`,
    en: `Answer to question ${numbers}, but this document does not contain that question.`,
  }),
  duplicateQuestion: (n: number): Message => ({
    nl: `Vraag ${n} komt twee keer voor.`,
    en: `Question ${n} occurs twice.`,
  }),
  questionGap: (missing: number, before: number | null, next: number): Message => (before === null
    ? { nl: `Vraag ${missing} ontbreekt: de eerste vraag is vraag ${next}.`, en: `Question ${missing} is missing: the first question is question ${next}.` }
    : { nl: `Vraag ${missing} ontbreekt: na vraag ${before} komt vraag ${next}.`, en: `Question ${missing} is missing: question ${before} is followed by question ${next}.` }),
  questionDuplicate: (n: number, expected: number): Message => ({
    nl: `Vraag ${n} komt twee keer voor: hier hoort vraag ${expected} te staan.`,
    en: `Question ${n} occurs twice: question ${expected} belongs here.`,
  }),
  questionOrder: (n: number, expected: number): Message => ({
    nl: `Vraag ${n} staat vóór vraag ${expected}.`,
    en: `Question ${n} comes before question ${expected}.`,
  }),
  relatedQuestion: (n: number, first: boolean): Message => (first
    ? { nl: `de eerste vraag ${n}`, en: `the first question ${n}` }
    : { nl: `vraag ${n}`, en: `question ${n}` }),
  renumberQuestions: (): Message => ({ nl: 'Vragen hernummeren', en: 'Renumber questions' }),
  renumberFootnotes: (): Message => ({ nl: 'Voetnoten hernummeren', en: 'Renumber footnotes' }),
  footnoteDisorder: (n: number, expected: number): Message => ({
    nl: `Voetnoot ${n} staat op de plaats van voetnoot ${expected}.`,
    en: `Footnote ${n} stands where footnote ${expected} was expected.`,
  }),
  lateAnswer: (d: Deadlines): Message => {
    const days = d.noticeGiven ? d.extendedDays : d.regularDays;
    return {
      nl: `Beantwoord na ${d.daysTaken} dagen: ${d.daysLate} dagen te laat. De termijn van ${termLength('nl', days)}${d.noticeGiven ? ' (na de uitstelmelding)' : ''} verliep op ${formatDateNl(d.applicable)}.`,
      en: `Answered after ${d.daysTaken} days: ${d.daysLate} days late. The ${termAdjective(days)} term${d.noticeGiven ? ' (after the delay notice)' : ''} ended on ${formatDateEn(d.applicable)}.`,
    };
  },
  noQuestions: (): Message => ({
    nl: 'Geen vragen gevonden: dit lijkt geen Kamervraag (geen "Vraag 1" of "Vragen van het lid …").',
    en: 'No questions found: this does not look like a parliamentary question ("Vraag 1" or "Vragen van het lid …" is missing).',
  }),
  notUtf8: (count: number): Message => ({
    nl: `Dit bestand bevat ${count} onleesbare tekens (�): het staat waarschijnlijk niet in UTF-8. Heropen het met de juiste codering, bijvoorbeeld Windows 1252.`,
    en: `This file contains ${count} unreadable characters (�): it is probably not UTF-8. Reopen it with the right encoding, for example Windows 1252.`,
  }),
  binary: (): Message => ({
    nl: 'Dit lijkt een binair bestand, geen tekst: er valt niets te analyseren.',
    en: 'This looks like a binary file, not text: there is nothing to analyse.',
  }),
  relatedSubmitted: (): Message => ({ nl: 'ingediend', en: 'submitted' }),
  ocrNumberRestored: (kind: 'question' | 'answer', n: number): Message => (kind === 'question'
    ? { nl: `Het nummer van vraag ${n} ontbreekt in de OCR-tekst; uit de volgorde blijkt dat deze alinea vraag ${n} is.`, en: `The OCR text lost the number of question ${n}; the order shows that this paragraph is question ${n}.` }
    : { nl: `Het nummer van antwoord ${n} ontbreekt in de OCR-tekst; uit de volgorde blijkt dat deze alinea antwoord ${n} is.`, en: `The OCR text lost the number of answer ${n}; the order shows that this paragraph is answer ${n}.` }),
  ocrDateRead: (written: string, iso: string): Message => ({
    nl: `De OCR heeft de cijfers van „${written}” gesplitst; gelezen als ${formatDateNl(iso)}.`,
    en: `The OCR split the digits of “${written}”; read as ${formatDateEn(iso)}.`,
  }),
  ocrNumberMissing: (kind: 'question' | 'answer', n: number): Message => (kind === 'question'
    ? { nl: `Het nummer van vraag ${n} ontbreekt in de OCR-tekst en de plaats is niet zeker: vraag ${n} staat niet in de indeling.`, en: `The OCR text lost the number of question ${n} and its place is uncertain: question ${n} is left out of the outline.` }
    : { nl: `Het nummer van antwoord ${n} ontbreekt in de OCR-tekst en de plaats is niet zeker: antwoord ${n} staat niet in de indeling.`, en: `The OCR text lost the number of answer ${n} and its place is uncertain: answer ${n} is left out of the outline.` }),
};
