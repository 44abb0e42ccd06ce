// Word (.docx) → text in the official layout, with mammoth. The zip's central
// directory is read first (zip.ts): a file that is no zip, a cut-off zip, one
// that would unpack past the limit, or one without a Word body is refused
// before anything is inflated. Mammoth then reads the parts through a zip
// reader of ours that inflates each part in chunks and stops at its declared
// size, the unpacking limit and the deadline. Its HTML (footnotes included,
// which its raw text drops) is laid out by docxHtml.ts. Images are not read.
//
// No Node built-ins here and no file paths: mammoth gets the opened zip
// (`{ file }`, which its Node entry reads; its browser build reads
// `{ arrayBuffer }`, also passed, without our inflation guard but after the
// directory checks). Bundled for platform node, mammoth's main entry pulls in
// `fs`, `os`, `path`, `url` (used only for file-path input and linked
// images, never here) and JSZip `stream`, `buffer`, `events`, `util`; for
// platform browser esbuild follows their `browser` fields and needs none.

import JSZip from 'jszip';
import mammoth from 'mammoth';
import { layOut, walkMammothHtml } from './docxHtml';
import { type Conversion, type ConversionLimits, type ConversionProblem, type ConversionProblemCode, DEFAULT_LIMITS } from './types';
import type { Message } from '../model/types';
import { bombReason, readZipDirectory, type ZipEntry } from './zip';

const MESSAGES: Record<'not-docx' | 'corrupt' | 'too-large' | 'zip-bomb' | 'timeout' | 'no-body', (detail: string) => Message> = {
  'not-docx': () => ({ nl: 'Dit bestand is geen Word-document (.docx).', en: 'This file is not a Word document (.docx).' }),
  'no-body': () => ({ nl: 'Dit zip-bestand is geen Word-document: de hoofdtekst (word/document.xml) ontbreekt.', en: 'This zip file is not a Word document: the main part (word/document.xml) is missing.' }),
  corrupt: (d) => ({ nl: `Het Word-document is beschadigd of afgebroken (${d}).`, en: `The Word document is damaged or cut off (${d}).` }),
  'too-large': (d) => ({ nl: `Het Word-document is te groot (${d}).`, en: `The Word document is too large (${d}).` }),
  'zip-bomb': (d) => ({ nl: `Het Word-document pakt uit tot meer dan is toegestaan en is niet gelezen (${d}).`, en: `The Word document unpacks to more than allowed and was not read (${d}).` }),
  timeout: (d) => ({ nl: `Het lezen van het Word-document duurde te lang (${d}).`, en: `Reading the Word document took too long (${d}).` }),
};

function problem(code: ConversionProblemCode, key: keyof typeof MESSAGES, detail = ''): ConversionProblem {
  return { problem: code, message: MESSAGES[key](detail) };
}

class Stop extends Error {
  constructor(readonly result: ConversionProblem) {
    super(result.message.en);
  }
}

function size(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round((n / (1024 * 1024)) * 10) / 10} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** The main part mammoth looks for (by the package relationships, else `word/document.xml`). */
function hasBody(entries: readonly ZipEntry[]): boolean {
  return entries.some((e) => e.name === 'word/document.xml' || (e.name.startsWith('word/') && e.name.endsWith('.xml') && e.name.includes('document')));
}

interface ChunkStream {
  on(event: 'data', f: (chunk: Uint8Array) => void): ChunkStream;
  on(event: 'error', f: (e: Error) => void): ChunkStream;
  on(event: 'end', f: () => void): ChunkStream;
  pause(): ChunkStream;
  resume(): ChunkStream;
}

/**
 * The zip as mammoth reads it (`exists`, `read`): every part is inflated in
 * chunks and stopped when it passes its declared size or the remaining
 * budget, or when the deadline is past.
 */
function guardedZip(zip: JSZip, declared: Map<string, number>, limits: ConversionLimits, deadline: number) {
  let budget = limits.maxUnpackedBytes;
  const read = (name: string, encoding?: string): Promise<Uint8Array | string> => {
    const file = zip.file(name);
    if (file === null) return Promise.reject(new Error(`no part ${name}`));
    const cap = Math.min(declared.get(name) ?? budget, budget);
    return new Promise<Uint8Array | string>((resolve, reject) => {
      const chunks: Uint8Array[] = [];
      let size = 0;
      let done = false;
      // JSZip's chunked inflation (typed in its sources, not in its .d.ts): data events of at most a few hundred KiB.
      const stream = (file as unknown as { internalStream(type: 'uint8array'): ChunkStream }).internalStream('uint8array');
      const fail = (p: ConversionProblem) => {
        if (done) return;
        done = true;
        stream.pause();
        reject(new Stop(p));
      };
      stream.on('data', (chunk: Uint8Array) => {
        if (done) return;
        size += chunk.length;
        if (size > cap) return fail(problem('zip-bomb', 'zip-bomb', `${name} > ${cap} bytes`));
        if (Date.now() > deadline) return fail(problem('timeout', 'timeout', `${limits.maxMillis} ms`));
        chunks.push(chunk);
      });
      stream.on('error', (e: Error) => {
        if (done) return;
        done = true;
        reject(new Stop(problem('corrupt', 'corrupt', `${name}: ${e.message}`)));
      });
      stream.on('end', () => {
        if (done) return;
        done = true;
        budget -= size;
        const all = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          all.set(c, at);
          at += c.length;
        }
        if (encoding === 'base64') reject(new Error('binary parts are not read'));
        else resolve(encoding ? new TextDecoder(encoding).decode(all) : all);
      });
      stream.resume();
    });
  };
  return {
    exists: (name: string) => zip.file(name) !== null,
    read,
    write: () => {
      throw new Error('read only');
    },
    toArrayBuffer: () => Promise.reject(new Error('read only')),
  };
}

/**
 * Word numbers list paragraphs itself; mammoth keeps only `<ol><li>` and
 * starts every list anew after a paragraph in between. Number the ordered
 * list paragraphs as Word does (a counter per list level, continued across
 * interruptions; deeper levels restart) and write the number before the
 * text: `1. Kunt u …`. Start values and number formats other than 1, 2, 3
 * are not read by mammoth: the numbers are 1, 2, 3 … with a full stop.
 */
export function numberLists() {
  const counters = new Map<object, { level: number; count: number }>();
  const visit = (element: { type?: string; children?: unknown[]; numbering?: { isOrdered?: boolean; level?: string } | null }): void => {
    if (element.type === 'paragraph' && element.numbering && element.numbering.isOrdered) {
      const key = element.numbering as object;
      const level = Number(element.numbering.level ?? 0) || 0;
      for (const [k, v] of counters) if (v.level > level && k !== key) counters.delete(k);
      const c = counters.get(key) ?? { level, count: 0 };
      c.count++;
      counters.set(key, c);
      const label = { type: 'run', children: [{ type: 'text', value: `${c.count}. ` }], styleId: null, styleName: null, isBold: false, isUnderline: false, isItalic: false, isStrikethrough: false, isAllCaps: false, isSmallCaps: false, verticalAlignment: 'baseline', font: null, fontSize: null, highlight: null };
      element.children = [label, ...(element.children ?? [])];
      return;
    }
    if (Array.isArray(element.children)) for (const c of element.children) visit(c as typeof element);
  };
  return (document: unknown) => {
    visit(document as Parameters<typeof visit>[0]);
    return document;
  };
}

/** The conversion of a Word document's bytes; never throws: bad input gives a problem with its code. */
export async function convertDocx(bytes: Uint8Array, limits: ConversionLimits = DEFAULT_LIMITS): Promise<Conversion> {
  try {
    return await convert(bytes, limits);
  } catch (e) {
    return problem('corrupt', 'corrupt', (e instanceof Error ? e.message : String(e)).slice(0, 200));
  }
}

async function convert(bytes: Uint8Array, limits: ConversionLimits): Promise<Conversion> {
  const started = Date.now();
  const deadline = started + limits.maxMillis;
  if (bytes.length > limits.maxBytes) return problem('too-large', 'too-large', `${size(bytes.length)} > ${size(limits.maxBytes)}`);
  const directory = readZipDirectory(bytes);
  if (!directory.ok) return directory.reason === 'not-zip' ? problem('not-docx', 'not-docx') : problem('corrupt', 'corrupt', directory.detail);
  const bomb = bombReason(directory.entries, limits.maxUnpackedBytes);
  if (bomb !== null) return problem('zip-bomb', 'zip-bomb', bomb);
  if (!hasBody(directory.entries)) return problem('not-docx', 'no-body');
  const declared = new Map(directory.entries.map((e) => [e.name, e.uncompressedSize]));

  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<ConversionProblem>((resolve) => {
    timer = setTimeout(() => resolve(problem('timeout', 'timeout', `${limits.maxMillis} ms`)), Math.max(0, deadline - Date.now()));
  });
  const work = (async (): Promise<Conversion> => {
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
    } catch (e) {
      return problem('corrupt', 'corrupt', e instanceof Error ? e.message : String(e));
    }
    const file = guardedZip(zip, declared, limits, deadline);
    let html: string;
    let messages: { type: string; message: string }[];
    try {
      // Mammoth's Node entry reads `file` (ours, guarded); its browser build only `arrayBuffer`, copied when asked for.
      const input = {
        file,
        get arrayBuffer() {
          return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
        },
      } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
      const result = await mammoth.convertToHtml(input, {
        // Images are not read at all: an empty `src`.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        ignoreEmptyParagraphs: false,
        transformDocument: numberLists(),
      });
      html = result.value;
      messages = result.messages;
    } catch (e) {
      if (e instanceof Stop) return e.result;
      const text = e instanceof Error ? e.message : String(e);
      if (text.includes('Could not find main document part')) return problem('not-docx', 'no-body');
      return problem('corrupt', 'corrupt', text.slice(0, 200));
    }
    if (Date.now() > deadline) return problem('timeout', 'timeout', `${limits.maxMillis} ms`);
    const laid = layOut(walkMammothHtml(html));
    const warnings: Message[] = [];
    const errors = messages.filter((m) => m.type === 'error');
    if (errors.length > 0) {
      warnings.push({
        nl: `Niet alles van het Word-document is gelezen: ${errors.length} onderdeel/onderdelen overgeslagen (${errors[0].message.slice(0, 120)}).`,
        en: `Not all of the Word document was read: ${errors.length} part(s) skipped (${errors[0].message.slice(0, 120)}).`,
      });
    }
    return { kind: 'docx', text: laid.text, places: laid.places, units: laid.units, warnings };
  })();
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
