import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { armRequest, deploymentPath, eventually, serverDeployment, SUBSCRIPTION_ID } from './sandboxTestKit';

/** `control.reset()` is a fresh start: nothing a test left behind answers the next one. */
describe('sandbox reset', () => {
  let sandbox: Sandbox;
  const group = 'rg-reset';
  const groupPath = `/subscriptions/${SUBSCRIPTION_ID}/resourcegroups/${group}`;
  const serverPath = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${group}/providers/Microsoft.DBforPostgreSQL/flexibleServers/reset-server?api-version=2025-08-01`;

  beforeAll(async () => {
    sandbox = await startSandbox({ speed: 1000, postgres: 'none' });
  });
  afterAll(() => sandbox.stop());

  it("forgets the long-running operations under way: their polling URLs answer 404, as a new subscription's would", async () => {
    await armRequest(sandbox, 'PUT', `${groupPath}?api-version=2025-04-01`, { body: { location: 'eastus' } });
    await armRequest(sandbox, 'PUT', `${deploymentPath('d-reset', group)}?api-version=2025-04-01`, { body: serverDeployment('reset-server', 'S3cret!pass', { firewallRule: false }) });
    await eventually(async () => (await armRequest(sandbox, 'GET', serverPath)).status, (status) => status === 200);
    // Slow, so both operations are still in progress when the sandbox is reset.
    sandbox.control.setSpeed(0.001);
    const serverDelete = await armRequest(sandbox, 'DELETE', serverPath);
    const groupDelete = await armRequest(sandbox, 'DELETE', `${groupPath}?api-version=2025-04-01`);
    const polls = [String(serverDelete.headers['azure-asyncoperation']), String(serverDelete.headers.location), String(groupDelete.headers.location)];
    expect([serverDelete.status, groupDelete.status]).toEqual([202, 202]);
    expect(await Promise.all(polls.map(async (url) => (await armRequest(sandbox, 'GET', url)).status))).toEqual([200, 202, 202]);

    sandbox.control.reset();
    const after = await Promise.all(polls.map((url) => armRequest(sandbox, 'GET', url)));
    expect(after.map((r) => r.status)).toEqual([404, 404, 404]);
    expect(after.map((r) => (r.body as { error: { code: string } }).error.code)).toEqual(['ResourceNotFound', 'ResourceNotFound', 'NotFound']);
  });
});
