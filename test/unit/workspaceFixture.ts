// A workspace for the index tests, built from the real corpus: every corpus
// file, plus a few variants made from real files (a renumbered zaak, a
// renumbered Aanhangsel, a real answer with one real-looking sentence added
// that cites another set), plus files the index must skip or decode (binary,
// empty, a `.txt` that is no Kamervraag, Windows-1252). Used by the unit
// tests (in memory) and the protocol tests (written to a temporary folder).

import * as fs from 'fs';
import * as path from 'path';

export const CORPUS_DIR = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'corpus');

function corpus(rel: string): string {
  return fs.readFileSync(path.join(CORPUS_DIR, rel), 'utf8');
}

function replaceOnce(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  if (i < 0) throw new Error(`fixture lacks ${JSON.stringify(from)}`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

/** Windows-1252 bytes of a text (the characters the corpus uses; others become `?`). */
export function toWindows1252(text: string): Uint8Array {
  const special: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97 };
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = c < 0x80 || (c >= 0xa0 && c <= 0xff) ? c : special[text[i]] ?? 0x3f;
  }
  return out;
}

/** The earlier set that `kv-2022Z09875` cites: «Antwoord op vragen van het lid Van der Plas over het toenemende gebruik van Signal onder bewindspersonen en ambtenaren», answered by letter of 25 February 2022. Made from the sample with a renumbered zaak, that title and those dates. */
export const SIGNAL_EARLIER = 'variants/kv-2022Z01234.kamervraag';
/** A renumbered copy of Aanhangsel 546 as nr. 337, the publication 584 cites (`Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 337`). */
export const AH_337 = 'variants/ah-tk-20242025-337.txt';
/** A renumbered copy of answer 605 (AH 699, zaak 2024Z19999) whose answer cites `kenmerk 2024Z16988`. */
export const CITING_699 = 'variants/ah-tk-20242025-699.txt';
export const CITED_SENTENCE = 'Zie ook mijn mededeling over de vragen met kenmerk 2024Z16988 over de wachttijden in de ggz.';
/** A Windows-1252 copy of the openkamer page 2024Z18885, renumbered 2024Z18999. */
export const CP1252 = 'cp1252/kv-2024Z18999.kv.txt';
export const SKIPPED = { binary: 'bad/binary.kamervraag', empty: 'bad/empty.kamervraag', notKamervraag: 'notes/boodschappen.txt' };

/** The workspace: path relative to the folder → bytes. */
export function workspaceFiles(): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const utf8 = (s: string) => new TextEncoder().encode(s);
  for (const dir of ['official', 'openkamer']) {
    for (const name of fs.readdirSync(path.join(CORPUS_DIR, dir))) {
      if (name.endsWith('.txt') && name !== 'SOURCES.md') files.set(`${dir}/${name}`, utf8(corpus(`${dir}/${name}`)));
    }
  }
  let earlier = corpus('openkamer/kv-2022Z09875.txt').split('2022Z09875').join('2022Z01234');
  earlier = replaceOnce(earlier, 'Het toenemende gebruik van Signal onder bewindspersonen en het verwijderen van berichten door de minister-president.', 'Het toenemende gebruik van Signal onder bewindspersonen en ambtenaren.');
  earlier = replaceOnce(earlier, 'Ingediend 19 mei 2022', 'Ingediend 4 februari 2022');
  earlier = replaceOnce(earlier, 'Beantwoord 18 juli 2022 (na 60 dagen)', 'Beantwoord 25 februari 2022 (na 21 dagen)');
  earlier = earlier.split('ah-tk-20212022-3618').join('ah-tk-20212022-1717');
  files.set(SIGNAL_EARLIER, utf8(earlier));

  files.set(AH_337, utf8(replaceOnce(corpus('official/ah-tk-20242025-546.txt'), '\n546\n', '\n337\n')));

  let citing = corpus('official/ah-tk-20242025-605.txt');
  citing = replaceOnce(citing, 'AH 605', 'AH 699').split('2024Z18792').join('2024Z19999');
  citing = replaceOnce(citing, 'Tijdens de Algemene Financiële Beschouwingen is gedebatteerd over het kabinetsbesluit.', `Tijdens de Algemene Financiële Beschouwingen is gedebatteerd over het kabinetsbesluit. ${CITED_SENTENCE}`);
  files.set(CITING_699, utf8(citing));

  files.set(CP1252, toWindows1252(corpus('openkamer/kv-2024Z18885.txt').split('2024Z18885').join('2024Z18999')));
  files.set(SKIPPED.binary, new Uint8Array([0x4b, 0x61, 0, 0, 1, 2, 3, 0, 0xff, 0xfe, 0, 0]));
  files.set(SKIPPED.empty, new Uint8Array(0));
  files.set(SKIPPED.notKamervraag, utf8('Boodschappen\n\nmelk\nbrood\n2024Z18792\n'));
  return files;
}
