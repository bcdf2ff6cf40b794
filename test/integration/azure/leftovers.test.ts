import { describe, expect, it } from 'vitest';
import { FLEXIBLE_SERVER_TYPE } from '../../../machines/flexDeployment/leftoverResources';
import type { DeploymentView } from '../../../machines/webview/deploymentView';
import { toRetryableRequest, type CreateServerRequest } from '../../../machines/flexDeployment/createServerRequest';
import { DELETE_LEFTOVERS, deleteLeftovers } from '../../../src/deployments/deleteLeftovers';
import type { DeploymentRef } from '../../../src/services/flexDeployment/deploymentRef';
import { deploymentContext, ScriptedNotifier } from '../../support/connectionFakes';
import { armRequest } from '../sandbox/sandboxTestKit';
import { createRequest, readUntilEnded, RESOURCE_GROUP, startDeployment, SUBSCRIPTION_ID, useAzureSandbox } from './azureSandboxHarness';

/**
 * Delete Leftover Resources… with the real SDK clients against the sandbox: a deployment fails
 * after creating its server (its firewall rule fails), and what it created is deleted by ARM's own
 * long-running DELETEs; a group it did not create is never deleted.
 */
describe('deleting what a failed deployment left', () => {
  const harness = useAzureSandbox();
  const serverPath = (group: string, name: string) => `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${group}/providers/Microsoft.DBforPostgreSQL/flexibleServers/${name}?api-version=2025-08-01`;
  const groupPath = (group: string) => `/subscriptions/${SUBSCRIPTION_ID}/resourcegroups/${group}?api-version=2025-04-01`;

  /** The deployment ends Failed on its firewall rule, its server created before that. */
  const failAfterServer = async (request: CreateServerRequest): Promise<DeploymentView> => {
    harness.sandbox.control.scriptOutcome(request.serverName, { outcome: 'fail', error: { code: 'InternalServerError', message: 'The rule could not be created.' }, resource: 'firewallRules' });
    const ref: DeploymentRef = await startDeployment(harness.services, request);
    expect((await readUntilEnded(harness.services, ref)).observation.kind).toBe('failed');
    const { stagingId, tenantId, subscriptionId, resourceGroupName, deploymentName, createdAt, serverName } = ref;
    const context = deploymentContext({ stagingId, tenantId, subscriptionId, resourceGroupName, deploymentName, createdAt, serverName: serverName ?? '', status: 'failed', request: toRetryableRequest(request) });
    return { value: 'failed', context };
  };
  const deleteConfirmed = async (view: DeploymentView) => {
    const notifier = new ScriptedNotifier().answerNext(DELETE_LEFTOVERS);
    await deleteLeftovers(view, { leftovers: harness.services.leftovers, notifier, log: () => undefined });
    return notifier;
  };

  it('lists the server as created by the deployment, shaped as ARM lists operations', async () => {
    const view = await failAfterServer(createRequest('pg-left-ops'));
    const evidence = await harness.services.leftovers.createdEvidence(view.context);
    expect(evidence.kind).toBe('operations');
    const operations = evidence.kind === 'operations' ? evidence.operations : [];
    expect(operations).toContainEqual(
      expect.objectContaining({ resourceType: FLEXIBLE_SERVER_TYPE, resourceName: 'pg-left-ops', provisioningOperation: 'Create', provisioningState: 'Succeeded', resourceId: expect.stringMatching(/\/flexibleServers\/pg-left-ops$/) }),
    );
    expect(operations).toContainEqual(expect.objectContaining({ resourceType: `${FLEXIBLE_SERVER_TYPE}/firewallRules`, provisioningState: 'Failed' }));
    expect(await harness.services.leftovers.serverExists(view.context, 'pg-left-ops')).toBe(true);
  });

  it('deletes the server and the group the deployment created: both GETs answer 404, and a second run finds nothing', async () => {
    const view = await failAfterServer(createRequest('pg-left-new', { resourceGroup: { name: 'rg-left-new', isNew: true, location: 'eastus' } }));
    expect((await armRequest(harness.sandbox, 'GET', serverPath('rg-left-new', 'pg-left-new'))).status).toBe(200);

    const notifier = await deleteConfirmed(view);
    expect(notifier.shown.at(-1)).toMatchObject({ kind: 'info', message: "Deleted the flexible server 'pg-left-new' and the resource group 'rg-left-new'." });
    expect(harness.sandbox.requests.count('flexibleServers.delete')).toBe(1);
    expect(harness.sandbox.requests.count('resourceGroups.delete')).toBe(1);
    // The SDK followed both operations to their end, not only the 202s.
    expect(harness.sandbox.requests.count('flexibleServers.operationStatus')).toBeGreaterThanOrEqual(1);
    expect(harness.sandbox.requests.count('resourceGroups.operationResult')).toBeGreaterThanOrEqual(1);
    expect((await armRequest(harness.sandbox, 'GET', serverPath('rg-left-new', 'pg-left-new'))).status).toBe(404);
    expect((await armRequest(harness.sandbox, 'GET', groupPath('rg-left-new'))).status).toBe(404);

    const again = await deleteConfirmed(view);
    expect(again.shown.some((s) => s.kind === 'confirm')).toBe(false);
    expect(again.shown.at(-1)?.message).toContain('there is nothing to delete');
    expect(harness.sandbox.requests.count('flexibleServers.delete')).toBe(1);
  });

  it('never deletes a group the deployment did not create, nor another server in it', async () => {
    const bystander = createRequest('pg-bystander');
    expect((await readUntilEnded(harness.services, await startDeployment(harness.services, bystander))).observation.kind).toBe('succeeded');
    const view = await failAfterServer(createRequest('pg-left-old'));

    const notifier = await deleteConfirmed(view);
    expect(notifier.shown.find((s) => s.kind === 'confirm')?.detail).not.toContain(`the resource group '${RESOURCE_GROUP}'`);
    expect((await armRequest(harness.sandbox, 'GET', serverPath(RESOURCE_GROUP, 'pg-left-old'))).status).toBe(404);
    expect((await armRequest(harness.sandbox, 'GET', serverPath(RESOURCE_GROUP, 'pg-bystander'))).status).toBe(200);
    expect((await armRequest(harness.sandbox, 'GET', groupPath(RESOURCE_GROUP))).status).toBe(200);
    expect(harness.sandbox.requests.count('resourceGroups.delete')).toBe(0);
  });

  it("keeps a group it created once someone else's resource is in it", async () => {
    const view = await failAfterServer(createRequest('pg-left-shared', { resourceGroup: { name: 'rg-left-shared', isNew: true, location: 'eastus' } }));
    const other = createRequest('pg-other-in-group', { resourceGroup: { name: 'rg-left-shared', isNew: false } });
    expect((await readUntilEnded(harness.services, await startDeployment(harness.services, other))).observation.kind).toBe('succeeded');

    const notifier = await deleteConfirmed(view);
    expect(notifier.shown.at(-1)?.message).toBe("Deleted the flexible server 'pg-left-shared'. The resource group 'rg-left-shared' was kept: 1 other resource is in it.");
    expect((await armRequest(harness.sandbox, 'GET', groupPath('rg-left-shared'))).status).toBe(200);
    expect((await armRequest(harness.sandbox, 'GET', serverPath('rg-left-shared', 'pg-other-in-group'))).status).toBe(200);
  });

  it('answers the DELETEs as ARM does: the server as ServersDelete.json (202, both headers; 204 when absent), the group 202 with a Location that reads 202 while ARM deletes it', async () => {
    await failAfterServer(createRequest('pg-left-raw', { resourceGroup: { name: 'rg-left-raw', isNew: true, location: 'eastus' } }));
    const server = await armRequest(harness.sandbox, 'DELETE', serverPath('rg-left-raw', 'pg-left-raw'));
    expect(server.status).toBe(202);
    expect(server.headers['azure-asyncoperation']).toMatch(/\/providers\/Microsoft\.DBforPostgreSQL\/locations\/eastus\/azureAsyncOperation\/[0-9a-f-]+\?api-version=/);
    expect(server.headers.location).toMatch(/\/locations\/eastus\/operationResults\/[0-9a-f-]+\?api-version=/);
    expect((await armRequest(harness.sandbox, 'DELETE', serverPath('rg-left-raw', 'pg-left-raw'))).status).toBe(204);

    harness.sandbox.control.setSpeed(1);
    const group = await armRequest(harness.sandbox, 'DELETE', groupPath('rg-left-raw'));
    expect(group.status).toBe(202);
    const location = String(group.headers.location);
    expect(location).toMatch(new RegExp(`/subscriptions/${SUBSCRIPTION_ID}/operationresults/[0-9A-F]+\\?api-version=`));
    expect((await armRequest(harness.sandbox, 'GET', new URL(location).pathname + new URL(location).search)).status).toBe(202);
    expect((await armRequest(harness.sandbox, 'DELETE', groupPath('rg-left-raw'))).body).toMatchObject({ error: { code: 'ResourceGroupNotFound' } });
  });
});
