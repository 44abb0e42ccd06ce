// One analysis per document version and answer terms. The key is (URI,
// version or file stamp, terms): two documents with different terms keep
// their analyses side by side, and a document asked for with two sets of
// terms (its own, and a set's in the timeline) keeps both. Least recently used
// entries go first.

import type { Terms } from '../model/deadlines';
import type { Analysis } from '../model/types';

/** A document version (open documents) or a file stamp (files read from the file system). */
export type Stamp = number | string;

interface Entry {
  readonly uri: string;
  readonly stamp: Stamp;
  readonly analysis: Analysis;
}

function keyOf(uri: string, terms: Terms): string {
  return `${terms.regularDays}/${terms.extendedDays} ${uri}`;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  /** Analyses computed (misses) and handed back from the cache (hits), for the benchmark and tests. */
  readonly stats = { hits: 0, misses: 0 };

  constructor(private readonly capacity = 64) {}

  /** The analysis of `uri` at `stamp` with `terms`, computed once by `compute`. */
  get(uri: string, stamp: Stamp, terms: Terms, compute: () => Analysis): Analysis {
    const key = keyOf(uri, terms);
    const hit = this.entries.get(key);
    if (hit && hit.stamp === stamp) {
      this.stats.hits++;
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.analysis;
    }
    this.stats.misses++;
    // The older version goes before the new one is computed: a large document's two analyses never need to be held at once.
    this.entries.delete(key);
    const analysis = compute();
    this.entries.set(key, { uri, stamp, analysis });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return analysis;
  }

  /** The cached analysis of `uri` at `stamp` with `terms`, or undefined. */
  peek(uri: string, stamp: Stamp, terms: Terms): Analysis | undefined {
    const hit = this.entries.get(keyOf(uri, terms));
    return hit && hit.stamp === stamp ? hit.analysis : undefined;
  }

  /** Forgets every analysis of `uri`, whatever its stamp and terms. */
  delete(uri: string): void {
    for (const [key, e] of this.entries) if (e.uri === uri) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
