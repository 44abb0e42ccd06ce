// The converter of originals (PDF with pdf.js, Word with mammoth) for the Node
// server and the command line, loaded on first use. Together they are some
// 4 MB of code: compiled and run at start, they held 16 MB of the server's
// memory (93 MB against 77 MB for a session without an original) and slowed
// every start of the command line, for files most sessions never open. The
// build puts them in their own bundle, dist/originals.js, next to
// dist/server.js and dist/cli.js; compiled by tsc (the tests) the module is
// out/server/src/originals/index.js, found the same way from out/server/src/node
// and out/server/src/cli.

import * as fs from 'fs';
import * as path from 'path';
import type { Converter } from '../workspace/ingest';

/** Where the converter is, from the folder of the running bundle or compiled module. */
export function converterModule(dir: string): string {
  const bundled = path.join(dir, 'originals.js');
  return fs.existsSync(bundled) ? bundled : path.join(dir, '..', 'originals', 'index.js');
}

/**
 * A converter that loads the real one from `dir` at its first call. A module
 * that cannot be loaded (a broken install) makes that call fail with a clear
 * error, which the ingest path turns into a problem shown for the file; the
 * next call tries again.
 */
export function lazyConverter(dir: string = __dirname): Converter {
  let loaded: Converter | null = null;
  return (kind, bytes, limits) => {
    if (loaded === null) {
      const file = converterModule(dir);
      let m: { convertOriginal?: unknown };
      try {
        // Not a literal: the bundler leaves this require to run time (an import would put the converters in every bundle).
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        m = require(file) as { convertOriginal?: unknown };
      } catch (e) {
        throw new Error(`the reader of PDF and Word files could not be loaded from ${file}: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (typeof m.convertOriginal !== 'function') throw new Error(`${file} holds no reader of PDF and Word files`);
      loaded = m.convertOriginal as Converter;
    }
    return loaded(kind, bytes, limits);
  };
}
