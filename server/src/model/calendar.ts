// Calendar arithmetic on ISO dates (proleptic Gregorian, no time zones).
// The names of months and weekdays are words: `i18n/words.ts`.

import type { IsoDate } from './types';

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : DAYS_IN_MONTH[m - 1];
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function pad(n: number, width: number): string {
  let s = String(n);
  while (s.length < width) s = '0' + s;
  return s;
}

/**
 * The ISO dates written so far, by `y * 10000 + m * 100 + d`: a set names the same dates many times over
 * (the dates a large set mentions are a few hundred), and each would be four strings made. Up to
 * ISO_DATES_KEPT of them (some 55 years of days).
 */
const isoDates = new Map<number, IsoDate>();
const ISO_DATES_KEPT = 20_000;

export function toIso(y: number, m: number, d: number): IsoDate {
  // Only a month and day that can be (and a whole year) make a key of one date.
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31 && Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d))) return writeIso(y, m, d);
  const key = y * 10000 + m * 100 + d;
  let iso = isoDates.get(key);
  if (iso === undefined) {
    iso = writeIso(y, m, d);
    if (isoDates.size < ISO_DATES_KEPT) isoDates.set(key, iso);
  }
  return iso;
}

function writeIso(y: number, m: number, d: number): IsoDate {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

export function parseIso(iso: IsoDate): { y: number; m: number; d: number } {
  return { y: +iso.slice(0, 4), m: +iso.slice(5, 7), d: +iso.slice(8, 10) };
}

/** Days since 1970-01-01 (may be negative). */
export function dayNumber(iso: IsoDate): number {
  const { y, m, d } = parseIso(iso);
  return Math.floor(Date.UTC(y, m - 1, d) / 86400000);
}

export function fromDayNumber(n: number): IsoDate {
  const t = new Date(n * 86400000);
  return toIso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(iso) + days);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: IsoDate): number {
  const n = dayNumber(iso);
  return (((n + 4) % 7) + 7) % 7;
}
