// The server's own disk reader (server/src/node/diskFileSystem.ts): a file read
// at once, a file too large to be read at once, a file that is not there.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { DiskFileSystem } from '../../server/src/node/diskFileSystem';

describe('disk file system', () => {
  let dir: string;
  const uri = (name: string) => pathToFileURL(path.join(dir, name)).href;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kamervraag-disk-'));
    fs.writeFileSync(path.join(dir, 'klein.kamervraag'), 'Vraag 1\nZie antwoord vraag 12.\n');
    // One byte over a mebibyte: read in the background.
    fs.writeFileSync(path.join(dir, 'groot.kamervraag'), Buffer.alloc(1024 * 1024 + 1, 0x61));
    fs.writeFileSync(path.join(dir, 'precies.kamervraag'), Buffer.alloc(1024 * 1024, 0x62));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a small file at once, byte for byte', () => {
    const read = new DiskFileSystem().readFileNow(uri('klein.kamervraag'));
    assert.ok(read);
    assert.strictEqual(Buffer.from(read.bytes).toString('utf8'), 'Vraag 1\nZie antwoord vraag 12.\n');
  });

  it('reads a file of one mebibyte at once, and leaves a larger one to the background read', async () => {
    const disk = new DiskFileSystem();
    assert.strictEqual(disk.readFileNow(uri('precies.kamervraag'))?.bytes.length, 1024 * 1024);
    assert.strictEqual(disk.readFileNow(uri('groot.kamervraag')), undefined);
    const later = await disk.readFile(uri('groot.kamervraag'));
    assert.strictEqual(later?.bytes.length, 1024 * 1024 + 1);
    assert.strictEqual(later.bytes[1024 * 1024], 0x61);
  });

  it('a file that is not there, a folder and another scheme: null', () => {
    const disk = new DiskFileSystem();
    assert.strictEqual(disk.readFileNow(uri('weg.kamervraag')), null);
    assert.strictEqual(disk.readFileNow(pathToFileURL(dir).href), null);
    assert.strictEqual(disk.readFileNow('untitled:Untitled-1'), null);
  });
});
