// Answer terms. Written questions are to be answered within three weeks of
// submission (Reglement van Orde van de Tweede Kamer, art. 12.2); when the
// minister sends a delay notice, the term that applies is six weeks.

import { addDays, daysBetween } from './calendar';
import type { Deadlines, IsoDate } from './types';

export const REGULAR_TERM_DAYS = 21;
export const EXTENDED_TERM_DAYS = 42;

export interface Terms {
  readonly regularDays: number;
  readonly extendedDays: number;
}

export const DEFAULT_TERMS: Terms = { regularDays: REGULAR_TERM_DAYS, extendedDays: EXTENDED_TERM_DAYS };

export function computeDeadlines(submitted: IsoDate | null, answered: IsoDate | null, noticeGiven: boolean, terms: Terms = DEFAULT_TERMS): Deadlines | null {
  if (submitted === null) return null;
  const regular = addDays(submitted, terms.regularDays);
  const extended = addDays(submitted, terms.extendedDays);
  const applicable = noticeGiven ? extended : regular;
  const daysTaken = answered === null ? null : daysBetween(submitted, answered);
  const over = answered === null ? null : daysBetween(applicable, answered);
  return {
    submitted,
    regularDays: terms.regularDays,
    extendedDays: terms.extendedDays,
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
