// The open documents, by URI, each with its version: the one store of text
// the language service reads. An open document overrides the file of the
// same URI. Incremental changes are applied as LSP sends them.

import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

export class DocumentStore {
  private readonly docs = new Map<string, TextDocument>();

  open(uri: string, languageId: string, version: number, text: string): TextDocument {
    const doc = TextDocument.create(uri, languageId, version, text);
    this.docs.set(uri, doc);
    return doc;
  }

  /** Applies changes; returns the document, or undefined when it is not open. */
  change(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): TextDocument | undefined {
    const doc = this.docs.get(uri);
    if (!doc) return undefined;
    const next = TextDocument.update(doc, [...changes], version);
    this.docs.set(uri, next);
    return next;
  }

  close(uri: string): boolean {
    return this.docs.delete(uri);
  }

  get(uri: string): TextDocument | undefined {
    return this.docs.get(uri);
  }

  has(uri: string): boolean {
    return this.docs.has(uri);
  }

  all(): TextDocument[] {
    return [...this.docs.values()];
  }

  uris(): string[] {
    return [...this.docs.keys()];
  }
}
