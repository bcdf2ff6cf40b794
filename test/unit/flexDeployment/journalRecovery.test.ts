import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeNewest, recency, salvageRecords } from '../../../src/services/flexDeployment/journalRecovery';

const record = fc.record({
  stagingId: fc.uuid(),
  createdAt: fc.integer({ min: 0, max: 2 ** 40 }),
  serverName: fc.string(),
  note: fc.jsonValue(),
});

describe('salvaging a damaged journal', () => {
  it('a journal cut off anywhere gives back exactly the records written in full before the cut', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 6 }), fc.double({ min: 0, max: 1, noNaN: true }), (records, where) => {
        const text = JSON.stringify({ journalVersion: 1, records });
        const cut = text.slice(0, Math.floor(text.length * where));
        const { items } = salvageRecords(cut);
        const complete = records.filter((r) => {
          const end = text.indexOf(JSON.stringify(r)) + JSON.stringify(r).length;
          return end <= cut.length;
        });
        expect(items).toEqual(complete.map((r) => JSON.parse(JSON.stringify(r)) as unknown)); // as stored: -0 is 0
      }),
    );
  });

  it('never throws, whatever the file holds', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const salvage = salvageRecords(`{"journalVersion":1,"records":[${text}`);
        expect(Array.isArray(salvage.items)).toBe(true);
      }),
    );
  });

  it('finds nothing to lose in a file that is some other JSON, and a fragment in one that is not JSON', () => {
    expect(salvageRecords('{"journalVersion":1}')).toEqual({ items: [], fragments: [] });
    expect(salvageRecords('  \n')).toEqual({ items: [], fragments: [] });
    expect(salvageRecords('{"stagingId":"lost-1","createdAt":')).toEqual({ items: [], fragments: [{ stagingId: 'lost-1' }] });
    expect(salvageRecords('\u0000\u0000garbage')).toEqual({ items: [], fragments: [{}] });
  });

  it('names a whole record that does not parse, and reads on past it', () => {
    const text = '{"journalVersion":1,"records":[{"stagingId":"a"},{"stagingId":"b",oops},{"stagingId":"c"}]}';
    expect(salvageRecords(text)).toEqual({ items: [{ stagingId: 'a' }, { stagingId: 'c' }], fragments: [{ stagingId: 'b' }] });
  });

  it('trusts nothing after a value that is not a record where a record should start', () => {
    const text = '{"journalVersion":1,"records":[{"stagingId":"a"}, 42, {"stagingId":"b"}, {"stagingId":"c"}]}';
    expect(salvageRecords(text)).toEqual({ items: [{ stagingId: 'a' }], fragments: [{ stagingId: 'b' }] });
  });

  it('trusts nothing after a record whose brackets do not match', () => {
    const text = '{"journalVersion":1,"records":[{"stagingId":"a"},{"stagingId":"b"],{"stagingId":"c"}]}';
    expect(salvageRecords(text)).toEqual({ items: [{ stagingId: 'a' }], fragments: [{ stagingId: 'b' }] });
  });

  it('reads records holding objects and lists as whole records', () => {
    const record = { stagingId: 'a', audit: [{ at: 1, to: 'pending' }], connectionProfile: { server: 's', tags: { env: 'dev' } } };
    const text = `{"journalVersion":1,"records":[${JSON.stringify(record)},{"stagingId":"b","audit":[{"at"`;
    expect(salvageRecords(text)).toEqual({ items: [record], fragments: [{ stagingId: 'b' }] });
  });

  it('loses nothing when the cut falls between records or after the list', () => {
    const whole = { items: [{ stagingId: 'a' }, { stagingId: 'b' }], fragments: [] };
    expect(salvageRecords('{"journalVersion":1,"records":[{"stagingId":"a"},{"stagingId":"b"},')).toEqual(whole);
    expect(salvageRecords('{"journalVersion":1,"records":[{"stagingId":"a"},{"stagingId":"b"}],"upda')).toEqual(whole);
    expect(salvageRecords('{\n  "journalVersion": 1,\n  "records": [\n    {"stagingId":"a"},\n    {"stagingId":"b"}\n  ]\n')).toEqual(whole);
  });

  it('names the cut-off record by its staging id when that part survived', () => {
    const text = '{"journalVersion":1,"records":[{"stagingId":"a","createdAt":1},{"stagingId":"b","createdAt":2,"aud';
    expect(salvageRecords(text)).toEqual({ items: [{ stagingId: 'a', createdAt: 1 }], fragments: [{ stagingId: 'b' }] });
  });
});

describe('merging the salvage with the globalState copy', () => {
  it('keeps each record once, the newer copy, the file’s on a tie', () => {
    const fromFile = [{ stagingId: 'a', createdAt: 1, lastCheckedAt: 5 }, { stagingId: 'b', createdAt: 1, lastCheckedAt: 3 }, { stagingId: 'c', createdAt: 1 }];
    const fromCopy = [{ stagingId: 'a', createdAt: 1, lastCheckedAt: 4 }, { stagingId: 'b', createdAt: 1, lastCheckedAt: 9 }, { stagingId: 'c', createdAt: 1 }, { stagingId: 'd', createdAt: 2 }];
    const { items, recovery } = mergeNewest({ items: fromFile, fragments: [] }, fromCopy, '/kept');
    expect(items).toEqual([fromFile[0], fromCopy[1], fromFile[2], fromCopy[3]]);
    expect(recovery).toEqual({ keptAt: '/kept', fromJournal: 2, fromMirror: 2, unrecovered: [] });
  });

  it('keeps an item without a staging id from the file once, for validation to quarantine, and none from the copy', () => {
    const fromFile = [{ stagingId: 'a', createdAt: 1 }, { createdAt: 2 }];
    const fromCopy = [{ stagingId: 'a', createdAt: 1 }, { createdAt: 2 }, null];
    expect(mergeNewest({ items: fromFile, fragments: [] }, fromCopy, '/kept').items).toEqual([fromFile[0], fromFile[1]]);
  });

  it('the newest of a record is its latest event, audit included', () => {
    expect(recency({ createdAt: 1, audit: [{ at: 7 }, { at: 3 }], lastCheckedAt: 5 })).toBe(7);
    for (const notARecord of ['not a record', null, undefined, 42]) expect(recency(notARecord)).toBe(Number.NEGATIVE_INFINITY);
  });
});
