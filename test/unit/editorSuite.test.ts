// The editor suite has two entries: test/editor/index.ts (Node extension
// hosts) loads every `*.test.js` of its folder; test/editor/web.ts (the web
// worker host, one bundle) lists the test files itself, since a bundle cannot
// read a folder. A test file added to the folder but not to that list would
// run in the Node passes only; this test keeps the list whole and in order.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const EDITOR = path.join(ROOT, 'test', 'editor');

describe('editor suite: the web entry', () => {
  it('requires every test file of test/editor, in file name order', () => {
    const files = fs
      .readdirSync(EDITOR)
      .filter((f) => f.endsWith('.test.ts'))
      .sort()
      .map((f) => `./${f.slice(0, -'.ts'.length)}`);
    assert.ok(files.length >= 10, `the suite has its files: ${files.join(', ')}`);
    const web = fs.readFileSync(path.join(EDITOR, 'web.ts'), 'utf8');
    const listed: string[] = [];
    for (const line of web.split('\n')) {
      const at = line.indexOf("() => require('./");
      if (at < 0) continue;
      const start = at + "() => require('".length;
      listed.push(line.slice(start, line.indexOf("'", start)));
    }
    assert.deepStrictEqual(listed, files);
  });
});
