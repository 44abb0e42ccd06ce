// `initialize`: the server announces every feature it has, with incremental
// sync and a semantic-token legend, and stays up until asked to stop.

import * as assert from 'assert';
import { TextDocumentSyncKind } from 'vscode-languageserver-protocol/node';
import { Session } from './harness';

describe('protocol: initialize', function () {
  let s: Session;

  before(async function () {
    s = await Session.start({ locale: 'nl' });
  });

  after(async function () {
    await s?.shutdown();
  });

  it('announces every capability', function () {
    const r = s.initializeResult;
    assert.ok(r, 'initialize answered');
    const c = r.capabilities;
    assert.ok(c.hoverProvider, 'hover');
    assert.ok(c.definitionProvider, 'definition');
    assert.ok(c.referencesProvider, 'references');
    assert.ok(c.documentHighlightProvider, 'documentHighlight');
    assert.ok(c.documentSymbolProvider, 'documentSymbol');
    assert.ok(c.foldingRangeProvider, 'foldingRange');
    assert.ok(c.selectionRangeProvider, 'selectionRange');
    assert.ok(c.documentLinkProvider, 'documentLink');
    assert.ok(c.codeLensProvider, 'codeLens');
    assert.ok(c.workspaceSymbolProvider, 'workspaceSymbol');

    assert.ok(c.codeActionProvider, 'codeAction');
    assert.ok(typeof c.codeActionProvider === 'object', 'codeAction options with kinds');
    assert.ok(c.codeActionProvider.codeActionKinds?.includes('quickfix'), 'codeAction announces quickfix');

    const st = c.semanticTokensProvider;
    assert.ok(st, 'semanticTokens');
    assert.ok(st.full === true || (typeof st.full === 'object' && st.full !== null), 'semanticTokens full');
    for (const type of ['function', 'number', 'class', 'decorator']) {
      assert.ok(st.legend.tokenTypes.includes(type), `legend has token type ${type}`);
    }
    assert.ok(Array.isArray(st.legend.tokenModifiers), 'legend has modifiers');

    const sync = c.textDocumentSync;
    assert.ok(sync !== undefined, 'textDocumentSync');
    if (typeof sync === 'number') {
      assert.strictEqual(sync, TextDocumentSyncKind.Incremental);
    } else {
      assert.strictEqual(sync.change, TextDocumentSyncKind.Incremental, 'incremental sync');
      assert.strictEqual(sync.openClose, true, 'open/close notifications');
    }
  });

  it('names itself', function () {
    assert.strictEqual(s.initializeResult?.serverInfo?.name, 'kamervraag');
  });

  it('is still running and logged no errors', function () {
    s.assertAlive();
    assert.deepStrictEqual(s.errorLogs(), []);
  });
});
