// The command line: `kamervraag analyze FILE… [--json] [--lang nl|en]`, and
// `kamervraag draft FILE [--lang nl|en]`, which prints the skeleton of the
// answer to the file's questions in the official answer layout (`model/draft.ts`).
//
// Human output (default): per file a heading line `FILE: layout, zaak, title`,
// the metadata and deadlines, an outline of the questions and notices, the
// references with where they lead, the letters, a count of the citations and
// the diagnostics as `FILE:LINE:COL: severity code: message` (1-based).
//
// JSON output (`--json`): JSON Lines, one object per file argument, in the
// order given (schema: `server/src/model/json.ts`, `schemaVersion` 2). When
// exactly one file is given and standard output is a terminal, the object is
// pretty-printed with a 2-space indent instead. A file that could not be read
// as text yields `{ "schemaVersion": 2, "file", "problem": { "code", "message" } }`
// with code `unreadable`, `binary` or `empty`; a file read as Windows-1252 gets
// the full object plus `"problem": { "code": "not-utf8", … }`, and a text with
// no questions, answers, delay notice or header of a set (`Hallo wereld`) the
// full object plus `"problem": { "code": "no-question-set", … }`; the human
// report says so in one line.
//
// Exit status: 0 when every file was read (diagnostics, empty and binary files
// included); 2 when a file could not be read (the others are still analysed)
// or the command line is wrong; 1 when the analysis itself failed on a file.
// `draft`: 0 when the draft was printed, 2 when the file could not be read,
// 1 when it holds no questions (one line on standard error says so).
//
// Originals: a `.pdf` (the Tweede Kamer's) or `.docx` (a ministry's Word
// document) is converted to text in the official layout first, then read like
// a text file, by `analyze` and `draft` alike; `kamervraag text FILE` prints
// that converted text. An original that cannot be converted (encrypted, only
// scanned images, corrupt, too large, too many pages, too slow) counts as a
// file that cannot be read: one line on standard error, exit status 2, and in
// JSON `"problem": { "code": <the conversion's code: encrypted, no-text,
// corrupt, not-pdf, not-docx, too-large, too-many-pages, zip-bomb, timeout>,
// "message" }`.

import * as fs from 'fs';
import { citationKindName, clip, days, localeOf, personLabel, questionLabel, termLength, type Locale } from '../i18n/words';
import { daysBetween } from '../model/calendar';
import { draftAnswer } from '../model/draft';
import { toJson } from '../model/json';
import type { Analysis, Person, Question } from '../model/types';
import { normalizeSpace } from '../model/text';
import { createLanguageService } from '../service/languageService';
import { readSettings } from '../settings';
import { VERSION } from '../version';
import TEXTS from './texts.json';
import { isQuestionSet, type Ingested } from '../workspace/ingest';
import { originalKindOfName as originalKind } from '../originals/uri';
import { lazyConverter } from '../node/converter';

const EXIT_OK = 0;
const EXIT_ANALYSIS_FAILED = 1;
const EXIT_USAGE = 2;

const USAGE: Record<Locale, string> = {
  nl: `Gebruik:
  kamervraag analyze BESTAND… [--json] [--lang nl|en]
  kamervraag draft BESTAND [--lang nl|en]
  kamervraag text BESTAND.pdf|BESTAND.docx [--lang nl|en]
  kamervraag --help | help
  kamervraag --version

Analyseert schriftelijke Kamervragen (tekstbestanden, en de originelen als PDF
of Word-document): structuur, verwijzingen, brieven, datums, termijnen en
diagnostiek. "draft" schrijft het geraamte van het antwoord: de vragen letterlijk
in de opmaak van een officieel antwoord, met een leeg antwoord na elke vraag.
"text" schrijft de tekst van een PDF of Word-document zoals de analyse die leest.

Opties:
  --json           één JSON-object per bestand, één per regel (JSON Lines); met één
                   bestand en uitvoer naar een terminal ingesprongen weergegeven
  --lang nl|en     taal van de uitvoer (standaard: nl, of en als LANG/LC_ALL met "en" begint)
  -h, --help       deze hulp
  -V, --version    versie

Afsluitstatus: 0 als alle bestanden gelezen zijn, 2 als een bestand niet gelezen
of omgezet kon worden of bij een onjuiste aanroep; bij draft 1 als er geen vragen
in staan.
`,
  en: `Usage:
  kamervraag analyze FILE… [--json] [--lang nl|en]
  kamervraag draft FILE [--lang nl|en]
  kamervraag text FILE.pdf|FILE.docx [--lang nl|en]
  kamervraag --help | help
  kamervraag --version

Analyses Dutch parliamentary written questions (text files, and the originals
as PDF or Word document): structure, references, letters, dates, deadlines and
diagnostics. "draft" prints the skeleton of the answer: the questions verbatim
in the layout of an official answer, with an empty answer after each. "text"
prints the text of a PDF or Word document as the analysis reads it.

Options:
  --json           one JSON object per file, one per line (JSON Lines); indented
                   when there is one file and the output is a terminal
  --lang nl|en     language of the output (default: nl, or en when LANG/LC_ALL starts with "en")
  -h, --help       this help
  -V, --version    version

Exit status: 0 when every file was read, 2 when a file could not be read or
converted or the command line is wrong; for draft, 1 when the file holds no
questions.
`,
};

/** The command line's own words, in both languages, as data (`texts.json`); `{0}` stands for the value. */
function texts(locale: Locale) {
  const s = TEXTS[locale];
  const fill = (template: string, value: string | number) => template.split('{0}').join(String(value));
  return {
    ...s,
    unknownOption: (o: string) => fill(s.unknownOption, o),
    unknownCommand: (c: string) => fill(s.unknownCommand, c),
    badLang: (l: string) => fill(s.badLang, l),
    stated: (n: number) => fill(s.stated, n),
    computed: (n: number) => fill(s.computed, n),
    late: (n: number) => fill(s.late, days(locale, n)),
    answeredByQ: (n: number) => fill(s.answeredByQ, n),
    dangling: (n: number) => fill(s.dangling, n),
    mentions: (n: number) => fill(n === 1 ? s.mention : s.mentions, n),
  };
}

const T = { nl: texts('nl'), en: texts('en') };

type Texts = ReturnType<typeof texts>;

interface Options {
  readonly command: 'analyze' | 'draft' | 'text' | 'help' | 'version';
  readonly files: readonly string[];
  readonly json: boolean;
  readonly locale: Locale;
}

function envLocale(env: NodeJS.ProcessEnv): Locale {
  return localeOf(env.LC_ALL || env.LC_MESSAGES || env.LANG || '');
}

/** Parses the arguments; returns an error message for a wrong command line. */
function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv): Options | { error: string; locale: Locale } {
  let locale: Locale | null = null;
  let json = false;
  let command: Options['command'] | null = null;
  const files: string[] = [];
  let error: string | null = null;
  let optionsDone = false;
  const fallback = envLocale(env);

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!optionsDone && arg.startsWith('-') && arg !== '-') {
      if (arg === '--') optionsDone = true;
      else if (arg === '--json') json = true;
      else if (arg === '--help' || arg === '-h') command = command ?? 'help';
      else if (arg === '--version' || arg === '-V' || arg === '-v') command = command ?? 'version';
      else if (arg === '--lang' || arg.startsWith('--lang=')) {
        const value = arg === '--lang' ? argv[++i] : arg.slice('--lang='.length);
        if (value === undefined) error ??= T[fallback].langMissing;
        else if (value === 'nl' || value === 'en') locale = value;
        else error ??= T[fallback].badLang(value);
      } else error ??= T[fallback].unknownOption(arg);
      continue;
    }
    if (command === null) {
      if (arg === 'analyze' || arg === 'analyse') command = 'analyze';
      else if (arg === 'draft') command = 'draft';
      else if (arg === 'text') command = 'text';
      else if (arg === 'help') command = 'help';
      else if (arg === 'version') command = 'version';
      else error ??= T[fallback].unknownCommand(arg);
    } else {
      files.push(arg);
    }
  }
  const loc = locale ?? fallback;
  if (error !== null) return { error, locale: loc };
  if (command === null) return { error: '', locale: loc };
  if ((command === 'analyze' || command === 'draft' || command === 'text') && files.length === 0) return { error: T[loc].noFiles, locale: loc };
  if (command === 'draft' && files.length > 1) return { error: T[loc].draftOneFile, locale: loc };
  if (command === 'text' && files.length > 1) return { error: T[loc].textOneFile, locale: loc };
  return { command, files, json, locale: loc };
}

function readError(err: unknown, t: Texts): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return t.noSuchFile;
    case 'EISDIR':
      return t.isDirectory;
    case 'EACCES':
    case 'EPERM':
      return t.permission;
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

// ---------------------------------------------------------------------------
// Human report

function pos(line: number, character: number): string {
  return `${line + 1}:${character + 1}`;
}

function excerpt(text: string, max = 70): string {
  return clip(text, max);
}

function people(ps: readonly Person[]): string {
  return ps.map((p) => personLabel(p.name, p.party, p.role)).join('; ');
}

function report(file: string, a: Analysis, locale: Locale): string {
  const t = T[locale];
  const m = a.metadata;
  const out: string[] = [];
  if (!isQuestionSet(a)) return `${file}: ${t.noQuestionSet}\n`;
  const head = [a.source === 'archive' ? `${a.layout} ${t.archive}` : a.layout, m.zaak ?? '—', m.title === null ? '—' : excerpt(m.title, 100)];
  out.push(`${file}: ${head.join(', ')}`);

  const field = (label: string, value: string) => out.push(`  ${(label === '' ? '' : `${label}:`).padEnd(17)} ${value}`);
  field(t.submitted, m.submitted ?? '—');
  if (m.answered !== null) {
    const notes: string[] = [];
    const computed = a.deadlines?.daysTaken ?? (m.submitted !== null ? daysBetween(m.submitted, m.answered) : null);
    if (m.statedDays !== null) notes.push(t.stated(m.statedDays));
    if (computed !== null) notes.push(t.computed(computed));
    if (m.statedDays !== null && computed !== null && m.statedDays !== computed) notes.push(t.mismatch);
    field(t.answered, notes.length > 0 ? `${m.answered} (${notes.join('; ')})` : m.answered);
  } else {
    field(t.answered, t.unanswered);
  }
  const d = a.deadlines;
  if (d !== null) {
    field(
      t.deadlines,
      `${termLength(locale, d.regularDays)} ${d.regular}, ${termLength(locale, d.extendedDays)} ${d.extended}; ${d.noticeGiven ? t.noticeGiven : t.noNotice} → ${t.applies} ${d.applicable}`,
    );
    if (d.late === true && d.daysLate !== null) field('', t.late(d.daysLate));
    else if (d.late === false) field('', t.onTime);
  }
  if (m.submitters.length > 0) field(t.submitters, people(m.submitters));
  if (m.addressees.length > 0) field(t.addressees, people(m.addressees));
  if (m.answeredBy.length > 0) field(t.answeredBy, people(m.answeredBy));

  // Outline: questions (a grouped heading once) and notices, in document order.
  const items: { start: number; line: string }[] = [];
  const seen = new Set<string>();
  let questionCount = 0;
  for (const q of a.questions) {
    const key = `${q.question.span.start}:${q.question.span.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const group: Question[] = a.questions.filter((x) => x.question.span.start === q.question.span.start && x.question.span.end === q.question.span.end);
    const numbers = [...new Set(group.flatMap((x) => (x.numbers.length > 0 ? x.numbers : [x.number])))];
    questionCount += numbers.length;
    const body = a.text.slice(q.question.span.start, q.question.span.end);
    const state = q.answeredBy !== null ? t.answeredByQ(q.answeredBy) : q.answer !== null ? t.answeredByQ(q.answer.numbers[0] ?? q.number) : t.notAnswered;
    items.push({ start: q.span.start, line: `    ${questionLabel(locale, numbers)} — ${excerpt(body)} [${state}]` });
  }
  for (const n of a.notices) items.push({ start: n.span.start, line: `    ${t.notice} ${n.date ?? t.noDate}` });
  items.sort((x, y) => x.start - y.start);
  out.push('', `  ${t.outline} (${questionCount})`);
  if (items.length === 0) out.push(`    (${t.none})`);
  for (const it of items) out.push(it.line);

  out.push('', `  ${t.references} (${a.references.length})`);
  if (a.references.length === 0) out.push(`    (${t.none})`);
  for (const r of a.references) {
    const phrase = normalizeSpace(a.text.slice(r.phraseSpan.start, r.phraseSpan.end)) || normalizeSpace(r.text);
    let where: string;
    if (r.scope === 'external') where = `${t.external}${r.cites !== null ? `: ${excerpt(r.cites.text, 60)}` : ''}`;
    else if (r.target !== null) where = questionLabel(locale, [r.target]);
    else where = t.dangling(r.number);
    out.push(`    ${pos(r.range.start.line, r.range.start.character).padEnd(8)} ${phrase} → ${where}`);
  }

  out.push('', `  ${t.letters} (${a.letters.length})`);
  if (a.letters.length === 0) out.push(`    (${t.none})`);
  for (const l of a.letters) {
    const parts = [l.date];
    if (l.sender !== null) parts.push(normalizeSpace(l.sender));
    parts.push(t.mentions(l.mentions.length));
    if (l.footnotes.length > 0) parts.push(`${t.footnotes} ${l.footnotes.join(', ')}`);
    if (l.notice !== null) parts.push(t.isNotice);
    out.push(`    ${parts.join(', ')}`);
  }

  const byKind = new Map<string, number>();
  for (const c of a.citations) byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + 1);
  const kinds = [...byKind.entries()].map(([k, n]) => `${citationKindName(locale, k)} ${n}`).join(', ');
  out.push('', `  ${t.citations}: ${a.citations.length}${kinds.length > 0 ? ` (${kinds})` : ''}`);

  out.push('', `  ${t.diagnostics} (${a.diagnostics.length})`);
  for (const g of a.diagnostics) {
    out.push(`${file}:${pos(g.range.start.line, g.range.start.character)}: ${g.severity} ${g.code}: ${g.message[locale]}`);
  }
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------

/** A conversion problem of an original, as the JSON and the error line give it, or null. */
function conversionProblem(r: Ingested, locale: Locale): { code: string; message: string } | null {
  return !r.ok && r.conversion ? { code: r.conversion.problem, message: r.conversion.message[locale] } : null;
}

async function run(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv, process.env);
  if ('error' in parsed) {
    if (parsed.error !== '') process.stderr.write(`kamervraag: ${parsed.error}\n\n`);
    process.stderr.write(USAGE[parsed.locale]);
    return EXIT_USAGE;
  }
  const { locale } = parsed;
  const t = T[locale];
  if (parsed.command === 'help') {
    process.stdout.write(USAGE[locale]);
    return EXIT_OK;
  }
  if (parsed.command === 'version') {
    process.stdout.write(`kamervraag ${VERSION}\n`);
    return EXIT_OK;
  }

  if (parsed.command === 'draft') return draft(parsed.files[0], locale);
  if (parsed.command === 'text') return text(parsed.files[0], locale);

  const pretty = parsed.json && parsed.files.length === 1 && process.stdout.isTTY === true;
  const emit = (o: unknown) => process.stdout.write(`${pretty ? JSON.stringify(o, null, 2) : JSON.stringify(o)}\n`);
  let status = EXIT_OK;
  let first = true;
  // No size limit here but what the settings allow at most: the user named the file.
  const service = createLanguageService({ locale, convert: lazyConverter(__dirname) });
  service.setGlobalSettings(readSettings({ maxFileSizeMB: 2048 }));

  for (const file of parsed.files) {
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(file);
    } catch (err) {
      const reason = readError(err, t);
      process.stderr.write(`kamervraag: ${file}: ${t.cannotRead}: ${reason}\n`);
      if (parsed.json) emit({ schemaVersion: 2, file, problem: { code: 'unreadable', message: `${t.cannotRead}: ${reason}` } });
      status = EXIT_USAGE;
      continue;
    }
    const r = await service.ingestFile(file, bytes);
    const conversion = conversionProblem(r, locale);
    if (conversion !== null) {
      // An original that cannot be converted cannot be read.
      process.stderr.write(`kamervraag: ${file}: ${conversion.message}\n`);
      if (parsed.json) emit({ schemaVersion: 2, file, problem: conversion });
      status = EXIT_USAGE;
      continue;
    }
    const decodeProblem = r.ok ? r.problem : r.problem ?? null;
    const problem = decodeProblem === null ? null : { code: decodeProblem.code, message: decodeProblem.message[locale] };
    if (problem !== null) process.stderr.write(`kamervraag: ${file}: ${problem.message}\n`);
    if (problem !== null && problem.code !== 'not-utf8') {
      if (parsed.json) emit({ schemaVersion: 2, file, problem });
      continue;
    }
    if (!r.ok) {
      const detail = process.env.KAMERVRAAG_DEBUG && r.error ? `\n${r.error}` : r.error ? ` (${r.error.split('\n')[0]})` : '';
      process.stderr.write(`kamervraag: ${file}: ${t.analysisFailed}${detail}\n`);
      if (status === EXIT_OK) status = EXIT_ANALYSIS_FAILED;
      continue;
    }
    const analysis: Analysis = r.analysis;
    if (parsed.json) {
      const json = toJson(analysis, file, locale);
      const noSet = isQuestionSet(analysis) ? null : { code: 'no-question-set', message: t.noQuestionSet };
      emit(problem !== null ? { ...json, problem } : noSet !== null ? { ...json, problem: noSet } : json);
    } else {
      if (!first) process.stdout.write('\n');
      process.stdout.write(report(file, analysis, locale));
      first = false;
    }
  }
  return status;
}

/**
 * Reads a file and ingests it (an original is converted) for `text` and
 * `draft`: the analysed file, or the exit status once stderr says why. With
 * `originalsOnly`, a file that is no PDF or Word file is refused after it was read.
 */
async function readForCommand(file: string, locale: Locale, originalsOnly: boolean): Promise<Extract<Ingested, { ok: true }> | number> {
  const t = T[locale];
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    process.stderr.write(`kamervraag: ${file}: ${t.cannotRead}: ${readError(err, t)}\n`);
    return EXIT_USAGE;
  }
  if (originalsOnly && originalKind(file) === null) {
    process.stderr.write(`kamervraag: ${file}: ${t.notOriginal}\n`);
    return EXIT_USAGE;
  }
  const service = createLanguageService({ locale, convert: lazyConverter(__dirname) });
  service.setGlobalSettings(readSettings({ maxFileSizeMB: 2048 }));
  const r = await service.ingestFile(file, bytes);
  const conversion = conversionProblem(r, locale);
  if (conversion !== null) {
    process.stderr.write(`kamervraag: ${file}: ${conversion.message}\n`);
    return EXIT_USAGE;
  }
  if (!r.ok) {
    // An empty or binary file: what the decoder says of it; anything else, the analysis failed.
    process.stderr.write(`kamervraag: ${file}: ${r.problem ? r.problem.message[locale] : t.analysisFailed}\n`);
    return originalsOnly && r.skip !== 'failed' ? EXIT_USAGE : EXIT_ANALYSIS_FAILED;
  }
  return r;
}

/** `kamervraag text FILE`: the converted text of an original on standard output. */
async function text(file: string, locale: Locale): Promise<number> {
  const r = await readForCommand(file, locale, true);
  if (typeof r === 'number') return r;
  process.stdout.write(r.text.endsWith('\n') ? r.text : `${r.text}\n`);
  return EXIT_OK;
}

/** `kamervraag draft FILE`: the skeleton of the answer on standard output. */
async function draft(file: string, locale: Locale): Promise<number> {
  const r = await readForCommand(file, locale, false);
  if (typeof r === 'number') return r;
  const d = draftAnswer(r.analysis);
  if (d === null) {
    process.stderr.write(`kamervraag: ${file}: ${T[locale].noQuestionsToDraft}\n`);
    return EXIT_ANALYSIS_FAILED;
  }
  process.stdout.write(d.text);
  return EXIT_OK;
}

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  // `kamervraag analyze … | head`: the reader went away; stop quietly.
  if (err.code === 'EPIPE') process.exit(EXIT_OK);
  throw err;
});

run(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (err: unknown) => {
    process.stderr.write(`kamervraag: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = EXIT_ANALYSIS_FAILED;
  },
);
