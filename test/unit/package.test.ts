// Packaging rules, checked without running vsce: what .vscodeignore lets into
// the .vsix, and that package.json declares every setting the server reads.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DiagnosticCode } from '../../server/src/model/diagnostics';
import { DEFAULT_SETTINGS, settingNameOf } from '../../server/src/settings';

const ROOT = path.resolve(__dirname, '..', '..', '..');

interface Property {
  readonly type?: string;
  readonly default?: unknown;
  readonly scope?: string;
  readonly minimum?: number;
  readonly enum?: readonly string[];
  readonly description?: string;
  readonly markdownDescription?: string;
}

interface Manifest {
  readonly main: string;
  readonly browser?: string;
  readonly publisher?: string;
  readonly repository?: unknown;
  readonly scripts: Record<string, string>;
  readonly contributes: { readonly configuration: { readonly title: string; readonly properties: Record<string, Property> } };
}

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
const properties = manifest.contributes.configuration.properties;

describe('package: .vscodeignore', () => {
  const lines = fs
    .readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));

  it('ignores everything first', () => {
    assert.strictEqual(lines[0], '**');
  });

  it('re-includes exactly the bundles and the extension files', () => {
    const included = lines.filter((l) => l.startsWith('!')).map((l) => l.slice(1)).sort();
    assert.deepStrictEqual(included, [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/browser/extension.js',
      'dist/browser/server.js',
      'dist/extension.js',
      'dist/indexWorker.js',
      'dist/originals.js',
      'dist/server.js',
      'language-configuration.json',
      'package.json',
      'package.nls.*.json',
      'package.nls.json',
      'syntaxes/**',
    ]);
  });

  it('has no other rules (nothing after the re-includes can drop them again)', () => {
    assert.deepStrictEqual(lines.filter((l) => !l.startsWith('!')), ['**']);
  });

  it('re-includes files that exist in the repository', () => {
    for (const f of ['package.json', 'package.nls.json', 'package.nls.nl.json', 'README.md', 'LICENSE', 'CHANGELOG.md']) {
      assert.ok(fs.existsSync(path.join(ROOT, f)), `${f} is missing`);
    }
  });
});

describe('package: manifest', () => {
  it('has what vsce needs', () => {
    assert.strictEqual(manifest.main, './dist/extension.js');
    // VS Code for the Web runs the browser entry; it must be a bundle the package keeps.
    assert.strictEqual(manifest.browser, './dist/browser/extension.js');
    assert.strictEqual(manifest.publisher, 'kamervraag');
    assert.ok(manifest.repository, 'no repository');
    assert.strictEqual(manifest.scripts['vscode:prepublish'], 'node scripts/build.mjs --production');
    assert.match(manifest.scripts.package, /^vsce package --no-dependencies\b/);
  });

  it('keeps the project scripts', () => {
    for (const s of ['build', 'compile', 'lint', 'test', 'accuracy', 'analyze']) assert.ok(manifest.scripts[s], `script ${s} is missing`);
  });
});

describe('package: settings', () => {
  it('declares a kamervraag.diagnostics.* boolean for every diagnostic code', () => {
    for (const code of Object.values(DiagnosticCode)) {
      const key = `kamervraag.diagnostics.${settingNameOf(code)}`;
      const p = properties[key];
      assert.ok(p, `${key} (${code}) is not declared`);
      assert.strictEqual(p.type, 'boolean', key);
      assert.strictEqual(p.default, true, key);
      assert.strictEqual(p.scope, 'resource', key);
    }
  });

  it('declares no diagnostics setting the server does not read', () => {
    const known = new Set(Object.values(DiagnosticCode).map((c) => `kamervraag.diagnostics.${settingNameOf(c)}`));
    const extra = Object.keys(properties).filter((k) => k.startsWith('kamervraag.diagnostics.') && !known.has(k));
    assert.deepStrictEqual(extra, []);
  });

  it('declares the terms and the size limit with the server defaults', () => {
    const expected: Record<string, number> = {
      'kamervraag.terms.regularDays': DEFAULT_SETTINGS.terms.regularDays,
      'kamervraag.terms.extendedDays': DEFAULT_SETTINGS.terms.extendedDays,
      'kamervraag.maxFileSizeMB': DEFAULT_SETTINGS.maxFileSizeMB,
    };
    for (const [key, value] of Object.entries(expected)) {
      const p = properties[key];
      assert.ok(p, `${key} is not declared`);
      assert.strictEqual(p.type, 'integer', key);
      assert.strictEqual(p.default, value, key);
      assert.strictEqual(p.minimum, 1, key);
      assert.strictEqual(p.scope, 'resource', key);
    }
  });

  it('declares kamervraag.trace.server', () => {
    const p = properties['kamervraag.trace.server'];
    assert.ok(p);
    assert.deepStrictEqual(p.enum, ['off', 'messages', 'verbose']);
    assert.strictEqual(p.default, 'off');
    assert.strictEqual(p.scope, 'window');
  });

  it('describes every setting through an nls key', () => {
    for (const [key, p] of Object.entries(properties)) {
      const d = p.description ?? p.markdownDescription;
      assert.match(d ?? '', /^%[^%]+%$/, `${key} has no %nls% description`);
      assert.ok(p.scope, `${key} has no scope`);
      assert.ok(p.type, `${key} has no type`);
      assert.ok('default' in p, `${key} has no default`);
    }
    assert.match(manifest.contributes.configuration.title, /^%[^%]+%$/);
  });
});
