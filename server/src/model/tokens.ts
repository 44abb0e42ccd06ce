// A linear tokenizer: words (letters), numbers (ASCII digits) and single
// punctuation characters, each with its offsets and the kind of gap before it.
// The grammars for dates, references and letters run over this token stream,
// so no regular expression ever sees a whole line.

import { isDigit, isLetter, isSpace, LineIndex } from './text';

export const enum TokenKind {
  Word = 1,
  Number = 2,
  Punct = 3,
}

export const enum Gap {
  /** Glued to the previous token. */
  None = 0,
  /** White space on the same line. */
  Space = 1,
  /** A line break (or skipped lines) between this token and the previous one. */
  Line = 2,
}

export interface Token {
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Lower-case text, for words; the text itself otherwise. */
  readonly lower: string;
  readonly gap: Gap;
  /** Index of the line the token starts on. */
  readonly line: number;
}

/** A token that reads its text from the source only when asked: most tokens are never read as text. */
class SourceToken implements Token {
  private lowerText: string | undefined;

  constructor(
    private readonly source: string,
    readonly kind: TokenKind,
    readonly start: number,
    readonly end: number,
    readonly gap: Gap,
    readonly line: number,
  ) {}

  get text(): string {
    return this.end - this.start === 1 ? this.source[this.start] : this.source.slice(this.start, this.end);
  }

  get lower(): string {
    if (this.lowerText === undefined) this.lowerText = this.kind === TokenKind.Word ? this.text.toLowerCase() : this.text;
    return this.lowerText;
  }
}

/**
 * Tokenizes the lines for which `keep(line)` is true. Skipped lines count as a
 * line break between the tokens around them.
 */
export function tokenizeLines(index: LineIndex, keep: (line: number) => boolean): Token[] {
  const text = index.text;
  const tokens: Token[] = [];
  let gap: Gap = Gap.Line;
  for (let line = 0; line < index.lineCount; line++) {
    if (!keep(line)) {
      gap = Gap.Line;
      continue;
    }
    const end = index.lineEnd(line);
    let i = index.lineStart(line);
    if (tokens.length > 0) gap = Gap.Line;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (isSpace(c)) {
        if (gap === Gap.None) gap = Gap.Space;
        i++;
        continue;
      }
      const start = i;
      let kind: TokenKind;
      if (isDigit(c)) {
        kind = TokenKind.Number;
        while (i < end && isDigit(text.charCodeAt(i))) i++;
      } else if (isLetter(c)) {
        kind = TokenKind.Word;
        while (i < end && isLetter(text.charCodeAt(i))) i++;
      } else {
        kind = TokenKind.Punct;
        // Keep a surrogate pair together.
        i += c >= 0xd800 && c <= 0xdbff && i + 1 < end ? 2 : 1;
      }
      tokens.push(new SourceToken(text, kind, start, i, gap, line));
      gap = Gap.None;
    }
  }
  return tokens;
}

/** Index of the first token whose start is at or after `offset` (tokens are sorted). */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when the token ends a sentence: `.`, `?`, `!` (a `.` after a one-letter word or a digit is taken as an abbreviation). */
export function endsSentence(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (t.kind !== TokenKind.Punct) return false;
  if (t.text === '?' || t.text === '!') return true;
  if (t.text !== '.') return false;
  const prev = tokens[i - 1];
  if (prev && prev.kind === TokenKind.Word && prev.text.length <= 2 && t.gap === Gap.None) return false;
  const next = tokens[i + 1];
  if (next && next.gap === Gap.None) {
    // PDF text loses the space after a full stop: `gemeld.In het debat`.
    return next.kind === TokenKind.Word && next.text[0] !== next.text[0].toLowerCase() &&
      prev !== undefined && prev.kind === TokenKind.Word && prev.text.length >= 3 && prev.text === prev.text.toLowerCase();
  }
  return true;
}
