// Base64 of bytes, in Node and in a browser's web worker extension host:
// Node's Buffer where there is one (fast on the large files the server
// reads), else `btoa` over a binary string, built in chunks so that a large
// file neither overflows the argument list of `String.fromCharCode` nor
// grows a string one character at a time.

const CHUNK = 0x8000;

type BufferLike = { from(b: ArrayBufferLike, offset: number, length: number): { toString(encoding: 'base64'): string } };

export function encodeBase64(bytes: Uint8Array): string {
  const buffer = (globalThis as { Buffer?: BufferLike }).Buffer;
  if (buffer) return buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) parts.push(String.fromCharCode(...bytes.subarray(i, i + CHUNK)));
  return btoa(parts.join(''));
}
