// Originals: the converted text of a PDF or Word file for the read-only
// document that shows it (`kamervraag/originalText`), and where an element of
// that text stands in the original (`pagina 3`, `alinea 12`) for the hover.
// The conversion itself is the service's (cached per file stamp).

import { originalDocumentUri, originalUriOf } from '../originals/uri';
import { placeAt, type Place } from '../originals/types';
import type { OriginalTextResult } from '../protocol';
import type { Cancellation, LanguageService } from '../service/languageService';
import { t, type FeatureContext } from './context';

/** Why an original has no text: the message in the UI language and the problem's code. */
export interface OriginalRefusal {
  readonly error: string;
  readonly code: string;
}

/** The converted text of the original `uri` (a file, or a `kamervraag-original:` document), or why not. */
export async function provideOriginalText(service: LanguageService, uri: unknown, token?: Cancellation): Promise<OriginalTextResult | OriginalRefusal | null> {
  if (typeof uri !== 'string' || uri === '') {
    return { error: t(service, 'Geen bestand opgegeven.', 'No file given.'), code: 'unreadable' };
  }
  const file = originalUriOf(uri) ?? uri;
  const c = await service.originalText(file);
  if (token?.isCancellationRequested) return null;
  if ('problem' in c) return { error: c.message[service.locale], code: c.problem };
  return {
    text: c.text,
    kind: c.kind,
    units: c.units,
    original: file,
    document: originalDocumentUri(file),
    warnings: c.warnings.map((w) => w[service.locale]),
  };
}

/** `pagina 3` / `page 3`; `alinea 12` / `paragraph 12` (of the footnotes, of the header, when the place says so). */
export function placeLabel(ctx: Pick<FeatureContext, 'locale'>, place: Place): string | null {
  const parts: string[] = [];
  if (place.page !== undefined) parts.push(t(ctx, `pagina ${place.page}`, `page ${place.page}`));
  if (place.paragraph !== undefined) {
    const of = place.part === 'footnotes' ? t(ctx, ' van de voetnoten', ' of the footnotes') : place.part === 'header' ? t(ctx, ' van de koptekst', ' of the header') : '';
    parts.push(t(ctx, `alinea ${place.paragraph}${of}`, `paragraph ${place.paragraph}${of}`));
  }
  return parts.length > 0 ? parts.join(', ') : null;
}

/** The hover's line on where an offset of an original's converted text lies in the original, or null when `uri` is no such document. */
export function originalPlaceLine(service: LanguageService, uri: string, offset: number, ctx: Pick<FeatureContext, 'locale'>): string | null {
  const known = service.originalPlaces(uri);
  if (!known) return null;
  const place = placeAt(known.places, offset);
  const label = place ? placeLabel(ctx, place) : null;
  if (!label) return null;
  const what = known.kind === 'pdf' ? t(ctx, 'In de PDF', 'In the PDF') : t(ctx, 'In het Word-document', 'In the Word document');
  return `${what}: ${label}`;
}
