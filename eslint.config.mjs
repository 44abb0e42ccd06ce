// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises',
  'http', 'https', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'string_decoder',
  'timers', 'tls', 'tty', 'url', 'util', 'v8', 'vm', 'worker_threads', 'zlib',
];

// The layers, bottom up: i18n (words) and model ← workspace (the index) ←
// service (the language service) ← features ← server, cli, node, browser.
// Each layer imports only from the layers below it; the VS Code client only
// from protocol.ts. A file may import within its own folder.
const UP = {
  workspace: '../workspace/*',
  service: '../service/*',
  features: '../features/*',
  top: ['../server', '../clientFileSystem', '../workspaceSync', '../cli/*', '../node/*', '../browser/*', '../protocol'],
};
const layer = (message, ...groups) => ({ group: groups.flat(3), message });

/** `no-restricted-imports` for one layer: the Node/editor bans of pure code, and the layers above it. */
function pureLayer(above, extra = [], protocolTypes = false) {
  return ['error', {
    paths: [
      { name: 'vscode', message: 'The model is editor-independent.' },
      ...nodeBuiltins.map((name) => ({ name, message: 'The model must run in a browser worker: no Node built-ins.' })),
      ...nodeBuiltins.map((name) => ({ name: `node:${name}`, message: 'The model must run in a browser worker: no Node built-ins.' })),
    ],
    patterns: [
      protocolTypes
        // The LSP types and the text document are plain data and pure functions; the connection is not.
        ? { group: ['vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-protocol*', 'vscode-jsonrpc*', 'vscode-languageclient*'], message: 'Only the server talks to the connection.' }
        : { group: ['vscode-languageserver*', 'vscode-languageclient*'], message: 'The model knows no protocol.' },
      { group: ['node:*'], message: 'The model must run in a browser worker: no Node built-ins.' },
      ...(above.length > 0 ? [layer('Imports go down the layers: model ← workspace ← service ← features ← server/cli.', above)] : []),
      ...extra,
    ],
  }];
}

/** Reading the clock: the date and the time come in from outside (options, the service). */
const NO_CLOCK = ['error',
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'No clock here: take the date from the caller (analysis options, the service).' },
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'No clock here: take the time from the caller.' },
  { selector: "MemberExpression[object.name='performance'][property.name='now']", message: 'No clock here: take the time from the caller.' },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The words: pure, at the bottom; only the white-space rule of model/text.
    files: ['server/src/i18n/**/*.ts'],
    rules: {
      'no-restricted-imports': pureLayer([UP.workspace, UP.service, UP.features, UP.top, '../settings', '../model/*', '!../model/text']),
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname', '__filename'],
      'no-restricted-syntax': NO_CLOCK,
    },
  },
  {
    // The analysis must run in a browser worker: no editor API, no Node built-ins, no clock, nothing above it.
    files: ['server/src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': pureLayer([UP.workspace, UP.service, UP.features, UP.top, '../settings']),
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname', '__filename'],
      'no-restricted-syntax': NO_CLOCK,
    },
  },
  {
    // The index of sets: pure like the model.
    files: ['server/src/workspace/**/*.ts'],
    rules: {
      'no-restricted-imports': pureLayer([UP.service, UP.features, UP.top, '../settings']),
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname', '__filename'],
      'no-restricted-syntax': NO_CLOCK,
    },
  },
  {
    // The language service: no Node built-ins (it runs in a browser worker), nothing of the features or the server.
    files: ['server/src/service/**/*.ts'],
    rules: {
      'no-restricted-imports': pureLayer([UP.features, UP.top], [], true),
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname', '__filename'],
    },
  },
  {
    // The features: functions of the service; no Node built-ins, nothing of the server.
    files: ['server/src/features/**/*.ts'],
    rules: {
      'no-restricted-imports': pureLayer(['../server', '../clientFileSystem', '../workspaceSync', '../cli/*', '../node/*', '../browser/*'], [], true),
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname', '__filename'],
    },
  },
  {
    // The wire: the protocol's shapes and the words; no behaviour of the server.
    files: ['server/src/protocol.ts'],
    rules: {
      'no-restricted-imports': pureLayer([], [layer('protocol.ts holds shapes and words only.', ['./service/*', './features/*', './server', './cli/*', './node/*', './model/*', '!./model/text', './workspace/*', '!./workspace/sets'])]),
    },
  },
  {
    // The VS Code client is thin: of the server it imports protocol.ts alone.
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [layer('The client imports only server/src/protocol.ts of the server.', ['**/server/src/*', '!**/server/src/protocol', '**/server/src/*/**'])] }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'eslint.config.mjs', '.mocharc.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly' } },
  },
);
