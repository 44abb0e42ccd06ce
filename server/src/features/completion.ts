// completion: after `vraag `, `vragen `, `antwoord `, `antwoorden op vraag `,
// `bij vraag ` and the like, the numbers of this set's questions, each with
// the question's opening words as detail (as texlab shows a label's text),
// the question whose block the cursor stands in last; after `brief van `
// or `Kamerbrief van `, the dates of the letters this set already cites, with
// their footnotes. Elsewhere nothing: a space typed in prose asks for nothing.

import { CompletionItemKind, type CompletionItem, type CompletionList } from 'vscode-languageserver-types';
import { clip, formatDate, joinList, questionLabel, t } from '../i18n/words';
import { isDigit, normalizeSpace } from '../model/text';
import type { Analysis } from '../model/types';
import type { Cancellation, LanguageService } from '../service/languageService';
import { offsetOf } from './at';

/** How far back on its line the words before the cursor are read. */
const LOOK_BACK = 60;

/** The lower-cased words just before `offset` on its line, and the partial number typed, if any. */
function wordsBefore(a: Analysis, offset: number): { words: string[]; typed: string } {
  const line = a.lines.lineAt(offset);
  const from = Math.max(a.lines.lineStart(line), offset - LOOK_BACK);
  const before = a.text.slice(from, offset);
  let end = before.length;
  while (end > 0 && isDigit(before.charCodeAt(end - 1))) end--;
  const typed = before.slice(end);
  const words = normalizeSpace(before.slice(0, end).toLowerCase()).split(' ').filter((w) => w.length > 0);
  return { words, typed };
}

/** Words after which a question number comes: `vraag`, `vragen`, `antwoord`, `antwoorden`. */
const NUMBER_WORDS = new Set(['vraag', 'vragen', 'antwoord', 'antwoorden']);

/** Whether the text before the cursor asks for a question number: `… vraag |`, `… de vragen 2 en |`, `… vragen 1, |`. */
function wantsNumber(words: readonly string[], typed: string, endsWithSpace: boolean): boolean {
  if (!endsWithSpace && typed === '') return false;
  const last = words[words.length - 1];
  if (last === undefined) return false;
  if (NUMBER_WORDS.has(last)) return true;
  // A list under way: `vragen 2 en`, `vragen 1,` — a number word a few words back, only numbers and `en`/`of` since.
  if (last === 'en' || last === 'of' || /^\d+,$/.test(last)) {
    for (let i = words.length - 2, seen = 0; i >= 0 && seen < 8; i--, seen++) {
      const w = words[i];
      if (NUMBER_WORDS.has(w)) return true;
      if (!/^\d+,?$/.test(w) && w !== 'en' && w !== 'of') return false;
    }
  }
  return false;
}

function questionItems(a: Analysis, offset: number, typed: string, locale: 'nl' | 'en'): CompletionItem[] {
  // The block the cursor stands in: the last question that starts before it (its answer, or the questions-only text after it).
  let own: Analysis['questions'][number] | undefined;
  for (const q of a.questions) if (q.span.start <= offset) own = q;
  const items: CompletionItem[] = [];
  const seen = new Set<number>();
  for (const q of a.questions) {
    for (const n of q.numbers) {
      if (seen.has(n) || !String(n).startsWith(typed)) continue;
      seen.add(n);
      const opening = clip(a.text.slice(q.question.span.start, q.question.span.end), 80);
      const last = own !== undefined && own.numbers.includes(n);
      items.push({
        label: String(n),
        kind: CompletionItemKind.Reference,
        detail: opening,
        documentation: q.numbers.length > 1 ? t(locale, `${questionLabel('nl', q.numbers)}: samen gesteld`, `${questionLabel('en', q.numbers)}: asked together`) : undefined,
        // The question the cursor stands in last: a block seldom refers to itself.
        sortText: `${last ? '1' : '0'}${String(n).padStart(6, '0')}`,
      });
    }
  }
  return items;
}

function letterItems(a: Analysis, locale: 'nl' | 'en'): CompletionItem[] {
  return a.letters.map((l, i) => ({
    label: formatDate('nl', l.date),
    kind: CompletionItemKind.Value,
    detail: l.footnotes.length > 0
      ? t(locale, `brief, voetnoot ${joinList('nl', l.footnotes)}`, `letter, footnote ${joinList('en', l.footnotes)}`)
      : t(locale, `brief, ${l.mentions.length} keer genoemd`, `letter, mentioned ${l.mentions.length} times`),
    sortText: String(i).padStart(4, '0'),
  }));
}

export function provideCompletion(service: LanguageService, uri: string, position: { line: number; character: number }, token?: Cancellation): CompletionList | null {
  const a = service.analysis(uri);
  if (!a || token?.isCancellationRequested) return null;
  const offset = offsetOf(a, position);
  if (offset === null) return null;
  const { words, typed } = wordsBefore(a, offset);
  const before = offset > 0 ? a.text.charCodeAt(offset - typed.length - 1) : 0;
  const endsWithSpace = before === 0x20 || before === 0xa0;
  const locale = service.locale;
  if (wantsNumber(words, typed, endsWithSpace)) return { isIncomplete: false, items: questionItems(a, offset, typed, locale) };
  const last = words[words.length - 1];
  const noun = words[words.length - 2] ?? '';
  if (endsWithSpace && typed === '' && last === 'van' && noun.endsWith('brief') && a.letters.length > 0) {
    return { isIncomplete: false, items: letterItems(a, locale) };
  }
  return null;
}
