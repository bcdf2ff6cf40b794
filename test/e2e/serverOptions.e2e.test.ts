import { describe, expect, it } from 'vitest';
import { SEEDED_RESOURCE_GROUPS } from '../../sandbox';
import { armRequest } from '../integration/sandbox/sandboxTestKit';
import { createServer } from './flows/createServerForm';
import { useScenario } from './flows/scenario';
import { waitFor } from './harness/waitFor';

// Issue 13: the options chosen in the form reach Azure. HA, zone, backup, autogrow and tags are
// picked as a person would, reviewed, created; the server the sandbox then returns carries them.
describe('scenario 11: server options', () => {
  const serverName = 'pgflex-options';
  const RESOURCE_GROUP = 'rg-pgflex-dev';
  const scenario = useScenario('scenario-11-server-options');

  it('HA + backup + tags chosen in the form → the sandbox’s server GET shows them', async () => {
    const { vscode, sandbox } = scenario;
    await createServer(vscode, {
      serverName,
      resourceGroup: RESOURCE_GROUP,
      location: 'East US',
      options: {
        tier: 'General Purpose',
        zone: '1',
        highAvailability: 'Zone redundant',
        standbyZone: '3',
        backupRetentionDays: 14,
        geoRedundantBackup: true,
        storageAutoGrow: true,
        tags: [{ name: 'env', value: 'e2e' }, { name: 'owner', value: 'pgflex' }],
      },
    });

    const group = SEEDED_RESOURCE_GROUPS.find((g) => g.name === RESOURCE_GROUP)!;
    const path = `/subscriptions/${group.subscriptionId}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.DBforPostgreSQL/flexibleServers/${serverName}?api-version=2025-08-01`;
    let server: { tags?: unknown; sku?: unknown; properties?: Record<string, unknown> } = {};
    await waitFor('the sandbox to have created the server', async () => {
      const response = await armRequest(sandbox, 'GET', path);
      server = response.body as typeof server;
      return response.status === 200;
    }, 120_000, 1_000);
    await vscode.shot('server-created');

    expect(server.sku).toMatchObject({ tier: 'GeneralPurpose' });
    expect(server.tags).toEqual({ env: 'e2e', owner: 'pgflex' });
    expect(server.properties).toMatchObject({
      availabilityZone: '1',
      highAvailability: { mode: 'ZoneRedundant', standbyAvailabilityZone: '3' },
      backup: { backupRetentionDays: 14, geoRedundantBackup: 'Enabled' },
      storage: { autoGrow: 'Enabled' },
    });
  });
});
