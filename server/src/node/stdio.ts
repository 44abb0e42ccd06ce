// The server's connection over stdio (`node dist/server.js --stdio`: Neovim,
// Emacs, Helix, Sublime, the benchmark), with an encoder that sends a result
// handed out again (`keptResults.ts`) as the bytes it was sent as the first
// time: the outline of a 1,400-question set is 0.7 MB of JSON, encoded in
// 4–6 ms, and a client asks for it again whenever the cursor rests. VS Code
// starts the server over IPC, where Node encodes the messages itself.

import { inspect } from 'util';
import { createConnection, ProposedFeatures, StreamMessageWriter, type Connection, type ContentTypeEncoder, type ContentTypeEncoderOptions, type Message } from 'vscode-languageserver/node';
import { isKeptResult } from '../service/keptResults';

/** The encoded results kept, by result: they live as long as the result does (the outline, as long as its analysis). */
const encoded = new WeakMap<object, Buffer>();

const CLOSE = Buffer.from('}');

/** Encodes a message as `application/json`, as the library's encoder does, but a kept result's bytes only once. */
export const keptResultEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode(msg: Message, options: ContentTypeEncoderOptions): Promise<Uint8Array> {
    try {
      const m = msg as { id?: unknown; result?: unknown; error?: unknown };
      if (m.error === undefined && (typeof m.id === 'number' || typeof m.id === 'string') && isKeptResult(m.result)) {
        let body = encoded.get(m.result);
        if (body === undefined) {
          body = Buffer.from(JSON.stringify(m.result), options.charset);
          encoded.set(m.result, body);
        }
        // The members in the order the library writes them: jsonrpc, id, result.
        return Promise.resolve(Buffer.concat([Buffer.from(`{"jsonrpc":${JSON.stringify(msg.jsonrpc)},"id":${JSON.stringify(m.id)},"result":`, options.charset), body, CLOSE]));
      }
      return Promise.resolve(Buffer.from(JSON.stringify(msg, undefined, 0), options.charset));
    } catch (e) {
      return Promise.reject(e);
    }
  },
};

/**
 * The connection over stdin and stdout. The library reads stdin as it does for `--stdio` (and ends
 * the process when it closes); the writer is the library's with the encoder above. What the code
 * or a library writes to the console goes to the client's log, as the library arranges for
 * `--stdio`: written to stdout it would break the protocol's stream.
 */
export function stdioConnection(): Connection {
  const writer = new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: keptResultEncoder });
  const connection = createConnection(ProposedFeatures.all, process.stdin, writer as never);
  const text = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  const log = (...args: unknown[]) => connection.console.log(text(args));
  console.log = log;
  console.info = (...args: unknown[]) => connection.console.info(text(args));
  console.debug = log;
  console.dir = (item: unknown) => connection.console.log(inspect(item));
  console.table = (data: unknown) => connection.console.log(inspect(data));
  console.warn = (...args: unknown[]) => connection.console.warn(text(args));
  console.error = (...args: unknown[]) => connection.console.error(text(args));
  console.trace = (...args: unknown[]) => connection.console.log(`${text(args)}\n${new Error().stack ?? ''}`);
  console.assert = (ok?: unknown, ...args: unknown[]) => {
    if (!ok) connection.console.error(`Assertion failed${args.length > 0 ? `: ${text(args)}` : ''}`);
  };
  const counts = new Map<string, number>();
  console.count = (label = 'default') => {
    const n = (counts.get(label) ?? 0) + 1;
    counts.set(label, n);
    connection.console.log(`${label}: ${n}`);
  };
  console.countReset = (label = 'default') => void counts.delete(label);
  console.timeLog = (label = 'default', ...args: unknown[]) => connection.console.log(`${label}${args.length > 0 ? ` ${text(args)}` : ''}`);
  console.group = log;
  console.groupCollapsed = log;
  return connection;
}
