// The timeline page where people see it: client/src/timelineHtml.ts rendered
// by Chromium at the widths a panel has, with the real timelines of the corpus
// and with made-up hard ones (long labels, crowded days). The label boxes the
// browser draws are measured: no two may overlap, none may leave the drawing,
// each must reach its marker, and a label cut short keeps its full text in a
// tooltip and in the list below.
//
// Needs Debian's Chromium (`apt-get install -y chromium`; another one with
// TIMELINE_TEST_CHROMIUM), driven by playwright-core; nothing is downloaded.
// `npm run test:timeline` runs it, and `npm run test:editor` before the VS Code
// suite; it is no part of `npm test`, which needs no system package.
// TIMELINE_TEST_SCREENSHOTS: the folder for the screenshots (default .vscode-test/screenshots).

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildSync } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { timelineHtml } from '../../client/src/timelineHtml';
import { analyze } from '../../server/src/model/analysis';
import { decodeBytes } from '../../server/src/model/decode';
import type { Timeline, TimelineEvent, TimelineEventKind } from '../../server/src/protocol';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import type { WorkspaceFileSystem } from '../../server/src/workspace/fileSystem';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { Indexer } from '../../server/src/service/indexer';
import { timeline } from '../../server/src/features/timeline';
import { workspaceFiles } from '../unit/workspaceFixture';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CHROMIUM = process.env.TIMELINE_TEST_CHROMIUM || '/usr/bin/chromium';
const SCREENSHOTS = path.resolve(process.env.TIMELINE_TEST_SCREENSHOTS || path.join(ROOT, '.vscode-test', 'screenshots'));
const NONCE = 'dGltZWxpbmUtdGVzdA==';
const ORIGIN = 'http://timeline.test';

type Lang = 'nl' | 'en';

/** The panel widths checked for every case: a narrow side panel to a wide screen. */
const WIDTHS = [300, 320, 600, 1200, 1600];
/** The real timelines of the corpus at fewer widths (there are many): opened at 600 px, resized to the others. */
const CORPUS_WIDTHS = [320, 600, 1200];

/** The font VS Code gives a webview (its default `--vscode-font-family`), and a wider and a narrower one: the layout must hold for any. */
const FONTS = {
  default: '-apple-system, BlinkMacSystemFont, "Segoe WPC", "Segoe UI", "Ubuntu", "Droid Sans", sans-serif',
  wide: '"DejaVu Sans Mono", monospace',
  narrow: '"Liberation Sans Narrow", sans-serif',
} as const;
type Font = keyof typeof FONTS;

/** The theme variables a webview gets from VS Code (Dark Modern); the page itself names only the variables. */
function themeStyle(font: Font): string {
  const vars: Record<string, string> = {
    '--vscode-font-family': FONTS[font],
    '--vscode-font-size': '13px',
    '--vscode-foreground': '#cccccc',
    '--vscode-editor-background': '#1f1f1f',
    '--vscode-descriptionForeground': '#9d9d9d',
    '--vscode-focusBorder': '#0078d4',
    '--vscode-list-hoverBackground': '#2a2d2e',
    '--vscode-charts-blue': '#3794ff',
    '--vscode-charts-yellow': '#cca700',
    '--vscode-charts-orange': '#d18616',
    '--vscode-charts-purple': '#b180d7',
    '--vscode-charts-red': '#f14c4c',
    '--vscode-charts-green': '#89d185',
  };
  return `<style nonce="${NONCE}">html { ${Object.entries(vars).map(([k, v]) => `${k}: ${v};`).join(' ')} }</style>`;
}

const at = (line: number): NonNullable<TimelineEvent['range']> => ({ start: { line, character: 0 }, end: { line, character: 10 } });

function event(date: string, kind: TimelineEventKind, label: string, line: number | null = 1): TimelineEvent {
  return { date, kind, label, range: line === null ? null : at(line) };
}

/**
 * timelineHtml as the extension ships it: bundled and minified by esbuild
 * (`npm run vscode:prepublish`), which renames the layout functions whose
 * source the page carries.
 */
function shippedTimelineHtml(): typeof timelineHtml {
  const out = buildSync({ entryPoints: [path.join(ROOT, 'client', 'src', 'timelineHtml.ts')], bundle: true, minify: true, format: 'cjs', platform: 'node', target: 'node20', write: false });
  const module = { exports: {} as { timelineHtml?: typeof timelineHtml } };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(module, module.exports, require);
  assert.ok(module.exports.timelineHtml);
  return module.exports.timelineHtml;
}

/** Made-up timelines that were hard for the layout, written out by hand, in both languages. */
function handMade(lang: Lang): { name: string; timeline: Timeline }[] {
  const say = (nl: string, en: string) => (lang === 'en' ? en : nl);
  const base = { uri: 'file:///w/case.txt', state: 'delayed' as const };
  const submitted = event('2024-10-25', 'submitted', say('Ingediend', 'Submitted'));
  const terms = [
    event('2024-11-15', 'term-regular', say('Einde termijn van 3 weken', 'End of the 3-week term'), null),
    event('2024-12-06', 'term-extended', say('Einde verlengde termijn van 6 weken', 'End of the extended 6-week term'), null),
  ];
  const notice = event('2024-11-15', 'notice', say('Uitstelbericht', 'Delay notice'), 4);
  const busy: TimelineEvent[] = [];
  // A crowded fortnight: sixteen events on eleven days.
  const days = ['01', '01', '02', '03', '03', '03', '04', '07', '08', '08', '09', '10', '10', '11', '14', '14'];
  days.forEach((d, i) => {
    const kinds: TimelineEventKind[] = ['letter', 'debate', 'date', 'ruling'];
    const kind = kinds[i % 4];
    const month = say('oktober', 'October');
    const label =
      kind === 'letter' ? say(`Brief van ${Number(d)} ${month} 2024`, `Letter of ${Number(d)} ${month} 2024`)
      : kind === 'debate' ? say(`Debat van ${Number(d)} ${month} 2024`, `Debate of ${Number(d)} ${month} 2024`)
      : kind === 'ruling' ? say(`Uitspraak van ${Number(d)} ${month} 2024`, `Ruling of ${Number(d)} ${month} 2024`)
      : `…de Kamerbrief over de voortgang van ${Number(d)} ${month} 2024`;
    busy.push(event(`2024-10-${d}`, kind, label, 10 + i));
  });
  const long = say(
    '…in de beantwoording van eerdere vragen over de wachttijden in de geestelijke gezondheidszorg en de registratie daarvan door zorgaanbieders en zorgverzekeraars van 1 november 2024',
    '…in the answers to earlier questions about the waiting times in mental health care and how care providers and insurers record them of 1 November 2024',
  );
  return [
    {
      // The report beside the submission three days later (labels as the server writes them).
      name: 'report-beside-submission',
      timeline: {
        ...base,
        title: say('Een rapport drie dagen voor de vragen', 'A report three days before the questions'),
        events: [event('2024-10-22', 'letter', '…het rapport MINDonderzoek wachttijden ggz van 4 april 2024', 3), submitted, notice, ...terms],
      },
    },
    {
      // A news item cited three days before the delay notice.
      name: 'news-beside-notice',
      timeline: {
        ...base,
        title: say('Een nieuwsbericht vlak voor het uitstelbericht', 'A news item just before the delay notice'),
        events: [submitted, event('2024-11-12', 'date', 'NOS, 22 oktober 2024', 6), notice, ...terms],
      },
    },
    {
      // The set of 2024Z16988 as the server gives it (corpus: ah-tk-20242025-562.txt, kv-2024Z16988.txt).
      name: 'set-2024Z16988',
      timeline: {
        ...base,
        title: 'Het bericht «Wachttijden ggz niet goed vastgelegd, zeggen onderzoekers»',
        events: [
          event('2024-04-04', 'date', '…het rapport MINDonderzoek wachttijden ggz van 4 april 2024', 40),
          event('2024-10-22', 'date', 'NOS, 22 oktober 2024', 38),
          submitted,
          notice,
          ...terms,
        ],
      },
    },
    {
      name: 'crowded-fortnight',
      timeline: { ...base, state: 'open', title: say('Veel gebeurtenissen in twee weken', 'Many events in two weeks'), events: [...busy, event('2024-10-15', 'submitted', say('Ingediend', 'Submitted'), 2)] },
    },
    {
      name: 'very-long-labels',
      timeline: {
        ...base,
        title: say('Zeer lange labels', 'Very long labels'),
        events: [
          event('2024-10-20', 'date', long, 7),
          event('2024-10-21', 'date', 'Arbeidsongeschiktheidsverzekeringsmaatschappijenkoepelorganisatievergadering van 21 oktober 2024', 8),
          submitted,
          event('2024-10-26', 'date', long.replace(/1 (november|November) 2024$/, say('26 oktober 2024', '26 October 2024')), 9),
          notice,
          ...terms,
          event('2024-12-07', 'letter', `${long} ${long}`, 11),
        ],
      },
    },
    {
      name: 'one-day',
      timeline: {
        ...base,
        state: 'answered',
        title: say('Alles op één dag', 'All on one day'),
        events: [
          event('2024-10-25', 'submitted', say('Ingediend', 'Submitted'), 1),
          event('2024-10-25', 'letter', say('Brief van 25 oktober 2024', 'Letter of 25 October 2024'), 2),
          event('2024-10-25', 'answered', say('Beantwoord', 'Answered'), 3),
        ],
      },
    },
    {
      // Years between the events: every gap shortened, each with its break mark.
      name: 'many-breaks',
      timeline: {
        ...base,
        state: 'late',
        title: say('Jaren ertussen', 'Years between'),
        events: ['2016-03-01', '2017-06-01', '2018-09-01', '2019-12-01', '2020-03-01', '2021-06-01', '2022-09-01', '2023-12-01', '2024-03-01', '2024-06-01', '2024-09-01', '2024-12-01'].map((d, i) =>
          event(d, 'letter', say(`Brief ${i + 1}`, `Letter ${i + 1}`), i + 1),
        ),
      },
    },
  ];
}

/** One of the made-up timelines, by name. */
function hand(lang: Lang, name: string): Timeline {
  const found = handMade(lang).find((c) => c.name === name);
  assert.ok(found, name);
  return found.timeline;
}

/** The real timelines of the corpus, as the server answers them for each set (its files merged), with today pinned. */
async function corpusTimelines(lang: Lang): Promise<{ name: string; timeline: Timeline }[]> {
  const folder = 'memfs:/ws';
  const files = new Map([...workspaceFiles()].map(([rel, bytes]) => [`${folder}/${rel}`, bytes]));
  const fsys: WorkspaceFileSystem = {
    findFiles: async (f) => [...files.keys()].filter((u) => u.startsWith(`${f}/`)).sort(),
    readFile: async (uri) => {
      const bytes = files.get(uri);
      return bytes ? { bytes } : null;
    },
  };
  const index = new WorkspaceIndex(DEFAULT_SETTINGS.terms, '2024-12-06');
  await new Indexer({ fs: fsys, index, maxBytes: () => 1 << 20, onChange: () => undefined, sliceMs: 1 }).addFolders([folder]);
  const out: { name: string; timeline: Timeline }[] = [];
  for (const set of index.allSets()) {
    const [first, ...rest] = set.files.map((f) => f.uri);
    const analysisOf = (uri: string) => analyze(decodeBytes(files.get(uri) as Uint8Array).text);
    const tl = timeline(first, analysisOf(first), set.summary, DEFAULT_SETTINGS.terms, '2024-12-06', lang, rest.map((uri) => ({ uri, analysis: analysisOf(uri) })));
    if (tl.events.length > 0) out.push({ name: first.slice(first.lastIndexOf('/') + 1), timeline: tl });
  }
  return out;
}

interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

interface Drawn {
  /** The text shown (without its tooltip). */
  readonly text: string;
  /** The tooltip of the event (`<title>`). */
  readonly tooltip: string;
  readonly box: Box;
  /** The middle of the event's marker. */
  readonly markerX: number;
  readonly index: number | null;
}

interface Measured {
  readonly svg: Box;
  readonly viewport: { readonly width: number; readonly scrollWidth: number };
  readonly labels: Drawn[];
  /** The other texts of the drawing that are shown: the dates at the ends of the axis, the break marks. */
  readonly others: { readonly text: string; readonly box: Box }[];
  /** The label cell of each row of the list, in order. */
  readonly rows: string[];
}

/** Measures the drawing in the page (runs in the browser). */
function measure(): Measured {
  const svg = document.querySelector('#kv-timeline svg') as SVGSVGElement;
  const box = (el: Element): Box => {
    const r = el.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  };
  const ownText = (el: Element) => [...el.childNodes].filter((n) => n.nodeName !== 'title').map((n) => n.textContent ?? '').join('');
  const shown = (el: Element) => {
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return s.display !== 'none' && s.visibility !== 'hidden' && r.width > 0;
  };
  const labels = [...svg.querySelectorAll('g.event')].map((g) => {
    const text = g.querySelector('text') as SVGTextElement;
    const marker = (g.querySelector('circle.marker') as SVGCircleElement).getBoundingClientRect();
    const index = g.getAttribute('data-index');
    return { text: ownText(text), tooltip: g.querySelector('title')?.textContent ?? '', box: box(text), markerX: (marker.left + marker.right) / 2, index: index === null ? null : Number(index) };
  });
  const others = [...svg.querySelectorAll('text')].filter((t) => !t.closest('g.event') && shown(t)).map((t) => ({ text: ownText(t), box: box(t) }));
  const rows = [...document.querySelectorAll('#kv-events tr td.label')].map((td) => td.textContent ?? '');
  return { svg: box(svg), viewport: { width: document.documentElement.clientWidth, scrollWidth: document.documentElement.scrollWidth }, labels, others, rows };
}

const overlap = (a: Box, b: Box) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.01 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.01;
const show = (b: Box) => `[${b.left.toFixed(1)}–${b.right.toFixed(1)} × ${b.top.toFixed(1)}–${b.bottom.toFixed(1)}]`;

/** Events the drawing shows: those with a date it can place, in the order of the timeline. */
function dated(tl: Timeline): TimelineEvent[] {
  return tl.events.filter((e) => /^\d{4}-\d{2}-\d{2}$/.test(e.date));
}

/** What is wrong with one rendered page, every problem found; `where` names the case. */
function problems(m: Measured, tl: Timeline, where: string): string[] {
  const out: string[] = [];
  const check = (ok: boolean, message: string) => {
    if (!ok) out.push(`${where}: ${message}`);
  };
  const events = dated(tl);
  check(m.labels.length === events.length, `${m.labels.length} labels for ${events.length} dated events`);
  check(m.viewport.scrollWidth <= m.viewport.width, `the page scrolls sideways (${m.viewport.scrollWidth} px in a window of ${m.viewport.width} px)`);
  const inside = (b: Box) => b.left >= m.svg.left - 0.5 && b.right <= m.svg.right + 0.5 && b.top >= m.svg.top - 0.5 && b.bottom <= m.svg.bottom + 0.5 && b.right <= m.viewport.width;
  m.labels.forEach((l, i) => {
    const full = events[i]?.label ?? '';
    const what = `label ${i} ${JSON.stringify(l.text)} ${show(l.box)}`;
    check(l.text.trim().length > 0 && l.box.right > l.box.left, `${what} is not shown`);
    check(inside(l.box), `${what} leaves the drawing ${show(m.svg)} (window ${m.viewport.width} px)`);
    check(l.box.left - 0.5 <= l.markerX && l.markerX <= l.box.right + 0.5, `${what} does not reach its marker at ${l.markerX.toFixed(1)}`);
    // The whole label, or its beginning and an ellipsis; the full text in the tooltip and the list either way.
    if (l.text !== full) {
      check(l.text.endsWith('…') && l.text.length < full.length && full.startsWith(l.text.slice(0, -1).trimEnd()), `${what} is neither ${JSON.stringify(full)} nor its beginning with an ellipsis`);
    }
    check(l.tooltip.includes(full), `${what}: the tooltip ${JSON.stringify(l.tooltip)} lacks the full label`);
  });
  check(JSON.stringify(m.rows) === JSON.stringify(tl.events.map((e) => e.label)), `the list does not show every label in full: ${JSON.stringify(m.rows)}`);
  for (const o of m.others) check(inside(o.box), `${JSON.stringify(o.text)} ${show(o.box)} leaves the drawing ${show(m.svg)}`);
  const all = [...m.labels.map((l) => ({ text: l.text, box: l.box })), ...m.others];
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      check(!overlap(all[i].box, all[j].box), `${JSON.stringify(all[i].text)} ${show(all[i].box)} overlaps ${JSON.stringify(all[j].text)} ${show(all[j].box)}`);
    }
  }
  return out;
}

/** Fails with the problems found (overlaps first, the first dozen) when there is any. */
function assertNoProblems(found: string[]): void {
  // Overlaps first: they are what a reader sees at once.
  const overlaps = found.filter((p) => p.includes(' overlaps '));
  found = [...overlaps, ...found.filter((p) => !p.includes(' overlaps '))];
  if (found.length > 0) assert.fail(`${found.length} problems (${overlaps.length} overlaps):\n  ${found.slice(0, 12).join('\n  ')}${found.length > 12 ? '\n  …' : ''}`);
}

describe('timeline page in Chromium', function () {
  this.timeout(180_000);
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  /** The pages served, by URL (each navigation gets its own). */
  const served = new Map<string, string>();
  let loads = 0;
  const errors: string[] = [];

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (or set TIMELINE_TEST_CHROMIUM)`);
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'timeline-test-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 600, height: 800 },
      deviceScaleFactor: 1,
    });
    // The page as a webview gets it: served from one origin (nothing else answers), with
    // `acquireVsCodeApi` recording what it posts, and CSP violations recorded.
    await context.route('**/*', (route) =>
      served.has(route.request().url()) ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: served.get(route.request().url()) }) : route.abort(),
    );
    await context.addInitScript(() => {
      const w = window as unknown as { posted: unknown[]; violations: string[]; acquireVsCodeApi: () => unknown };
      w.posted = [];
      w.violations = [];
      w.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => w.posted.push(m), getState: () => undefined, setState: () => undefined });
      document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (err) => errors.push(err.message));
  });

  after(async function () {
    await context?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  afterEach(function () {
    assert.deepStrictEqual(errors.splice(0), [], 'no script error in the page');
  });

  /** Waits until the page has drawn (fonts loaded, two frames). */
  async function settled(): Promise<void> {
    await page.evaluate(() => document.fonts.ready.then(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))));
  }

  /** Opens the page of `tl` in a window `width` px wide and measures it. */
  async function render(tl: Timeline, lang: Lang, width: number, font: Font = 'default', page0 = timelineHtml): Promise<Measured> {
    const url = `${ORIGIN}/timeline-${++loads}.html`;
    served.set(url, page0(tl, { nonce: NONCE, cspSource: ORIGIN, lang }).replace('</title>', `</title>\n${themeStyle(font)}`));
    await page.setViewportSize({ width, height: 800 });
    await page.goto(url);
    served.delete(url);
    await settled();
    const violations = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
    assert.deepStrictEqual(violations, [], 'the page keeps to its Content-Security-Policy');
    return page.evaluate(measure);
  }

  /** The open page in a window `width` px wide (a panel resized), measured. */
  async function resize(width: number): Promise<Measured> {
    await page.setViewportSize({ width, height: 800 });
    await settled();
    return page.evaluate(measure);
  }

  /**
   * The problems of `tl` at every width: opened at each of `opened`, and
   * resized through all `widths` from the first of them (the layout at load and
   * on resize).
   */
  async function sweep(tl: Timeline, lang: Lang, where: string, widths: readonly number[], opened: readonly number[], font: Font = 'default'): Promise<string[]> {
    const found: string[] = [];
    for (const width of opened) found.push(...problems(await render(tl, lang, width, font), tl, `${where} ${font}, opened at ${width} px`));
    for (const width of widths) found.push(...problems(await resize(width), tl, `${where} ${font}, resized to ${width} px`));
    return found;
  }

  for (const lang of ['nl', 'en'] as const) {
    for (const { name, timeline: tl } of handMade(lang)) {
      it(`${name} (${lang}): no label overlaps another or leaves the drawing, at ${WIDTHS.join(', ')} px, opened and resized, in three fonts`, async function () {
        const found: string[] = [];
        for (const font of Object.keys(FONTS) as Font[]) found.push(...(await sweep(tl, lang, `${name} ${lang}`, WIDTHS, font === 'default' ? WIDTHS : [320], font)));
        assertNoProblems(found);
      });
    }
  }

  it('the report beside the submission: cut with an ellipsis in a narrow panel, whole in a wide one, next to a whole «Submitted»', async function () {
    const tl = hand('en', 'report-beside-submission');
    const report = '…het rapport MINDonderzoek wachttijden ggz van 4 april 2024';
    let m = await render(tl, 'en', 320);
    const narrow = m.labels[0];
    assert.notStrictEqual(narrow.text, report, 'some 300 px of drawing have no room for the whole report label');
    assert.match(narrow.text, /^…het rapport .*…$/);
    assert.strictEqual(narrow.tooltip, `22 Oct 2024: ${report}`);
    assert.strictEqual(m.labels[1].text, 'Submitted');
    assert.ok(!overlap(narrow.box, m.labels[1].box));
    m = await render(tl, 'en', 1200);
    assert.strictEqual(m.labels[0].text, report, 'the whole label when there is room');
    assert.strictEqual(m.labels[1].text, 'Submitted');
    // The tooltip shows on hover: it is the title of what is under the pointer.
    const b = m.labels[0].box;
    const under = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('g.event')?.querySelector('title')?.textContent, [(b.left + b.right) / 2, (b.top + b.bottom) / 2]);
    assert.strictEqual(under, `22 Oct 2024: ${report}`);
  });

  it('the news item of 22 October beside the submission and the delay notice: apart, and whole', async function () {
    for (const [lang, notice] of [['nl', 'Uitstelbericht'], ['en', 'Delay notice']] as const) {
      for (const name of ['news-beside-notice', 'set-2024Z16988']) {
        const tl = hand(lang, name);
        await render(tl, lang, WIDTHS[0]);
        for (const width of WIDTHS) {
          const m = await resize(width);
          const label = (text: string) => m.labels[dated(tl).findIndex((e) => e.label === text)];
          const news = label('NOS, 22 oktober 2024');
          const delay = label(notice);
          const submitted = label(lang === 'en' ? 'Submitted' : 'Ingediend');
          const where = `${name} ${lang} ${width} px`;
          assert.deepStrictEqual([news.text, delay.text, submitted.text], ['NOS, 22 oktober 2024', notice, lang === 'en' ? 'Submitted' : 'Ingediend'], where);
          assert.ok(!overlap(news.box, delay.box), `${where}: ${show(news.box)} ${show(delay.box)}`);
          assert.ok(!overlap(news.box, submitted.box), `${where}: ${show(news.box)} ${show(submitted.box)}`);
        }
      }
    }
  });

  it('a very long label is cut at every width, its full text in the tooltip and the list', async function () {
    const tl = hand('nl', 'very-long-labels');
    const longest = tl.events[tl.events.length - 1];
    await render(tl, 'nl', WIDTHS[0]);
    for (const width of WIDTHS) {
      const m = await resize(width);
      const l = m.labels[m.labels.length - 1];
      assert.ok(l.text.endsWith('…') && l.text.length < longest.label.length, `${width} px: ${JSON.stringify(l.text)}`);
      assert.strictEqual(l.tooltip, `7 dec 2024: ${longest.label}`);
      assert.strictEqual(m.rows[m.rows.length - 1], longest.label);
    }
  });

  it('lays out again when the panel is resized', async function () {
    const tl = hand('en', 'very-long-labels');
    await render(tl, 'en', 1200);
    const found: string[] = [];
    for (const width of [320, 1600, 600]) found.push(...problems(await resize(width), tl, `resized to ${width} px`));
    assertNoProblems(found);
  });

  it('events are clickable and keyboard-activatable in the drawing and the list; computed terms are not', async function () {
    const tl = hand('en', 'report-beside-submission');
    const m = await render(tl, 'en', 320);
    const posted = () => page.evaluate(() => (window as unknown as { posted: unknown[] }).posted.splice(0));
    const b = m.labels[1].box;
    await page.mouse.click((b.left + b.right) / 2, (b.top + b.bottom) / 2);
    assert.deepStrictEqual(await posted(), [{ type: 'reveal', index: 1 }], 'a click on the «Submitted» label');
    const t = m.labels[4].box;
    await page.mouse.click((t.left + t.right) / 2, (t.top + t.bottom) / 2);
    assert.deepStrictEqual(await posted(), [], 'the extended term comes from no text');
    await page.focus('svg g.event[data-index="2"]');
    await page.keyboard.press('Enter');
    await page.focus('#kv-events tr[data-index="0"]');
    await page.keyboard.press(' ');
    await page.click('#kv-events tr[data-index="1"] td.label');
    assert.deepStrictEqual(await posted(), [{ type: 'reveal', index: 2 }, { type: 'reveal', index: 0 }, { type: 'reveal', index: 1 }]);
  });

  it('the page as shipped (minified) lays out the same', async function () {
    const shipped = shippedTimelineHtml();
    const tl = hand('en', 'very-long-labels');
    const found: string[] = [];
    for (const width of [320, 1200]) {
      const m = await render(tl, 'en', width, 'default', shipped);
      found.push(...problems(m, tl, `minified ${width} px`));
      assert.ok(m.labels.some((l) => l.text.endsWith('…')), `${width} px: the longest labels cut`);
    }
    assertNoProblems(found);
  });

  it('screenshots: the set of 2024Z16988 and very long labels, narrow and wide', async function () {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const real = (await corpusTimelines('nl')).find((c) => c.timeline.events.some((e) => e.label.startsWith('…het rapport MINDonderzoek')));
    assert.ok(real, 'the set of 2024Z16988 in the corpus');
    for (const [name, tl, lang] of [['2024Z16988', real.timeline, 'nl'], ['long', hand('en', 'very-long-labels'), 'en']] as const) {
      for (const width of [320, 1200]) {
        await render(tl, lang, width);
        await page.screenshot({ path: path.join(SCREENSHOTS, `timeline-page-${name}-${width}.png`), fullPage: true });
      }
    }
  });

  describe('the real timelines of the corpus', function () {
    for (const lang of ['nl', 'en'] as const) {
      it(`every set, ${lang}: no label overlaps another or leaves the drawing, at ${CORPUS_WIDTHS.join(', ')} px`, async function () {
        const cases = await corpusTimelines(lang);
        assert.ok(cases.length >= 40, `the corpus has its sets: ${cases.length}`);
        const report = cases.find((c) => c.timeline.events.some((e) => e.label === '…het rapport MINDonderzoek wachttijden ggz van 4 april 2024'));
        assert.ok(report, 'the set with the report of 4 April 2024 is among them');
        const found: string[] = [];
        for (const { name, timeline: tl } of cases) found.push(...(await sweep(tl, lang, `${name} ${lang}`, CORPUS_WIDTHS.filter((w) => w !== 600), [600])));
        assertNoProblems(found);
      });
    }
  });
});
