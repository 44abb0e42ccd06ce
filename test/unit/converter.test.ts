// The Node converter of originals, loaded on first use (server/src/node/converter.ts),
// and the bundles it keeps small: dist/server.js and dist/cli.js hold neither
// pdf.js nor mammoth; dist/originals.js holds both.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { converterModule, lazyConverter } from '../../server/src/node/converter';
import { DEFAULT_LIMITS, isProblem } from '../../server/src/originals/types';
import { convertSafely, noConverter } from '../../server/src/workspace/ingest';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('converter: loaded on first use', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kamervraag-converter-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('takes originals.js next to the bundle, else the compiled module one folder up', () => {
    assert.strictEqual(converterModule(dir), path.join(dir, '..', 'originals', 'index.js'));
    fs.writeFileSync(path.join(dir, 'originals.js'), '');
    assert.strictEqual(converterModule(dir), path.join(dir, 'originals.js'));
  });

  it('loads the module at the first call, once, and passes every call through', async () => {
    // A module that counts how often it is loaded and answers with what it was given.
    fs.writeFileSync(path.join(dir, 'originals.js'), `
      globalThis.__kamervraagLoads = (globalThis.__kamervraagLoads || 0) + 1;
      exports.convertOriginal = async (kind, bytes, limits) => ({ kind, text: 'bytes ' + bytes.length + ' pages ' + limits.maxPages, units: 1, places: [] });
    `);
    const g = globalThis as { __kamervraagLoads?: number };
    delete g.__kamervraagLoads;
    const convert = lazyConverter(dir);
    assert.strictEqual(g.__kamervraagLoads, undefined, 'nothing is loaded before the first call');
    const a = await convert('pdf', new Uint8Array(3), { ...DEFAULT_LIMITS, maxPages: 7 });
    const b = await convert('docx', new Uint8Array(5), DEFAULT_LIMITS);
    assert.strictEqual(g.__kamervraagLoads, 1);
    assert.deepStrictEqual(a, { kind: 'pdf', text: 'bytes 3 pages 7', units: 1, places: [] });
    assert.strictEqual(isProblem(b) ? null : b.text, `bytes 5 pages ${DEFAULT_LIMITS.maxPages}`);
    delete g.__kamervraagLoads;
  });

  it('a module that is missing or holds no converter makes a problem that says so, and is tried again', async () => {
    const convert = lazyConverter(dir);
    const missing = await convertSafely('pdf', new Uint8Array(4), convert);
    assert.ok(isProblem(missing));
    assert.strictEqual(missing.problem, 'corrupt');
    assert.match(missing.message.en, /^The PDF could not be read \(the reader of PDF and Word files could not be loaded from .*originals.index\.js: /);
    fs.writeFileSync(path.join(dir, 'originals.js'), 'exports.somethingElse = 1;');
    const empty = await convertSafely('docx', new Uint8Array(4), convert);
    assert.ok(isProblem(empty));
    assert.match(empty.message.en, /^The Word document could not be read \(.*originals\.js holds no reader of PDF and Word files\)\.$/);
  });

  it('a service given no converter shows every original as a problem', async () => {
    const c = await convertSafely('pdf', new Uint8Array(4), noConverter);
    assert.ok(isProblem(c));
    assert.strictEqual(c.message.en, 'The PDF could not be read (no converter).');
  });

  it('the compiled converter is found from the compiled server folder and converts a real PDF', async function () {
    this.timeout(30000);
    const compiledNode = path.join(ROOT, 'out', 'server', 'src', 'node');
    assert.strictEqual(converterModule(compiledNode), path.join(compiledNode, '..', 'originals', 'index.js'));
    const pdf = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'corpus', 'originals', 'ah-tk-20142015-698.pdf'));
    const c = await lazyConverter(compiledNode)('pdf', new Uint8Array(pdf), DEFAULT_LIMITS);
    assert.ok(!isProblem(c));
    assert.match(c.text, /Vragen van het lid Bouwmeester \(PvdA\) aan de Minister van Volksgezondheid/);
  });
});

describe('converter: the bundles', () => {
  const read = (f: string) => fs.readFileSync(path.join(ROOT, 'dist', f), 'utf8');

  it('the server and the command line hold neither pdf.js nor mammoth; dist/originals.js holds both', () => {
    for (const f of ['server.js', 'cli.js', 'indexWorker.js']) {
      const text = read(f);
      assert.ok(!text.includes('node_modules/pdfjs-dist/'), `${f} holds pdf.js`);
      assert.ok(!text.includes('node_modules/mammoth/'), `${f} holds mammoth`);
    }
    const originals = read('originals.js');
    assert.ok(originals.includes('node_modules/pdfjs-dist/'));
    assert.ok(originals.includes('node_modules/mammoth/'));
  });
});
