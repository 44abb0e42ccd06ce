// The client's timeline page and the words of its views, outside VS Code:
// client/src/timelineHtml.ts and labels.ts import nothing from `vscode`.

import * as assert from 'assert';
import * as fc from 'fast-check';
import { dayNumber, filterMessage, formatDate, langOf, setDescription, stateLabel, STATES } from '../../client/src/labels';
import { globToRegExp } from '../../client/src/glob';
import { escapeHtml, layoutLabels, messageHtml, timelineHtml, verticalLayout, type LaneOptions } from '../../client/src/timelineHtml';
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

  it('labels on the same day do not overlap: before the script lays them out, each label has a lane of its own', () => {
    const ys = [...html.matchAll(/<g class="event k-(term-regular|notice)"[^>]*>.*?<text class="label" x="[\d.]+%" y="(-?[\d.]+)"/g)].map((m) => m[2]);
    assert.strictEqual(ys.length, 2);
    assert.notStrictEqual(ys[0], ys[1]);
    const all = [...html.matchAll(/<text class="label" x="[\d.]+%" y="(-?[\d.]+)"/g)].map((m) => m[1]);
    assert.strictEqual(new Set(all).size, 5);
  });

  it('lays the labels out in the page, with the layout functions themselves, which need nothing from outside', () => {
    const script = /<script nonce="[^"]+">([\s\S]*)<\/script>/.exec(html)?.[1] ?? '';
    assert.ok(script.includes(`const layoutLabels = ${String(layoutLabels)};`));
    assert.ok(script.includes(`const verticalLayout = ${String(verticalLayout)};`));
    assert.match(script, /getComputedTextLength\(\)/, 'measures the labels');
    assert.match(script, /new ResizeObserver\(draw\)\.observe\(svg\)/, 'and again when the panel changes width');
    // Their source alone, as the page has it, does what the module's functions do.
    const alone = new Function(`return ${String(layoutLabels)};`)() as typeof layoutLabels;
    const labels = [{ x: 10, width: 50 }, { x: 12, width: 400 }, { x: 290, width: 60 }];
    assert.deepStrictEqual(alone(labels, OPTS), layoutLabels(labels, OPTS));
    const vertical = new Function(`return ${String(verticalLayout)};`)() as typeof verticalLayout;
    assert.deepStrictEqual(vertical([-1, 1], LINE, TICK, 2, GAPS), verticalLayout([-1, 1], LINE, TICK, 2, GAPS));
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

  it('names the terms with the lengths the timeline was computed with, never the default', () => {
    const two = timelineHtml({
      ...TIMELINE,
      terms: { regularDays: 14, extendedDays: 30 },
      events: [
        { date: '2024-10-25', kind: 'submitted', label: 'Ingediend', range: range(9, 0, 28) },
        { date: '2024-11-08', kind: 'term-regular', label: 'Einde termijn van 2 weken', range: null },
        { date: '2024-11-24', kind: 'term-extended', label: 'Einde verlengde termijn van 30 dagen', range: null },
      ],
    }, OPTIONS);
    assert.doesNotMatch(two, /3 weken|6 weken/);
    // The label names the kind already (`Einde termijn van 2 weken`), so the kind cell stays empty; with the default terms it read `Termijn van 3 weken`.
    assert.match(two, /<td class="kind"><\/td><td class="label">Einde termijn van 2 weken<\/td>/);
    assert.match(two, /<td class="kind"><\/td><td class="label">Einde verlengde termijn van 30 dagen<\/td>/);
  });

  it('speaks English when asked', () => {
    const en = timelineHtml(TIMELINE, { ...OPTIONS, lang: 'en' });
    assert.match(en, /25 October 2024/);
    assert.match(en, /Delay notice/);
    assert.match(en, />Delayed</);
  });
});

const OPTS: LaneOptions = { left: 2, right: 298, gap: 8, maxWidth: 200, minWidth: 72, lanes: 6 };
const LINE = { height: 15, ascent: 12 };
const TICK = { height: 12, ascent: 10 };
const GAPS = { axisGap: 16, laneGap: 4, pad: 4, tickGap: 8 };

describe('client: timeline label layout', () => {
  it('labels of one day go to different lanes, above and below the axis', () => {
    assert.deepStrictEqual(layoutLabels([{ x: 100, width: 60 }, { x: 100, width: 60 }, { x: 100, width: 30 }], OPTS), [
      { lane: -1, left: 100, width: 60 },
      { lane: 1, left: 100, width: 60 },
      { lane: -2, left: 100, width: 30 },
    ]);
  });

  it('labels share a lane when they are a gap apart, and not when closer', () => {
    assert.deepStrictEqual(layoutLabels([{ x: 10, width: 50 }, { x: 68, width: 50 }], OPTS), [
      { lane: -1, left: 10, width: 50 },
      { lane: -1, left: 68, width: 50 },
    ]);
    assert.deepStrictEqual(layoutLabels([{ x: 10, width: 50 }, { x: 67, width: 50 }], OPTS), [
      { lane: -1, left: 10, width: 50 },
      { lane: 1, left: 67, width: 50 },
    ]);
  });

  it('in the order of the markers, whatever the order given', () => {
    assert.deepStrictEqual(layoutLabels([{ x: 200, width: 50 }, { x: 10, width: 50 }, { x: 30, width: 50 }], OPTS), [
      { lane: -1, left: 200, width: 50 },
      { lane: -1, left: 10, width: 50 },
      { lane: 1, left: 30, width: 50 },
    ]);
  });

  it('a label that would run past the right edge ends there, still over its marker', () => {
    assert.deepStrictEqual(layoutLabels([{ x: 280, width: 60 }], OPTS), [{ lane: -1, left: 238, width: 60 }]);
    // A marker outside the room counts as at its edge.
    assert.deepStrictEqual(layoutLabels([{ x: 0, width: 60 }], OPTS), [{ lane: -1, left: 2, width: 60 }]);
  });

  it('a label is never wider than the maximum, or than the room', () => {
    assert.deepStrictEqual(layoutLabels([{ x: 10, width: 500 }], OPTS), [{ lane: -1, left: 10, width: 200 }]);
    assert.deepStrictEqual(layoutLabels([{ x: 10, width: 500 }], { ...OPTS, maxWidth: 1000 }), [{ lane: -1, left: 2, width: 296 }]);
  });

  it('when the six lanes near the axis have no room for a label, it is cut to the most room among them, or goes further out', () => {
    const six = Array.from({ length: 6 }, () => ({ x: 100, width: 50 }));
    // Each of the six lanes is free from 158: 140 px of room, enough to cut the label to.
    assert.deepStrictEqual(layoutLabels([...six, { x: 170, width: 190 }], OPTS)[6], { lane: -1, left: 158, width: 140 });
    // The first lane has the most room.
    const uneven = [...six.slice(0, 5), { x: 100, width: 20 }];
    assert.deepStrictEqual(layoutLabels([...uneven, { x: 170, width: 190 }], OPTS)[6], { lane: 3, left: 128, width: 170 });
    // Free from 258 only: 40 px, too little; a seventh lane, above the axis.
    const late = Array.from({ length: 6 }, () => ({ x: 200, width: 50 }));
    assert.deepStrictEqual(layoutLabels([...late, { x: 260, width: 190 }], OPTS)[6], { lane: -4, left: 108, width: 190 });
  });

  it('for any labels: inside the room, over their markers, a gap apart in each lane, cut only when there is no room', () => {
    const arb = fc.record({
      left: fc.integer({ min: 0, max: 20 }),
      room: fc.integer({ min: 100, max: 1600 }),
      maxWidth: fc.integer({ min: 72, max: 2000 }),
      labels: fc.array(fc.record({ x: fc.double({ min: -50, max: 1700, noNaN: true }), width: fc.double({ min: 0, max: 2000, noNaN: true }) }), { maxLength: 60 }),
    });
    fc.assert(
      fc.property(arb, ({ left, room, maxWidth, labels }) => {
        const o: LaneOptions = { ...OPTS, left, right: left + room, maxWidth };
        const out = layoutLabels(labels, o);
        assert.strictEqual(out.length, labels.length);
        const byLane = new Map<number, [number, number][]>();
        out.forEach((p, i) => {
          const x = Math.min(Math.max(labels[i].x, o.left), o.right);
          assert.ok(p.lane !== 0 && Number.isInteger(p.lane));
          assert.ok(p.left >= o.left - 1e-9 && p.left + p.width <= o.right + 1e-9, 'inside the room');
          assert.ok(p.left <= x + 1e-9 && x <= p.left + p.width + 1e-9, 'over its marker');
          const whole = Math.min(labels[i].width, o.maxWidth, o.right - o.left);
          assert.ok(p.width <= whole + 1e-9);
          if (p.width < whole - 1e-9) assert.ok(p.width >= o.minWidth, 'cut to no less than the minimum');
          byLane.set(p.lane, [...(byLane.get(p.lane) ?? []), [p.left, p.left + p.width]]);
        });
        for (const spans of byLane.values()) {
          spans.sort((a, b) => a[0] - b[0]);
          for (let i = 1; i < spans.length; i++) assert.ok(spans[i][0] >= spans[i - 1][1] + o.gap - 1e-9, 'a gap apart');
        }
        // The lanes used are the nearest ones on each side: -1…-n and 1…m.
        for (const lane of byLane.keys()) if (Math.abs(lane) > 1) assert.ok(byLane.has(lane - Math.sign(lane)));
      }),
      { numRuns: 300 },
    );
  });

  it('heights: lanes stacked away from the axis, the dates at the ends below the lowest', () => {
    // A lane is 15 + 4 px; the nearest keeps 16 px from the axis; two lanes above, one below.
    assert.deepStrictEqual(verticalLayout([-1, 1, -2], LINE, TICK, 1, GAPS), {
      axis: 4 + 16 + 19 + 15,
      labels: [-31 + 12, 16 + 12, -50 + 12],
      leaders: [-16, 16, -35],
      ticks: [16 + 15 + 8 + 10],
      height: 54 + 39 + 16 + 4,
    });
    // No lane below: the dates 16 px under the axis (room for the markers and the terms' bands); in two rows.
    const v = verticalLayout([-1], LINE, TICK, 2, GAPS);
    assert.deepStrictEqual([v.axis, v.ticks, v.height], [35, [34, 50], 35 + 24 + 32 + 4]);
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
