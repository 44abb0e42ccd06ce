// Inlay hints, each kind a setting (`kamervraag.inlayHints.*`), short, and
// clickable to what they name: after an undated letter mention (`brief2`,
// `de genoemde brief`) the letter's date; after a date whose year is inferred
// (`19 mei`, `5 juni jl.`) the full date; after the submission date both term
// ends; after an internal reference the question's opening words (off by
// default: in running text that is a lot to read). A date standing in the
// running text is written as the text writes dates, in Dutch, so that it
// reads as part of the sentence; labels and tooltips speak the UI language.

import { InlayHintKind, type InlayHint, type InlayHintLabelPart } from 'vscode-languageserver-types';
import { clip, formatDate, termLength, t } from '../i18n/words';
import type { Cancellation, LanguageService } from '../service/languageService';
import { offsetOf, questionByNumber } from './at';

type Range = { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };

export function provideInlayHints(service: LanguageService, uri: string, range: Range, token?: Cancellation): InlayHint[] {
  const a = service.analysis(uri);
  if (!a || token?.isCancellationRequested) return [];
  const { locale, settings } = service.context(uri);
  const on = settings.inlayHints;
  const out: InlayHint[] = [];
  // The range asked for, as offsets once (a range past the end reaches the end).
  const from = offsetOf(a, range?.start) ?? 0;
  const to = offsetOf(a, range?.end) ?? a.text.length;
  const hint = (offset: number, label: string | InlayHintLabelPart[], tooltip?: string) => {
    if (offset < from || offset > to) return;
    out.push({ position: a.lines.positionAt(offset), label, kind: InlayHintKind.Type, paddingLeft: true, ...(tooltip ? { tooltip } : {}) });
  };
  if (on.letterDates) {
    for (const l of a.letters) {
      const first = l.mentions.find((m) => m.date !== null) ?? l.mentions[0];
      for (const m of l.mentions) {
        if (m.date !== null) continue;
        hint(m.span.end, [{ value: formatDate('nl', l.date), location: { uri, range: first.range } }], t(locale, `De brief van ${formatDate('nl', l.date)}`, `The letter of ${formatDate('en', l.date)}`));
      }
    }
  }
  if (on.inferredYears) {
    for (const d of a.dates) if (d.inferredYear) hint(d.span.end, formatDate('nl', d.date), t(locale, 'Het jaar volgt uit het document.', 'The year follows from the document.'));
  }
  const dl = a.deadlines;
  const submitted = a.metadata.submittedSpan;
  if (on.terms && dl && submitted) {
    hint(submitted.end, [
      { value: `${termLength(locale, dl.regularDays)}: ${formatDate(locale, dl.regular, true)}` },
      { value: ' · ' },
      { value: `${termLength(locale, dl.extendedDays)}: ${formatDate(locale, dl.extended, true)}` },
    ], t(locale, 'Einde van de antwoordtermijnen (kamervraag.terms).', 'End of the answer terms (kamervraag.terms).'));
  }
  if (on.references) {
    for (const r of a.references) {
      if (r.scope !== 'internal' || r.target === null) continue;
      const q = questionByNumber(a, r.target);
      if (!q) continue;
      const to = q.heading ?? q.question;
      hint(r.span.end, [{ value: clip(a.text.slice(q.question.span.start, q.question.span.end), 30), location: { uri, range: to.range } }]);
    }
  }
  return out.sort((x, y) => x.position.line - y.position.line || x.position.character - y.position.character);
}
