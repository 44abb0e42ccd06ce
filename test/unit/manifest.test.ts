// The extension manifest: the `firstLine` language detection against the real
// first lines of the corpus, the file-name patterns, and the `%key%`
// localisation of package.json.
//
// VS Code consults `firstLine` only when no file name, pattern or extension
// association matches, and `.txt` belongs to Plain Text: `firstLine` decides
// for files without a registered extension and for untitled buffers, not for
// `.txt` files. `filenamePatterns` (official document ids) win over `.txt`.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CORPUS = path.join(ROOT, 'test', 'fixtures', 'corpus');

interface LanguageContribution {
  readonly id: string;
  readonly firstLine?: string;
  readonly filenamePatterns?: readonly string[];
}

function readJson(rel: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(ROOT, rel), 'utf8'));
}

const manifest = readJson('package.json') as { contributes: { languages: LanguageContribution[] } };

function kamervraagLanguage(): LanguageContribution {
  const lang = manifest.contributes.languages.find((l) => l.id === 'kamervraag');
  assert.ok(lang, 'no kamervraag language contribution');
  return lang;
}

/** The `firstLine` regex compiled as VS Code does: anchored with `^` if it is not, no flags. */
function firstLineRegex(): RegExp {
  const lang = kamervraagLanguage();
  assert.ok(lang.firstLine, 'the kamervraag language has no firstLine');
  const source = lang.firstLine.startsWith('^') ? lang.firstLine : `^${lang.firstLine}`;
  return new RegExp(source);
}

/** Does VS Code's first-line detection pick kamervraag for this line? (BOM dropped, empty line never matches.) */
function detects(re: RegExp, line: string): boolean {
  const l = line.replace(/^\uFEFF/, '');
  return l.length > 0 && re.test(l);
}

/** The first line as VS Code hands it to the detection: at most 1000 characters, no line break. */
function firstLineOf(file: string): string {
  return fs.readFileSync(file, 'utf8').slice(0, 1000).split(/\r\n|\r|\n/)[0];
}

function corpusTexts(): string[] {
  const out: string[] = [];
  for (const dir of ['openkamer', 'official']) {
    for (const name of fs.readdirSync(path.join(CORPUS, dir)).sort()) {
      if (name.endsWith('.txt')) out.push(path.join(CORPUS, dir, name));
    }
  }
  return out;
}

describe('manifest: firstLine detection', () => {
  const re = firstLineRegex();

  it('does not match the empty string (VS Code rejects such a regex)', () => {
    assert.strictEqual(re.test(''), false);
  });

  const files = corpusTexts();
  it('sees the corpus', () => {
    assert.ok(files.length >= 80, `only ${files.length} corpus files`);
  });

  for (const file of files) {
    const line = firstLineOf(file);
    // Undetectable: a blank first line (Markdown conversions), and the flat excerpt that starts at `1.`.
    const expected = line.trim() !== '' && line.trim() !== '1.';
    it(`${path.relative(CORPUS, file)}: ${JSON.stringify(line.slice(0, 40))} → ${expected}`, () => {
      assert.strictEqual(detects(re, line), expected);
    });
  }

  for (const line of [
    'Kamervraag 2022Z09875',
    '2024Z18883',
    'AH 604',
    'Tweede Kamer der Staten-Generaal',
    'Tweede Kamer der Staten-Generaal2',
    'Tweede Kamer der Staten-Generaal 2 Vergaderjaar 2014–2015 Aanhangsel van de Handelingen',
    '## Tweede Kamer der Staten-Generaal',
    'Vragen van het lid Kops (PVV) aan de Minister van Klimaat en Groene Groei over … (ingezonden 9 oktober 2024).',
    'Vragen van de leden Dassen (Volt) en Van Baarle (DENK) aan de Minister-President',
    '\uFEFFKamervraag 2024Z16988',
  ]) {
    it(`matches ${JSON.stringify(line.slice(0, 50))}`, () => assert.strictEqual(detects(re, line), true));
  }

  for (const line of [
    'Hallo wereld',
    '# Notities',
    '1.',
    '# 2',
    'Kamervraag',
    'Kamervragen over de begroting',
    'Tweede Kamer',
    'De Tweede Kamer der Staten-Generaal vergadert vandaag.',
    'Tweede Kamer der Staten-Generaalsgebouw',
    'AH',
    'AH 604 is een nummer',
    '2024',
    '2024Z18883 en meer',
    'Vragen van het publiek',
    'Vraag 1',
  ]) {
    it(`does not match ${JSON.stringify(line)}`, () => assert.strictEqual(detects(re, line), false));
  }
});

/** A file-name glob that uses only `*`, as VS Code matches it: on the lower-cased base name. */
function globRegex(glob: string): RegExp {
  assert.doesNotMatch(glob, /[?[\]{}/\\]/, `${glob}: only * is handled here`);
  const body = glob.toLowerCase().split('*').map((part) => part.replace(/[.+^$()|]/g, '\\$&')).join('[^/]*');
  return new RegExp(`^${body}$`);
}

describe('manifest: file-name patterns', () => {
  const patterns = (kamervraagLanguage().filenamePatterns ?? []).map(globRegex);
  const byName = (name: string): boolean => patterns.some((re) => re.test(name.toLowerCase()));

  it('claim every official document in the corpus by its id, blank first lines included', () => {
    const names = fs.readdirSync(path.join(CORPUS, 'official')).filter((n) => n.endsWith('.txt'));
    assert.ok(names.length >= 80);
    assert.deepStrictEqual(names.filter((n) => !byName(n)), []);
  });

  for (const name of ['notes.txt', 'readme.txt', 'ah-tk-20242025-604.pdf', 'kv-2022Z09875.json', 'tk-ah.txt']) {
    it(`leave ${name} alone`, () => assert.strictEqual(byName(name), false));
  }
});

describe('manifest: localisation', () => {
  const text = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
  const keys = [...new Set([...text.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]))];

  it('uses nls keys', () => {
    for (const k of ['displayName', 'description', 'command.restartServer', 'command.showAnalysis', 'config.title']) {
      assert.ok(keys.includes(k), `package.json does not use %${k}%`);
    }
  });

  for (const nls of ['package.nls.json', 'package.nls.nl.json']) {
    it(`${nls} has every key package.json uses, and no other`, () => {
      const table = readJson(nls) as Record<string, unknown>;
      const missing = keys.filter((k) => typeof table[k] !== 'string' || (table[k] as string).trim() === '');
      assert.deepStrictEqual(missing, []);
      const unused = Object.keys(table).filter((k) => !keys.includes(k));
      assert.deepStrictEqual(unused, []);
    });
  }

  it('has the command titles in both languages', () => {
    const en = readJson('package.nls.json') as Record<string, string>;
    const nl = readJson('package.nls.nl.json') as Record<string, string>;
    assert.strictEqual(en['command.restartServer'], 'Kamervraag: Restart Language Server');
    assert.strictEqual(nl['command.restartServer'], 'Kamervraag: Taalserver herstarten');
    assert.strictEqual(en['command.showAnalysis'], 'Kamervraag: Show Analysis as JSON');
    assert.strictEqual(nl['command.showAnalysis'], 'Kamervraag: Analyse tonen als JSON');
  });
});

describe('manifest: the Kamervragen view and the timeline', () => {
  interface Command { command: string; title: string; category?: string; icon?: string }
  interface MenuItem { command: string; when?: string; group?: string }
  const m = readJson('package.json') as {
    activationEvents: string[];
    capabilities: { untrustedWorkspaces: { supported: boolean }; virtualWorkspaces: boolean };
    contributes: {
      commands: Command[];
      menus: Record<string, MenuItem[]>;
      views: Record<string, { id: string; name: string }[]>;
      viewsWelcome: { view: string; contents: string; when?: string }[];
    };
  };
  const en = readJson('package.nls.json') as Record<string, string>;
  const nl = readJson('package.nls.nl.json') as Record<string, string>;
  const nlsKey = (s: string) => /^%(.+)%$/.exec(s)?.[1] ?? assert.fail(`${s} is not localised`);

  it('activates for workspaces with question sets and when the view opens', () => {
    for (const e of ['workspaceContains:**/*.kamervraag', 'workspaceContains:**/*.kv.txt', 'workspaceContains:**/ah-tk-*.txt', 'workspaceContains:**/kv-tk-*.txt', 'onView:kamervraag.sets']) {
      assert.ok(m.activationEvents.includes(e), e);
    }
  });

  it('still declares restricted mode and virtual workspaces supported', () => {
    assert.strictEqual(m.capabilities.untrustedWorkspaces.supported, true);
    assert.strictEqual(m.capabilities.virtualWorkspaces, true);
  });

  it('contributes the Explorer view "Kamervragen" in both languages', () => {
    const view = m.contributes.views.explorer.find((v) => v.id === 'kamervraag.sets');
    assert.ok(view);
    assert.strictEqual(en[nlsKey(view.name)], 'Kamervragen');
    assert.strictEqual(nl[nlsKey(view.name)], 'Kamervragen');
  });

  it('has welcome content for every status the view sets', () => {
    const whens = m.contributes.viewsWelcome.filter((w) => w.view === 'kamervraag.sets').map((w) => w.when ?? '');
    for (const status of ['starting', 'indexing', 'empty', 'filtered', 'error']) {
      assert.ok(whens.some((w) => w.includes(`kamervraag.sets.status == ${status}`)), status);
    }
    // Command links point at contributed or built-in commands.
    const own = new Set(m.contributes.commands.map((c) => c.command));
    for (const w of m.contributes.viewsWelcome) {
      for (const table of [en, nl]) {
        for (const link of table[nlsKey(w.contents)].matchAll(/\(command:([\w.]+)\)/g)) {
          assert.ok(own.has(link[1]) || link[1] === 'vscode.openFolder', link[1]);
        }
      }
    }
  });

  const ids = ['kamervraag.showTimeline', 'kamervraag.sets.filterState', 'kamervraag.sets.filterMinistry', 'kamervraag.sets.clearFilter', 'kamervraag.sets.refresh'];
  it('declares the commands with an icon, the category and titles in both languages', () => {
    for (const id of ids) {
      const c = m.contributes.commands.find((x) => x.command === id);
      assert.ok(c, id);
      assert.strictEqual(c.category, 'Kamervraag');
      assert.match(c.icon ?? '', /^\$\([\w-]+\)$/);
      assert.ok(en[nlsKey(c.title)] && nl[nlsKey(c.title)] && en[nlsKey(c.title)] !== nl[nlsKey(c.title)], id);
    }
  });

  it('puts the filters in the view title, the timeline on sets and in Kamervraag editors', () => {
    const title = m.contributes.menus['view/title'].filter((i) => i.when?.includes('view == kamervraag.sets'));
    assert.deepStrictEqual(title.map((i) => i.command), ['kamervraag.sets.filterState', 'kamervraag.sets.filterMinistry', 'kamervraag.sets.clearFilter', 'kamervraag.sets.refresh']);
    assert.match(title[2].when ?? '', /kamervraag\.sets\.filtered/);
    const item = m.contributes.menus['view/item/context'].find((i) => i.group === 'inline');
    assert.strictEqual(item?.command, 'kamervraag.showTimeline');
    assert.ok(new RegExp((/viewItem =~ \/(.+)\//.exec(item.when ?? '') ?? assert.fail('no viewItem regex'))[1]).test('kamervraag.set.late'));
    assert.ok(m.contributes.menus['editor/title'].some((i) => i.command === 'kamervraag.showTimeline' && i.when === 'editorLangId == kamervraag'));
    assert.ok(m.contributes.menus.commandPalette.some((i) => i.command === 'kamervraag.showTimeline' && i.when === 'editorLangId == kamervraag'));
  });

  it('offers Draft answer in Kamervraag editors (title, context menu, palette) and on the view\'s sets and files', () => {
    const c = m.contributes.commands.find((x) => x.command === 'kamervraag.draftAnswer');
    assert.ok(c);
    assert.strictEqual(en[nlsKey(c.title)], 'Kamervraag: Draft answer');
    assert.strictEqual(nl[nlsKey(c.title)], 'Kamervraag: Antwoord opstellen');
    for (const menu of ['editor/title', 'editor/context', 'commandPalette']) {
      assert.ok(m.contributes.menus[menu].some((i) => i.command === 'kamervraag.draftAnswer' && i.when === 'editorLangId == kamervraag'), menu);
    }
    const item = m.contributes.menus['view/item/context'].find((i) => i.command === 'kamervraag.draftAnswer');
    const viewItem = new RegExp((/viewItem =~ \/(.+)\//.exec(item?.when ?? '') ?? assert.fail('no viewItem regex'))[1]);
    for (const v of ['kamervraag.set.open', 'kamervraag.set.late', 'kamervraag.document.questions', 'kamervraag.document.openkamer']) assert.ok(viewItem.test(v), v);
  });

  it('offers Open Original as Text on PDF and Word files in the Explorer and on the view\'s originals, activated by the command alone', () => {
    const c = m.contributes.commands.find((x) => x.command === 'kamervraag.openOriginal');
    assert.ok(c);
    assert.strictEqual(c.category, 'Kamervraag');
    assert.strictEqual(en[nlsKey(c.title)], 'Open Original as Text');
    assert.strictEqual(nl[nlsKey(c.title)], 'Origineel openen als tekst');
    const explorer = m.contributes.menus['explorer/context']?.find((i) => i.command === 'kamervraag.openOriginal');
    const ext = new RegExp((/resourceExtname =~ \/(.+)\/i/.exec(explorer?.when ?? '') ?? assert.fail('no resourceExtname regex'))[1], 'i');
    for (const yes of ['.pdf', '.PDF', '.docx', '.Docx']) assert.ok(ext.test(yes), yes);
    for (const no of ['.txt', '.doc', '.pdfx', '.kamervraag']) assert.ok(!ext.test(no), no);
    const item = m.contributes.menus['view/item/context'].find((i) => i.command === 'kamervraag.openOriginal');
    const viewItem = new RegExp((/viewItem =~ \/(.+)\//.exec(item?.when ?? '') ?? assert.fail('no viewItem regex'))[1]);
    assert.ok(viewItem.test('kamervraag.document.answer.original'));
    assert.ok(!viewItem.test('kamervraag.document.answer'));
    // A workspace full of unrelated PDFs costs nothing until the command runs.
    assert.ok(m.activationEvents.includes('onCommand:kamervraag.openOriginal'));
    assert.ok(!m.activationEvents.some((e) => /\.(pdf|docx)\b/i.test(e)));
  });
});
