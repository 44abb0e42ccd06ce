// The first analysis in a fresh server costs far more than any later one: the
// engine compiles the analysis and the features as they are first called, and
// optimises them once they have done enough work. The server pays that while it
// waits for its first document, on invented question sets of its own in both
// layouts, in a language service of its own (the session's documents, caches
// and index are not touched). A small first document is then answered nearly
// as fast as the next; a large one still costs several times a later analysis
// of it (the sample ×100: some 100 ms against 20), as the engine optimises
// more of the code while it runs.

import { provideCodeLenses } from './features/codeLens';
import { provideDiagnostics } from './features/diagnostics';
import { provideFoldingRanges } from './features/folding';
import { provideDocumentLinks } from './features/links';
import { provideSemanticTokens } from './features/semanticTokens';
import { provideDocumentSymbols } from './features/symbols';
import { withFreshTokens } from './model/tokens';
import { createLanguageService } from './service/languageService';

const OPENKAMER_HEADER = `Kamervraag 2021Z01234

Het onderhoud van de sluizen in het Noordzeekanaal.

Ingediend 3 februari 2021
Beantwoord 8 april 2021 (na 64 dagen)
Indiener Anna de Vries (ABC)
Beantwoord door Jan Bakker (minister van infrastructuur en waterstaat) (XYZ)
Onderwerpen verkeer water
Bron vraag https://zoek.officielebekendmakingen.nl/kv-tk-2021Z01234.html
Bron antwoord https://zoek.officielebekendmakingen.nl/ah-tk-20202021-2345.html
`;

/** Five questions with their answers, numbered from `first`, and three note numbers from `note`; their references point among themselves. */
function openkamerQuestions(first: number, note: number): string {
  const [a, b, c, d, e] = [first, first + 1, first + 2, first + 3, first + 4];
  return ` • Vraag ${a}
  Bent u bekend met het bericht «Sluis weken dicht» van 1 februari 2021?

  Ja. Ik heb de Kamer op 29 januari jl. met een brief${note} van die datum over de stremming geïnformeerd (Kamerstuk 35 570 XII, nr. 5).

 • Vraag ${b}
  Hoeveel schepen moesten in januari 2021 wachten, en hoe lang?

  Zoals ik in mijn brief${note + 1} van 12 maart 2021${note + 2} schreef, wachtten 140 schepen gemiddeld twee dagen. De in het antwoord op vraag ${a} genoemde brief van 29 januari 2021 geeft de cijfers per week.

 • Vraag ${c}
  Wanneer is het onderhoud klaar? Wat kost de vertraging de binnenvaart?

  Het onderhoud is op dinsdag 29 juni 2021 klaar. Zie voor de kosten de brieven van 2 en 9 maart 2021 en https://www.rijkswaterstaat.nl/nieuws/sluizen.

 • Vraag ${d}
  Deelt u de mening dat de vaarweg betrouwbaar moet zijn?

  Zie antwoord vraag ${b} en de antwoorden op de vragen 3 en 4 van het lid Jansen (Aanhangsel Handelingen II 2020/21, nr. 1789).

 • Vraag ${e}
  Kunt u deze vragen binnen drie weken beantwoorden?

  Zie antwoord vraag ${b}.

`;
}

const OPENKAMER_TAIL = ` • Mededeling - 24 februari 2021

  De vragen van het lid De Vries (ABC) over het onderhoud van de sluizen, ingezonden op 3 februari 2021 (kenmerk 2021Z01234), kunnen niet binnen de termijn worden beantwoord, omdat de gegevens nog worden verzameld.


Kamervraag document nummer: kv-tk-2021Z01234
Volledige titel: Het onderhoud van de sluizen in het Noordzeekanaal.
Kamerantwoord document nummer: ah-tk-20202021-2345
Volledige titel: Antwoord op vragen van het lid De Vries over het onderhoud van de sluizen in het Noordzeekanaal.
`;

/**
 * The invented question set in the layout of openkamer.org, with its five questions `copies` times
 * (numbered on): a header with its fields and sources, questions with their answers, references to
 * answers (`zie antwoord vraag 2`, the other set's `vragen 3 en 4`, the letter `in het antwoord op
 * vraag 1 genoemde`), letters with glued note numbers (`brief2 van …`), a plural (`brieven van … en
 * …`), a year glued to its note number, a date with `jl.` and one with a weekday, citations (a
 * Kamerstuk, the Handelingen, a web address), a delay notice and a footer. Each is a grammar a real
 * set runs: what the warm-up runs is what the engine has compiled.
 */
export function warmUpSet(copies = 1): string {
  let body = '';
  for (let k = 0; k < copies; k++) body += openkamerQuestions(1 + 5 * k, 1 + 3 * k);
  return OPENKAMER_HEADER + body + OPENKAMER_TAIL;
}

/**
 * How many times the openkamer set's questions are in the text the warm-up analyses: a text of some
 * 20 KB. The engine optimises a function after it has done enough work, not after a number of calls:
 * three questions analysed ten times left the first analysis of a 100 KB set as slow as without a
 * warm-up (the benchmark: 46–63 ms against 26–35 ms with this), while each analysis of this text
 * costs a few ms once the code is compiled.
 */
const WARM_UP_COPIES = 8;

/**
 * The invented set as the official publication prints it, in the lines its PDF text comes in: the
 * printed header, questions and answers headed `Vraag 1` and `Antwoord vragen 2 en 3`, note numbers
 * after question marks and their notes at the foot of the page, the page furniture (`ah-tk-…`,
 * `ISSN …`, `Tweede Kamer, vergaderjaar …, Aanhangsel 1`), and a second page.
 */
const WARM_UP_OFFICIAL_TEXT = `Tweede Kamer der Staten-Generaal2
Vergaderjaar 2020–2021 Aanhangsel van de Handelingen
Vragen gesteld door de leden der Kamer, met de daarop door de
regering gegeven antwoorden
2345
Vragen van het lid De Vries (ABC) aan de Minister van Infrastructuur en
Waterstaat over het onderhoud van de sluizen in het Noordzeekanaal (ingezonden 3 februari 2021).
Antwoord van Minister Bakker (Infrastructuur en Waterstaat) (ontvangen
8 april 2021). Zie ook Aanhangsel Handelingen, vergaderjaar 2020–2021, nr. 1789.
Vraag 1
Bent u bekend met het bericht «Sluis weken dicht»?1
Antwoord 1
Ja.
Vraag 2
Hoeveel schepen moesten in januari 2021 wachten?2
Vraag 3
Hoe lang duurde het wachten gemiddeld?
Antwoord vragen 2 en 3
Zoals ik in mijn brief van 12 maart 2021 (Kamerstuk 35 570 XII, nr. 5)
schreef, wachtten 140 schepen gemiddeld twee dagen. Zie ook het antwoord
op vraag 1.
1 De Binnenvaartkrant, «Sluis weken dicht», 1 februari 2021
2 Kamerstuk 35 570 XII, nr. 5
ah-tk-20202021-2345
ISSN 0921 - 7398’s-Gravenhage 2021Tweede Kamer, vergaderjaar 2020–2021, Aanhangsel 1
Vraag 4
Wanneer is het onderhoud op 29 juni jl. klaar gekomen?
Antwoord 4
Op dinsdag 29 juni 2021, zoals de in het antwoord op vraag 2 genoemde
brief aankondigde.
Tweede Kamer, vergaderjaar 2020–2021, Aanhangsel 2
`;

/**
 * Two paragraphs of an answer as ministries write them, the `k`th time: long sentences that name
 * letters with glued note numbers (`brief4`, `bij brief5 van …`), dates with and without their year
 * (`14 januari jongstleden`), a year glued to its note number (`10 februari 20207`), abbreviations
 * in brackets, guillemets, references to other answers, and plenty of plain words between them. A
 * real answer is mostly such prose: the sets above, short answers each, left the engine's code for
 * long runs of words unoptimised, and the first large document paid for it (the sample ×100: 109–185
 * ms to its first outline in process, 64–113 ms with these paragraphs in the warm-up).
 */
function proseAnswer(k: number): string {
  const n = 3 * (k - 1);
  return `  Naar aanleiding van het verzoek van het lid Jansen in de regeling van werkzaamheden van 12 januari 2021 heb ik uw Kamer een brief${n + 1} gestuurd over de stand van zaken bij de sluizen, in relatie tot de Waterwet, de per 1 januari 2021 gewijzigde Scheepvaartwet (Sw), de Wet open overheid en de Handreiking voor het beheer van vaarwegen. Op 14 januari jongstleden heeft er een debat met uw Kamer plaatsgevonden waarin de staatssecretaris hier een nadere toelichting op heeft gegeven. Tot slot heeft de Minister-President bij brief${n + 2} van 20 januari 2021 een voortgangsbericht gestuurd aan uw Kamer naar aanleiding van de toezegging gedaan tijdens het debat van 14 januari over de aantallen schepen. Verder heb ik uw Kamer bij brief van 26 februari 2021 geïnformeerd over de resultaten van het op verzoek van het Kamerlid De Vries uitgevoerde onderzoek naar de wachttijden van het afgelopen half jaar en over het onderzoek van de Inspectie Leefomgeving en Transport dat op dit moment loopt naar het onderhoud bij Rijkswaterstaat.
  Zoals ook aangegeven in mijn brief van 3 maart 2021 in antwoord op vragen van het lid De Vries (ABC) over de sluizen in het Noordzeekanaal, is naar aanleiding van de uitspraak van de Raad van State van 10 februari 2020${n + 3} beleid ontwikkeld over het melden van stremmingen en het bewaren van meldingen. Uit dit beleid volgt dat meldingen bewaard dienen te blijven wanneer de relevante informatie niet ook al op een andere manier is vastgelegd, bijvoorbeeld in een nota of een e-mail. Het is niet nodig dat dezelfde informatie twee keer wordt bewaard. In mijn brief van 17 maart 2021 heb ik uw Kamer bericht dat de Inspectie inmiddels is begonnen, dat de resultaten naar verwachting op 1 oktober 2021 gereed zullen zijn en dat deze zo spoedig mogelijk met een reactie aan uw Kamer zullen worden gezonden. Zie ook het antwoord op vraag ${k} en de in antwoord ${k} genoemde brief van 3 maart 2021, het genoemde debat van 14 januari 2021 en de «Handleiding bewaren van meldingen» (’s-Gravenhage, 2020).
`;
}

/** How many questions the set of long answers has: some 20 KB of prose. */
const PROSE_QUESTIONS = 8;

/** The header of the set of long answers: another set (nothing of it is the same as the first set's, at either end). */
const PROSE_HEADER = `Kamervraag 2021Z04567

De wachttijden bij de sluizen in het Noordzeekanaal.

Ingediend 4 februari 2021
Beantwoord 1 april 2021 (na 56 dagen)
Indiener Pieter Jansen (DEF)
Beantwoord door Jan Bakker (minister van infrastructuur en waterstaat) (XYZ)
Onderwerpen verkeer water
Bron vraag https://zoek.officielebekendmakingen.nl/kv-tk-2021Z04567.html
Bron antwoord https://zoek.officielebekendmakingen.nl/ah-tk-20202021-2290.html
`;

const PROSE_TAIL = `

Kamervraag document nummer: kv-tk-2021Z04567
Volledige titel: De wachttijden bij de sluizen in het Noordzeekanaal.
Kamerantwoord document nummer: ah-tk-20202021-2290
Volledige titel: Antwoord op vragen van het lid Jansen over de wachttijden bij de sluizen in het Noordzeekanaal.
`;

/** An openkamer set whose answers are long prose (`proseAnswer`). */
export function proseSet(questions = PROSE_QUESTIONS): string {
  let body = '';
  for (let k = 1; k <= questions; k++) {
    body += ` • Vraag ${k}
  Klopt het dat de wachttijden bij de sluizen in januari 2021 zijn opgelopen, zoals de Binnenvaartkrant op 2 februari 2021 meldde? Kunt u per week aangeven hoeveel schepen moesten wachten, en waarom?

${proseAnswer(k)}
`;
  }
  return PROSE_HEADER + body + PROSE_TAIL;
}

/** The texts the warm-up analyses in turn. */
export const WARM_UP_TEXTS: readonly string[] = [warmUpSet(WARM_UP_COPIES), WARM_UP_OFFICIAL_TEXT, proseSet()];

/**
 * How many analyses the warm-up runs, the three texts in turn: some 130–170 ms of work in all on the
 * benchmark machine (a few ms a turn after the first), while the server waits for its first
 * document. Twelve runs of the first two texts took 60–90 ms; with the prose set and twice the runs,
 * the first outline of the sample ×100 came in a median 146 ms against 165 ms, of ×1000 in 1,039
 * against 1,136 ms (over stdio, sessions of the two builds taken in turn).
 */
export const WARM_UP_RUNS = 24;

/**
 * Analyses one of the invented sets (the `run`th in turn: no analysis is reused) with what an open
 * asks for, in a language service of its own. Returns that service (for tests).
 */
export function warmUpOnce(locale: string | undefined, run = 0): ReturnType<typeof createLanguageService> {
  const service = createLanguageService({ locale, today: '2021-04-08' });
  const uri = 'kamervraag-warm-up:/set.kamervraag';
  // The texts in turn, each second time with a space at both ends: a run differs from the run before
  // at both ends, so nothing of it is reused and each analysis runs whole.
  const text = WARM_UP_TEXTS[run % WARM_UP_TEXTS.length];
  const second = Math.floor(run / WARM_UP_TEXTS.length) % 2 === 1;
  service.openDocument(uri, 'kamervraag', 1, second ? ` ${text} ` : text);
  // Each second time on a token stream of its own, which starts small and grows: a stream kept from the
  // run before has room enough, and code that never grew an array was compiled without that path. The
  // first large document then grew them, and the tokenizer fell back to unoptimised code for its whole
  // text (the sample ×100: some 20 ms).
  if (second) withFreshTokens(() => provideDocumentSymbols(service, uri));
  // What an editor asks for when a document opens.
  provideDocumentSymbols(service, uri);
  provideDiagnostics(service, uri);
  provideFoldingRanges(service, uri);
  provideSemanticTokens(service, uri);
  provideDocumentLinks(service, uri);
  provideCodeLenses(service, uri);
  // And the index update that follows every open (its own index: the session's is not touched).
  service.indexDocument(uri);
  return service;
}

/**
 * Runs the warm-up, one analysis per turn of the event loop (a message that comes meanwhile waits for
 * one analysis of an invented set at most), while `idle()` holds; stops at the first turn it does not.
 */
export function scheduleWarmUp(locale: string | undefined, idle: () => boolean, log?: (message: string) => void): void {
  let run = 0;
  const next = (): void => {
    if (run >= WARM_UP_RUNS || !idle()) return;
    try {
      warmUpOnce(locale, run++).dispose();
    } catch (e) {
      log?.(`Warm-up failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return;
    }
    setTimeout(next, 0);
  };
  setTimeout(next, 0);
}
