import * as assert from 'assert';
import { decodeBytes, looksBinaryText } from '../../server/src/model/decode';

function utf8(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

function bytes(...xs: number[]): Uint8Array {
  return Uint8Array.from(xs);
}

function problemOf(d: ReturnType<typeof decodeBytes>, code: string): { nl: string; en: string } {
  assert.ok(d.problem !== null, `expected the problem ${code}`);
  assert.strictEqual(d.problem.code, code);
  return d.problem.message;
}

describe('decodeBytes', () => {
  it('reads plain UTF-8', () => {
    const d = decodeBytes(utf8('Vraag 1\nKlopt het dat … één?\n'));
    assert.deepStrictEqual(d, { text: 'Vraag 1\nKlopt het dat … één?\n', encoding: 'utf-8', problem: null });
  });

  it('strips a UTF-8 byte-order mark', () => {
    const d = decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Kamervraag 2022Z09875\n')]));
    assert.strictEqual(d.text, 'Kamervraag 2022Z09875\n');
    assert.strictEqual(d.encoding, 'utf-8');
    assert.strictEqual(d.problem, null);
  });

  it('keeps no-break spaces of valid UTF-8', () => {
    const d = decodeBytes(utf8('18\u00a0mei 2022'));
    assert.strictEqual(d.text, '18\u00a0mei 2022');
    assert.strictEqual(d.problem, null);
  });

  it('reads invalid UTF-8 as Windows-1252 and says so', () => {
    // "Café – geïnf ’t €5" in Windows-1252: é = E9, – = 96, ï = EF, ’ = 92, € = 80.
    const d = decodeBytes(bytes(0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x67, 0x65, 0xef, 0x6e, 0x66, 0x20, 0x92, 0x74, 0x20, 0x80, 0x35));
    assert.strictEqual(d.text, 'Café – geïnf ’t €5');
    assert.strictEqual(d.encoding, 'windows-1252');
    const message = problemOf(d, 'not-utf8');
    assert.match(message.en, /Windows-1252/);
    assert.match(message.nl, /Windows-1252/);
    assert.match(message.en, /not valid UTF-8/);
  });

  it('reads a lone 0xE9 as é', () => {
    const d = decodeBytes(bytes(0x63, 0x61, 0x66, 0xe9, 0x0a));
    assert.strictEqual(d.text, 'café\n');
    assert.strictEqual(d.problem?.code, 'not-utf8');
  });

  it('calls a file with NUL bytes binary and returns no text', () => {
    const d = decodeBytes(bytes(0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0x41, 0x42));
    assert.strictEqual(d.text, '');
    const message = problemOf(d, 'binary');
    assert.match(message.en, /binary/);
    assert.match(message.nl, /binaire/);
  });

  it('calls a file binary for one NUL byte anywhere, past the first 64 KiB too', () => {
    const text = new TextEncoder().encode('Vraag 1\nKlopt het dat de brief is verstuurd?\n'.repeat(2000));
    assert.strictEqual(decodeBytes(text).problem, null, 'the text alone is no binary');
    for (const at of [0, 70_000, text.length - 1]) {
      const withNul = text.slice();
      withNul[at] = 0;
      assert.strictEqual(decodeBytes(withNul).problem?.code, 'binary', `a NUL at ${at}`);
    }
  });

  it('calls a file full of control characters binary', () => {
    const data = new Uint8Array(1000);
    for (let i = 0; i < data.length; i++) data[i] = i % 3 === 0 ? 0x01 : 0x41;
    assert.strictEqual(decodeBytes(data).problem?.code, 'binary');
  });

  it('does not call text with a few control characters binary', () => {
    const d = decodeBytes(utf8(`${'Vraag 1\n'.repeat(100)}\f\u0007`));
    assert.strictEqual(d.problem, null);
  });

  it('calls zero bytes empty', () => {
    const d = decodeBytes(new Uint8Array(0));
    assert.strictEqual(d.text, '');
    const message = problemOf(d, 'empty');
    assert.match(message.en, /empty/);
    assert.match(message.nl, /leeg/);
  });

  it('calls white space only empty, no-break spaces and a BOM included', () => {
    assert.strictEqual(decodeBytes(utf8(' \n\t\r\n\u00a0 ')).problem?.code, 'empty');
    assert.strictEqual(decodeBytes(bytes(0xef, 0xbb, 0xbf)).problem?.code, 'empty');
    assert.strictEqual(decodeBytes(bytes(0xef, 0xbb, 0xbf, 0x0a, 0x20)).problem?.code, 'empty');
  });

  it('reads UTF-16LE with a byte-order mark', () => {
    const s = 'Vraag 1\r\nWat vindt u van één “brief”?';
    const data = new Uint8Array(2 + 2 * s.length);
    data[0] = 0xff;
    data[1] = 0xfe;
    for (let i = 0; i < s.length; i++) {
      data[2 + 2 * i] = s.charCodeAt(i) & 0xff;
      data[3 + 2 * i] = s.charCodeAt(i) >> 8;
    }
    const d = decodeBytes(data);
    assert.deepStrictEqual(d, { text: s, encoding: 'utf-16le', problem: null });
  });

  it('reads UTF-16BE with a byte-order mark', () => {
    const s = 'Antwoord 2 — zie €';
    const data = new Uint8Array(2 + 2 * s.length);
    data[0] = 0xfe;
    data[1] = 0xff;
    for (let i = 0; i < s.length; i++) {
      data[2 + 2 * i] = s.charCodeAt(i) >> 8;
      data[3 + 2 * i] = s.charCodeAt(i) & 0xff;
    }
    const d = decodeBytes(data);
    assert.deepStrictEqual(d, { text: s, encoding: 'utf-16be', problem: null });
  });

  it('calls a UTF-16 file with only a byte-order mark empty', () => {
    const d = decodeBytes(bytes(0xff, 0xfe));
    assert.strictEqual(d.encoding, 'utf-16le');
    assert.strictEqual(d.problem?.code, 'empty');
  });

  it('reads every corpus-like byte of Windows-1252 0x80–0xFF without loss of length', () => {
    const data = new Uint8Array(128);
    for (let i = 0; i < 128; i++) data[i] = 0x80 + i;
    const d = decodeBytes(data);
    assert.strictEqual(d.encoding, 'windows-1252');
    assert.strictEqual(d.text.length, 128);
    assert.strictEqual(d.text[0], '€');
    assert.strictEqual(d.text[0xe9 - 0x80], 'é');
    assert.strictEqual(d.text[0x92 - 0x80], '’');
  });
});

describe('looksBinaryText', () => {
  /** `count` of `c` among 1,000 characters of text. */
  const mixed = (c: string, count: number) => c.repeat(count) + 'a'.repeat(1000 - count);

  it('counts the control characters that text does not hold: more than a tenth is binary', () => {
    for (const c of ['\u0001', '\u0008', '\u000e', '\u001a', '\u001c', '\u001f', '\u007f']) {
      assert.strictEqual(looksBinaryText(mixed(c, 101)), true, JSON.stringify(c));
      assert.strictEqual(looksBinaryText(mixed(c, 100)), false, JSON.stringify(c));
    }
  });

  it('does not count tab, line breaks, vertical tab, form feed and escape', () => {
    for (const c of ['\t', '\n', '\u000b', '\f', '\r', '\u001b']) assert.strictEqual(looksBinaryText(mixed(c, 900)), false, JSON.stringify(c));
  });

  it('reads the first 64 KiB only; a NUL anywhere is binary', () => {
    const text = 'a'.repeat(65536) + '\u0001'.repeat(100000);
    assert.strictEqual(looksBinaryText(text), false);
    assert.strictEqual(looksBinaryText(`${text}\u0000`), true);
    assert.strictEqual(looksBinaryText(''), false);
  });
});
