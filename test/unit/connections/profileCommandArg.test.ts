import { describe, expect, it } from 'vitest';
import { readProfileCommandArg } from '../../../src/connections/connectionCommands';

describe('a profile command’s argument', () => {
  it('is a profile id, a node or `{ profileId }`; only a literal `preserveFocus: true` keeps the focus', () => {
    expect(readProfileCommandArg('p-1')).toEqual({ profileId: 'p-1', preserveFocus: false });
    expect(readProfileCommandArg({ profileId: 'p-2', label: 'a Connections node' })).toEqual({ profileId: 'p-2', preserveFocus: false });
    expect(readProfileCommandArg({ profileId: 'p-3', preserveFocus: true })).toEqual({ profileId: 'p-3', preserveFocus: true });
    expect(readProfileCommandArg({ profileId: 'p-4', preserveFocus: 'yes' })).toEqual({ profileId: 'p-4', preserveFocus: false });
  });

  it('names no profile when it is missing or malformed, so the command asks', () => {
    for (const arg of [undefined, null, 42, {}, { profileId: 7 }, { preserveFocus: true }]) {
      expect(readProfileCommandArg(arg).profileId).toBeUndefined();
    }
  });
});
