// Word (.docx) → text in the official layout (mammoth). Placeholder until the converter lands.

import { type Conversion, type ConversionLimits, DEFAULT_LIMITS } from './types';

export async function convertDocx(bytes: Uint8Array, limits: ConversionLimits = DEFAULT_LIMITS): Promise<Conversion> {
  void bytes;
  void limits;
  return { problem: 'corrupt', message: { nl: 'Word-conversie is nog niet beschikbaar.', en: 'Word conversion is not available yet.' } };
}
