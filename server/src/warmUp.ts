// The first analysis in a fresh server costs some 25 ms more than any later
// one: the engine compiles the analysis and the features as they are first
// called. The server pays that while it waits for its first document, on a
// small invented question set of its own, in a language service of its own
// (the session's documents, caches and index are not touched): the first
// document opened is then answered as fast as the next.

import { provideDiagnostics } from './features/diagnostics';
import { provideFoldingRanges } from './features/folding';
import { provideDocumentSymbols } from './features/symbols';
import { createLanguageService } from './service/languageService';

/** The invented question set: a header, questions with answers, a reference, a letter, a delay notice and a footer. */
export const WARM_UP_TEXT = `Kamervraag 2021Z01234

Het onderhoud van de sluizen in het Noordzeekanaal.

Ingediend 3 februari 2021
Beantwoord 8 april 2021 (na 64 dagen)
Indiener Anna de Vries (ABC)
Beantwoord door Jan Bakker (minister van infrastructuur en waterstaat) (XYZ)
Onderwerpen verkeer water
 • Vraag 1
  Bent u bekend met het bericht «Sluis weken dicht» van 1 februari 2021?

  Ja.

 • Vraag 2
  Hoeveel schepen moesten in januari 2021 wachten, en hoe lang?

  Zoals ik in mijn brief1 van 12 maart 2021 schreef, wachtten 140 schepen gemiddeld twee dagen.

 • Vraag 3
  Wanneer is het onderhoud klaar? Kunt u deze vragen binnen drie weken beantwoorden?

  Zie antwoord vraag 2. Het onderhoud is op 30 juni 2021 klaar.

 • Mededeling - 24 februari 2021

  De vragen kunnen niet binnen de termijn worden beantwoord, omdat de gegevens nog worden verzameld.


Kamervraag document nummer: kv-tk-2021Z01234
Volledige titel: Het onderhoud van de sluizen in het Noordzeekanaal.
`;

/** How many times the set is analysed: the engine optimises the code that runs again and again (some 40 ms of work in all, a few ms a turn after the first). */
export const WARM_UP_RUNS = 10;

/**
 * Analyses the invented set once, with its outline, diagnostics and folding, in a language service
 * of its own (`run` makes each text new: no analysis is reused). Returns that service (for tests).
 */
export function warmUpOnce(locale: string | undefined, run = 0): ReturnType<typeof createLanguageService> {
  const service = createLanguageService({ locale, today: '2021-04-08' });
  const uri = 'kamervraag-warm-up:/set.kamervraag';
  // Every other run differs at both ends: nothing of the run before is reused, each analysis runs whole.
  service.openDocument(uri, 'kamervraag', 1, run % 2 === 0 ? WARM_UP_TEXT : ` ${WARM_UP_TEXT} `);
  provideDocumentSymbols(service, uri);
  provideDiagnostics(service, uri);
  provideFoldingRanges(service, uri);
  return service;
}

/**
 * Runs the warm-up, one analysis per turn of the event loop (a message that comes meanwhile waits for
 * one analysis of the small set at most), while `idle()` holds; stops at the first turn it does not.
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
