// PDF → text in the official layout, with pdf.js (the legacy build of
// pdfjs-dist). pdf.js runs without a worker thread: its worker code is loaded
// into this thread (`globalThis.pdfjsWorker`), so the conversion needs no file
// next to the bundle. Only the text layer is read: no rendering, no fonts
// loaded, no eval, nothing fetched (the bytes are passed in; standard fonts,
// character maps and image decoders are never asked for). The layout rules
// live in pdfLayout.ts; this file loads the document, keeps the limits and
// turns pdf.js's failures into problems.

import { ensurePdfGlobals } from './pdfGlobals';
import { assemble, layoutPages, type PdfItem } from './pdfLayout';
import { type Conversion, type ConversionLimits, type ConversionProblem, type ConversionProblemCode, DEFAULT_LIMITS, type Place } from './types';
import type { Message } from '../model/types';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs', { with: { 'resolution-mode': 'import' } });

let pdfjs: Promise<PdfJs> | null = null;

/**
 * pdf.js, loaded once. On Node it tries the optional native canvas at load time
 * and warns that it cannot polyfill the drawing globals; text extraction uses
 * none of them, so those load-time warnings are held back.
 */
function loadPdfJs(): Promise<PdfJs> {
  if (pdfjs === null) {
    pdfjs = (async () => {
      const warn = console.warn;
      console.warn = (...args: unknown[]) => {
        const first = args[0];
        if (typeof first === 'string' && first.startsWith('Warning: Cannot ')) return;
        warn.apply(console, args);
      };
      try {
        ensurePdfGlobals();
        // @ts-expect-error: the worker module has no type declarations; it sets globalThis.pdfjsWorker.
        await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
        return await import('pdfjs-dist/legacy/build/pdf.mjs');
      } finally {
        console.warn = warn;
      }
    })();
    pdfjs.catch(() => {
      pdfjs = null;
    });
  }
  return pdfjs;
}

const MESSAGES: Record<ConversionProblemCode, Message> = {
  'not-pdf': { nl: 'Dit bestand is geen PDF: het begint niet met %PDF-.', en: 'This file is not a PDF: it does not start with %PDF-.' },
  'not-docx': { nl: 'Dit bestand is geen Word-document.', en: 'This file is not a Word document.' },
  encrypted: { nl: 'Deze PDF is versleuteld of met een wachtwoord beveiligd; de tekst kan niet worden gelezen.', en: 'This PDF is encrypted or password-protected; its text cannot be read.' },
  'no-text': { nl: 'Deze PDF is een scan zonder tekstlaag: er staat geen tekst in om te lezen.', en: 'This PDF is a scan without a text layer: there is no text to read.' },
  corrupt: { nl: 'Deze PDF is beschadigd of onvolledig en kan niet worden gelezen.', en: 'This PDF is damaged or incomplete and cannot be read.' },
  'too-large': { nl: 'Deze PDF is te groot om te lezen.', en: 'This PDF is too large to read.' },
  'too-many-pages': { nl: 'Deze PDF heeft te veel pagina’s om te lezen.', en: 'This PDF has too many pages to read.' },
  'zip-bomb': { nl: 'Dit bestand pakt uit tot te veel gegevens.', en: 'This file unpacks to too much data.' },
  timeout: { nl: 'Het lezen van deze PDF duurde te lang en is afgebroken.', en: 'Reading this PDF took too long and was stopped.' },
  'not-question-set': { nl: 'De eerste pagina van deze PDF toont geen Kamervraag.', en: 'The first page of this PDF shows no parliamentary question.' },
};

function problem(code: ConversionProblemCode, detail?: Message): ConversionProblem {
  const m = MESSAGES[code];
  return { problem: code, message: detail ? { nl: `${m.nl} ${detail.nl}`, en: `${m.en} ${detail.en}` } : m };
}

function mb(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10}`;
}

/** Whether the bytes start with `%PDF-` (after at most 1024 bytes of junk, as readers allow). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const limit = Math.min(bytes.length - 5, 1024);
  for (let i = 0; i <= limit; i++) {
    if (bytes[i] === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46 && bytes[i + 4] === 0x2d) return true;
  }
  return false;
}

class Timeout extends Error {}

/** pdf.js's errors by name: the classes live in the module, which may be loaded twice (tests, bundle). */
function classify(err: unknown): ConversionProblem {
  const name = err instanceof Error || (typeof err === 'object' && err !== null) ? String((err as { name?: unknown }).name ?? '') : '';
  if (err instanceof Timeout) return problem('timeout');
  if (name === 'PasswordException') return problem('encrypted');
  return problem('corrupt');
}

interface TextItemLike {
  readonly str?: unknown;
  readonly transform?: unknown;
  readonly width?: unknown;
}

/** pdf.js text items as layout items; rotated and vertical text is left out. */
function toItems(items: readonly TextItemLike[]): PdfItem[] {
  const out: PdfItem[] = [];
  for (const it of items) {
    if (typeof it.str !== 'string' || it.str.length === 0 || !Array.isArray(it.transform)) continue;
    const [a, b, c, d, e, f] = it.transform as number[];
    if (Math.abs(b) > 1e-3 * Math.abs(a) || Math.abs(c) > 1e-3 * Math.abs(d) || a <= 0) continue;
    out.push({ str: it.str, x: e, y: f, width: typeof it.width === 'number' ? it.width : 0, size: Math.abs(d) });
  }
  return out;
}

export async function convertPdf(bytes: Uint8Array, limits: ConversionLimits = DEFAULT_LIMITS): Promise<Conversion> {
  if (bytes.length > limits.maxBytes) {
    return problem('too-large', { nl: `(${mb(bytes.length)} MB; hoogstens ${mb(limits.maxBytes)} MB)`, en: `(${mb(bytes.length)} MB; at most ${mb(limits.maxBytes)} MB)` });
  }
  if (!looksLikePdf(bytes)) return problem('not-pdf');
  let lib: PdfJs;
  try {
    lib = await loadPdfJs();
  } catch {
    return problem('corrupt', { nl: '(pdf.js kon niet worden geladen)', en: '(pdf.js could not be loaded)' });
  }
  const task = lib.getDocument({
    // A plain Uint8Array copy: pdf.js refuses a Node Buffer (a Uint8Array subclass) and detaches what it is given.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    verbosity: lib.VerbosityLevel.ERRORS,
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout()), limits.maxMillis);
  });
  try {
    // Without an onPassword handler, a password request rejects with a PasswordException.
    // pdf.js's work in this thread runs as promise jobs, which a timer cannot
    // interrupt: the pages are read against a deadline too.
    return await Promise.race([read(task, limits, Date.now() + limits.maxMillis), deadline]);
  } catch (err) {
    return classify(err);
  } finally {
    clearTimeout(timer);
    await task.destroy().catch(() => undefined);
  }
}

type LoadingTask = ReturnType<PdfJs['getDocument']>;

async function read(task: LoadingTask, limits: ConversionLimits, deadline: number): Promise<Conversion> {
  const doc = await task.promise;
  if (Date.now() > deadline) throw new Timeout();
  const pageCount = doc.numPages;
  if (pageCount > limits.maxPages) {
    return problem('too-many-pages', { nl: `(${pageCount} pagina’s; hoogstens ${limits.maxPages})`, en: `(${pageCount} pages; at most ${limits.maxPages})` });
  }
  const pages: PdfItem[][] = [];
  const warnings: Message[] = [];
  const empty: number[] = [];
  for (let p = 1; p <= pageCount; p++) {
    if (Date.now() > deadline) throw new Timeout();
    const page = await doc.getPage(p);
    const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
    const items = toItems(content.items as TextItemLike[]);
    if (p === 1 && limits.firstPageShows && !limits.firstPageShows(items.map((it) => it.str).join(' '))) {
      page.cleanup();
      return problem('not-question-set');
    }
    if (items.every((it) => it.str.trim().length === 0)) empty.push(p);
    pages.push(items);
    page.cleanup();
  }
  if (empty.length === pageCount) return problem('no-text');
  if (empty.length > 0) {
    const list = empty.length > 10 ? `${empty.slice(0, 10).join(', ')}, …` : empty.join(', ');
    warnings.push({ nl: `Pagina zonder tekst (een scan?): ${list}.`, en: `Page without text (a scan?): ${list}.` });
  }
  if (Date.now() > deadline) throw new Timeout();
  const { text, places } = assemble(layoutPages(pages));
  return { kind: 'pdf', text, places: places as Place[], units: pageCount, warnings };
}
