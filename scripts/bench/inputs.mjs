// The benchmark inputs: the reference sample scaled ×N (one header, the
// question blocks repeated with the questions renumbered, the notice and the
// footer once at the end), the same content as Markdown for the peer server,
// and the official corpus concatenated.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Questions in the reference sample: copy k adds QUESTIONS·k to every number. */
export const QUESTIONS = 14;

/**
 * `analyze` made whole: an analysis makes its findings (dates, references, letters, citations,
 * diagnostics) when they are first read, and the benchmarks time all of it, as the first read of
 * any of them would pay it. (An earlier build made everything at once; this reads nothing new there.)
 */
export function wholeAnalysis(analyze) {
  return (text, options) => {
    const a = analyze(text, options);
    void a.diagnostics;
    return a;
  };
}

const HEADING = /^\s*•\s*Vraag (\d+)\s*$/;
const NOTICE = /^\s*•\s*(Mededeling.*?)\s*$/;
/** Question headings and in-document reference numbers (`vraag 3`, `antwoord 3`); `Antwoord N` for the Markdown headings. */
const NUMBERED = /\b(Vraag|vraag|Antwoord|antwoord) (\d+)\b/g;
/** A placeholder for the k-th internal reference of the template: \uE000k\uE001. */
const PLACEHOLDER = /\uE000(\d+)\uE001/g;

function renumber(text, k) {
  return k === 0 ? text : text.replace(NUMBERED, (_, word, n) => `${word} ${Number(n) + QUESTIONS * k}`);
}

/**
 * Splits the sample into header, body (the question blocks) and tail (the
 * notice and the footer), with each internal reference of the body (as the
 * analysis finds them: a reference with a target) replaced by a placeholder.
 */
export function makeTemplate(sample, analyze) {
  const lines = sample.split('\n');
  let offset = 0;
  let bodyStart = -1;
  let tailStart = -1;
  for (const line of lines) {
    if (bodyStart < 0 && HEADING.test(line)) bodyStart = offset;
    if (bodyStart >= 0 && tailStart < 0 && NOTICE.test(line)) tailStart = offset;
    offset += line.length + 1;
  }
  if (bodyStart < 0 || tailStart < 0) throw new Error('the sample has no `• Vraag 1` or no `• Mededeling` line');
  const refs = analyze(sample).references
    .filter((r) => r.target !== null && r.span.start >= bodyStart && r.span.end <= tailStart)
    .sort((a, b) => a.span.start - b.span.start);
  let body = '';
  let at = bodyStart;
  const references = [];
  for (const r of refs) {
    if (r.span.start < at) continue; // phrases sharing a span
    body += sample.slice(at, r.span.start) + `\uE000${references.length}\uE001`;
    references.push({ text: sample.slice(r.span.start, r.span.end), target: r.target });
    at = r.span.end;
  }
  body += sample.slice(at, tailStart);
  return { header: sample.slice(0, bodyStart), body, tail: sample.slice(tailStart), references };
}

/** Copy k of a template part: plain text, or Markdown with the references as links to the answers' headings. */
function instantiate(part, references, k, markdown) {
  let out = '';
  let last = 0;
  for (const m of part.matchAll(PLACEHOLDER)) {
    out += renumber(part.slice(last, m.index), k);
    const ref = references[Number(m[1])];
    const text = renumber(ref.text, k);
    out += markdown ? `[${text}](#antwoord-${ref.target + QUESTIONS * k})` : text;
    last = m.index + m[0].length;
  }
  return out + renumber(part.slice(last), k);
}

/** The sample ×n as plain text. */
export function scaledText(t, n) {
  const parts = [t.header];
  for (let k = 0; k < n; k++) parts.push(instantiate(t.body, t.references, k, false));
  parts.push(t.tail);
  return parts.join('');
}

/** Lines as Markdown paragraphs (each source line its own paragraph). */
function paragraphs(lines) {
  return lines.map((l) => l.trim()).filter((l) => l !== '').map((l) => `${l}\n\n`).join('');
}

/** The body template as Markdown: `## Vraag N`, the question, `### Antwoord N`, the answer. */
function markdownBody(body) {
  let out = '';
  let number = null;
  let question = [];
  let answer = [];
  let inAnswer = false;
  const flush = () => {
    if (number === null) return;
    out += `## Vraag ${number}\n\n${paragraphs(question)}### Antwoord ${number}\n\n${paragraphs(answer)}`;
  };
  for (const line of body.split('\n')) {
    const h = HEADING.exec(line);
    if (h) {
      flush();
      number = Number(h[1]);
      question = [];
      answer = [];
      inAnswer = false;
    } else if (line.trim() === '') {
      if (question.length > 0) inAnswer = true;
    } else if (inAnswer) {
      answer.push(line);
    } else {
      question.push(line);
    }
  }
  flush();
  return out;
}

function markdownHeader(header) {
  const lines = header.split('\n').filter((l) => l.trim() !== '');
  return `# ${lines[0].trim()}\n\n${paragraphs(lines.slice(1))}`;
}

function markdownTail(tail) {
  let out = '';
  for (const line of tail.split('\n')) {
    const n = NOTICE.exec(line);
    out += n ? `## ${n[1]}\n\n` : paragraphs([line]);
  }
  return out;
}

/** The sample ×n as Markdown. */
export function scaledMarkdown(t, n) {
  const body = markdownBody(t.body);
  const parts = [markdownHeader(t.header)];
  for (let k = 0; k < n; k++) parts.push(instantiate(body, t.references, k, true));
  parts.push(markdownTail(t.tail));
  return parts.join('');
}

/** The official corpus (`*.txt`, sorted by name) concatenated, one blank line between documents. */
export function officialCorpus(dir) {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  return { files: files.length, text: files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n\n') };
}
