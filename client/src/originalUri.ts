// The URIs of the read-only documents that show an original's converted text
// (`kamervraag-original:/dir/file.pdf.kamervraag?<the original's URI>`), and
// which files and view items are originals. No `vscode` import: the unit tests
// check the round trip outside VS Code. The URI form itself is the protocol's.

import { ORIGINAL_SCHEME, originalDocumentUri, originalUriOf, type SetDocument } from '../../server/src/protocol';

export { ORIGINAL_SCHEME };

/** The virtual document's URI (a string) for an original's URI. */
export function documentUriOf(originalUri: string): string {
  return originalDocumentUri(originalUri);
}

/** The original's URI of a virtual document's URI, or null when it is none. */
export function originalOf(documentUri: string): string | null {
  return originalUriOf(documentUri);
}

/** Whether a path or URI names an original (`.pdf`, `.docx`, any case), as the Explorer menu's `resourceExtname` test does. */
export function isOriginalPath(path: string): boolean {
  return /\.(?:pdf|docx)$/i.test(path.replace(/[?#].*$/, ''));
}

/** The view's description of a set's file: its name, and `PDF` / `Word` for an original. */
export function documentDescription(document: Pick<SetDocument, 'original'>, fileName: string): string {
  if (document.original === 'pdf') return `${fileName} · PDF`;
  if (document.original === 'docx') return `${fileName} · Word`;
  return fileName;
}
