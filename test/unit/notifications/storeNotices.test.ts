import { afterEach, describe, expect, it } from 'vitest';
import * as l10n from '../../../machines/l10n';
import { quarantineMessage, recoveryMessage } from '../../../src/notifications/storeNotices';

afterEach(() => l10n.useBundle(undefined));

const recovery = (fromJournal: number, fromMirror: number, unrecovered: number) => ({
  keptAt: '/store/journal.damaged-1.json',
  fromJournal,
  fromMirror,
  unrecovered: Array.from({ length: unrecovered }, () => ({})),
});

describe('what the user is told of the stored records', () => {
  it('a repaired history: how many records came back, from where, what was lost, where the damaged file is', () => {
    expect(recoveryMessage(recovery(2, 1, 0))).toBe(
      "The Flex server deployment history was damaged and has been repaired. 3 records recovered. 1 of them came from VS Code's own copy. Nothing was lost. The damaged file is kept at /store/journal.damaged-1.json.",
    );
    expect(recoveryMessage(recovery(1, 0, 1))).toBe(
      'The Flex server deployment history was damaged and has been repaired. 1 record recovered. 1 record could not be recovered. The damaged file is kept at /store/journal.damaged-1.json.',
    );
    expect(recoveryMessage(recovery(0, 0, 4))).toMatch(/ 0 records recovered\. 4 records could not be recovered\. /);
  });

  it('records set aside, one or more', () => {
    expect(quarantineMessage(1)).toBe('1 stored Flex server deployment record could not be read and was set aside; the others are tracked as usual.');
    expect(quarantineMessage(3)).toBe('3 stored Flex server deployment records could not be read and were set aside; the others are tracked as usual.');
  });

  it('each sentence is translated whole, in the display language’s bundle', () => {
    l10n.useBundle({ '{0} records could not be recovered.': '{0} Datensätze gingen verloren.', 'Nothing was lost.': 'Nichts ging verloren.' });
    expect(recoveryMessage(recovery(1, 1, 2))).toContain('2 Datensätze gingen verloren.');
    expect(recoveryMessage(recovery(1, 1, 0))).toContain('Nichts ging verloren.');
  });
});
