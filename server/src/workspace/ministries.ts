// The ministries a set is addressed to, from the roles as printed:
// `minister van Binnenlandse Zaken en Koninkrijksrelaties`, `Staatssecretaris
// van Financiën`, `minister binnenlandse zaken en koninkrijksrelaties`
// (openkamer), `Minister (Onderwijs, Cultuur en Wetenschap)`, `Ministers van
// Financiën en voor Buitenlandse Handel en Ontwikkelingshulp`.

import { isAscii } from '../model/text';

/** Ministries and portfolios of recent cabinets, as they are written; longest first when matching. */
const KNOWN: readonly string[] = [
  'Algemene Zaken',
  'Binnenlandse Zaken en Koninkrijksrelaties',
  'Buitenlandse Zaken',
  'Buitenlandse Handel en Ontwikkelingssamenwerking',
  'Buitenlandse Handel en Ontwikkelingshulp',
  'Defensie',
  'Economische Zaken en Klimaat',
  'Economische Zaken',
  'Financiën',
  'Infrastructuur en Waterstaat',
  'Justitie en Veiligheid',
  'Veiligheid en Justitie',
  'Landbouw, Natuur en Voedselkwaliteit',
  'Landbouw, Visserij, Voedselzekerheid en Natuur',
  'Onderwijs, Cultuur en Wetenschap',
  'Sociale Zaken en Werkgelegenheid',
  'Volksgezondheid, Welzijn en Sport',
  'Klimaat en Groene Groei',
  'Klimaat en Energie',
  'Volkshuisvesting en Ruimtelijke Ordening',
  'Asiel en Migratie',
  'Migratie',
  'Rechtsbescherming',
  'Primair en Voortgezet Onderwijs',
  'Medische Zorg',
  'Langdurige Zorg, Jeugd en Sport',
  'Langdurige Zorg en Sport',
  'Jeugd, Preventie en Sport',
  'Armoedebeleid, Participatie en Pensioenen',
  'Koninkrijksrelaties en Digitalisering',
  'Toeslagen en Douane',
  'Fiscaliteit, Belastingdienst en Douane',
  'Herstel Groningen',
  'Natuur en Stikstof',
  'Volkshuisvesting',
  'Wonen en Ruimtelijke Ordening',
  'Infrastructuur',
].slice().sort((a, b) => b.length - a.length);

/** Lower case, accents off, punctuation to spaces (hyphens too, unless kept), single spaces. */
export function fold(s: string, keepHyphens = false): string {
  // ASCII has no accents to take off (decomposing it changes nothing): most ids, names and dates.
  return (isAscii(s) ? s : s.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))
    .toLowerCase()
    .replace(keepHyphens ? /[^a-z0-9-]+/g : /[^a-z0-9]+/g, ' ')
    .trim();
}

// No space before: PDF text glues words (`vanBinnenlandse Zaken`, `MinisterKlimaat`).
const KNOWN_FOLDED = KNOWN.map((name) => ({ name, folded: `${fold(name)} ` }));

const ROLE_WORDS = /^(?:de\s+)?(?:minister-president|ministers?|staatssecretaris(?:sen)?|minister\s+president)\b/i;

/** The ministries one role stands for; `minister-president` is Algemene Zaken. Unknown names are kept as written, without the role. */
export function ministriesOf(role: string | null): string[] {
  if (!role) return [];
  const f = ` ${fold(role)} `;
  if (/ minister president /.test(f) && !/ minister president en /.test(f)) return ['Algemene Zaken'];
  const out: string[] = [];
  let rest = f;
  for (const k of KNOWN_FOLDED) {
    const i = rest.indexOf(k.folded);
    if (i < 0) continue;
    out.push(k.name);
    // Consume the match so that `Buitenlandse Zaken` does not match again inside a longer name.
    rest = `${rest.slice(0, i)} | ${rest.slice(i + k.folded.length)}`;
  }
  if (out.length > 0) return out;
  // Unknown: the role without its title words and the linking `van`/`voor`, in parentheses or not.
  const stripped = role
    .replace(ROLE_WORDS, '')
    .replace(/[()]/g, ' ')
    .replace(/^\s*(?:van|voor)\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!stripped) return [];
  return [stripped[0].toUpperCase() + stripped.slice(1)];
}

/** The distinct ministries of several roles, in order. */
export function ministriesOfRoles(roles: readonly (string | null)[]): string[] {
  const out: string[] = [];
  for (const r of roles) for (const m of ministriesOf(r)) if (!out.includes(m)) out.push(m);
  return out;
}
