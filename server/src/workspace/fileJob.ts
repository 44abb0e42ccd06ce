// One file's share of the indexing, from its bytes to its summary: decode,
// check that it is a Kamervraag, analyse, summarise. The indexer runs it in
// its own thread, or hands it to a FileAnalyzer (the Node server's worker
// thread), whose answer must be this function's. Pure: no Node built-ins.

import { analyze } from '../model/analysis';
import { decodeBytes } from '../model/decode';
import { firstLineIdentifies, isKamervraagByName } from './fileSystem';
import type { SkipReason } from './indexer';
import { summarize, type FileSummary } from './summary';

/** What became of a file: its summary (and the ms it took), or why it is not in the index. */
export type FileOutcome =
  | { readonly summary: FileSummary; readonly ms: number }
  | { readonly skip: Exclude<SkipReason, 'too-large' | 'unreadable'>; readonly error?: string };

export function summarizeBytes(uri: string, bytes: Uint8Array): FileOutcome {
  const decoded = decodeBytes(bytes);
  if (decoded.problem?.code === 'binary' || decoded.problem?.code === 'empty') return { skip: decoded.problem.code };
  return summarizeText(uri, decoded.text);
}

export function summarizeText(uri: string, text: string): FileOutcome {
  if (!isKamervraagByName(uri) && !firstLineIdentifies(text)) return { skip: 'not-kamervraag' };
  const start = Date.now();
  try {
    const summary = summarize(uri, analyze(text));
    return { summary, ms: Date.now() - start };
  } catch (e) {
    return { skip: 'failed', error: e instanceof Error ? e.stack ?? e.message : String(e) };
  }
}

/**
 * Runs `summarizeBytes` elsewhere (another thread). The indexer uses it for a
 * crawl of `minFiles` files or more; below that the hand-over costs more than
 * it saves. While it has enough in hand, the indexer analyses the next file
 * itself, so that both threads work. The promise resolves in the order the files were given and never
 * rejects: whatever goes wrong there, the analyser answers in its own thread.
 */
export interface FileAnalyzer {
  readonly minFiles: number;
  /** Files handed over and not yet answered. */
  readonly backlog: number;
  /** While the backlog is this or more, the indexer analyses the next file itself. */
  readonly depth: number;
  summarizeBytes(uri: string, bytes: Uint8Array): Promise<FileOutcome>;
}
