// Draft answer (`kamervraag/draftAnswer`): the skeleton of the answer to a
// questions document, in the official answer layout (`model/draft.ts`), for
// the client to open as a new document. Works on an open document, on a file
// of the index that is not open, and on a set (the Kamervragen view sends the
// set's primary file, often its answer): the set's questions document is
// then the source: as submitted (`questions`) first, else the openkamer page.

import { t } from '../i18n/words';
import { draftAnswer } from '../model/draft';
import type { Analysis } from '../model/types';
import type { DraftAnswerResult } from '../protocol';
import type { Cancellation, LanguageService } from '../service/languageService';
import type { DocumentKind } from '../workspace/sets';

/** The kinds of file that hold the questions as submitted, the better source first. */
const SOURCES: readonly DocumentKind[] = ['questions', 'openkamer'];

export async function provideDraftAnswer(service: LanguageService, uri: unknown, token?: Cancellation): Promise<DraftAnswerResult | { error: string } | null> {
  const l = service.locale;
  if (typeof uri !== 'string' || uri === '') return { error: t(l, 'Geen document opgegeven.', 'No document given.') };
  const own = await service.fileAnalysis(uri).catch(() => null);
  if (token?.isCancellationRequested) return null;
  const set = service.index.setOf(uri)?.summary ?? null;
  const ownKind = set?.documents.find((d) => d.uri === uri)?.kind;
  const hasQuestions = (a: Analysis | null): a is Analysis => a !== null && a.questions.length > 0;

  let source: Analysis | null = hasQuestions(own) && (ownKind === undefined || SOURCES.includes(ownKind)) ? own : null;
  for (const kind of SOURCES) {
    for (const d of set?.documents ?? []) {
      if (source || d.kind !== kind || d.uri === uri) continue;
      const a = await service.fileAnalysis(d.uri).catch(() => null);
      if (token?.isCancellationRequested) return null;
      if (hasQuestions(a)) source = a;
    }
  }
  // An answer document repeats the questions: a draft from them when the set has nothing better.
  source ??= hasQuestions(own) ? own : null;
  if (own === null && source === null) return { error: t(l, 'Het document kon niet worden gelezen.', 'The document could not be read.') };
  const draft = source ? draftAnswer(source) : null;
  if (!draft) return { error: t(l, 'Dit document bevat geen vragen: er valt geen antwoord op te stellen.', 'This document holds no questions: there is no answer to draft.') };
  const zaak = source?.metadata.zaak ?? set?.zaak ?? null;
  return { text: draft.text, snippet: draft.snippet, ...(zaak ? { title: t(l, `Antwoord ${zaak}`, `Answer ${zaak}`) } : {}) };
}
