import { describe, expect, it, vi } from 'vitest';
import { ConnectionStore } from '../../../src/connections/connectionStore';
import { passwordSecretKey } from '../../../src/connections/connectionProfile';
import { findDeploymentProfile, saveDeploymentProfile } from '../../../src/connections/saveDeploymentProfile';
import { deploymentContext, entraDeploymentContext, InMemoryProfileSettings, InMemorySecrets } from '../../support/connectionFakes';

const STAGED_PASSWORD = 'Stag3d!Passw0rd';

function setup(initial: unknown = []) {
  const settings = new InMemoryProfileSettings(initial);
  const secrets = new InMemorySecrets();
  const store = new ConnectionStore(settings, secrets);
  return { settings, secrets, store };
}

describe('ConnectionStore: one profile per deployment', () => {
  it('saves a deployment once, however often saving re-runs', async () => {
    const { store, secrets, settings } = setup();
    const deployment = deploymentContext();
    await secrets.store(deployment.passwordSecretId!, STAGED_PASSWORD);

    const first = await saveDeploymentProfile(deployment, store, secrets);
    const second = await saveDeploymentProfile(deployment, store, secrets);
    const third = await saveDeploymentProfile(deployment, store, secrets);

    expect(first.id).toBe('flex-stg-1');
    expect([second.id, third.id]).toEqual([first.id, first.id]);
    expect(store.getProfiles()).toHaveLength(1);
    expect(settings.read()).toHaveLength(1);
    // The re-runs found no staged secret and kept the password the first run moved in.
    expect(secrets.values.get(passwordSecretKey(first.id))).toBe(STAGED_PASSWORD);
  });

  it('saves concurrent re-runs as one profile', async () => {
    const { store, secrets } = setup();
    const deployment = deploymentContext();
    await Promise.all([1, 2, 3, 4].map(() => saveDeploymentProfile(deployment, store, secrets)));
    expect(store.getProfiles()).toHaveLength(1);
  });

  it('reuses the profile of a server the user already saved (same server, user, database)', async () => {
    const { store, secrets } = setup([
      { id: 'mine', server: 'CONTOSO.postgres.database.azure.com', profileName: 'my contoso', database: 'postgres', user: 'pgadmin', authenticationType: 'SqlLogin', savePassword: true },
    ]);
    const saved = await saveDeploymentProfile(deploymentContext(), store, secrets);
    expect(saved.id).toBe('mine');
    expect(store.getProfiles()).toHaveLength(1);
    expect(saved.azureResourceId).toContain('/flexibleServers/contoso');
  });

  it('finds a deployment\'s profile by the id it recorded, or else by its server, user and database', async () => {
    const { store, secrets } = setup([
      { id: 'mine', server: 'contoso.postgres.database.azure.com', profileName: 'my contoso', database: 'postgres', user: 'pgadmin', authenticationType: 'SqlLogin', savePassword: true },
      { id: 'other', server: 'other.example', profileName: 'other', database: 'postgres', user: 'pgadmin', authenticationType: 'SqlLogin', savePassword: true },
    ]);
    expect(findDeploymentProfile(deploymentContext(), store)?.id).toBe('mine');
    expect(findDeploymentProfile(deploymentContext({ profileId: 'other' }), store)?.id).toBe('other');
    await store.removeProfile('mine');
    expect(findDeploymentProfile(deploymentContext(), store)).toBeUndefined();
    expect(secrets.values.size).toBe(0);
  });

  it('updates a profile in place by its id, even when its server changed (first entry included)', async () => {
    const { store } = setup();
    const first = await store.saveProfile({ id: 'p1', server: 'a.example', profileName: 'a', database: '', user: 'u', authenticationType: 'SqlLogin', savePassword: false });
    await store.saveProfile({ id: 'p2', server: 'b.example', profileName: 'b', database: '', user: 'u', authenticationType: 'SqlLogin', savePassword: false });
    await store.saveProfile({ ...first, server: 'moved.example' });
    expect(store.getProfiles().map((p) => `${p.id}:${p.server}`)).toEqual(['p1:moved.example', 'p2:b.example']);
  });

  it('keeps a different user on the same server as its own profile', async () => {
    const { store } = setup();
    await store.saveProfile({ server: 'a.example', profileName: 'a', database: '', user: 'alice', authenticationType: 'SqlLogin', savePassword: false });
    await store.saveProfile({ server: 'a.example', profileName: 'a', database: '', user: 'bob', authenticationType: 'SqlLogin', savePassword: false });
    await store.saveProfile({ server: 'a.example', profileName: 'a again', database: 'postgres', user: 'bob', authenticationType: 'SqlLogin', savePassword: false });
    expect(store.getProfiles().map((p) => `${p.user}:${p.profileName}`)).toEqual(['alice:a', 'bob:a again']);
  });

  it('fills the profile from the record: resource id, Azure ids, metadata', async () => {
    const { store, secrets } = setup();
    const saved = await saveDeploymentProfile(deploymentContext(), store, secrets);
    expect(saved).toMatchObject({
      server: 'contoso.postgres.database.azure.com',
      profileName: 'contoso',
      user: 'pgadmin',
      authenticationType: 'SqlLogin',
      azureResourceId: '/subscriptions/sub-1/resourceGroups/rg-data/providers/Microsoft.DBforPostgreSQL/flexibleServers/contoso',
      azureSubscriptionId: 'sub-1',
      azureResourceGroup: 'rg-data',
      azureTenantId: 'tenant-1',
      azureLocation: 'westeurope',
      postgresVersion: '16',
      skuName: 'Standard_B1ms',
    });
  });
});

describe('ConnectionStore: passwords live only in SecretStorage', () => {
  it('moves the staged password into the profile secret and deletes the staged one', async () => {
    const { store, secrets, settings } = setup();
    const deployment = deploymentContext();
    await secrets.store(deployment.passwordSecretId!, STAGED_PASSWORD);

    const saved = await saveDeploymentProfile(deployment, store, secrets);

    expect(secrets.values.has(deployment.passwordSecretId!)).toBe(false);
    expect([...secrets.values.keys()]).toEqual([passwordSecretKey(saved.id)]);
    expect(settings.text()).not.toContain(STAGED_PASSWORD);
    expect(settings.text()).not.toMatch(/"password"/i);
    expect(await store.getSavedPassword(saved)).toBe(STAGED_PASSWORD);
  });

  it('does not store a password for a profile that does not ask to save it', async () => {
    const { store, secrets } = setup();
    const profile = await store.saveProfile({ server: 'a.example', profileName: 'a', database: '', user: 'u', authenticationType: 'SqlLogin', savePassword: false });
    await store.saveProfilePasswordIfNeeded(profile, 'secret-1');
    expect(secrets.values.size).toBe(0);
  });

  it('removes the profile and its password together', async () => {
    const { store, secrets } = setup();
    const profile = await store.saveProfile({ server: 'a.example', profileName: 'a', database: '', user: 'u', authenticationType: 'SqlLogin', savePassword: true });
    await store.saveProfilePasswordIfNeeded(profile, 'secret-1');
    await store.removeProfile(profile.id);
    expect(store.getProfiles()).toHaveLength(0);
    expect(secrets.values.size).toBe(0);
  });
});

describe('ConnectionStore: Microsoft Entra profiles carry no password', () => {
  it('saves a Hybrid deployment as an Entra profile and drops the staged password', async () => {
    const { store, secrets, settings } = setup();
    const deployment = entraDeploymentContext();
    await secrets.store(deployment.passwordSecretId!, STAGED_PASSWORD);

    const saved = await saveDeploymentProfile(deployment, store, secrets);

    expect(saved).toMatchObject({ authenticationType: 'AzureMFA', user: 'ada@contoso.com', entraUserName: 'ada@contoso.com', savePassword: false });
    expect(secrets.values.size).toBe(0);
    expect(settings.text()).not.toContain(STAGED_PASSWORD);
    expect(await store.getSavedPassword(saved)).toBeUndefined();
  });

  it('derives an Entra profile from a Hybrid request when the draft is partial', async () => {
    const { store, secrets } = setup();
    const saved = await saveDeploymentProfile(entraDeploymentContext({ connectionProfile: {} }), store, secrets);
    expect(saved).toMatchObject({ authenticationType: 'AzureMFA', user: 'ada@contoso.com', savePassword: false, server: 'contoso.postgres.database.azure.com' });
  });

  it('deletes an old password when a profile switches to Entra', async () => {
    const { store, secrets } = setup();
    const profile = await store.saveProfile({ id: 'p', server: 'a.example', profileName: 'a', database: '', user: 'u', authenticationType: 'SqlLogin', savePassword: true });
    await store.saveProfilePasswordIfNeeded(profile, 'secret-1');
    const entra = await store.saveProfile({ ...profile, authenticationType: 'AzureMFA', savePassword: false });
    await store.saveProfilePasswordIfNeeded(entra, 'secret-2');
    expect(secrets.values.size).toBe(0);
  });
});

describe('ConnectionStore: hand-edited settings', () => {
  it('keeps entries it cannot read and does not show them', async () => {
    const junk = { server: 42 };
    const { store, settings } = setup([junk]);
    expect(store.getProfiles()).toHaveLength(0);
    await store.saveProfile({ server: 'a.example', profileName: 'a', database: '', user: 'u', authenticationType: 'SqlLogin', savePassword: false });
    expect(settings.read()).toEqual([junk, expect.objectContaining({ server: 'a.example' })]);
  });

  it('shows nothing when the setting is not a list, and refuses a save, saying how to fix it, changing nothing', async () => {
    const { store, settings } = setup({ id: 'not-a-list' });
    expect(store.getProfiles()).toEqual([]);
    await expect(store.saveProfile({ server: 'a.example', profileName: 'a', database: '', user: 'u', authenticationType: 'SqlLogin', savePassword: false })).rejects.toThrow(
      'The pgsql.connections user setting is not a list, so no connection profile was changed. Fix it in settings.json and try again.',
    );
    expect(settings.read()).toEqual({ id: 'not-a-list' });
  });

  it('counts a hand-broken entry\'s id as saved, and nothing for entries without a string id (null and strings included)', async () => {
    const { store } = setup([{ id: 'broken', server: 42 }, { id: 7 }, null, 'junk', { server: 'no-id' }]);
    expect([...(await store.savedProfileIds())]).toEqual(['broken']);
    await store.removeProfile('broken');
    expect([...(await store.savedProfileIds())]).toEqual([]);
  });

  it('reads nothing when the setting changes before anyone asked for the profiles', () => {
    const { store, settings } = setup();
    const read = vi.spyOn(settings, 'read');
    settings.editByHand([{ id: 'x', server: 's', profileName: 'x', database: '', user: 'u', authenticationType: 'SqlLogin', savePassword: false }]);
    expect(read).not.toHaveBeenCalled();
    expect(store.getProfiles()).toHaveLength(1);
  });

  it('stops following edits once disposed', () => {
    const { store, settings } = setup();
    const seen: number[] = [];
    let completed = false;
    store.profiles$.subscribe({ next: (p) => seen.push(p.length), complete: () => (completed = true) });
    store.dispose();
    settings.editByHand([{ id: 'x', server: 's', profileName: 'x', database: '', user: 'u', authenticationType: 'SqlLogin', savePassword: false }]);
    expect({ seen, completed }).toEqual({ seen: [0], completed: true });
  });

  it('follows edits made outside the store', () => {
    const { store, settings } = setup();
    const seen: number[] = [];
    store.profiles$.subscribe((p) => seen.push(p.length));
    settings.editByHand([{ id: 'x', server: 's', profileName: 'x', database: '', user: 'u', authenticationType: 'SqlLogin', savePassword: false }]);
    expect(seen).toEqual([0, 1]);
  });
});
