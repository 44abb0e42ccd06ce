// The client's timeline page and the words of its views, outside VS Code:
// client/src/timelineHtml.ts and labels.ts import nothing from `vscode`.

import * as assert from 'assert';
import { dayNumber, filterMessage, formatDate, langOf, setDescription, stateLabel, STATES } from '../../client/src/labels';
import { globToRegExp } from '../../client/src/glob';
import { escapeHtml, messageHtml, timelineHtml } from '../../client/src/timelineHtml';
import type { Timeline } from '../../server/src/protocol';

const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });

const TIMELINE: Timeline = {
  uri: 'file:///w/ah-tk-20242025-562.txt',
  title: 'Het bericht «Wachttijden ggz niet goed vastgelegd» & meer',
  state: 'delayed',
  events: [
    { date: '2024-04-04', kind: 'letter', label: '4 april 2024', range: range(20, 3, 25) },
    { date: '2024-10-25', kind: 'submitted', label: 'Ingediend', range: range(9, 0, 28) },
    { date: '2024-11-15', kind: 'term-regular', label: 'Termijn van 3 weken', range: null },
    { date: '2024-11-15', kind: 'notice', label: 'Uitstelbericht', range: range(10, 0, 40) },
    { date: '2024-12-06', kind: 'term-extended', label: 'Termijn van 6 weken', range: null },
  ],
};

const OPTIONS = { nonce: 'bm9uY2Vub25jZQ==', cspSource: 'https://file+.vscode-resource.vscode-cdn.net', lang: 'nl' as const };

describe('client: timeline page', () => {
  const html = timelineHtml(TIMELINE, OPTIONS);

  it('has a strict Content-Security-Policy: nothing by default, nonce for style and script', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-bm9uY2Vub25jZQ=='(;|$)/);
    assert.match(csp, /style-src https:\/\/file\+\.vscode-resource\.vscode-cdn\.net 'nonce-bm9uY2Vub25jZQ=='/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    // Every <script> and <style> carries the nonce; no inline handlers or style attributes.
    for (const m of html.matchAll(/<(script|style)\b([^>]*)>/g)) assert.match(m[2], /nonce="bm9uY2Vub25jZQ=="/, m[0]);
    assert.doesNotMatch(html, /\son[a-z]+=/i);
    assert.doesNotMatch(html, /\sstyle=/);
  });

  it('loads nothing from elsewhere and uses only theme colours', () => {
    assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//);
    assert.doesNotMatch(html, /#[0-9a-fA-F]{3,6}\b(?![^<]*<\/title>)/, 'no hard-coded colours');
    assert.match(html, /var\(--vscode-charts-orange\)/);
    assert.match(html, /var\(--vscode-editor-background\)/);
  });

  it('escapes the title and labels', () => {
    assert.match(html, /<h1 id="kv-title">Het bericht «Wachttijden ggz niet goed vastgelegd» &amp; meer<\/h1>/);
    assert.strictEqual(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const evil = timelineHtml({ ...TIMELINE, title: '</script><script>alert(1)</script>' }, OPTIONS);
    assert.strictEqual(evil.match(/<script/g)?.length, 1);
  });

  it('lists every event with its date, kind and label; only events with a range are clickable', () => {
    const items = [...html.matchAll(/<tr class="event k-([\w-]+)"( data-index="(\d+)" tabindex="0" role="button")?>(.*?)<\/tr>/g)];
    assert.deepStrictEqual(items.map((m) => m[1]), ['letter', 'submitted', 'term-regular', 'notice', 'term-extended']);
    assert.deepStrictEqual(items.map((m) => m[3] ?? null), ['0', '1', null, '3', null]);
    assert.match(items[1][4], /25 oktober 2024.*Ingediend/);
    assert.match(items[3][4], /15 november 2024.*Uitstelbericht/);
    // The kind in words only where the label does not say it.
    assert.match(items[0][4], /<td class="kind">Brief<\/td>/);
    assert.match(items[1][4], /<td class="kind"><\/td><td class="label">Ingediend</);
  });

  it('draws a marker per event on the axis and shades both terms from the submission', () => {
    assert.strictEqual(html.match(/<circle class="marker"/g)?.length, 5);
    assert.match(html, /<g class="k-term-regular"><rect class="term"/);
    assert.match(html, /<g class="k-term-extended"><rect class="term"/);
    // The letter of April lies months before: its gap is shortened and marked.
    assert.match(html, /<text class="break"/);
    const xs = [...html.matchAll(/<circle class="marker" cx="([\d.]+)%"/g)].map((m) => Number(m[1]));
    assert.deepStrictEqual([...xs].sort((a, b) => a - b), xs, 'markers in date order');
    assert.ok(xs[1] - xs[0] < xs[4] - xs[1] + 1, 'the long gap takes no more room than the weeks of the terms');
    assert.strictEqual(xs[2], xs[3], 'events on the same day at the same place');
  });

  it('labels on the same day do not overlap: they go to different lanes', () => {
    const ys = [...html.matchAll(/<g class="event k-(term-regular|notice)"[^>]*>.*?<text x="[\d.]+%" y="([\d.]+)"/g)].map((m) => m[2]);
    assert.strictEqual(ys.length, 2);
    assert.notStrictEqual(ys[0], ys[1]);
  });

  it('posts only an index on click', () => {
    assert.match(html, /vscode\.postMessage\(\{ type: 'reveal', index: Number\(el\.getAttribute\('data-index'\)\) \}\)/);
  });

  it('says so when there is nothing to draw', () => {
    const none = timelineHtml({ ...TIMELINE, events: [] }, OPTIONS);
    assert.match(none, /Geen gedateerde gebeurtenissen/);
    assert.doesNotMatch(none, /<svg/);
    assert.match(messageHtml('Geen <set>', { ...OPTIONS, lang: 'en' }), /<p class="empty" id="kv-message">Geen &lt;set&gt;<\/p>/);
  });

  it('speaks English when asked', () => {
    const en = timelineHtml(TIMELINE, { ...OPTIONS, lang: 'en' });
    assert.match(en, /25 October 2024/);
    assert.match(en, /Delay notice/);
    assert.match(en, />Delayed</);
  });
});

describe('client: labels', () => {
  it('language from the editor locale', () => {
    assert.strictEqual(langOf('en-US'), 'en');
    assert.strictEqual(langOf('nl'), 'nl');
    assert.strictEqual(langOf('de'), 'nl');
    assert.strictEqual(langOf(undefined), 'nl');
  });

  it('dates', () => {
    assert.strictEqual(formatDate('2024-11-19', 'nl'), '19 november 2024');
    assert.strictEqual(formatDate('2024-11-19', 'en', true), '19 Nov 2024');
    assert.strictEqual(formatDate('2024-03-01', 'nl', true), '1 maa 2024');
    assert.strictEqual(formatDate('gisteren', 'nl'), 'gisteren');
    assert.strictEqual(dayNumber('1970-01-02'), 1);
    assert.ok(Number.isNaN(dayNumber('2024-13-01')));
  });

  it('every state has a label in both languages', () => {
    assert.deepStrictEqual(STATES, ['answered', 'late', 'delayed', 'overdue', 'open']);
    for (const s of STATES) for (const l of ['nl', 'en'] as const) assert.ok(stateLabel(s, l).length > 3);
  });

  it('description and filter message', () => {
    assert.strictEqual(setDescription(['Boswijk (CDA)'], '2024-11-19', 'nl'), 'Boswijk (CDA) · 19 nov 2024');
    assert.strictEqual(setDescription(['A (X)', 'B (Y)', 'C (Z)'], null, 'en'), 'A (X) et al.');
    assert.strictEqual(filterMessage({}, 'nl'), undefined);
    assert.strictEqual(filterMessage({ states: ['late', 'overdue'], ministry: 'Financiën' }, 'nl'), 'Filter: te laat beantwoord, onbeantwoord, termijn verstreken · ministerie: Financiën');
  });
});

describe('client: globs for the directory walk of virtual workspaces', () => {
  it('match the patterns the index sends', () => {
    const kv = globToRegExp('**/*.kamervraag');
    assert.ok(kv.test('a.kamervraag'));
    assert.ok(kv.test('sets/2024/a.kamervraag'));
    assert.ok(!kv.test('a.kamervraag.bak'));
    assert.ok(!kv.test('a.txt'));
    const txt = globToRegExp('**/*.kv.txt');
    assert.ok(txt.test('x/y.kv.txt') && !txt.test('x/y.txt'));
  });

  it('exclude folders anywhere, with alternatives', () => {
    const ex = globToRegExp('**/{node_modules,.git,.hg,.svn,.vscode-test}/**');
    for (const p of ['node_modules/x', 'a/node_modules/b/c.txt', '.git/HEAD', 'a/.vscode-test/x']) assert.ok(ex.test(p), p);
    for (const p of ['node_modulesx/a', 'a/git/b', 'src/a.txt']) assert.ok(!ex.test(p), p);
  });

  it('single characters, nested braces and literal regex characters', () => {
    assert.ok(globToRegExp('a?c').test('abc'));
    assert.ok(!globToRegExp('a?c').test('a/c'));
    const nested = globToRegExp('{ah,kv}-tk-*.{txt,{md,kamervraag}}');
    assert.ok(nested.test('ah-tk-20242025-605.txt') && nested.test('kv-tk-2024Z18792.kamervraag') && !nested.test('xx-tk-1.txt'));
    assert.ok(globToRegExp('a+(b).txt').test('a+(b).txt'));
    assert.ok(globToRegExp('{unclosed').test('{unclosed'));
  });
});
