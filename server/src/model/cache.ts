// One analysis per document version. The server asks for the analysis of a
// document at every request; the cache hands back the same immutable object
// until the version changes, so no feature ever parses text itself.

import { analyze } from './analysis';
import type { Terms } from './deadlines';
import type { Analysis } from './types';

export class AnalysisCache {
  private readonly entries = new Map<string, Analysis>();

  private terms: Terms | undefined;

  constructor(private readonly capacity = 64) {}

  /** New answer terms invalidate every analysis. */
  setTerms(terms: Terms): void {
    if (this.terms && this.terms.regularDays === terms.regularDays && this.terms.extendedDays === terms.extendedDays) return;
    this.terms = terms;
    this.entries.clear();
  }

  /** The analysis of `uri` at `version`, computed once. `text` is read only on a miss. */
  get(uri: string, version: number, text: () => string): Analysis {
    const hit = this.entries.get(uri);
    if (hit && hit.version === version) {
      // Most recently used last.
      this.entries.delete(uri);
      this.entries.set(uri, hit);
      return hit;
    }
    const analysis = analyze(text(), { version, terms: this.terms });
    this.entries.delete(uri);
    this.entries.set(uri, analysis);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return analysis;
  }

  /** The cached analysis, whatever its version, or undefined. */
  peek(uri: string): Analysis | undefined {
    return this.entries.get(uri);
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  get size(): number {
    return this.entries.size;
  }
}
