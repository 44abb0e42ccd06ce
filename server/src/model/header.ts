// The header of a question set: in the openkamer layout the key lines
// (`Ingediend 19 mei 2022`, `Beantwoord 18 juli 2022 (na 60 dagen)`,
// `Indiener Caroline van der Plas (BBB)`, …) and the footer; in the official
// layout the sentences `Vragen van het lid X (PARTY) aan de Minister … over …
// (ingezonden <date>).` and `Antwoord van Minister Y (…), mede namens …
// (ontvangen <date>).`, plus the zaak number and publication number lines.

import { type ArchiveFacts, findKeywordParen } from './archive';
import { contentSpan } from './lines';
import { isDigit, isSpace, LineIndex, normalizeSpace, partitionPoint, Span } from './text';
import type { HeaderField, Person, Publication } from './types';

/** Header lines joined with `\n`, with a map back to document offsets. */
class Joined {
  readonly text: string;
  /** The length of the text of the lines, before the extra spans. */
  readonly linesLength: number;
  private readonly pieces: { joined: number; doc: number }[] = [];

  constructor(index: LineIndex, lines: readonly number[], end = Infinity, extra: readonly Span[] = []) {
    let text = '';
    const spans = lines.map((line) => contentSpan(index.text, index.lineStart(line), Math.min(index.lineEnd(line), Math.max(index.lineStart(line), end))));
    let linesLength = -1;
    for (const span of [...spans, ...extra]) {
      if (this.pieces.length === spans.length) linesLength = text.length;
      if (text.length > 0) text += '\n';
      this.pieces.push({ joined: text.length, doc: span.start });
      // Line breaks inside an extra span (`Antwoord van …` over two lines) read as spaces.
      text += index.text.slice(span.start, span.end).replace(/[\r\n]/g, ' ');
    }
    this.text = text;
    this.linesLength = linesLength < 0 ? text.length : linesLength;
  }

  toDoc(j: number): number {
    const pieces = this.pieces;
    if (pieces.length === 0) return 0;
    // The last piece that starts at or before j (the first one for a j before them all).
    const k = Math.max(0, partitionPoint(pieces.length, (i) => pieces[i].joined <= j) - 1);
    return pieces[k].doc + (j - pieces[k].joined);
  }

  span(a: number, b: number): Span {
    return { start: this.toDoc(a), end: this.toDoc(b) };
  }
}

export interface HeaderInfo {
  readonly zaak: { readonly value: string; readonly span: Span } | null;
  readonly title: { readonly value: string; readonly span: Span } | null;
  readonly submitters: Omit<Person, 'range'>[];
  readonly addressees: Omit<Person, 'range'>[];
  readonly answeredBy: Omit<Person, 'range'>[];
  readonly onBehalfOf: string | null;
  /** Where the submission date stands (`Ingediend …`, `(ingezonden …)`): the first date inside is it. */
  readonly submittedAt: Span | null;
  readonly answeredAt: Span | null;
  /** `(ontvangen …)` of a delay-notice document. */
  readonly noticeAt: Span | null;
  readonly statedDays: { readonly value: number; readonly span: Span } | null;
  readonly topics: string[];
  readonly publications: Omit<Publication, 'range'>[];
  readonly aanhangselNumber: number | null;
  readonly vergaderjaar: string | null;
  readonly fields: Omit<HeaderField, 'range'>[];
}

const OPENKAMER_KEYS = ['Beantwoord door', 'Bron antwoord', 'Bron vraag', 'Onderwerpen', 'Indieners', 'Indiener', 'Ingediend', 'Beantwoord'];
const FOOTER_KEYS = ['Kamervraag document nummer:', 'Kamerantwoord document nummer:', 'Volledige titel:'];
const PUBLICATION_BASE = 'https://zoek.officielebekendmakingen.nl/';

function emptyHeader(): HeaderInfo {
  return {
    zaak: null, title: null, submitters: [], addressees: [], answeredBy: [], onBehalfOf: null,
    submittedAt: null, answeredAt: null, noticeAt: null, statedDays: null, topics: [], publications: [],
    aanhangselNumber: null, vergaderjaar: null, fields: [],
  };
}

function isZaak(s: string, at: number): boolean {
  if (at + 10 > s.length) return false;
  for (let i = 0; i < 10; i++) {
    const c = s.charCodeAt(at + i);
    if (i === 4 ? s[at + i] !== 'Z' : !isDigit(c)) return false;
  }
  return true;
}

/** `kv-tk-2022Z09875` or `ah-tk-20212022-3618` at `at`, with its length. */
function publicationIdAt(s: string, at: number): { id: string; kind: 'question' | 'answer' } | null {
  const prefix = s.slice(at, at + 6);
  if (prefix !== 'kv-tk-' && prefix !== 'ah-tk-') return null;
  let e = at + 6;
  while (e < s.length && (isDigit(s.charCodeAt(e)) || s[e] === 'Z' || s[e] === '-')) e++;
  while (e > at + 6 && s[e - 1] === '-') e--;
  if (e - at < 10) return null;
  return { id: s.slice(at, e), kind: prefix === 'kv-tk-' ? 'question' : 'answer' };
}

function findPublications(j: Joined, out: Omit<Publication, 'range'>[]): void {
  const s = j.text;
  for (let i = s.indexOf('-tk-'); i >= 2; i = s.indexOf('-tk-', i + 4)) {
    const p = publicationIdAt(s, i - 2);
    if (p && !out.some((o) => o.id === p.id)) {
      out.push({ kind: p.kind, id: p.id, url: `${PUBLICATION_BASE}${p.id}.html`, span: j.span(i - 2, i - 2 + p.id.length) });
    }
  }
}

/** Splits `A (P), B (Q) en C (allen R)` at top-level commas and ` en `, keeping offsets. */
function splitTopLevel(s: string, from: number, to: number, onAnd: boolean): { start: number; end: number }[] {
  const parts: { start: number; end: number }[] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const ch = s[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && ch === ',') {
      parts.push({ start, end: i });
      start = i + 1;
    } else if (depth === 0 && onAnd && isSpace(s.charCodeAt(i)) && s.startsWith('en', i + 1) && isSpace(s.charCodeAt(i + 3))) {
      parts.push({ start, end: i });
      start = i + 4;
      i += 3;
    }
  }
  parts.push({ start, end: to });
  return parts.map((p) => trim(s, p.start, p.end)).filter((p) => p.end > p.start);
}

function trim(s: string, a: number, b: number): { start: number; end: number } {
  while (a < b && isSpace(s.charCodeAt(a))) a++;
  while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
  return { start: a, end: b };
}

/** `Hanke Bruins Slot (minister binnenlandse zaken …) (CDA)`, `Sneller` (party from `allen D66` later). */
function parsePerson(j: Joined, a: number, b: number, partyLast: boolean): Omit<Person, 'range'> & { shared: boolean } {
  const s = j.text;
  const groups: { start: number; end: number }[] = [];
  let nameEnd = b;
  let depth = 0;
  let open = -1;
  for (let i = a; i < b; i++) {
    if (s[i] === '(') {
      if (depth === 0) open = i;
      depth++;
    } else if (s[i] === ')' && depth > 0) {
      depth--;
      if (depth === 0 && open >= 0) {
        groups.push({ start: open + 1, end: i });
        if (nameEnd === b) nameEnd = open;
      }
    }
  }
  const name = normalizeSpace(s.slice(a, nameEnd));
  let party: string | null = null;
  let role: string | null = null;
  let shared = false;
  const texts = groups.map((g) => normalizeSpace(s.slice(g.start, g.end)));
  if (texts.length > 0 && partyLast) {
    const last = texts[texts.length - 1];
    const shares = /^(allen|beiden) /.exec(last);
    if (shares) {
      party = last.slice(shares[0].length);
      shared = true;
      texts.pop();
    } else if (texts.length > 1 || !/^(minister|staatssecretaris|minister-president)\b/i.test(last)) {
      party = texts.pop() ?? null;
    }
  }
  if (texts.length > 0) role = texts.join('; ');
  return { name, party, role, span: j.span(a, b), shared };
}

function parsePeople(j: Joined, a: number, b: number): Omit<Person, 'range'>[] {
  const parts = splitTopLevel(j.text, a, b, true);
  const people = parts.map((p) => parsePerson(j, p.start, p.end, true));
  // `Sneller , Bamenga , Rooderkerk (allen D66)`: the shared party goes back to the names before it.
  for (let i = people.length - 1; i >= 0; i--) {
    if (!people[i].shared) continue;
    for (let k = i - 1; k >= 0 && people[k].party === null; k--) people[k] = { ...people[k], party: people[i].party };
  }
  return people.map(({ shared: _shared, ...p }) => p);
}

export function readOpenkamerHeader(index: LineIndex, headerLines: readonly number[], footerLines: readonly number[]): HeaderInfo {
  const info = emptyHeader();
  const fields: Omit<HeaderField, 'range'>[] = [];
  const j = new Joined(index, headerLines);
  const s = j.text;
  let title: HeaderInfo['title'] = null;
  let zaak: HeaderInfo['zaak'] = null;
  let submittedAt: Span | null = null;
  let answeredAt: Span | null = null;
  let statedDays: HeaderInfo['statedDays'] = null;
  const submitters: Omit<Person, 'range'>[] = [];
  const answeredBy: Omit<Person, 'range'>[] = [];
  const topics: string[] = [];
  let lineStart = 0;
  while (lineStart <= s.length) {
    let lineEnd = s.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = s.length;
    const line = s.slice(lineStart, lineEnd);
    const key = OPENKAMER_KEYS.find((k) => line.startsWith(k + ' ') || line === k);
    if (line.startsWith('Kamervraag ') && isZaak(line, 11)) {
      zaak = { value: line.slice(11, 21), span: j.span(lineStart + 11, lineStart + 21) };
    } else if (key) {
      const vs = lineStart + key.length + 1;
      const value = trim(s, Math.min(vs, lineEnd), lineEnd);
      fields.push({ key, keySpan: j.span(lineStart, lineStart + key.length), value: s.slice(value.start, value.end), valueSpan: j.span(value.start, value.end), span: j.span(lineStart, lineEnd) });
      if (key === 'Ingediend') submittedAt = j.span(value.start, value.end);
      else if (key === 'Beantwoord') {
        const na = s.indexOf('(na ', value.start);
        answeredAt = j.span(value.start, na > 0 && na < value.end ? na : value.end);
        if (na > 0 && na < value.end) {
          let e = na + 4;
          while (e < value.end && isDigit(s.charCodeAt(e))) e++;
          const close = s.indexOf(')', e);
          if (e > na + 4) statedDays = { value: +s.slice(na + 4, e), span: j.span(na, close > 0 && close <= value.end ? close + 1 : e) };
        }
      } else if (key === 'Indiener' || key === 'Indieners') submitters.push(...parsePeople(j, value.start, value.end));
      else if (key === 'Beantwoord door') answeredBy.push(...parsePeople(j, value.start, value.end));
      else if (key === 'Onderwerpen') topics.push(...splitTopics(s.slice(value.start, value.end)));
    } else if (title === null && zaak !== null && line.trim().length > 0) {
      title = { value: line.trim(), span: j.span(lineStart, lineEnd) };
    }
    lineStart = lineEnd + 1;
  }
  const publications: Omit<Publication, 'range'>[] = [];
  findPublications(j, publications);
  const footer = new Joined(index, footerLines);
  findPublications(footer, publications);
  for (const line of footerLines) {
    const span = contentSpan(index.text, index.lineStart(line), index.lineEnd(line));
    const text = index.text.slice(span.start, span.end);
    const key = FOOTER_KEYS.find((k) => text.startsWith(k));
    if (!key) continue;
    const v = trim(index.text, span.start + key.length, span.end);
    fields.push({ key: key.slice(0, -1), keySpan: { start: span.start, end: span.start + key.length }, value: index.text.slice(v.start, v.end), valueSpan: v, span });
    // A page cut off at the top still names its title in the footer.
    if (title === null && key === 'Volledige titel:') title = { value: index.text.slice(v.start, v.end), span: v };
  }
  if (zaak === null) {
    const q = publications.find((p) => p.kind === 'question' && p.id && isZaak(p.id, 6));
    if (q && q.id) zaak = { value: q.id.slice(6, 16), span: q.span };
  }
  return { ...info, zaak, title, submitters, answeredBy, submittedAt, answeredAt, statedDays, topics, publications, fields };
}

/** `bestuur economie ict organisatie en beleid` → bestuur, economie, ict, organisatie en beleid. */
function splitTopics(value: string): string[] {
  if (value.includes(',')) return value.split(',').map((t) => t.trim()).filter(Boolean);
  const words = value.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (words[i] === 'en' && out.length > 0 && i + 1 < words.length) {
      out[out.length - 1] += ` en ${words[++i]}`;
    } else out.push(words[i]);
  }
  return out;
}

/** Finds `needle` at a word start in s[from, to), case-sensitive. */
function findWord(s: string, needle: string, from: number, to = s.length): number {
  for (let i = s.indexOf(needle, from); i >= 0 && i < to; i = s.indexOf(needle, i + 1)) {
    if (i === 0 || !/[\p{L}\d]/u.test(s[i - 1])) return i;
  }
  return -1;
}

/** The first top-level ` word ` at or after `from` (outside parentheses). */
function findTopLevel(s: string, needle: string, from: number, to: number): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && s.startsWith(needle, i)) return i;
  }
  return -1;
}

/** `(ingezonden 27 september 2024)` → the span inside the parentheses after the keyword. */
function parenthesised(j: Joined, keyword: string, from: number): Span | null {
  const s = j.text;
  const at = s.indexOf(`(${keyword}`, from);
  if (at < 0) return null;
  const close = s.indexOf(')', at);
  const end = close < 0 ? Math.min(s.length, at + 60) : close;
  return j.span(at + 1 + keyword.length, end);
}

export function readOfficialHeader(
  index: LineIndex,
  headerLines: readonly number[],
  furnitureLines: readonly number[],
  headerEnd = Infinity,
  archive: ArchiveFacts | null = null,
): HeaderInfo {
  // The archive states the answer's and the notice's people after the questions: read with the header.
  const extra = archive ? [archive.answerIntro, archive.noticeIntro].filter((x): x is Span => x !== null) : [];
  const j = new Joined(index, headerLines, headerEnd, extra);
  const s = j.text.replace(/\n/g, ' ');
  let zaak: HeaderInfo['zaak'] = null;
  let title: HeaderInfo['title'] = null;
  let aanhangselNumber: number | null = null;
  let submitters: Omit<Person, 'range'>[] = [];
  let addressees: Omit<Person, 'range'>[] = [];
  const answeredBy: Omit<Person, 'range'>[] = [];
  let onBehalfOf: string | null = null;
  let submittedAt: Span | null = null;
  let answeredAt: Span | null = null;
  let noticeAt: Span | null = null;
  const fields: Omit<HeaderField, 'range'>[] = [];

  // Lines that hold only the zaak number, `AH 604` or the publication number `584`.
  let lineStart = 0;
  while (lineStart <= j.text.length) {
    let lineEnd = j.text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = j.text.length;
    const raw = j.text.slice(lineStart, lineEnd);
    const line = raw.trim();
    // `2024Z17972`, also as `2024Z 17972`.
    const compact = line.length === 11 && line[5] === ' ' ? line.slice(0, 5) + line.slice(6) : line;
    if (compact.length === 10 && isZaak(compact, 0) && zaak === null) {
      const at = lineStart + raw.indexOf(line);
      zaak = { value: compact, span: j.span(at, at + line.length) };
    }
    else if (/^AH \d{1,5}$/.test(line)) aanhangselNumber = +line.slice(3);
    else if (/^\d{1,5}$/.test(line) && aanhangselNumber === null && lineStart < 400) aanhangselNumber = +line;
    lineStart = lineEnd + 1;
  }

  // A minister's cover letter (the Word original): `In (het) antwoord op uw brief van 8 juli 2024, nr. 2024Z11889, …`
  // names the zaak of the questions, and its letterhead line `Datum 26 augustus 2024` is the date of the answers.
  const cover = findWord(s, 'antwoord op uw brief van ', 0);
  let coverDate: Span | null = null;
  if (cover >= 0) {
    const nr = s.indexOf('nr. ', cover);
    if (zaak === null && nr >= 0 && nr - cover < 100 && isZaak(s, nr + 4) && !/[\p{L}\d]/u.test(s[nr + 14] ?? ' ')) {
      zaak = { value: s.slice(nr + 4, nr + 14), span: j.span(nr + 4, nr + 14) };
    }
    for (let start = 0; start < cover; ) {
      let end = j.text.indexOf('\n', start);
      if (end < 0) end = j.text.length;
      if (j.text.startsWith('Datum', start) && end - start > 6 && isSpace(j.text.charCodeAt(start + 5))) {
        coverDate = j.span(start + 6, end);
        break;
      }
      start = end + 1;
    }
  }

  let vragen = findWord(s, 'Vragen van ', 0);
  let vragenLength = 'Vragen van '.length;
  // The cover letter's formula names the questions in its sentence: `… deel ik u mede dat de vragen van het lid
  // Teunissen (PvdD) aan de minister van … over ernstig dierenleed … worden beantwoord zoals aangegeven in de bijlage`.
  let coverStop = -1;
  if (vragen < 0 && cover >= 0) {
    const beantwoord = s.indexOf(' worden beantwoord', cover);
    if (beantwoord >= 0 && beantwoord - cover < 1500) {
      // The last `vragen van` or `Kamervragen van` before it: the one whose people and subject follow.
      for (const lead of ['vragen van ', 'Kamervragen van ']) {
        const at = s.lastIndexOf(lead, beantwoord);
        if (at > cover && at > vragen && (at === 0 || !/[\p{L}\d]/u.test(s[at - 1]))) {
          vragen = at;
          vragenLength = lead.length;
        }
      }
      if (vragen >= 0) coverStop = beantwoord;
    }
  }
  if (vragen >= 0) {
    // `(ingezonden …)`, also as the OCR prints it: `(Ingezonden`, `(In-gezonden`, `(!nge-zonden`.
    const ingezondenParen = findKeywordParen(s, 'ingezonden', vragen, Math.min(s.length, vragen + 2000));
    const ingezonden = ingezondenParen ? ingezondenParen.open : -1;
    const stop = coverStop >= 0 ? coverStop : ingezonden >= 0 ? ingezonden : Math.min(vragen < j.linesLength ? j.linesLength : s.length, vragen + 1500);
    let who = vragen + vragenLength;
    // `het lid`, `de leden`, and the slips `het leden`, `de leden lid`, `het van het lid` that DOCX texts have.
    if (s.startsWith('het van ', who)) who += 'het van '.length;
    for (const lead of ['het lid ', 'de leden ', 'het leden ', 'het Kamerlid ', 'de Kamerleden ', 'lid ']) {
      if (s.startsWith(lead, who)) who += lead.length;
    }
    const aan = findTopLevel(s, ' aan ', who, stop);
    let over = findTopLevel(s, ' over ', aan >= 0 ? aan : who, stop);
    let overLength = 6;
    // PDF text glues `over` to the next word: `overhet verdwijnen`.
    for (const glued of [' overhet ', ' overde ', ' overeen ']) {
      const g = findTopLevel(s, glued, aan >= 0 ? aan : who, stop);
      if (g >= 0 && (over < 0 || g < over)) {
        over = g;
        overLength = 5;
      }
    }
    if (aan >= 0) submitters = parsePeople(j, who, aan);
    // The archive names no addressee: `Vragen van de leden A en B (allen P.v.d.A.) over …`.
    else if (over >= 0) submitters = parsePeople(j, who, over);
    if (aan >= 0) {
      const addrStart = aan + 5;
      const addrEnd = over >= 0 ? over : stop;
      addressees = splitAddressees(s, addrStart, addrEnd).map((p) => {
        const text = normalizeSpace(s.slice(p.start, p.end));
        return { name: text, party: null, role: text, span: j.span(p.start, p.end) };
      });
    }
    if (over >= 0) {
      const t = trim(s, over + overLength, stop);
      const value = s.slice(t.start, t.end).replace(/\s+/g, ' ');
      const bare = value.endsWith('.') ? value.slice(0, -1) : value;
      if (bare) title = { value: bare[0].toUpperCase() + bare.slice(1), span: j.span(t.start, t.start + bare.length) };
    }
    submittedAt = ingezondenParen ? j.span(ingezondenParen.after, ingezondenParen.close) : parenthesised(j, 'ingezonden', 0);
    fields.push({ key: s.slice(vragen, vragen + vragenLength - 1), keySpan: j.span(vragen, vragen + vragenLength - 1), value: s.slice(vragen + vragenLength, stop).trim(), valueSpan: j.span(vragen + vragenLength, stop), span: j.span(vragen, stop) });
  }

  for (const lead of ['Antwoord van ', 'Mededeling van ']) {
    const at = findWord(s, lead, 0);
    if (at < 0) continue;
    const ontvangenParen = findKeywordParen(s, 'ontvangen', at, Math.min(s.length, at + 600));
    const ontvangen = ontvangenParen ? ontvangenParen.open : -1;
    const stop = ontvangen >= 0 ? ontvangen : Math.min(s.length, at + 400);
    const mede = s.indexOf('mede namens', at);
    const whoEnd = mede >= 0 && mede < stop ? mede : stop;
    const who = trim(s, at + lead.length, whoEnd);
    let whoText = s.slice(who.start, who.end);
    if (whoText.endsWith(',')) whoText = whoText.slice(0, -1);
    const person = parseAnswerer(j, who.start, who.start + whoText.length);
    if (person) answeredBy.push(person);
    if (mede >= 0 && mede < stop) onBehalfOf = normalizeSpace(s.slice(mede + 'mede namens'.length, stop)).replace(/[,.]$/, '') || null;
    const at2 = ontvangenParen ? j.span(ontvangenParen.after, ontvangenParen.close) : null;
    if (lead === 'Antwoord van ') answeredAt = at2;
    else noticeAt = at2;
    fields.push({ key: lead.trim(), keySpan: j.span(at, at + lead.length - 1), value: s.slice(at + lead.length, stop).trim(), valueSpan: j.span(at + lead.length, stop), span: j.span(at, stop) });
  }

  if (answeredAt === null && coverDate !== null) answeredAt = coverDate;

  const publications: Omit<Publication, 'range'>[] = [];
  findPublications(new Joined(index, furnitureLines), publications);
  findPublications(j, publications);
  let vergaderjaar: string | null = null;
  const furniture = new Joined(index, furnitureLines);
  const vj = furniture.text.search(/ergaderjaar \d{4}[–-]\d{4}/);
  if (vj >= 0) vergaderjaar = furniture.text.slice(vj + 12, vj + 21).replace('-', '–');
  if (archive) {
    // The printed header: `2` is the chamber, the item number stands under it; `Zitting 1976-1977`.
    aanhangselNumber = archive.itemNumber;
    vergaderjaar = archive.vergaderjaar ?? vergaderjaar;
  }
  return {
    ...emptyHeader(), zaak, title, submitters, addressees, answeredBy, onBehalfOf, submittedAt, answeredAt, noticeAt,
    publications, aanhangselNumber, vergaderjaar, fields,
  };
}

/** `Minister Bruins (Onderwijs, Cultuur en Wetenschap)`, `minister Van Weel (Justitie en Veiligheid)`. */
function parseAnswerer(j: Joined, a: number, b: number): Omit<Person, 'range'> | null {
  const s = j.text;
  if (b <= a) return null;
  const open = s.indexOf('(', a);
  const nameEnd = open >= 0 && open < b ? open : b;
  let text = normalizeSpace(s.slice(a, nameEnd));
  let fn = '';
  for (const f of ['Minister-President', 'Minister', 'minister', 'Staatssecretaris', 'staatssecretaris']) {
    if (text.startsWith(f + ' ')) {
      fn = f;
      text = text.slice(f.length + 1);
      break;
    }
  }
  const close = open >= 0 ? s.indexOf(')', open) : -1;
  const portfolio = open >= 0 && close > open && close <= b ? s.slice(open + 1, close).replace(/\s+/g, ' ') : null;
  const role = fn ? (portfolio ? `${fn} (${portfolio})` : fn) : portfolio;
  return { name: text, party: null, role, span: j.span(a, b) };
}

/** `de Ministers van A en van B en de Staatssecretaris van C` → two addressees. */
function splitAddressees(s: string, a: number, b: number): { start: number; end: number }[] {
  const parts: { start: number; end: number }[] = [];
  let start = a;
  for (let i = a; i < b; i++) {
    if (s.startsWith(' en de ', i) || s.startsWith(', de ', i) || s.startsWith(' en het ', i)) {
      parts.push(trim(s, start, i));
      start = i + (s.startsWith(', de ', i) ? 2 : 4);
    }
  }
  parts.push(trim(s, start, b));
  return parts
    .map((p) => {
      let st = p.start;
      if (s.startsWith('de ', st)) st += 3;
      else if (s.startsWith('het ', st)) st += 4;
      return { start: st, end: p.end };
    })
    .filter((p) => p.end > p.start);
}
