// Drafting fixes: the weekday of a certain date, an answer heading for an
// unanswered question in the document's own style, and across files a
// question's text against the submitted questions of the same set.

import * as assert from 'assert';
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Range } from 'vscode-languageserver-types';
import { provideCodeActions } from '../../../server/src/features/codeActions';
import { provideAllDiagnostics, provideDiagnostics } from '../../../server/src/features/diagnostics';
import { createLanguageService } from '../../../server/src/service/languageService';
import { readSettings } from '../../../server/src/settings';
import { fixtureText } from '../util';
import { assertMarks, lineLength, load, TODAY } from './harness';

const at = (line: number, character: number): Range => ({ start: { line, character }, end: { line, character } });
const fixesOf = (actions: readonly CodeAction[], code: string) => actions.filter((a) => a.diagnostics?.[0]?.code === code);

// Submitted 19 May 2022. 25 May 2022 is a Wednesday; the answer's `dinsdag 25 mei` has no year (inferred 2022).
const WEEKDAYS = `
  Vragen van het lid De Vries (CDA) aan de Minister van Volksgezondheid, Welzijn en Sport over de sluiting van het zwembad in Zuidwolde (ingezonden 19 mei 2022).
  Antwoord van Minister Jansen (Volksgezondheid, Welzijn en Sport) (ontvangen 9 juni 2022).
  Vraag 1
  Kunt u de brief van dinsdag 25 mei 2022 en die van Dinsdag 25 mei 2022 toelichten?
                      ^^^^^^^ lower                  ^^^^^^^ upper
  Antwoord 1
  De brief van dinsdag 25 mei is op woensdag verstuurd.
               ^^^^^^^ inferred
`;

// openkamer: answers printed under their question after a blank line, indented two spaces; question 2 has none.
const OPENKAMER = `
  Kamervraag 2022Z10123

  De sluiting van het zwembad in Zuidwolde.

  Ingediend 19 mei 2022
  Beantwoord 9 juni 2022 (na 21 dagen)
  Indiener Jan de Vries (CDA)
  Beantwoord door Anna Jansen (minister van volksgezondheid, welzijn en sport) (VVD)
   • Vraag 1
    Bent u bekend met het bericht «Zwembad Zuidwolde sluit de deuren»?

    Ja.

   • Vraag 2
     ^^^^^^^ heading
    Hoeveel inwoners maken gebruik van het zwembad?

   • Vraag 3
    Wanneer sluit het zwembad?

    Op 1 juli 2022.
`;

// A Word answer: `Antwoord vraag N:` after a blank line; question 2 and the grouped 4 en 5 have none.
const WORD = `
  AH 950
  2024Z20002
  Antwoord van minister Jansen (Volksgezondheid, Welzijn en Sport) (ontvangen 20 november 2024)

  Vraag 1
  Bent u bekend met het bericht «Zwembad Zuidwolde sluit de deuren»?

  Antwoord vraag 1:
  Ja.

  Vraag 2
  ^^^^^^^ two
  Hoeveel inwoners maken gebruik van het zwembad?

  Vraag 3
  Wanneer sluit het zwembad?

  Antwoord vraag 3:
  Op 1 januari.

  Vraag 4 en 5
  ^^^^^^^^^^^^ group
  Wie betaalt de sluiting? En wie de sloop?
`;

function applyEdit(text: string, lines: string[], action: CodeAction, uri: string): string {
  const [e] = action.edit!.changes![uri];
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
}

describe('features: drafting fixes', () => {
  describe('weekday-mismatch', () => {
    it('replaces the weekday of a date with a written year by the right one, keeping its letter case', () => {
      const { f, service, uri } = load(WEEKDAYS);
      assertMarks(f, { lower: 'dinsdag', upper: 'Dinsdag', inferred: 'dinsdag' });
      const lower = fixesOf(provideCodeActions(service, uri, f.range('lower'), undefined), 'weekday-mismatch');
      assert.deepStrictEqual(lower.map((a) => [a.title, a.kind, a.edit]), [
        ['Vervang door woensdag', CodeActionKind.QuickFix, { changes: { [uri]: [{ range: f.range('lower'), newText: 'woensdag' }] } }],
      ]);
      assert.strictEqual(lower[0].diagnostics![0].message, '25 mei 2022 valt op een woensdag, niet op een dinsdag.');
      const upper = fixesOf(provideCodeActions(service, uri, f.range('upper'), undefined), 'weekday-mismatch');
      assert.deepStrictEqual(upper.map((a) => [a.title, a.edit]), [['Vervang door Woensdag', { changes: { [uri]: [{ range: f.range('upper'), newText: 'Woensdag' }] } }]]);
    });

    it('has no fix where the year is inferred (then the year may be what is wrong), though the diagnostic stays', () => {
      const { f, service, uri } = load(WEEKDAYS);
      assert.ok(provideDiagnostics(service, uri)!.some((d) => d.code === 'weekday-mismatch' && d.range.start.line === f.range('inferred').start.line));
      assert.deepStrictEqual(fixesOf(provideCodeActions(service, uri, f.range('inferred'), undefined), 'weekday-mismatch'), []);
    });

    it('has no fix where the year is a typo, and the Dutch word in the English title', () => {
      const typo = load(WEEKDAYS.replace('Dinsdag 25 mei 2022', 'Dinsdag 25 mei 20222'));
      assert.deepStrictEqual(fixesOf(provideCodeActions(typo.service, typo.uri, typo.f.range('upper'), undefined), 'weekday-mismatch'), []);
      const en = load(WEEKDAYS, { locale: 'en' });
      assert.deepStrictEqual(fixesOf(provideCodeActions(en.service, en.uri, en.f.range('lower'), undefined), 'weekday-mismatch').map((a) => a.title), ['Replace with woensdag']);
    });
  });

  describe('unanswered-question', () => {
    it('openkamer: an indented `Antwoord 2` after a blank line at the end of the question, which answers it', () => {
      const { f, service, uri } = load(OPENKAMER);
      const actions = fixesOf(provideCodeActions(service, uri, f.range('heading'), undefined), 'unanswered-question');
      // Line 14 (from 0) is `  Hoeveel inwoners maken gebruik van het zwembad?`: 2 + 47 characters.
      assert.strictEqual(lineLength(f, 14), 49);
      assert.deepStrictEqual(actions.map((a) => [a.title, a.edit]), [
        ['Antwoord 2 toevoegen', { changes: { [uri]: [{ range: at(14, 49), newText: '\n\n  Antwoord 2' }] } }],
      ]);
      const fixed = applyEdit(f.text(), f.text().split('\n'), actions[0], uri);
      const after = createLanguageService({ today: TODAY });
      after.openDocument(uri, 'kamervraag', 1, fixed);
      assert.deepStrictEqual(provideDiagnostics(after, uri), []);
    });

    it('Word: `Antwoord vraag 2:` as the document writes it; a grouped question gets both numbers; English titles', () => {
      const { f, service, uri } = load(WORD);
      assertMarks(f, { two: 'Vraag 2', group: 'Vraag 4 en 5' });
      const two = fixesOf(provideCodeActions(service, uri, f.range('two'), undefined), 'unanswered-question');
      assert.deepStrictEqual(two.map((a) => [a.title, a.edit]), [
        ['Antwoord 2 toevoegen', { changes: { [uri]: [{ range: at(11, 47), newText: '\n\nAntwoord vraag 2:' }] } }],
      ]);
      const group = fixesOf(provideCodeActions(service, uri, f.range('group'), undefined), 'unanswered-question');
      assert.deepStrictEqual(group.map((a) => [a.title, a.edit]), [
        ['Antwoord 4 en 5 toevoegen', { changes: { [uri]: [{ range: at(20, 41), newText: '\n\nAntwoord vraag 4 en 5:' }] } }],
      ]);
      const en = load(WORD, { locale: 'en' });
      assert.deepStrictEqual(fixesOf(provideCodeActions(en.service, en.uri, en.f.range('two'), undefined), 'unanswered-question').map((a) => a.title), ['Add answer 2']);
      assert.deepStrictEqual(fixesOf(provideCodeActions(en.service, en.uri, en.f.range('group'), undefined), 'unanswered-question').map((a) => a.title), ['Add answers 4 and 5']);
    });

    it('keeps Windows line ends', () => {
      const { f, service, uri } = load(WORD, {}, { eol: '\r\n' });
      const two = fixesOf(provideCodeActions(service, uri, f.range('two'), undefined), 'unanswered-question');
      assert.deepStrictEqual(two[0].edit, { changes: { [uri]: [{ range: at(11, 47), newText: '\r\n\r\nAntwoord vraag 2:' }] } });
    });
  });

  describe('question-text-differs', () => {
    const QUESTIONS = 'file:///zorg/kv-tk-2024Z20001.txt';
    const ANSWER = 'file:///zorg/ah-tk-20242025-900.txt';
    // The submitted questions and an answer that writes `van de patiënten` for `van patiënten` in question 2;
    // question 1 differs in its quotation marks only (layout).
    const PAIR = `
      //- ${QUESTIONS}
      2024Z20001
      Vragen van het lid De Vries (CDA) aan de Minister van Volksgezondheid, Welzijn en Sport over de privacy van patiënten (ingezonden 5 november 2024).
      Vraag 1
      Bent u bekend met het bericht «Ziekenhuis deelt gegevens van patiënten»?
      Vraag 2
      Hoe beschermt u de privacy van patiënten bij het delen van gegevens?
                                     ^^^^^^^^^ submitted
      //- ${ANSWER}
      AH 900
      2024Z20001
      Antwoord van minister Jansen (Volksgezondheid, Welzijn en Sport) (ontvangen 20 november 2024)

      Vraag 1
      Bent u bekend met het bericht “Ziekenhuis deelt gegevens van patiënten”?

      Antwoord vraag 1:
      Ja.

      Vraag 2
      Hoe beschermt u de privacy van de patiënten bij het delen van gegevens?
                                     ^^^^^^^^^^^^ here

      Antwoord vraag 2:
      Met de regels van de AVG.
    `;

    function pair(source: string, locale?: string) {
      const loaded = load(source, locale ? { locale } : {});
      for (const d of loaded.f.documents) loaded.service.indexDocument(d.uri);
      return loaded;
    }

    it('shows the smallest differing stretch of words, with the submitted question as related location', async () => {
      const { f, service } = pair(PAIR);
      assertMarks(f, { submitted: 'patiënten' }, QUESTIONS);
      assertMarks(f, { here: 'de patiënten' }, ANSWER);
      const list = (await provideAllDiagnostics(service, ANSWER))!.filter((d) => d.code === 'question-text-differs');
      assert.deepStrictEqual(list, [{
        range: f.range('here', ANSWER),
        message: 'Vraag 2 wijkt af van de ingediende tekst: "patiënten" staat hier als "de patiënten". Vragen worden letterlijk overgenomen.',
        severity: DiagnosticSeverity.Warning,
        code: 'question-text-differs',
        source: 'kamervraag',
        relatedInformation: [{ location: { uri: QUESTIONS, range: f.range('submitted', QUESTIONS) }, message: 'ingediende tekst (vraag 2)' }],
      }]);
      // The questions file itself is what the others are compared with.
      assert.deepStrictEqual((await provideAllDiagnostics(service, QUESTIONS))!.filter((d) => d.code === 'question-text-differs'), []);
    });

    it('offers the submitted words as a quick fix, from the comparison the push made', async () => {
      const { f, service } = pair(PAIR);
      await provideAllDiagnostics(service, ANSWER);
      const actions = fixesOf(provideCodeActions(service, ANSWER, f.range('here', ANSWER), undefined), 'question-text-differs');
      assert.deepStrictEqual(actions.map((a) => [a.title, a.kind, a.edit, a.isPreferred]), [
        ['Ingediende tekst herstellen', CodeActionKind.QuickFix, { changes: { [ANSWER]: [{ range: f.range('here', ANSWER), newText: 'patiënten' }] } }, true],
      ]);
      assert.deepStrictEqual(fixesOf(provideCodeActions(service, ANSWER, f.range('here', ANSWER), { only: [CodeActionKind.Refactor] }), 'question-text-differs'), []);
      // Applied, the difference is gone.
      const text = f.text(ANSWER);
      const fixed = applyEdit(text, text.split('\n'), actions[0], ANSWER);
      service.openDocument(ANSWER, 'kamervraag', 2, fixed);
      assert.deepStrictEqual((await provideAllDiagnostics(service, ANSWER))!.filter((d) => d.code === 'question-text-differs'), []);
    });

    it('in English, and none when kamervraag.diagnostics.questionTextDiffers is off', async () => {
      const en = pair(PAIR, 'en');
      const [d] = (await provideAllDiagnostics(en.service, ANSWER))!.filter((x) => x.code === 'question-text-differs');
      assert.strictEqual(d.message, 'Question 2 differs from the submitted text: "patiënten" reads here as "de patiënten". Questions are reproduced verbatim.');
      assert.strictEqual(d.relatedInformation![0].message, 'submitted text (question 2)');
      await provideAllDiagnostics(en.service, ANSWER);
      assert.deepStrictEqual(fixesOf(provideCodeActions(en.service, ANSWER, en.f.range('here', ANSWER), undefined), 'question-text-differs').map((a) => a.title), ['Restore the submitted text']);
      const { service } = pair(PAIR);
      service.setSettings(ANSWER, readSettings({ diagnostics: { questionTextDiffers: false } }));
      assert.deepStrictEqual((await provideAllDiagnostics(service, ANSWER))!.filter((x) => x.code === 'question-text-differs'), []);
    });

    it('layout alone is no difference: PDF line breaks, glued words, hyphenation, dashes, quotation marks', async () => {
      const layout = PAIR
        .replace('Bent u bekend met het bericht «Ziekenhuis deelt gegevens van patiënten»?', 'Bent u bekend met het bericht ‘Ziekenhuis deelt ge-\n      gevens vanpatiënten’?')
        .replace('Hoe beschermt u de privacy van de patiënten bij het delen van gegevens?', 'Hoe beschermt u – zo vraag ik – de privacy van patiënten bij het delen van gegevens?')
        .replace('Hoe beschermt u de privacy van patiënten bij het delen van gegevens?', 'Hoe beschermt u - zo vraag ik - de privacy\n      van patiënten bij het\n      delen van gegevens?')
        .replace(/\n\s+\^+ (here|submitted)/g, '');
      const { service } = pair(layout);
      assert.deepStrictEqual((await provideAllDiagnostics(service, ANSWER))!.filter((d) => d.code === 'question-text-differs'), []);
      // The same pair with one word changed in the answer's question 2: the comparison did run.
      const changed = pair(layout.replace('bij het delen van gegevens?\n\n', 'bij het geven van gegevens?\n\n'));
      assert.deepStrictEqual((await provideAllDiagnostics(changed.service, ANSWER))!.filter((d) => d.code === 'question-text-differs').map((d) => d.message), [
        'Vraag 2 wijkt af van de ingediende tekst: "delen" staat hier als "geven". Vragen worden letterlijk overgenomen.',
      ]);
    });

    it('a real pair (kv-tk-2024Z18792, PDF, and its Word answer ah-tk-20242025-605) has the same questions; one word added is found', async () => {
      const service = createLanguageService({ today: TODAY });
      const questions = 'file:///ws/kv-tk-2024Z18792.txt';
      const answer = 'file:///ws/ah-tk-20242025-605.txt';
      service.openDocument(questions, 'kamervraag', 1, fixtureText('official/kv-tk-2024Z18792.txt'));
      const original = fixtureText('official/ah-tk-20242025-605.txt');
      service.openDocument(answer, 'kamervraag', 1, original);
      service.indexDocument(questions);
      service.indexDocument(answer);
      assert.deepStrictEqual(service.index.setOf(answer)?.summary.documents.map((d) => d.kind).sort(), ['answer', 'questions']);
      assert.deepStrictEqual((await provideAllDiagnostics(service, answer))!.filter((d) => d.code === 'question-text-differs'), []);
      // Line 9 of the answer (8 from 0): `Kunt u aangeven op welke momenten precies met coalitiepartijen …`, `coalitiepartijen` at 46;
      // line 13 of the questions (12): the same words, `coalitiepartijen` at 46 too.
      service.openDocument(answer, 'kamervraag', 2, original.replace('precies met coalitiepartijen', 'precies met de coalitiepartijen'));
      const list = (await provideAllDiagnostics(service, answer))!.filter((d) => d.code === 'question-text-differs');
      assert.deepStrictEqual(list.map((d) => [d.range, d.message, d.relatedInformation]), [[
        { start: { line: 8, character: 46 }, end: { line: 8, character: 65 } },
        'Vraag 2 wijkt af van de ingediende tekst: "coalitiepartijen" staat hier als "de coalitiepartijen". Vragen worden letterlijk overgenomen.',
        [{ location: { uri: questions, range: { start: { line: 12, character: 46 }, end: { line: 12, character: 62 } } }, message: 'ingediende tekst (vraag 2)' }],
      ]]);
      const fix = fixesOf(provideCodeActions(service, answer, list[0].range, undefined), 'question-text-differs');
      assert.deepStrictEqual(fix.map((a) => a.edit), [{ changes: { [answer]: [{ range: list[0].range, newText: 'coalitiepartijen' }] } }]);
    });

    it('a long question rewritten stays linear and clips both sides in the message', async () => {
      const long = (w: string) => Array.from({ length: 20000 }, (_, i) => `${w}${i % 7}`).join(' ');
      const source = PAIR.replace('Hoe beschermt u de privacy van patiënten bij het delen van gegevens?', `Hoe ${long('woord')}?`)
        .replace('Hoe beschermt u de privacy van de patiënten bij het delen van gegevens?', `Hoe ${long('wourd')}?`)
        .replace(/\n\s+\^+ (here|submitted)/g, '');
      const { service } = pair(source);
      const started = Date.now();
      const [d] = (await provideAllDiagnostics(service, ANSWER))!.filter((x) => x.code === 'question-text-differs');
      assert.ok(Date.now() - started < 2000, 'a 20 000-word question compares in well under 2 s');
      const message = String(d.message);
      assert.ok(message.startsWith('Vraag 2 wijkt af van de ingediende tekst: "woord0 woord1 woord2'), message);
      assert.ok(message.includes('…" staat hier als "wourd0 wourd1'), message);
    });
  });
});
