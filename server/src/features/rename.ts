// rename = renumber (F2): on the number of a question heading, an answer
// heading or an internal reference, renumbers that question everywhere in the
// document — its heading, its answer heading (grouped ones too: `Vraag 2 en
// 3`, `Antwoord vragen 1,2,3,4 en 5`, the ends of `Vraag 2 t/m 4`) and every
// reference to it in this set. A reference to another set (`antwoord 3 op de
// bovengenoemde Kamervragen`) is never changed, and renaming on one is refused
// with the reason. A number another question already has is refused too: the
// user renumbers by steps, or with the renumber action, never by accident into
// two questions with one number.

import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { t } from '../i18n/words';
import { digitRuns, numberSites, type NumberSite } from '../model/renumber';
import type { Analysis } from '../model/types';
import type { Cancellation, LanguageService } from '../service/languageService';
import { elementAt, offsetOf } from './at';

type Site = NumberSite;

/** A refusal, with the reason in the user's language. */
export interface RenameRefusal {
  readonly error: string;
}

/** Every place this document writes a number of one of its own questions (the model's one definition, shared with the renumber actions). */
const sites = numberSites;

/** The site under the cursor, or why there is none to rename. */
function siteAt(a: Analysis, all: readonly Site[], offset: number, locale: 'nl' | 'en'): Site | RenameRefusal {
  const hit = all.find((s) => s.span.start <= offset && offset <= s.span.end);
  if (hit) return hit;
  const el = elementAt(a, offset);
  if (el?.kind === 'reference' && el.reference.scope === 'external') {
    return { error: t(locale, 'Deze verwijzing verwijst naar een andere set vragen; alleen de vragen van deze set worden hernummerd.', 'This reference points to another set of questions; only the questions of this set are renumbered.') };
  }
  if (el?.kind === 'reference' && el.reference.target === null) {
    return { error: t(locale, `Vraag ${el.reference.number} staat niet in dit document.`, `Question ${el.reference.number} is not in this document.`) };
  }
  // A heading or an internal reference, but not on its number: rename from the number.
  if (el && (el.kind === 'reference' || el.kind === 'question' || el.kind === 'answer')) {
    const inside = all.filter((s) => s.span.start >= el.span.start && s.span.end <= el.span.end);
    if (inside.length === 1) return inside[0];
  }
  return { error: t(locale, 'Hier staat geen vraagnummer van deze set: hernoem op het nummer van een vraag, een antwoord of een verwijzing.', 'No question number of this set here: rename on the number of a question, an answer or a reference.') };
}

/** Whether a site is an end of a range (`2` or `4` in `Vraag 2 t/m 4`) whose other end a renumbering must not cross. */
function rangeOther(a: Analysis, site: Site): number | null {
  const q = a.questions.find((x) => x.heading && x.heading.span.start <= site.span.start && site.span.end <= x.heading.span.end);
  const b = q ? null : a.answers.find((x) => x.heading && x.heading.span.start <= site.span.start && site.span.end <= x.heading.span.end);
  const numbers = q?.numbers ?? b?.numbers ?? [];
  const h = q?.heading ?? b?.heading ?? null;
  if (!h || numbers.length < 2) return null;
  const runs = digitRuns(a.text, h.span);
  // A range writes fewer numbers than it has.
  if (runs.length >= numbers.length) return null;
  return site.number === numbers[0] ? numbers[numbers.length - 1] : numbers[0];
}

export function providePrepareRename(service: LanguageService, uri: string, position: { line: number; character: number }, token?: Cancellation): { range: Range; placeholder: string } | RenameRefusal | null {
  const a = service.analysis(uri);
  if (!a || token?.isCancellationRequested) return null;
  const offset = offsetOf(a, position);
  if (offset === null) return null;
  const site = siteAt(a, sites(a), offset, service.locale);
  if ('error' in site) return site;
  return { range: a.lines.rangeOf(site.span), placeholder: String(site.number) };
}

export function provideRename(service: LanguageService, uri: string, position: { line: number; character: number }, newName: string, token?: Cancellation): WorkspaceEdit | RenameRefusal | null {
  const a = service.analysis(uri);
  if (!a || token?.isCancellationRequested) return null;
  const offset = offsetOf(a, position);
  if (offset === null) return null;
  const locale = service.locale;
  const all = sites(a);
  const site = siteAt(a, all, offset, locale);
  if ('error' in site) return site;
  const to = typeof newName === 'string' && /^\s*\d{1,6}\s*$/.test(newName) ? Number(newName.trim()) : NaN;
  if (!Number.isInteger(to) || to < 1) {
    return { error: t(locale, `Een vraagnummer is een geheel getal vanaf 1, niet „${newName}”.`, `A question number is a whole number from 1, not "${newName}".`) };
  }
  const from = site.number;
  if (to === from) return { changes: { [uri]: [] } };
  if (a.questions.some((q) => q.numbers.includes(to))) {
    return { error: t(locale, `Er is al een vraag ${to}. Hernummer eerst die vraag, of nummer de hele set opnieuw.`, `There is a question ${to} already. Renumber that question first, or renumber the whole set.`) };
  }
  // A number inside a range (`3` in `Vraag 2 t/m 4`) is not written: renaming it would leave the range saying otherwise.
  for (const h of [...a.questions, ...a.answers]) {
    if (!h.heading || !h.numbers.includes(from)) continue;
    if (!digitRuns(a.text, h.heading.span).some((r) => r.number === from)) {
      const written = a.text.slice(h.heading.span.start, h.heading.span.end).trim();
      return { error: t(locale, `Vraag ${from} valt binnen de reeks „${written}”; nummer de hele set opnieuw.`, `Question ${from} lies inside the range "${written}"; renumber the whole set.`) };
    }
  }
  const edits: TextEdit[] = [];
  for (const s of all) {
    if (s.number !== from) continue;
    const other = rangeOther(a, s);
    if (other !== null && (s.number < other ? to >= other : to <= other)) {
      return { error: t(locale, `Vraag ${from} is een grens van een reeks tot ${other}; ${to} zou de reeks omkeren.`, `Question ${from} bounds a range with ${other}; ${to} would turn the range around.`) };
    }
    if (other !== null) {
      // The range may grow or shrink only over free numbers: `4-7` → `4-16` would take in questions 8 to 15.
      const [lo, hi] = [Math.min(to, other), Math.max(to, other)];
      const [oldLo, oldHi] = [Math.min(from, other), Math.max(from, other)];
      const taken = a.questions.flatMap((q) => q.numbers).find((n) => n >= lo && n <= hi && (n < oldLo || n > oldHi));
      if (taken !== undefined) {
        return { error: t(locale, `Vraag ${from} is een grens van een reeks tot ${other}; met ${to} zou de reeks ook vraag ${taken} omvatten.`, `Question ${from} bounds a range with ${other}; with ${to} the range would take in question ${taken} too.`) };
      }
    }
    edits.push({ range: a.lines.rangeOf(s.span), newText: String(to) });
  }
  return { changes: { [uri]: edits } };
}
