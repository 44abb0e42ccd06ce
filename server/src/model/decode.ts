// Turns the bytes of a file into text: UTF-8 (with or without a byte-order
// mark), UTF-16 with a byte-order mark, and Windows-1252 as the fallback for
// bytes that are not valid UTF-8. Recognises binary and empty files.
// Pure: no Node built-ins, only the `TextDecoder` global (browsers and Node).

import type { Message } from './types';
import { isSpace } from './text';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type DecodeProblemCode = 'binary' | 'empty' | 'not-utf8';

export interface DecodeProblem {
  readonly code: DecodeProblemCode;
  readonly message: Message;
}

export interface Decoded {
  /** The text; `''` for a binary file. Without a byte-order mark. */
  readonly text: string;
  readonly encoding: Encoding;
  readonly problem: DecodeProblem | null;
}

/** How many bytes (or, for UTF-16, characters) the control-character test looks at. */
const SNIFF_LENGTH = 64 * 1024;
/** Above this share of control characters the file counts as binary. */
const CONTROL_SHARE = 0.1;

export const DECODE_MESSAGES: { readonly [code in DecodeProblemCode]: Message } = {
  binary: {
    nl: 'Dit bestand is geen tekst: het bevat binaire gegevens (nul-bytes of veel stuurtekens). Het is niet geanalyseerd.',
    en: 'This file is not text: it contains binary data (NUL bytes or many control characters). It was not analysed.',
  },
  empty: {
    nl: 'Het bestand is leeg (het bevat geen tekst).',
    en: 'The file is empty (it contains no text).',
  },
  'not-utf8': {
    nl: 'Het bestand is geen geldige UTF-8; het is gelezen als Windows-1252. Controleer tekens als é, ë en ’.',
    en: 'The file is not valid UTF-8; it was read as Windows-1252. Check characters such as é, ë and ’.',
  },
};

function problem(code: DecodeProblemCode): DecodeProblem {
  return { code, message: DECODE_MESSAGES[code] };
}

/** Control characters that do not occur in text (tab, line feed, vertical tab, form feed, carriage return and escape do). */
function isControl(c: number): boolean {
  return (c < 32 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13 && c !== 27) || c === 127;
}

function looksBinaryBytes(bytes: Uint8Array): boolean {
  // The engine's search for one byte value runs far faster than a loop over the bytes.
  if (bytes.indexOf(0) >= 0) return true;
  const n = Math.min(bytes.length, SNIFF_LENGTH);
  let controls = 0;
  for (let i = 0; i < n; i++) if (isControl(bytes[i])) controls++;
  return n > 0 && controls / n > CONTROL_SHARE;
}

/**
 * Binary rather than text: a NUL, or more than a tenth control characters in the
 * first 64 KiB. A caller that has read every character already passes whether
 * one was a NUL (`hasNul`): the search for it takes as long as a scan of the
 * text, as `indexOf` cannot use its fast byte search for a NUL in UTF-16 text.
 */
export function looksBinaryText(text: string, hasNul = text.indexOf('\u0000') >= 0): boolean {
  if (hasNul) return true;
  const n = Math.min(text.length, SNIFF_LENGTH);
  const sniffed = n < text.length ? text.slice(0, n) : text;
  // The engine's search for a character class runs far faster than a loop over the characters, and text has none.
  CONTROLS.lastIndex = 0;
  let controls = 0;
  while (CONTROLS.test(sniffed)) controls++;
  return n > 0 && controls / n > CONTROL_SHARE;
}

/** The characters `isControl` counts but NUL (sought apart): one character each, so no match can backtrack. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROLS = /[\x01-\x08\x0e-\x1a\x1c-\x1f\x7f]/g;

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** Windows-1252 code points for the bytes 0x80–0x9F; the five undefined bytes map to the C1 controls, as in the WHATWG encoding standard. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk = 8192;
  for (let i = 0; i < bytes.length; i += chunk) {
    const end = Math.min(bytes.length, i + chunk);
    const codes = new Array<number>(end - i);
    for (let j = i; j < end; j++) {
      const b = bytes[j];
      codes[j - i] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): string {
  let data = bytes;
  if (bigEndian) {
    // Swap to little-endian: `utf-16le` is the one UTF-16 label every TextDecoder knows.
    data = new Uint8Array(bytes.length);
    for (let i = 0; i + 1 < bytes.length; i += 2) {
      data[i] = bytes[i + 1];
      data[i + 1] = bytes[i];
    }
    if (bytes.length % 2 === 1) data[bytes.length - 1] = bytes[bytes.length - 1];
  }
  return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(data);
}

function finish(text: string, encoding: Encoding, fallback: DecodeProblem | null): Decoded {
  if (isBlank(text)) return { text, encoding, problem: problem('empty') };
  return { text, encoding, problem: fallback };
}

/**
 * Decodes a file's bytes. Order of the checks: UTF-16 by byte-order mark;
 * binary (NUL bytes, or more than 10% control characters in the first 64 KiB);
 * empty (no bytes, or only white space); valid UTF-8 (a byte-order mark is
 * removed); otherwise Windows-1252 with the problem `not-utf8`.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { text: '', encoding: 'utf-8', problem: problem('empty') };

  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const bigEndian = bytes[0] === 0xfe;
    const encoding: Encoding = bigEndian ? 'utf-16be' : 'utf-16le';
    const text = decodeUtf16(bytes.subarray(2), bigEndian);
    if (looksBinaryText(text)) return { text: '', encoding, problem: problem('binary') };
    return finish(text, encoding, null);
  }

  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  if (looksBinaryBytes(body)) return { text: '', encoding: 'utf-8', problem: problem('binary') };

  let text: string | null = null;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    text = null;
  }
  if (text !== null) return finish(text, 'utf-8', null);
  return finish(decodeWindows1252(body), 'windows-1252', problem('not-utf8'));
}
