// Answer terms. Written questions are to be answered within three weeks of
// submission (Reglement van Orde van de Tweede Kamer, art. 12.2); when the
// minister sends a delay notice, the term that applies is six weeks.

import { addDays, daysBetween } from './calendar';
import type { Deadlines, IsoDate } from './types';

export const REGULAR_TERM_DAYS = 21;
export const EXTENDED_TERM_DAYS = 42;

export function computeDeadlines(submitted: IsoDate | null, answered: IsoDate | null, noticeGiven: boolean): Deadlines | null {
  if (submitted === null) return null;
  const regular = addDays(submitted, REGULAR_TERM_DAYS);
  const extended = addDays(submitted, EXTENDED_TERM_DAYS);
  const applicable = noticeGiven ? extended : regular;
  const daysTaken = answered === null ? null : daysBetween(submitted, answered);
  const over = answered === null ? null : daysBetween(applicable, answered);
  return {
    submitted,
    regular,
    extended,
    applicable,
    noticeGiven,
    answered,
    daysTaken,
    daysLate: over === null ? null : Math.max(0, over),
    late: over === null ? null : over > 0,
  };
}
