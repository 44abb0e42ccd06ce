// Bad input in a real VS Code, in every pass: the same guarantees whether the
// server is a Node process or a web worker. Binary text gets one warning and
// no outline; a 10 MB line is analysed and answered; a document over
// `kamervraag.maxFileSizeMB` gets one diagnostic and nothing else; a binary
// file in the workspace is left out of the index. The documents are untitled,
// so that nothing is written to the workspace but that one file, removed after.

import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeUntitled, codeOf, diagnosticsOf, documentSymbols, hoverText, LANGUAGE_ID, waitFor, workspaceFile } from './util';

/** An untitled Kamervraag document with this text, shown in an editor. */
async function untitled(content: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

suite('bad input: binary text, a 10 MB line, the size limit, a binary file in the index', function () {
  this.timeout(180_000);
  teardown(closeUntitled);

  test('binary text: one warning that it is not text, and no outline', async function () {
    const doc = await untitled('\u0000\u0001\u0002\u0003'.repeat(4096));
    const found = await waitFor('the diagnostics of the binary text', () => diagnosticsOf(doc.uri), (list) => list.length > 0, 60_000);
    assert.deepStrictEqual(found.map(codeOf), ['encoding']);
    assert.strictEqual(found[0].severity, vscode.DiagnosticSeverity.Warning);
    assert.match(found[0].message, /binair|binary/i);
    assert.deepStrictEqual(await documentSymbols(doc.uri), []);
  });

  test('a 10 MB line: analysed, not refused; a date deep in the line hovers with its ISO form', async function () {
    const sentence = 'Zie antwoord vraag 12 en de brief van 20 maart 2019. ';
    const repeats = Math.ceil((10 * 1024 * 1024) / sentence.length);
    const doc = await untitled(sentence.repeat(repeats));
    assert.strictEqual(doc.lineCount, 1);
    // The 150,000th sentence's date, some 8 MB into the line.
    const at = doc.positionAt(150_000 * sentence.length + sentence.indexOf('20 maart') + 1);
    const hover = await waitFor('a hover on a date 8 MB into the line', () => hoverText(doc.uri, at), (text) => text.includes('2019-03-20'), 120_000);
    assert.match(hover, /2019-03-20/);
    assert.ok(!diagnosticsOf(doc.uri).some((d) => codeOf(d) === 'file-too-large'), 'under the default limit of 50 MB');
  });

  test('over kamervraag.maxFileSizeMB (1 MB, 1.5 MB opened): one file-too-large diagnostic, no outline', async function () {
    const config = vscode.workspace.getConfiguration('kamervraag');
    await config.update('maxFileSizeMB', 1, vscode.ConfigurationTarget.Global);
    try {
      const block = 'Vraag 1\nIs de brief van 20 maart 2019 verstuurd?\n\nAntwoord 1\nJa.\n\n';
      const doc = await untitled(`Kamervraag 2024Z00001\n\n${block.repeat(Math.ceil((1.5 * 1024 * 1024) / block.length))}`);
      const found = await waitFor('the size diagnostic', () => diagnosticsOf(doc.uri), (list) => list.length > 0, 60_000);
      assert.deepStrictEqual(found.map(codeOf), ['file-too-large']);
      assert.match(found[0].message, /1 MB/);
      assert.deepStrictEqual(await documentSymbols(doc.uri), []);
    } finally {
      await config.update('maxFileSizeMB', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('a binary file named as a question set is left out of the index, and the index goes on', async function () {
    const binary = workspaceFile('sets/kapot.kamervraag');
    const after = workspaceFile('sets/daarna.kamervraag');
    // A PNG's signature and header, then NUL bytes: what a mis-named image looks like.
    const bytes = new Uint8Array(4096);
    bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    await vscode.workspace.fs.writeFile(binary, bytes);
    // Then a set of its own, written after the binary file: once the index holds it, the binary
    // file has been taken in as well (or left out).
    const set = 'Kamervraag 2024Z99917\n\nVragen van het lid Jansen (GL) over de proef\n\nVraag 1\nKent u het bericht?\n';
    await vscode.workspace.fs.writeFile(after, new TextEncoder().encode(set));
    try {
      const symbols = await waitFor(
        'workspace symbols for 2024Z99917, the set written after the binary file',
        async () => (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', '2024Z99917')) ?? [],
        (list) => list.some((s) => s.location.uri.path.endsWith('/daarna.kamervraag')),
        60_000,
      );
      assert.ok(symbols.length > 0);
      const all = (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', '')) ?? [];
      assert.ok(all.some((s) => s.location.uri.path.endsWith('/kv-tk-2024Z18792.txt')), 'the sets of the folder are still there');
      assert.ok(!all.some((s) => s.location.uri.path.endsWith('/kapot.kamervraag')), 'no symbol from the binary file');
    } finally {
      await vscode.workspace.fs.delete(binary);
      await vscode.workspace.fs.delete(after);
    }
  });
});
