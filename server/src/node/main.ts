// Node entry point of the language server: `node dist/server.js --stdio`, or
// over IPC when started by the VS Code client (`--node-ipc`).

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../server';
import { DiskFileSystem } from './diskFileSystem';

const connection = createConnection(ProposedFeatures.all);
process.on('uncaughtException', (e) => connection.console.error(`Uncaught: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
process.on('unhandledRejection', (e) => connection.console.error(`Unhandled rejection: ${String(e)}`));
startServer(connection, {
  diskFileSystem: new DiskFileSystem(),
  decodeBase64: (s) => {
    const b = Buffer.from(s, 'base64');
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  },
});
