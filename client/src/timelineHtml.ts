// The timeline webview's page: the server's `Timeline` drawn as a horizontal
// time axis (SVG) with a list of the same events below it. A pure function of
// its input, without `vscode`, so the unit tests check it outside the editor.
//
// Only the editor's theme colours (CSS variables), no external resource, a
// strict Content-Security-Policy: styles and the one script carry a nonce.
// The script lays out the labels (below), and posts `{ type: 'reveal', index }`
// when an event is clicked (or activated with Enter/Space); the client looks
// the event up itself.
//
// The labels are laid out in the page, from their measured widths, when it
// loads and whenever the panel changes width: x positions are fractions of the
// panel's width and the text is set in the editor's font, so neither the
// room between two markers nor the width of a label is known before the page
// is drawn. Each label sits in a lane above or below the axis (-1, 1, -2, 2,
// …), in the first where it overlaps nothing, over its own marker and inside
// the drawing (layoutLabels); a label with no room is cut with an ellipsis,
// its full text in the tooltip and the list. A horizontal scroll at a fixed
// width was the other way; it would still need the text measured, and hides
// half of a long timeline in a narrow panel.

import type { Timeline, TimelineEvent, TimelineEventKind } from '../../server/src/protocol';
import { dayNumber, eventKindLabel, formatDate, stateLabel, type Lang } from './labels';

export interface PageOptions {
  /** A fresh random value for every page. */
  readonly nonce: string;
  /** `webview.cspSource`. */
  readonly cspSource: string;
  readonly lang: Lang;
}

/**
 * Width of the time scale, in its own units: x positions are written as
 * percentages of it, so markers, terms and axis take the panel's width.
 */
const WIDTH = 600;
const MARGIN = 16;
/** A gap between two events longer than this many days is drawn shortened, with a break mark. */
const MAX_GAP_DAYS = 30;

/** The labels' layout, in pixels (used by the page's script, and for the drawing before it runs). */
const LAYOUT = {
  /** From the axis to the nearest label: room for the markers and the terms' bands. */
  axisGap: 16,
  /** Between two lanes of labels. */
  laneGap: 4,
  /** Between two labels in a lane. */
  labelGap: 8,
  /** Labels keep this far from the drawing's edges. */
  edge: 2,
  /** Above the highest label, and below the dates at the ends of the axis. */
  pad: 4,
  /** From the lowest label to the dates at the ends of the axis. */
  tickGap: 8,
  /** The lanes (three above the axis, three below) tried before a label is cut to fit one of them. */
  lanes: 6,
  /** A label is cut to no less than this. */
  minWidth: 72,
  /** A label is at most this wide (some 70 characters): more is for the tooltip and the list. */
  maxWidth: 480,
} as const;

/** Line height and ascent of a label (12px) for the drawing before the script has measured them. */
const FALLBACK_LINE = { height: 15, ascent: 12 };

/** An x position of the layout as a percentage of the drawing's width. */
function pct(x: number): string {
  return `${((x / WIDTH) * 100).toFixed(2)}%`;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** The theme colour of each kind of event. */
const KIND_COLOUR: Record<TimelineEventKind, string> = {
  submitted: 'var(--vscode-charts-blue)',
  'term-regular': 'var(--vscode-charts-yellow)',
  'term-extended': 'var(--vscode-charts-orange)',
  notice: 'var(--vscode-charts-orange)',
  letter: 'var(--vscode-charts-purple)',
  debate: 'var(--vscode-charts-blue)',
  ruling: 'var(--vscode-charts-red)',
  date: 'var(--vscode-descriptionForeground)',
  answered: 'var(--vscode-charts-green)',
};

const STATE_COLOUR = {
  answered: 'var(--vscode-charts-green)',
  late: 'var(--vscode-charts-yellow)',
  delayed: 'var(--vscode-charts-orange)',
  overdue: 'var(--vscode-charts-red)',
  open: 'var(--vscode-charts-blue)',
} as const;

function head(options: PageOptions, title: string): string {
  const csp = [
    "default-src 'none'",
    `style-src ${options.cspSource} 'nonce-${options.nonce}'`,
    `script-src 'nonce-${options.nonce}'`,
    `img-src ${options.cspSource} data:`,
    `font-src ${options.cspSource}`,
  ].join('; ');
  const kinds = (Object.keys(KIND_COLOUR) as TimelineEventKind[])
    .map((k) => `.k-${k} { --c: ${KIND_COLOUR[k]}; }`)
    .join('\n  ');
  return `<!DOCTYPE html>
<html lang="${options.lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(title)}</title>
<style nonce="${options.nonce}">
  body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 16px 16px; }
  h1 { font-size: 1.3em; font-weight: 600; margin: 14px 0 4px; }
  .meta { color: var(--vscode-descriptionForeground); margin-bottom: 8px; }
  .state { display: inline-block; padding: 1px 8px; border-radius: 9px; border: 1px solid var(--s); color: var(--s); }
  ${Object.entries(STATE_COLOUR).map(([s, c]) => `.s-${s} { --s: ${c}; }`).join('\n  ')}
  ${kinds}
  svg { width: 100%; display: block; }
  svg text { fill: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: 12px; }
  svg text.label { paint-order: stroke; stroke: var(--vscode-editor-background); stroke-width: 3px; stroke-linejoin: round; }
  svg .tick { fill: var(--vscode-descriptionForeground); font-size: 10px; }
  .axis { stroke: var(--vscode-foreground); stroke-width: 1.5; }
  svg text.break { fill: var(--vscode-descriptionForeground); font-weight: bold; }
  .leader { stroke: var(--c); stroke-width: 1; stroke-dasharray: 2 2; }
  .marker { fill: var(--c); stroke: var(--vscode-editor-background); stroke-width: 2; }
  .term { fill: var(--c); fill-opacity: 0.16; }
  .term-edge { stroke: var(--c); stroke-width: 2; }
  .event[data-index] { cursor: pointer; }
  .event[data-index]:hover text, .event[data-index]:focus text { text-decoration: underline; }
  .event:focus { outline: none; }
  .event:focus .marker { stroke: var(--vscode-focusBorder); }
  table { border-collapse: collapse; margin-top: 16px; }
  td { padding: 2px 12px 2px 0; vertical-align: baseline; }
  tr[data-index] { cursor: pointer; }
  tr[data-index]:hover { background: var(--vscode-list-hoverBackground); }
  tr:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
  td.dot { padding: 0 8px 0 4px; }
  td.dot::before { content: ''; display: inline-block; width: 10px; height: 10px; border-radius: 50%; background: var(--c); }
  td.date { color: var(--vscode-descriptionForeground); font-variant-numeric: tabular-nums; white-space: nowrap; }
  td.kind { color: var(--c); white-space: nowrap; }
  td.label { overflow-wrap: anywhere; }
  @media (max-width: 400px) { td.date { white-space: normal; } }
  .empty { color: var(--vscode-descriptionForeground); margin-top: 24px; }
</style>
</head>`;
}

/** A page with only a message: no set open, no timeline, the server not running. */
export function messageHtml(message: string, options: PageOptions): string {
  return `${head(options, message)}
<body>
<p class="empty" id="kv-message">${escapeHtml(message)}</p>
</body>
</html>`;
}

/**
 * x positions for the distinct days: linear in days, except that a gap longer
 * than MAX_GAP_DAYS counts as MAX_GAP_DAYS (a letter cited from years before
 * must not squeeze the weeks that matter). Returns the positions and the gaps
 * that were shortened (their midpoints, for a break mark).
 */
function scale(days: readonly number[]): { x: Map<number, number>; breaks: number[] } {
  const distinct = [...new Set(days)].sort((a, b) => a - b);
  const units: number[] = [0];
  const shortened: number[] = [];
  for (let i = 1; i < distinct.length; i++) {
    const gap = distinct[i] - distinct[i - 1];
    units.push(units[i - 1] + Math.min(gap, MAX_GAP_DAYS));
    if (gap > MAX_GAP_DAYS) shortened.push(i);
  }
  const total = units[units.length - 1] || 1;
  const left = MARGIN + 24;
  const right = WIDTH - MARGIN - 24;
  const at = (u: number) => (distinct.length === 1 ? (left + right) / 2 : left + ((right - left) * u) / total);
  const x = new Map<number, number>();
  distinct.forEach((d, i) => x.set(d, at(units[i])));
  return { x, breaks: shortened.map((i) => at((units[i] + units[i - 1]) / 2)) };
}

export interface LabelIn {
  /** The marker's position, px from the drawing's left edge. */
  readonly x: number;
  /** The label's natural width, px. */
  readonly width: number;
}

export interface LabelOut {
  /** -1, -2, … above the axis (-1 nearest), 1, 2, … below. */
  readonly lane: number;
  /** px from the drawing's left edge. */
  readonly left: number;
  /** px; less than the natural width when the label is to be cut. */
  readonly width: number;
}

export interface LaneOptions {
  /** The room for labels, px. */
  readonly left: number;
  readonly right: number;
  /** Least room between two labels of a lane. */
  readonly gap: number;
  readonly maxWidth: number;
  readonly minWidth: number;
  /** How many lanes are tried (-1, 1, -2, 2, …) before a label is cut to fit one of them. */
  readonly lanes: number;
}

/**
 * Where each label goes, in order of x (ties in the order given): in the
 * first lane (-1, 1, -2, 2, …) with room for it whole, over its marker
 * (starting at it, or ending at the right edge when it would run past it);
 * when none of the first `lanes` lanes has room, cut to the room of the one
 * with the most (if that is at least `minWidth`), else in a lane further
 * out. Labels of a lane are at least `gap` apart and never wider than
 * `maxWidth` or the room. A pure function, also run in the page (its source
 * is the page's): it refers to nothing outside itself.
 */
export function layoutLabels(labels: readonly LabelIn[], o: LaneOptions): LabelOut[] {
  const laneAt = (k: number) => (k % 2 === 0 ? -(k / 2 + 1) : (k + 1) / 2);
  /** The right end of the last label of each lane, in the order tried. */
  const ends: number[] = [];
  const out: LabelOut[] = [];
  const order = labels.map((_, i) => i).sort((a, b) => labels[a].x - labels[b].x || a - b);
  for (const i of order) {
    const x = Math.min(Math.max(labels[i].x, o.left), o.right);
    const want = Math.max(0, Math.min(labels[i].width, o.maxWidth, o.right - o.left));
    let best = -1;
    let bestRoom = 0;
    for (let k = 0; ; k++) {
      const free = k < ends.length ? Math.max(o.left, ends[k] + o.gap) : o.left;
      let at = -1;
      let width = want;
      if (free <= x) {
        const room = o.right - free;
        if (room >= want) at = Math.max(free, Math.min(x, o.right - want));
        else if (k < o.lanes && room > bestRoom) [best, bestRoom] = [k, room];
      }
      if (at < 0 && k === o.lanes - 1 && bestRoom >= o.minWidth) {
        k = best;
        at = o.right - bestRoom;
        width = bestRoom;
      }
      if (at >= 0) {
        ends[k] = at + width;
        out[i] = { lane: laneAt(k), left: at, width };
        break;
      }
    }
  }
  return out;
}

export interface LineMetrics {
  /** Height of a line's box, px. */
  readonly height: number;
  /** From the top of the box to the baseline, px. */
  readonly ascent: number;
}

export interface Vertical {
  /** The axis, px from the top of the drawing; everything below is relative to it. */
  readonly axis: number;
  /** Baseline of each label. */
  readonly labels: number[];
  /** Where each leader meets its label's box. */
  readonly leaders: number[];
  /** Baseline of each row of the dates at the ends of the axis. */
  readonly ticks: number[];
  /** Of the whole drawing, px. */
  readonly height: number;
}

/**
 * The heights: the labels' lanes stacked away from the axis (lane -1 just
 * above it, 1 just below), the dates at the ends of the axis in `tickRows`
 * rows under the lowest lane, and the drawing's height. A pure function, also
 * run in the page, like layoutLabels.
 */
export function verticalLayout(
  lanes: readonly number[],
  line: LineMetrics,
  tick: LineMetrics,
  tickRows: number,
  o: { readonly axisGap: number; readonly laneGap: number; readonly pad: number; readonly tickGap: number },
): Vertical {
  const step = line.height + o.laneGap;
  const tops = lanes.map((l) => (l < 0 ? -(o.axisGap + (-l - 1) * step) - line.height : o.axisGap + (l - 1) * step));
  /** How far the n lanes of one side reach from the axis. */
  const reach = (n: number) => (n > 0 ? o.axisGap + (n - 1) * step + line.height : o.axisGap);
  const axis = o.pad + reach(Math.max(0, ...lanes.map((l) => -l)));
  const tickTop = reach(Math.max(0, ...lanes)) + o.tickGap;
  const tickStep = tick.height + o.laneGap;
  return {
    axis,
    labels: tops.map((t) => t + line.ascent),
    leaders: lanes.map((l, i) => (l < 0 ? tops[i] + line.height : tops[i])),
    ticks: Array.from({ length: tickRows }, (_, r) => tickTop + r * tickStep + tick.ascent),
    height: axis + tickTop + tickRows * tickStep + o.pad,
  };
}

function eventAttributes(index: number, e: TimelineEvent, lang: Lang): string {
  const name = `${formatDate(e.date, lang)}: ${e.label}`;
  return e.range
    ? `data-index="${index}" tabindex="0" role="button" aria-label="${escapeHtml(name)}"`
    : `aria-label="${escapeHtml(name)}"`;
}

/**
 * The page's layout of the labels: measures them, runs layoutLabels and
 * verticalLayout (their own source), cuts a label to its room with an
 * ellipsis, and does it again when the drawing changes width (and once the
 * fonts are in).
 */
function labelScript(): string {
  return `(() => {
    const layoutLabels = ${String(layoutLabels)};
    const verticalLayout = ${String(verticalLayout)};
    const O = ${JSON.stringify(LAYOUT)};
    const svg = document.getElementById('kv-chart');
    if (!svg) return;
    const plot = svg.querySelector('.plot');
    const events = [...svg.querySelectorAll('g.event')];
    const labels = events.map((g) => g.querySelector('text.label'));
    const markers = events.map((g) => g.querySelector('circle.marker'));
    const leaders = [...svg.querySelectorAll('.leaders line')];
    const ticks = [...svg.querySelectorAll('text.tick')];
    const breaks = [...svg.querySelectorAll('text.break')];
    const full = labels.map((t) => t.textContent);
    const metrics = (el) => {
      const b = el.getBBox();
      return { height: b.height, ascent: -b.y };
    };
    /** The longest beginning of s with an ellipsis that is at most max wide. */
    const cut = (el, s, max) => {
      const chars = Array.from(s);
      const text = (n) => chars.slice(0, n).join('').trimEnd() + '\u2026';
      let lo = 0;
      let hi = chars.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        el.textContent = text(mid);
        if (el.getComputedTextLength() <= max) lo = mid;
        else hi = mid - 1;
      }
      el.textContent = text(lo);
    };
    let drawnAt = 0;
    const draw = () => {
      const width = svg.getBoundingClientRect().width;
      if (!(width > 0) || width === drawnAt || labels.length === 0) return;
      drawnAt = width;
      for (const [i, t] of labels.entries()) {
        t.textContent = full[i];
        t.setAttribute('y', '0');
        t.setAttribute('text-anchor', 'start');
      }
      const natural = labels.map((t) => t.getComputedTextLength());
      const left = O.edge;
      const right = width - O.edge;
      const places = layoutLabels(
        markers.map((m, i) => ({ x: (parseFloat(m.getAttribute('cx')) / 100) * width, width: natural[i] })),
        { left, right, gap: O.labelGap, lanes: O.lanes, minWidth: O.minWidth, maxWidth: O.maxWidth },
      );
      const line = metrics(labels[0]);
      for (const [i, p] of places.entries()) {
        if (p.width < natural[i]) cut(labels[i], full[i], p.width);
        labels[i].setAttribute('x', p.left.toFixed(1));
      }
      // The dates at the ends of the axis: in one row, or in two where they would touch.
      for (const t of ticks) t.setAttribute('y', '0');
      const tb = ticks.map((t) => t.getBBox());
      const rows = tb.length === 2 && tb[0].x + tb[0].width + O.labelGap > tb[1].x ? 2 : 1;
      const v = verticalLayout(places.map((p) => p.lane), line, ticks.length ? metrics(ticks[0]) : line, rows, O);
      for (const [i, t] of labels.entries()) t.setAttribute('y', v.labels[i].toFixed(1));
      for (const [i, l] of leaders.entries()) l.setAttribute('y2', v.leaders[i].toFixed(1));
      for (const [i, t] of ticks.entries()) t.setAttribute('y', v.ticks[Math.min(i, rows - 1)].toFixed(1));
      plot.setAttribute('transform', 'translate(0 ' + v.axis.toFixed(1) + ')');
      svg.setAttribute('height', Math.ceil(v.height));
      // A break mark over the one before it (gaps squeezed in a narrow panel) is left out.
      let end = -Infinity;
      for (const b of breaks) {
        b.removeAttribute('visibility');
        const bb = b.getBBox();
        if (bb.x < end + 2) b.setAttribute('visibility', 'hidden');
        else end = bb.x + bb.width;
      }
    };
    draw();
    new ResizeObserver(draw).observe(svg);
    document.fonts.ready.then(() => {
      drawnAt = 0;
      draw();
    });
  })();`;
}

/** The whole page for a timeline. */
export function timelineHtml(timeline: Timeline, options: PageOptions): string {
  const { lang } = options;
  const indexed = timeline.events.map((event, index) => ({ event, index, day: dayNumber(event.date) })).filter((e) => !Number.isNaN(e.day));
  const title = timeline.title;
  const top = `<h1 id="kv-title">${escapeHtml(title)}</h1>
<div class="meta"><span class="state s-${timeline.state}" id="kv-state">${escapeHtml(stateLabel(timeline.state, lang))}</span></div>`;
  if (indexed.length === 0) {
    return `${head(options, title)}
<body>
${top}
<p class="empty" id="kv-message">${escapeHtml(lang === 'en' ? 'No dated events in this set.' : 'Geen gedateerde gebeurtenissen in deze set.')}</p>
</body>
</html>`;
  }
  const { x, breaks } = scale(indexed.map((e) => e.day));
  // Before the script has measured the labels (or without it): a lane for each label, which
  // overlaps nothing either; the script puts them together where they fit.
  const lanes = indexed.map((_, i) => (i % 2 === 0 ? -(i / 2 + 1) : (i + 1) / 2));
  const first = indexed.reduce((a, b) => (b.day < a.day ? b : a));
  const last = indexed.reduce((a, b) => (b.day > a.day ? b : a));
  const v = verticalLayout(lanes, FALLBACK_LINE, { height: 12, ascent: 10 }, 1, LAYOUT);

  const svg: string[] = [];
  // The terms: shaded from the submission to each term's last day.
  const submitted = indexed.find((e) => e.event.kind === 'submitted');
  for (const kind of ['term-extended', 'term-regular'] as const) {
    const term = indexed.find((e) => e.event.kind === kind);
    if (!submitted || !term) continue;
    const x0 = x.get(submitted.day) as number;
    const x1 = x.get(term.day) as number;
    const h = kind === 'term-regular' ? 14 : 22;
    svg.push(`<g class="k-${kind}"><rect class="term" x="${pct(x0)}" y="${-h / 2}" width="${pct(Math.max(0, x1 - x0))}" height="${h}"/><line class="term-edge" x1="${pct(x1)}" x2="${pct(x1)}" y1="${-h / 2}" y2="${h / 2}"/></g>`);
  }
  svg.push(`<line class="axis" x1="${pct(MARGIN)}" x2="${pct(WIDTH - MARGIN)}" y1="0" y2="0"/>`);
  for (const bx of breaks) {
    svg.push(`<text class="break" x="${pct(bx)}" y="4" text-anchor="middle">//</text>`);
  }
  // The leaders under all markers and labels (a label's halo hides a leader that passes behind it).
  svg.push(`<g class="leaders" aria-hidden="true">${indexed.map((e, i) => `<line class="leader k-${e.event.kind}" x1="${pct(x.get(e.day) as number)}" x2="${pct(x.get(e.day) as number)}" y1="0" y2="${v.leaders[i]}"/>`).join('')}</g>`);
  indexed.forEach((e, i) => {
    const x0 = x.get(e.day) as number;
    const label = escapeHtml(e.event.label);
    const date = escapeHtml(formatDate(e.event.date, lang, true));
    svg.push(
      `<g class="event k-${e.event.kind}" ${eventAttributes(e.index, e.event, lang)}>` +
        `<title>${date}: ${label}</title>` +
        `<circle class="marker" cx="${pct(x0)}" cy="0" r="6"/>` +
        `<text class="label" x="${pct(x0)}" y="${v.labels[i]}"${x0 > WIDTH / 2 ? ' text-anchor="end"' : ''}>${label}</text>` +
        `</g>`,
    );
  });
  // Dates of the first and last day at the ends of the axis.
  svg.push(`<text class="tick" x="${pct(MARGIN)}" y="${v.ticks[0]}">${escapeHtml(formatDate(first.event.date, lang, true))}</text>`);
  if (last.day !== first.day) svg.push(`<text class="tick" x="${pct(WIDTH - MARGIN)}" y="${v.ticks[0]}" text-anchor="end">${escapeHtml(formatDate(last.event.date, lang, true))}</text>`);

  const list = timeline.events
    .map((e, i) => {
      const attrs = e.range ? ` data-index="${i}" tabindex="0" role="button"` : '';
      // The kind in words, unless the label says it already (`Ingediend`, `Brief van …`).
      const kind = eventKindLabel(e.kind, lang, timeline.terms);
      const kindCell = e.label.toLowerCase().includes(kind.toLowerCase()) ? '' : escapeHtml(kind);
      return `<tr class="event k-${e.kind}"${attrs}><td class="dot"></td><td class="date">${escapeHtml(formatDate(e.date, lang))}</td><td class="kind">${kindCell}</td><td class="label">${escapeHtml(e.label)}</td></tr>`;
    })
    .join('\n');

  return `${head(options, title)}
<body>
<main id="kv-timeline" data-events="${timeline.events.length}">
${top}
<div class="chart"><svg id="kv-chart" height="${v.height}" role="img" aria-label="${escapeHtml(lang === 'en' ? 'Timeline' : 'Tijdlijn')}">
<g class="plot" transform="translate(0 ${v.axis})">
${svg.join('\n')}
</g>
</svg></div>
<table id="kv-events"><tbody>
${list}
</tbody></table>
</main>
<script nonce="${options.nonce}">
  const vscode = acquireVsCodeApi();
  const reveal = (target) => {
    const el = target instanceof Element ? target.closest('[data-index]') : null;
    if (el) vscode.postMessage({ type: 'reveal', index: Number(el.getAttribute('data-index')) });
  };
  document.addEventListener('click', (e) => reveal(e.target));
  document.addEventListener('keydown', (e) => {
    if ((e.key === 'Enter' || e.key === ' ') && e.target instanceof Element && e.target.hasAttribute('data-index')) { e.preventDefault(); reveal(e.target); }
  });
  ${labelScript()}
</script>
</body>
</html>`;
}
