import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { stagedPasswordKey } from '../../../src/services/flexDeployment/storageKeys';
import { createRequest } from '../../support/trackerFakes';
import type { SharedWorld, TestWindow } from '../../support/trackerHarness';
import { useTrackerWorld } from '../../support/trackerWorld';

const setup = useTrackerWorld();
let world: SharedWorld;
beforeEach(() => (world = setup.world));

const ENTRA_ADMIN = { objectId: '5b6c1e5a-0000-4000-8000-000000000001', principalName: 'ada@contoso.com', principalType: 'User' as const };
const SERVER_ID = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/pgflex-demo';

async function restart(window: TestWindow): Promise<TestWindow> {
  await setup.crash(window);
  const next = await setup.window();
  await next.tracker.whenIdle();
  return next;
}

describe('authentication of the staged profile (spec §6)', () => {
  it('Hybrid and Entra-only stage an Entra profile and no password; PostgreSQL-only stages the password in SecretStorage only', async () => {
    const window = await setup.window();
    for (const mode of ['PostgreSQLOnly', 'EntraOnly', 'Hybrid'] as const) {
      const id = await window.tracker.create(createRequest({ serverName: `auth-${mode.toLowerCase()}`, authenticationMode: mode, entraAdmin: mode === 'PostgreSQLOnly' ? undefined : ENTRA_ADMIN }));
      const { connectionProfile, passwordSecretId } = window.tracker.getDeployment(id)!.context;
      if (mode === 'PostgreSQLOnly') {
        expect(connectionProfile).toMatchObject({ authenticationType: 'SqlLogin', user: 'pgadmin', savePassword: true });
        expect(world.secrets.values.get(stagedPasswordKey(id))).toBe('Sup3r$ecret!');
        expect(passwordSecretId).toBe(stagedPasswordKey(id));
      } else {
        expect(connectionProfile).toMatchObject({ authenticationType: 'AzureMFA', azureAuthType: 'AzureMFA', user: ENTRA_ADMIN.principalName, entraUserName: ENTRA_ADMIN.principalName, savePassword: false });
        expect(world.secrets.values.has(stagedPasswordKey(id))).toBe(false);
        expect(passwordSecretId).toBeUndefined();
      }
    }
  });

  it('whatever the other fields, the profile is Entra exactly when Entra is on', async () => {
    const window = await setup.window();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('PostgreSQLOnly', 'EntraOnly', 'Hybrid' as const), fc.constantFrom('Burstable', 'GeneralPurpose' as const), async (mode, tier) => {
        const id = await window.tracker.create(createRequest({ authenticationMode: mode, tier, skuName: tier === 'Burstable' ? 'Standard_B2s' : 'Standard_D2ds_v5', entraAdmin: mode === 'PostgreSQLOnly' ? undefined : ENTRA_ADMIN }));
        expect(window.tracker.getDeployment(id)!.context.connectionProfile.authenticationType).toBe(mode === 'PostgreSQLOnly' ? 'SqlLogin' : 'AzureMFA');
      }),
      { numRuns: 12 },
    );
  });
});

describe('activation resumes a profile that was not saved yet (spec §4)', () => {
  it('a stored succeeded.creatingProfile record is saved on activation, once, with a ready notice and no dashboard', async () => {
    const window = await setup.window();
    world.effects.saveFailure = new Error('settings.json is read-only');
    const id = await window.tracker.create(createRequest());
    world.reader.set(window.tracker.getDeployment(id)!.context.deploymentName, { kind: 'succeeded', serverResourceId: SERVER_ID });
    await window.tracker.refresh();
    await window.tracker.whenIdle();
    const stuck = window.tracker.getDeployment(id)!;
    expect(stuck.value).toEqual({ succeeded: 'creatingProfile' });
    expect(stuck.context.effectError).toBe('settings.json is read-only'); // shown, not swallowed
    expect(world.effects.profiles.size).toBe(0);

    world.effects.saveFailure = undefined;
    const next = await restart(window);
    expect(next.tracker.getDeployment(id)?.value).toEqual({ succeeded: 'profileCreated' });
    expect(world.effects.profiles.size).toBe(1);
    expect(world.effects.ready).toEqual([id]);
    expect(world.effects.dashboards).toEqual([]);
    expect(world.secrets.values.has(stagedPasswordKey(id))).toBe(false);

    await restart(next);
    expect(world.effects.profiles.size).toBe(1);
    expect(world.effects.saveCalls).toBe(2); // the failed one, the one that worked: none after
  });
});
