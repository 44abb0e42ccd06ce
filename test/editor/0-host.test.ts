// Where this pass runs: the Node passes in a Node extension host with the
// server as a Node process; the web pass (EDITOR_TEST_WEB=1, the user setting
// `remote.extensionKind` moving the extension into code-server's web worker
// extension host) in a web worker, with the server as another web worker.
// The extension reports its server's runtime from the initialize result
// (`KamervraagApi.server`), which the server fills in from its own entry.

import * as assert from 'assert';
import * as vscode from 'vscode';
import type { KamervraagApi } from '../../server/src/protocol';
import { inWebWorker, testEnv } from './env';
import { dom, HAS_LAUNCHER, openKamervraag, screenshot, waitFor, workspaceFile } from './util';

suite('host: the extension host and the server runtime of this pass', function () {
  test('a web worker host and a worker server in the web pass; Node for both otherwise', async function () {
    const web = testEnv('EDITOR_TEST_WEB') === '1';
    const extension = vscode.extensions.getExtension<KamervraagApi>('kamervraag.kamervraag');
    assert.ok(extension, 'the extension is installed');
    const api = extension.isActive ? extension.exports : await extension.activate();
    const server = await api.server();
    assert.ok(server, 'the language server started');
    const host = inWebWorker() ? 'web worker extension host' : 'Node extension host';
    console.log(`    ${host}; language server ${server.name} ${server.version ?? ''} in ${server.runtime === 'web-worker' ? 'a web worker' : server.runtime === 'node' ? 'a Node process' : 'an unknown runtime'}`);
    assert.strictEqual(inWebWorker(), web, `the extension runs in the ${web ? 'web worker' : 'Node'} extension host`);
    assert.strictEqual(server.runtime, web ? 'web-worker' : 'node');
    assert.strictEqual(server.name, 'kamervraag');
  });

  test('the server log says where the server runs (screenshot: the sample beside the log)', async function () {
    if (!HAS_LAUNCHER) this.skip();
    const web = testEnv('EDITOR_TEST_WEB') === '1';
    await openKamervraag(workspaceFile('sample.txt'));
    await vscode.commands.executeCommand('kamervraag.showOutput');
    const line = `started in ${web ? 'a web worker' : 'a Node process'}`;
    const log = await waitFor(`the Output panel to show "${line}"`, async () => ((await dom('host-output', '.panel .view-lines')) ?? []).map((e) => e.text).join(' '), (text) => text.includes(line), 30_000);
    assert.ok(!/\[error\]/.test(log), `no error in the log: ${log}`);
    await screenshot('host');
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });
});
