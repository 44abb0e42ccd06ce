// Where a set stands, from its dates, the terms and today.

import { daysBetween } from '../model/calendar';
import { computeDeadlines, type Terms } from '../model/deadlines';
import type { Deadlines, IsoDate } from '../model/types';
import type { SetState } from './sets';

export interface StateInputs {
  readonly submitted: IsoDate | null;
  readonly answered: IsoDate | null;
  readonly noticeGiven: boolean;
}

export interface SetStanding {
  readonly state: SetState;
  readonly deadline: IsoDate | null;
  readonly daysLate: number | null;
  readonly deadlines: Deadlines | null;
}

/**
 * answered: within the applicable term; late: after it; delayed: a notice
 * came, no answer, the extended term has not passed; overdue: no answer and
 * the applicable term has passed by `today`; open: otherwise.
 */
export function standing(s: StateInputs, terms: Terms, today: IsoDate): SetStanding {
  const d = computeDeadlines(s.submitted, s.answered, s.noticeGiven, terms);
  if (s.answered !== null) {
    if (!d) return { state: 'answered', deadline: null, daysLate: null, deadlines: null };
    return { state: d.late ? 'late' : 'answered', deadline: d.applicable, daysLate: d.daysLate, deadlines: d };
  }
  if (!d) return { state: s.noticeGiven ? 'delayed' : 'open', deadline: null, daysLate: null, deadlines: null };
  if (today > d.applicable) {
    // Days past the term so far.
    return { state: 'overdue', deadline: d.applicable, daysLate: daysBetween(d.applicable, today), deadlines: d };
  }
  return { state: s.noticeGiven ? 'delayed' : 'open', deadline: d.applicable, daysLate: null, deadlines: d };
}
