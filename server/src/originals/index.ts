// Which files are originals, and their conversion: a `.pdf` or a file that
// starts with `%PDF-` is read as PDF, a `.docx` as Word. Anything else is no
// original (null), and goes the text path.

import { convertDocx } from './docx';
import { convertPdf } from './pdf';
import { originalKindOfName } from './uri';
import { type Conversion, type ConversionLimits, DEFAULT_LIMITS, type OriginalKind } from './types';

export * from './types';

/** The kind of original a file is, by its name, or null for a text file (one rule, in uri.ts). */
export const originalKind: (name: string) => OriginalKind | null = originalKindOfName;

export function convertOriginal(kind: OriginalKind, bytes: Uint8Array, limits: ConversionLimits = DEFAULT_LIMITS): Promise<Conversion> {
  return kind === 'pdf' ? convertPdf(bytes, limits) : convertDocx(bytes, limits);
}
