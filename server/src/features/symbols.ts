// documentSymbol: the Outline and the breadcrumbs. The set itself (zaak
// number and title) holds its metadata, its questions — each with its
// opening words as detail and, where the answer follows it, its answer — the notices,
// answers that stand apart (`Antwoord vragen 1,2,3,4 en 5` after all the
// questions), a `Toelichting` and the footer.

import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import type { Analysis, Block, Located } from '../model/types';
import { normalizeSpace, type Range, type Span } from '../model/text';
import { firstSentence, questionBlock } from './at';
import { answerLabel, questionLabel } from '../i18n/words';
import { formatDate, t, type FeatureContext } from './context';
import type { Cancellation, LanguageService } from '../service/languageService';
import { keepResult } from '../service/keptResults';


/**
 * The opening words a question or answer shows as its detail, at most this many characters: enough
 * to tell the questions apart in the Outline view and breadcrumbs (which cut longer details
 * anyway), and short on the wire, since the outline is asked for again and again.
 */
const DETAIL_MAX = 40;
/** A detail cut at a word boundary keeps at least this many characters (else it is cut inside the word). */
const DETAIL_MIN = 20;

/**
 * The opening words of a text: its first sentence when that fits, else as many whole words as fit,
 * and an ellipsis that says the text goes on (a reader must not take the words for the whole answer).
 * Read once per symbol made: the symbols of the questions and answers a keystroke left alone are
 * handed out again (see `questionSymbols`), so their words are not read again. (A cache of the
 * words by range, besides, cost the first outline of the sample ×1000 some 10–30 ms: tens of
 * thousands of weak entries whose keys die young.)
 */
function openingWords(a: Analysis, part: Located): string {
  openingWordsStats.read++;
  const s = firstSentence(a.text.slice(part.span.start, part.span.end), DETAIL_MAX);
  if (!s.endsWith('…')) return s;
  const space = s.lastIndexOf(' ');
  return space >= DETAIL_MIN ? `${s.slice(0, space)}…` : s;
}

/** How many times the opening words were read from the text, for tests. */
export const openingWordsStats = { read: 0 };

/**
 * A symbol over `span` selecting `selection`. `spanRange` and `selectionRangeOf` are their ranges when an element
 * of the analysis has them already (null: converted here, a binary search over the lines for each end).
 */
function symbol(
  a: Analysis, name: string, detail: string, kind: SymbolKind, span: Span, selection: Span, children?: DocumentSymbol[],
  spanRange: Range | null = null, selectionRangeOf: Range | null = null,
): DocumentSymbol {
  const range = spanRange ?? a.lines.rangeOf(span);
  // The selection range must lie inside the range.
  const sel = selection.start >= span.start && selection.end <= span.end ? selection : { start: span.start, end: Math.min(span.end, span.start + 1) };
  // A selection that is the whole range is the same object (one conversion).
  const selectionRange = sel === span || (sel.start === span.start && sel.end === span.end) ? range : sel === selection && selectionRangeOf !== null ? selectionRangeOf : a.lines.rangeOf(sel);
  // What the outline needs and no more: an empty detail and an empty list of children are left out (both
  // optional). Set one by one, not spread: one object per symbol, built in a few shapes (the outline of a
  // large set has thousands).
  const out: DocumentSymbol = { name: name || '—', kind, range, selectionRange };
  if (detail) out.detail = detail;
  if (children && children.length > 0) out.children = children;
  return out;
}

const byStart = (x: DocumentSymbol, y: DocumentSymbol) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character;

function inOrder(list: readonly DocumentSymbol[]): boolean {
  for (let i = 1; i < list.length; i++) if (byStart(list[i - 1], list[i]) > 0) return false;
  return true;
}

function firstLineSpan(a: Analysis, el: Located): Span {
  const line = el.range.start.line;
  return { start: el.span.start, end: Math.min(el.span.end, a.lines.lineEnd(line)) };
}

/** The header or footer fields inside `within`, as properties. */
function fieldSymbols(a: Analysis, within: Span): DocumentSymbol[] {
  return a.headerFields
    .filter((f) => f.span.start >= within.start && f.span.end <= within.end)
    .map((f) => symbol(a, f.key, normalizeSpace(f.value), SymbolKind.Property, f.span, f.keySpan, undefined, f.range));
}

/**
 * A question's symbol, by the range of the question, with the range of the answer it was made with
 * (null: none), whether it nests that answer, and the language of its labels. An edited text's
 * analysis shares the range of a question or an answer with the one before only when its characters,
 * numbers and place on its lines stayed (see `movedRange`): a keystroke in a large set makes
 * the symbol of the question it changed, and hands the others out again (symbols are never changed
 * once made).
 */
const questionSymbols = new WeakMap<Range, { readonly answer: Range | null; readonly nests: boolean; readonly locale: string; readonly symbol: DocumentSymbol }>();

/** An answer's symbol where it stands apart from its question, by the range of the answer, as `questionSymbols`. */
const answerSymbols = new WeakMap<Range, { readonly locale: string; readonly symbol: DocumentSymbol }>();

export function documentSymbols(a: Analysis, ctx: FeatureContext): DocumentSymbol[] {
  const children: DocumentSymbol[] = [];
  const m = a.metadata;

  const header = a.sections.find((s) => s.kind === 'header');
  if (header && a.headerFields.length > 0) {
    children.push(symbol(a, t(ctx, 'Gegevens', 'Metadata'), '', SymbolKind.Namespace, header.span, header.span, fieldSymbols(a, header.span)));
  }

  // Questions, with the answer nested where it follows the question directly.
  const nested = new Set<Block>();
  for (const q of a.questions) {
    // The question text is the question symbol itself (its selection is the heading, its detail the opening
    // words): a child named `Vraag` over the same text would add a third of the outline's bytes and tell nothing.
    const block = questionBlock(a, q);
    const ans = q.answer;
    const nests = ans !== null && ans.span.start >= q.question.span.end && ans.span.end <= block.end && !nested.has(ans);
    if (nests) nested.add(ans);
    // What the symbol is made of besides the question: its answer, when it nests it or its block reaches into it.
    const answer = ans !== null && (nests || block !== q.span) ? ans.range : null;
    const kept = questionSymbols.get(q.range);
    if (kept && kept.answer === answer && kept.nests === nests && kept.locale === ctx.locale) {
      children.push(kept.symbol);
      continue;
    }
    const kids: DocumentSymbol[] = [];
    if (nests) {
      kids.push(symbol(a, ans.heading ? answerLabel(ctx, ans.numbers) : t(ctx, 'Antwoord', 'Answer'), openingWords(a, ans.body), SymbolKind.Method, ans.span,
        ans.heading?.span ?? firstLineSpan(a, ans.body), undefined, ans.range, ans.heading?.range ?? null));
    }
    const selection = q.heading?.span ?? firstLineSpan(a, q.question);
    const detail = openingWords(a, q.question);
    // The block's range from its parts' (its start is the question's; its end the answer's, when that ends later).
    const blockRange = block === q.span ? q.range : { start: q.range.start, end: ans !== null && ans.span.end >= q.span.end ? ans.range.end : q.range.end };
    const made = symbol(a, questionLabel(ctx, q.numbers), detail, SymbolKind.Class, block, selection, kids, blockRange, q.heading?.range ?? null);
    questionSymbols.set(q.range, { answer, nests, locale: ctx.locale, symbol: made });
    children.push(made);
  }
  for (const b of a.answers) {
    if (nested.has(b)) continue;
    const kept = answerSymbols.get(b.range);
    if (kept && kept.locale === ctx.locale) {
      children.push(kept.symbol);
      continue;
    }
    const made = symbol(a, answerLabel(ctx, b.numbers), openingWords(a, b.body), SymbolKind.Method, b.span, b.heading?.span ?? firstLineSpan(a, b.body), undefined,
      b.range, b.heading?.range ?? null);
    answerSymbols.set(b.range, { locale: ctx.locale, symbol: made });
    children.push(made);
  }
  for (const n of a.notices) {
    const date = n.date ? ` – ${formatDate(ctx, n.date)}` : '';
    children.push(symbol(a, `${t(ctx, 'Mededeling', 'Delay notice')}${date}`, '', SymbolKind.Event, n.span, n.heading?.span ?? firstLineSpan(a, n), undefined,
      n.range, n.heading?.range ?? null));
  }
  for (const s of a.sections) {
    if (s.kind === 'toelichting') children.push(symbol(a, t(ctx, 'Toelichting', 'Explanatory note'), '', SymbolKind.String, s.span, firstLineSpan(a, s)));
    if (s.kind === 'footer') {
      children.push(symbol(a, t(ctx, 'Voettekst', 'Footer'), '', SymbolKind.Namespace, s.span, firstLineSpan(a, s), fieldSymbols(a, s.span)));
    }
  }
  // Pushed kind by kind, each kind in document order: as a rule they are in order already (the header, the
  // questions, the notice, the footer), and a check costs one pass where a sort costs many comparisons.
  if (!inOrder(children)) children.sort(byStart);

  if (a.text.length === 0 || a.binary) return [];
  const whole = { start: 0, end: a.text.length };
  const name = m.zaak ? `Kamervraag ${m.zaak}` : m.title ?? t(ctx, 'Kamervraag', 'Parliamentary question');
  const selection = m.zaakSpan ?? m.titleSpan ?? { start: 0, end: Math.min(a.text.length, a.lines.lineEnd(0)) };
  return [symbol(a, name, m.zaak ? m.title ?? '' : '', SymbolKind.Module, whole, selection, children)];
}

// The outline of an unchanged document is asked for again and again (Outline view, breadcrumbs, sticky scroll): keep it per analysis.
const outlines = new WeakMap<Analysis, { locale: string; symbols: DocumentSymbol[] }>();

export function provideDocumentSymbols(service: LanguageService, uri: string, token?: Cancellation): DocumentSymbol[] {
  const a = service.analysis(uri);
  if (!a || token?.isCancellationRequested) return [];
  const ctx = service.context(uri);
  const known = outlines.get(a);
  if (known && known.locale === ctx.locale) return known.symbols;
  const symbols = keepResult(documentSymbols(a, ctx));
  outlines.set(a, { locale: ctx.locale, symbols });
  return symbols;
}
