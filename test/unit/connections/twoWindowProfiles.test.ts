import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConnectionStore } from '../../../src/connections/connectionStore';
import type { ConnectionProfileInput } from '../../../src/connections/connectionProfile';
import { createWindowLock } from '../../../src/storage/crossWindowLock';
import type { CrossWindowLock } from '../../../src/storage/crossWindowLock';
import { InMemorySecrets, InMemorySettingsFile, WindowProfileSettings } from '../../support/connectionFakes';

/** Two windows over one settings file and one lock, each with its own (soon stale) view. */
function twoWindows(initial: unknown = []) {
  const file = new InMemorySettingsFile(initial);
  const lock = createWindowLock();
  const logged: string[] = [];
  const window = () => {
    const settings = new WindowProfileSettings(file);
    return { settings, store: new ConnectionStore(settings, new InMemorySecrets(), { lock, log: (m) => logged.push(m) }) };
  };
  return { file, first: window(), second: window(), logged };
}

function profile(name: string, extra: Partial<ConnectionProfileInput> = {}): ConnectionProfileInput {
  return { id: `flex-${name}`, server: `${name}.postgres.database.azure.com`, profileName: name, database: '', user: 'pgadmin', authenticationType: 'SqlLogin', savePassword: true, ...extra };
}

const idsIn = (file: InMemorySettingsFile) => (file.value() as { id?: unknown }[]).map((e) => e.id);

describe('ConnectionStore: two windows save into one setting', () => {
  it('keeps both profiles when the second window saves from a stale view', async () => {
    const { file, first, second } = twoWindows();
    await first.store.saveProfile(profile('alpha'));
    expect(second.settings.read()).toEqual([]); // the second window never heard of it

    await second.store.saveProfile(profile('beta'));

    expect(idsIn(file)).toEqual(['flex-alpha', 'flex-beta']);
    // Its own write brought the second window's view up to date; the first still lags.
    expect(second.store.getProfiles().map((p) => p.id)).toEqual(['flex-alpha', 'flex-beta']);
  });

  it('keeps both profiles when both windows save at the same moment', async () => {
    const { file, first, second } = twoWindows();
    await Promise.all([first.store.saveProfile(profile('alpha')), second.store.saveProfile(profile('beta'))]);
    expect(idsIn(file).sort()).toEqual(['flex-alpha', 'flex-beta']);
  });

  it('a remove in one window neither drops the other window\'s profiles nor comes back from a stale view', async () => {
    const { file, first, second } = twoWindows();
    await first.store.saveProfile(profile('alpha'));
    await second.store.saveProfile(profile('beta')); // the second window now sees alpha and beta
    await first.store.saveProfile(profile('gamma'));

    await first.store.removeProfile('flex-alpha');
    expect(idsIn(file)).toEqual(['flex-beta', 'flex-gamma']);

    await second.store.saveProfile(profile('delta')); // its view still holds alpha, and lacks gamma
    expect(idsIn(file)).toEqual(['flex-beta', 'flex-gamma', 'flex-delta']);
  });

  it('updates the profile another window saved, in place, keeping that window\'s others', async () => {
    const { file, first, second } = twoWindows();
    await first.store.saveProfile(profile('alpha'));
    await first.store.saveProfile(profile('beta'));
    await second.store.saveProfile(profile('alpha', { profileName: 'alpha renamed' }));
    expect(file.value()).toEqual([expect.objectContaining({ id: 'flex-alpha', profileName: 'alpha renamed' }), expect.objectContaining({ id: 'flex-beta' })]);
  });

  it('keeps entries it cannot read, and fields it does not know, that another window or a person wrote', async () => {
    const junk = { server: 42 };
    const { file, first, second } = twoWindows();
    await first.store.saveProfile(profile('alpha'));
    file.set([junk, { ...(file.value() as object[])[0], port: 6432 }]); // hand-edited, in no window's view

    await second.store.saveProfile(profile('alpha', { profileName: 'renamed' }));
    await second.store.saveProfile(profile('beta'));

    expect(file.value()).toEqual([junk, expect.objectContaining({ id: 'flex-alpha', profileName: 'renamed', port: 6432 }), expect.objectContaining({ id: 'flex-beta' })]);
  });

  it('says freshly whether a profile is saved, whatever the window has seen', async () => {
    const { first, second } = twoWindows();
    await first.store.saveProfile(profile('alpha'));
    expect(second.store.getProfile('flex-alpha')).toBeUndefined();
    expect((await second.store.savedProfileIds()).has('flex-alpha')).toBe(true);
    // …and the window's list catches up with what it read.
    expect(second.store.getProfile('flex-alpha')).toBeDefined();

    await first.store.removeProfile('flex-alpha');
    expect((await second.store.savedProfileIds()).has('flex-alpha')).toBe(false);
  });
  it('starts from the window\'s view while there is no settings file, and from the file once a window made it', async () => {
    const { file, first, second } = twoWindows(undefined);
    file.state = 'notFound';
    await first.store.saveProfile(profile('alpha')); // VS Code makes the file
    await second.store.saveProfile(profile('beta'));
    expect(idsIn(file)).toEqual(['flex-alpha', 'flex-beta']);
  });
});

describe('ConnectionStore: a save resolves only once the profile is really in the setting', () => {
  it('merges again when another writer overtakes its write', async () => {
    const { file, first, logged } = twoWindows();
    file.overtakeNextWrite(() => file.set([profile('written-by-hand')]));
    await first.store.saveProfile(profile('alpha'));
    expect(idsIn(file)).toEqual(['flex-written-by-hand', 'flex-alpha']);
    expect(logged).toEqual(['pgsql.connections was changed by someone else while this window wrote it (attempt 1 of 3).']);
  });

  it('removes again when another writer overtakes the remove with a list that still has the profile', async () => {
    const { file, first } = twoWindows([profile('alpha'), profile('beta')]);
    file.overtakeNextWrite(() => file.set([profile('alpha'), profile('beta'), profile('gamma')]));
    await first.store.removeProfile('flex-alpha');
    expect(idsIn(file)).toEqual(['flex-beta', 'flex-gamma']);
  });

  it('saves again when another writer overtakes the save with an older version of the same profile', async () => {
    const { file, first } = twoWindows([profile('alpha')]);
    file.overtakeNextWrite(() => file.set([profile('alpha')]));
    await first.store.saveProfile(profile('alpha', { profileName: 'renamed' }));
    expect((file.value() as { profileName?: string }[]).map((e) => e.profileName)).toEqual(['renamed']);
  });

  it('merges again each time it is overtaken, up to its third write', async () => {
    const { file, first } = twoWindows();
    file.overtakeNextWrite(() => {
      file.set([profile('one')]);
      file.overtakeNextWrite(() => file.set([profile('one'), profile('two')]));
    });
    await first.store.saveProfile(profile('alpha'));
    expect(idsIn(file)).toEqual(['flex-one', 'flex-two', 'flex-alpha']);
    expect(first.settings.writes).toBe(3);
  });

  it('merges again when another window writes between its write and its read-back', async () => {
    const file = new InMemorySettingsFile([]);
    const settings = new (class extends WindowProfileSettings {
      private overtaken = false;
      override async write(entries: readonly unknown[]): Promise<void> {
        await super.write(entries);
        if (!this.overtaken) file.set([profile('other')]);
        this.overtaken = true;
      }
    })(file);
    const store = new ConnectionStore(settings, new InMemorySecrets());
    await store.saveProfile(profile('alpha'));
    expect(idsIn(file)).toEqual(['flex-other', 'flex-alpha']);
  });

  it('starts a new list once pgsql.connections was taken out of settings.json', async () => {
    const { file, first } = twoWindows();
    file.set(undefined);
    await first.store.saveProfile(profile('alpha'));
    expect(idsIn(file)).toEqual(['flex-alpha']);
  });

  it('rejects when its write keeps being overtaken, leaving the other writer\'s value', async () => {
    const { file, first } = twoWindows();
    const overtakeEvery = () => file.overtakeNextWrite(() => (file.set([]), overtakeEvery()));
    overtakeEvery();
    await expect(first.store.saveProfile(profile('alpha'))).rejects.toThrow(/kept changing/);
    expect(file.value()).toEqual([]);
  });

  it('rejects and writes nothing when the settings file cannot be read', async () => {
    const { file, first } = twoWindows([profile('alpha')]);
    file.state = 'unreadable';
    await expect(first.store.saveProfile(profile('beta'))).rejects.toThrow(/cannot be read.*Fix settings.json/);
    await expect(first.store.removeProfile('flex-alpha')).rejects.toThrow(/cannot be read/);
    await expect(first.store.savedProfileIds()).rejects.toThrow(/cannot be read/);
    expect(first.settings.writes).toBe(0);
  });

  it('rejects and writes nothing when the setting is not a list', async () => {
    const { first } = twoWindows({ id: 'not-a-list' });
    await expect(first.store.saveProfile(profile('beta'))).rejects.toThrow(/not a list/);
    expect(first.settings.writes).toBe(0);
  });

  it('does not overwrite a hand-broken entry that has the profile\'s id', async () => {
    const broken = { id: 'flex-alpha', server: 42 };
    const { file, first } = twoWindows([broken]);
    await expect(first.store.saveProfile(profile('alpha'))).rejects.toThrow(/'flex-alpha'.*not a valid profile/);
    expect(file.value()).toEqual([broken]);
    expect((await first.store.savedProfileIds()).has('flex-alpha')).toBe(true);
  });

  it('uses the window\'s view once a write of its own does not reach the file it reads', async () => {
    const elsewhere = new InMemorySettingsFile([profile('alpha')]);
    const settings = new WindowProfileSettings(elsewhere, new InMemorySettingsFile([profile('alpha')]));
    const logged: string[] = [];
    const store = new ConnectionStore(settings, new InMemorySecrets(), { log: (m) => logged.push(m) });

    await store.saveProfile(profile('beta'));
    expect(elsewhere.value()).toEqual([profile('alpha')]);
    expect(logged).toEqual([expect.stringMatching(/did not change the user settings file/)]);
    await store.saveProfile(profile('gamma'));
    expect((settings.read() as { id: string }[]).map((e) => e.id)).toEqual(['flex-alpha', 'flex-beta', 'flex-gamma']);
  });
});

/** A window whose reads and writes of the settings complete in the order the scheduler picks. */
class ScheduledWindow extends WindowProfileSettings {
  constructor(file: InMemorySettingsFile, private readonly scheduler: fc.Scheduler) {
    super(file);
  }

  override readFile() {
    return this.scheduler.schedule(super.readFile());
  }

  override async write(entries: readonly unknown[]): Promise<void> {
    await this.scheduler.schedule(Promise.resolve());
    await super.write(entries);
  }
}

type Operation = { window: 0 | 1; kind: 'save' | 'remove'; name: string };

/** The setting if the operations ran one after another, as `{ id, profileName }`. */
function sequentially(operations: readonly Operation[]): { id: string; profileName: string }[] {
  let entries: { id: string; profileName: string }[] = [];
  operations.forEach((op, i) => {
    const id = `flex-${op.name}`;
    if (op.kind === 'remove') entries = entries.filter((e) => e.id !== id);
    else if (entries.some((e) => e.id === id)) entries = entries.map((e) => (e.id === id ? { id, profileName: `${op.name}-${i}` } : e));
    else entries.push({ id, profileName: `${op.name}-${i}` });
  });
  return entries;
}

describe('ConnectionStore: saves and removes from two windows, in any interleaving', () => {
  const operation = fc.record({ window: fc.constantFrom<0 | 1>(0, 1), kind: fc.constantFrom<'save' | 'remove'>('save', 'save', 'remove'), name: fc.constantFrom('a', 'b', 'c', 'd') });

  it('ends with the setting the operations make one after another: nothing lost, nothing back', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { maxLength: 12 }), fc.scheduler(), async (operations, scheduler) => {
        const file = new InMemorySettingsFile();
        const lock: CrossWindowLock = createWindowLock();
        const stores = [0, 1].map(() => new ConnectionStore(new ScheduledWindow(file, scheduler), new InMemorySecrets(), { lock }));
        const done = operations.map((op, i) =>
          op.kind === 'save' ? stores[op.window].saveProfile(profile(op.name, { profileName: `${op.name}-${i}` })) : stores[op.window].removeProfile(`flex-${op.name}`),
        );
        await scheduler.waitFor(Promise.all(done));
        expect((file.value() as { id: string; profileName: string }[]).map(({ id, profileName }) => ({ id, profileName }))).toEqual(sequentially(operations));
      }),
      { numRuns: 200 },
    );
  });
});
