// The central directory of a zip file, read without unpacking anything: the
// entry names with their declared sizes, so that a Word document that would
// unpack to gigabytes (a zip bomb) is refused before a byte is inflated.
// Linear: one backward scan for the end record (at most 64 KiB of comment),
// then one pass over the directory. No Node built-ins (runs in a browser too).

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localOffset: number;
}

export type ZipDirectory =
  | { readonly ok: true; readonly entries: readonly ZipEntry[] }
  /** `not-zip`: no zip at all; `corrupt`: a zip whose directory is cut off or broken. */
  | { readonly ok: false; readonly reason: 'not-zip' | 'corrupt'; readonly detail: string };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The end record (22 bytes) plus the longest comment. */
const EOCD_SEARCH = 22 + 0xffff;
/** More entries than any Word document has; a directory that claims more is refused (and bounds the loop). */
export const MAX_ENTRIES = 20_000;

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

/** A little-endian 64-bit value as a number (exact below 2^53; larger values are absurd sizes anyway). */
function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x1_0000_0000;
}

function startsWithLocalHeader(b: Uint8Array): boolean {
  return b.length >= 4 && u32(b, 0) === LOCAL;
}

/** Latin-1 for names without the UTF-8 flag (Word writes ASCII names). */
function decodeName(b: Uint8Array, start: number, length: number, utf8: boolean): string {
  const slice = b.subarray(start, start + length);
  if (utf8) return new TextDecoder('utf-8').decode(slice);
  let s = '';
  for (let i = 0; i < slice.length; i++) s += String.fromCharCode(slice[i]);
  return s;
}

export function readZipDirectory(b: Uint8Array): ZipDirectory {
  const n = b.length;
  const fail = (reason: 'not-zip' | 'corrupt', detail: string): ZipDirectory => ({ ok: false, reason, detail });
  // A file that does not start like a zip and has no end record is no zip; one that starts like a zip but has lost its end is a cut-off zip.
  let eocd = -1;
  const lowest = Math.max(0, n - EOCD_SEARCH);
  for (let at = n - 22; at >= lowest; at--) {
    if (b[at] === 0x50 && b[at + 1] === 0x4b && u32(b, at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return fail(startsWithLocalHeader(b) ? 'corrupt' : 'not-zip', 'no end of central directory');
  if (!startsWithLocalHeader(b) && u32(b, 0) !== EOCD) return fail('not-zip', 'no local file header at the start');
  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(b, loc) !== ZIP64_LOCATOR) return fail('corrupt', 'zip64 locator missing');
    const rec = u64(b, loc + 8);
    if (rec + 56 > n || u32(b, rec) !== ZIP64_EOCD) return fail('corrupt', 'zip64 end record missing');
    count = u64(b, rec + 32);
    cdSize = u64(b, rec + 40);
    cdOffset = u64(b, rec + 48);
  }
  if (count > MAX_ENTRIES) return fail('corrupt', `too many entries (${count})`);
  if (cdOffset + cdSize > n) return fail('corrupt', 'central directory past the end of the file');
  const entries: ZipEntry[] = [];
  let at = cdOffset;
  const end = cdOffset + cdSize;
  for (let k = 0; k < count; k++) {
    if (at + 46 > end || u32(b, at) !== CENTRAL) return fail('corrupt', `central directory entry ${k + 1} broken`);
    const flags = u16(b, at + 8);
    const method = u16(b, at + 10);
    let compressedSize = u32(b, at + 20);
    let uncompressedSize = u32(b, at + 24);
    const nameLength = u16(b, at + 28);
    const extraLength = u16(b, at + 30);
    const commentLength = u16(b, at + 32);
    let localOffset = u32(b, at + 42);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > end) return fail('corrupt', `central directory entry ${k + 1} cut off`);
    const name = decodeName(b, at + 46, nameLength, (flags & 0x800) !== 0);
    // Zip64 sizes live in the extra field 0x0001, in this order, for the fields set to 0xffffffff.
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      let e = at + 46 + nameLength;
      const eEnd = e + extraLength;
      while (e + 4 <= eEnd) {
        const id = u16(b, e);
        const size = u16(b, e + 2);
        if (id === 0x0001) {
          let f = e + 4;
          if (uncompressedSize === 0xffffffff && f + 8 <= e + 4 + size) { uncompressedSize = u64(b, f); f += 8; }
          if (compressedSize === 0xffffffff && f + 8 <= e + 4 + size) { compressedSize = u64(b, f); f += 8; }
          if (localOffset === 0xffffffff && f + 8 <= e + 4 + size) localOffset = u64(b, f);
          break;
        }
        e += 4 + size;
      }
    }
    if (localOffset + 30 > n || u32(b, localOffset) !== LOCAL) return fail('corrupt', `local header of ${name} missing`);
    const dataStart = localOffset + 30 + u16(b, localOffset + 26) + u16(b, localOffset + 28);
    if (dataStart + compressedSize > n) return fail('corrupt', `data of ${name} cut off`);
    entries.push({ name, method, compressedSize, uncompressedSize, localOffset });
    at = next;
  }
  return { ok: true, entries };
}

/** Why a directory may not be unpacked, or null: the declared sizes together, and sizes no compression can reach. */
export function bombReason(entries: readonly ZipEntry[], maxUnpackedBytes: number): string | null {
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (total > maxUnpackedBytes) return `unpacks to more than ${maxUnpackedBytes} bytes`;
    // Word's XML packs 5 to 30 times; hundreds of times over megabytes is a file made to blow up (deflate reaches ~1032).
    if (e.uncompressedSize > 10 * 1024 * 1024 && e.uncompressedSize > e.compressedSize * 500) return `${e.name}: ratio ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))}`;
  }
  return null;
}
