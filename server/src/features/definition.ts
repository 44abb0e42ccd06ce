// definition: a reference goes to the answer it names (its heading, or the
// answer text where the layout has no heading), or to the question when there
// is no answer; an external reference goes nowhere inside the document. A
// letter mention goes to the letter's first mention, or to the delay notice it
// is. A footnote marker goes to its footnote text. A question heading goes to
// its answer and an answer heading to its question.

import { LocationLink, Position } from 'vscode-languageserver-types';
import type { Analysis, Block, Located, Question } from '../model/types';
import { elementAt, offsetOf, questionByNumber } from './at';
import type { Cancellation, LanguageService } from '../service/languageService';
import { crossFileDefinition } from './crossFile';

function link(uri: string, origin: Located, target: Located, selection: Located = target): LocationLink {
  return LocationLink.create(uri, target.range, selection.range, origin.range);
}

/** Where a question's answer is shown: its heading, or the start of its text. */
export function answerTarget(answer: Block): { range: Located; selection: Located } {
  return { range: answer, selection: answer.heading ?? answer.body };
}

export function questionTarget(q: Question): { range: Located; selection: Located } {
  return { range: q, selection: q.heading ?? q.question };
}

/** Across the workspace first (a zaak number, an external reference, another set's letter), then inside the document. */
export function provideDefinition(service: LanguageService, uri: string, position: Position, token?: Cancellation): LocationLink[] | null {
  const a = service.analysis(uri);
  if (!a || token?.isCancellationRequested) return null;
  return crossFileDefinition(a, position, uri, service.index) ?? definition(a, position, uri);
}

export function definition(a: Analysis, position: Position, uri: string): LocationLink[] | null {
  const offset = offsetOf(a, position);
  if (offset === null) return null;
  const el = elementAt(a, offset);
  if (!el) return null;
  const origin: Located = { span: el.span, range: a.lines.rangeOf(el.span) };
  switch (el.kind) {
    case 'reference': {
      const r = el.reference;
      if (r.scope !== 'internal' || r.target === null) return null;
      const q = questionByNumber(a, r.target);
      if (!q) return null;
      const to = q.answer ? answerTarget(q.answer) : questionTarget(q);
      return [link(uri, origin, to.range, to.selection)];
    }
    case 'letter': {
      const { letter, mention } = el;
      if (letter.notice !== null) {
        const notice = a.notices[letter.notice];
        return [link(uri, origin, notice, notice.heading ?? notice)];
      }
      const first = letter.mentions[0];
      return first === mention ? null : [link(uri, origin, first)];
    }
    case 'footnote':
      return el.footnote.note ? [link(uri, origin, el.footnote.note)] : null;
    case 'question': {
      const q = el.question;
      if (!q.answer) return null;
      const to = answerTarget(q.answer);
      return [link(uri, origin, to.range, to.selection)];
    }
    case 'answer': {
      const q = el.questions[0];
      if (!q) return null;
      const to = questionTarget(q);
      return [link(uri, origin, to.range, to.selection)];
    }
    case 'notice': {
      const letters = a.letters.filter((l) => l.notice !== null && a.notices[l.notice] === el.notice);
      return letters.length > 0 ? [link(uri, origin, letters[0].mentions[0])] : null;
    }
    default:
      return null;
  }
}
