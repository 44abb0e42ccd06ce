// The timeline webview's page: the server's `Timeline` drawn as a horizontal
// time axis (SVG) with a list of the same events below it. A pure function of
// its input, without `vscode`, so the unit tests check it outside the editor.
//
// Only the editor's theme colours (CSS variables), no external resource, a
// strict Content-Security-Policy: styles and the one script carry a nonce.
// The script only posts `{ type: 'reveal', index }` when an event is clicked
// (or activated with Enter/Space); the client looks the event up itself.

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
 * Width the layout assumes, in pixels. The drawing takes the panel's width:
 * x positions are written as percentages, text keeps its size, and labels are
 * put in lanes as if the panel were this wide (about half an editor area).
 */
const WIDTH = 600;
const MARGIN = 16;
const LANE_HEIGHT = 18;
const AXIS_GAP = 26;
/** A gap between two events longer than this many days is drawn shortened, with a break mark. */
const MAX_GAP_DAYS = 30;
/** Estimated width of a label character in SVG units (12px sans-serif). */
const CHAR_WIDTH = 6.4;

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
  .scroll { overflow-x: auto; }
  svg { width: 100%; min-width: 420px; display: block; overflow: visible; }
  svg text { fill: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: 12px; }
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

interface Placed {
  readonly index: number;
  readonly event: TimelineEvent;
  readonly x: number;
  /** Lane: 0, 1, … above the axis are -1, -2, …; below are 1, 2, … */
  readonly lane: number;
  readonly anchorEnd: boolean;
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

/** Puts every label in the first lane (alternating above and below the axis) where it overlaps nothing. */
function placeLabels(items: { index: number; event: TimelineEvent; x: number }[]): Placed[] {
  const lanes = new Map<number, [number, number][]>();
  const order = [-1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6];
  const out: Placed[] = [];
  for (const item of items) {
    const width = labelText(item.event).length * CHAR_WIDTH + 8;
    const anchorEnd = item.x + width > WIDTH - 4;
    const span: [number, number] = anchorEnd ? [item.x - width, item.x] : [item.x - 4, item.x + width];
    let lane = order.find((l) => !(lanes.get(l) ?? []).some(([a, b]) => span[0] < b + 6 && span[1] > a - 6));
    if (lane === undefined) lane = order.length / 2 + 1 + out.length; // more than 12 overlapping labels: a lane of its own below
    if (!lanes.has(lane)) lanes.set(lane, []);
    (lanes.get(lane) as [number, number][]).push(span);
    out.push({ ...item, lane, anchorEnd });
  }
  return out;
}

function labelText(e: TimelineEvent): string {
  return e.label;
}

function eventAttributes(index: number, e: TimelineEvent, lang: Lang): string {
  const name = `${formatDate(e.date, lang)}: ${e.label}`;
  return e.range
    ? `data-index="${index}" tabindex="0" role="button" aria-label="${escapeHtml(name)}"`
    : `aria-label="${escapeHtml(name)}"`;
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
  const placed = placeLabels(indexed.map((e) => ({ index: e.index, event: e.event, x: x.get(e.day) as number })));
  const above = Math.max(1, ...placed.map((p) => (p.lane < 0 ? -p.lane : 0)));
  const below = Math.max(1, ...placed.map((p) => (p.lane > 0 ? p.lane : 0)));
  const axisY = MARGIN + AXIS_GAP + above * LANE_HEIGHT;
  const height = axisY + AXIS_GAP + below * LANE_HEIGHT + 24;
  const laneY = (lane: number) => (lane < 0 ? axisY - AXIS_GAP - (-lane - 1) * LANE_HEIGHT : axisY + AXIS_GAP + (lane - 1) * LANE_HEIGHT + 10);

  const svg: string[] = [];
  // The terms: shaded from the submission to each term's last day.
  const submitted = indexed.find((e) => e.event.kind === 'submitted');
  for (const kind of ['term-extended', 'term-regular'] as const) {
    const term = indexed.find((e) => e.event.kind === kind);
    if (!submitted || !term) continue;
    const x0 = x.get(submitted.day) as number;
    const x1 = x.get(term.day) as number;
    const h = kind === 'term-regular' ? 14 : 22;
    svg.push(`<g class="k-${kind}"><rect class="term" x="${pct(x0)}" y="${axisY - h / 2}" width="${pct(Math.max(0, x1 - x0))}" height="${h}"/><line class="term-edge" x1="${pct(x1)}" x2="${pct(x1)}" y1="${axisY - h / 2}" y2="${axisY + h / 2}"/></g>`);
  }
  svg.push(`<line class="axis" x1="${pct(MARGIN)}" x2="${pct(WIDTH - MARGIN)}" y1="${axisY}" y2="${axisY}"/>`);
  for (const bx of breaks) {
    svg.push(`<text class="break" x="${pct(bx)}" y="${axisY + 4}" text-anchor="middle">//</text>`);
  }
  for (const p of placed) {
    const y = laneY(p.lane);
    const x0 = pct(p.x);
    const label = escapeHtml(labelText(p.event));
    const date = escapeHtml(formatDate(p.event.date, lang, true));
    svg.push(
      `<g class="event k-${p.event.kind}" ${eventAttributes(p.index, p.event, lang)}>` +
        `<line class="leader" x1="${x0}" x2="${x0}" y1="${axisY}" y2="${p.lane < 0 ? y + 4 : y - 12}"/>` +
        `<circle class="marker" cx="${x0}" cy="${axisY}" r="6"/>` +
        `<text x="${x0}" y="${y}"${p.anchorEnd ? ' text-anchor="end"' : ''}>${label}<title>${date}: ${label}</title></text>` +
        `</g>`,
    );
  }
  // Dates of the first and last day at the ends of the axis.
  const first = indexed.reduce((a, b) => (b.day < a.day ? b : a));
  const last = indexed.reduce((a, b) => (b.day > a.day ? b : a));
  svg.push(`<text class="tick" x="${pct(MARGIN)}" y="${height - 6}">${escapeHtml(formatDate(first.event.date, lang, true))}</text>`);
  if (last.day !== first.day) svg.push(`<text class="tick" x="${pct(WIDTH - MARGIN)}" y="${height - 6}" text-anchor="end">${escapeHtml(formatDate(last.event.date, lang, true))}</text>`);

  const list = timeline.events
    .map((e, i) => {
      const attrs = e.range ? ` data-index="${i}" tabindex="0" role="button"` : '';
      // The kind in words, unless the label says it already (`Ingediend`, `Brief van …`).
      const kind = eventKindLabel(e.kind, lang);
      const kindCell = e.label.toLowerCase().includes(kind.toLowerCase()) ? '' : escapeHtml(kind);
      return `<tr class="event k-${e.kind}"${attrs}><td class="dot"></td><td class="date">${escapeHtml(formatDate(e.date, lang))}</td><td class="kind">${kindCell}</td><td class="label">${escapeHtml(e.label)}</td></tr>`;
    })
    .join('\n');

  return `${head(options, title)}
<body>
<main id="kv-timeline" data-events="${timeline.events.length}">
${top}
<div class="scroll"><svg height="${height}" role="img" aria-label="${escapeHtml(lang === 'en' ? 'Timeline' : 'Tijdlijn')}">
${svg.join('\n')}
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
</script>
</body>
</html>`;
}
