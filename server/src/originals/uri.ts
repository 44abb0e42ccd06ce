// Names and URIs of originals, without the converters: which files are
// originals by their name, and the URI of the read-only document that shows an
// original's converted text in an editor (`kamervraag-original:`). Pure, no
// imports: the index, the service, the features, the protocol (and through it
// the VS Code client) share it.

import type { OriginalKind } from './types';

/** The scheme of the virtual document that holds an original's converted text. */
export const ORIGINAL_SCHEME = 'kamervraag-original';

/** The extension the virtual document's path gets, so that editors give it the Kamervraag language. */
export const ORIGINAL_DOCUMENT_EXTENSION = '.kamervraag';

/** The kind of original a file is by its name (`.pdf`, `.docx`, any case), or null; `originalKind` of `originals/index.ts` is this. */
export function originalKindOfName(name: string): OriginalKind | null {
  const q = name.search(/[?#]/);
  const lower = (q >= 0 ? name.slice(0, q) : name).toLowerCase();
  if (lower.endsWith('.pdf')) return 'pdf';
  if (lower.endsWith('.docx')) return 'docx';
  return null;
}

/** The path part of a URI (`file:///a/b.pdf` → `/a/b.pdf`), always starting with `/`. */
function pathOf(uri: string): string {
  let i = uri.indexOf(':');
  if (i < 0) i = -1;
  let rest = uri.slice(i + 1);
  if (rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    rest = slash < 0 ? '/' : rest.slice(slash);
  }
  let end = rest.length;
  for (let k = 0; k < rest.length; k++) {
    const c = rest.charCodeAt(k);
    if (c === 0x3f /* ? */ || c === 0x23 /* # */) {
      end = k;
      break;
    }
  }
  rest = rest.slice(0, end);
  return rest.startsWith('/') ? rest : `/${rest}`;
}

/**
 * The URI of the virtual document of an original:
 * `kamervraag-original:/dir/ah-tk-20142015-698.pdf.kamervraag?<the original's URI, encoded>`.
 * The path keeps the original's path, so the editor shows `ah-tk-20142015-698.pdf.kamervraag`
 * and gives it the Kamervraag language by its extension; the query carries the original's URI.
 */
export function originalDocumentUri(originalUri: string): string {
  return `${ORIGINAL_SCHEME}:${pathOf(originalUri)}${ORIGINAL_DOCUMENT_EXTENSION}?${encodeURIComponent(originalUri)}`;
}

/** Whether a URI is the virtual document of an original. */
export function isOriginalDocumentUri(uri: string): boolean {
  return typeof uri === 'string' && uri.startsWith(`${ORIGINAL_SCHEME}:`);
}

/** The original's URI of a virtual document's URI, or null when `uri` is none (or its query is no URI). */
export function originalUriOf(uri: string): string | null {
  if (!isOriginalDocumentUri(uri)) return null;
  const q = uri.indexOf('?');
  if (q < 0) return null;
  let end = uri.indexOf('#', q);
  if (end < 0) end = uri.length;
  const raw = uri.slice(q + 1, end);
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  // A URI with a scheme, and not another virtual document.
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(decoded) || isOriginalDocumentUri(decoded)) return null;
  return decoded;
}
