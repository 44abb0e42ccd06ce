// PDF → text in the official layout (pdf.js). Placeholder until the converter lands.

import { type Conversion, type ConversionLimits, DEFAULT_LIMITS } from './types';

export async function convertPdf(bytes: Uint8Array, limits: ConversionLimits = DEFAULT_LIMITS): Promise<Conversion> {
  void bytes;
  void limits;
  return { problem: 'corrupt', message: { nl: 'PDF-conversie is nog niet beschikbaar.', en: 'PDF conversion is not available yet.' } };
}
