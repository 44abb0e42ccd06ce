// The entry point VS Code calls with --extensionTestsPath: runs every
// `*.test.js` beside this file with mocha (TDD interface), in file name order,
// inside the extension host. Resolves when all pass; rejects with the number
// of failures otherwise, which makes VS Code exit with a non-zero code.
// EDITOR_TEST_GREP=text runs only the tests whose titles contain `text`.

import * as fs from 'fs';
import * as path from 'path';

type MochaClass = typeof import('mocha');

/**
 * Mocha 12 is an ES module: loaded with import() (a desktop VS Code's Node may not `require` ES
 * modules), it is a namespace with `default` and `Mocha`; an older CommonJS mocha is the class itself.
 */
async function mochaClass(): Promise<MochaClass> {
  const m = (await import('mocha')) as unknown as MochaClass | { Mocha?: MochaClass; default?: MochaClass };
  if (typeof m === 'function') return m;
  const found = m.Mocha ?? m.default;
  if (typeof found !== 'function') throw new Error('mocha: no Mocha class in the module');
  return found;
}

export async function run(): Promise<void> {
  const Mocha = await mochaClass();
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, slow: 5_000, reporter: 'spec' });
  const grep = process.env.EDITOR_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  await new Promise<void>((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} editor test${failures === 1 ? '' : 's'} failed`)) : resolve()));
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
