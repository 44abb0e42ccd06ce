// kamervraag/draftAnswer over the protocol: the skeleton of the answer to an
// open questions document, the refusal of a document without questions as an
// error the client shows, malformed parameters too.

import * as assert from 'assert';
import { DRAFT_ANSWER_REQUEST, type DraftAnswerResult } from '../../server/src/protocol';
import { openAndWait, openFixture, Session } from './harness';

describe('protocol: kamervraag/draftAnswer', function () {
  let s: Session;

  before(async function () {
    s = await Session.start({ locale: 'nl' });
  });

  after(async function () {
    await s?.shutdown();
  });

  it('drafts the answer to kv-tk-2024Z18435: the header lines, Vraag 1 verbatim, the snippet with its tab stops', async function () {
    const doc = await openFixture(s, 'official/kv-tk-2024Z18435.txt');
    const r = await s.requestRaw<DraftAnswerResult>(DRAFT_ANSWER_REQUEST, { textDocument: { uri: doc.uri } });
    assert.deepStrictEqual(r.text.split('\n').slice(2, 6), [
      'Antwoord van [staatssecretaris van Infrastructuur en Waterstaat] (ontvangen [datum]).',
      '',
      'Vraag 1',
      'Heeft u kennisgenomen van het bericht van 11 november 2024 j.l. getiteld «Rijksadviseur Wouter Veldhuis is om: Lelylijn zonder Duitse connectie wélvan belang. Maar Nedersaksenlijn helemaal belangrijk»?1',
    ]);
    // Nine questions: $3 to $11, then $0.
    const stops = [...r.snippet.matchAll(/(?<!\\)\$\{?(\d+)/g)].map((m) => Number(m[1]));
    assert.deepStrictEqual(stops, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0]);
    assert.strictEqual(r.title, 'Antwoord 2024Z18435');
  });

  it('refuses a document without questions with the reason (RequestFailed)', async function () {
    const doc = await openAndWait(s, 'hallo', 'Hallo wereld\n');
    await assert.rejects(
      s.requestRaw(DRAFT_ANSWER_REQUEST, { textDocument: { uri: doc.uri } }),
      (e: Error & { code?: number }) => e.code === -32803 && e.message === 'Dit document bevat geen vragen: er valt geen antwoord op te stellen.',
    );
  });

  it('refuses malformed parameters with the reason, and stays up', async function () {
    for (const params of [{}, null, { textDocument: { uri: 7 } }]) {
      await assert.rejects(s.requestRaw(DRAFT_ANSWER_REQUEST, params), (e: Error & { code?: number }) => e.code === -32803 && e.message === 'Geen document opgegeven.');
    }
    await assert.rejects(s.requestRaw(DRAFT_ANSWER_REQUEST, { textDocument: { uri: 'file:///nergens.txt' } }), /kon niet worden gelezen/);
    const doc = await openFixture(s, 'openkamer/kv-2022Z09875.txt');
    const r = await s.requestRaw<DraftAnswerResult>(DRAFT_ANSWER_REQUEST, { textDocument: { uri: doc.uri } });
    assert.ok(r.text.startsWith('2022Z09875\n'));
  });
});
