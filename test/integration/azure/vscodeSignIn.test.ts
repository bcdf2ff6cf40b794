import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSandbox, SANDBOX_TENANT_ID, type Sandbox } from '../../../sandbox';
import { ARM_SCOPE } from '../../../src/azure/armEnvironment';
import { TOKEN_RENEWAL_MARGIN_MS } from '../../../src/azure/azureCredentialProvider';
import { composeAzureServices, type AzureServices } from '../../../src/azure/azureServices';
import { SIGN_IN_ACTION } from '../../../src/azure/azureSignIn';
import { armSubscriptionSource } from '../../../src/azure/subscriptionSource';
import { VSCodeAzureAccount } from '../../../src/azure/vscodeAzureAccount';
import type { DeploymentRef } from '../../../src/services/flexDeployment/deploymentRef';
import { vscodeAuthentication as vscodeAuth, type SessionRequest } from '../../support/fakeVscodeAuthentication';
import { createRequest, startDeployment } from './azureSandboxHarness';

// The production sign-in path: VSCodeAzureAccount over vscode-azext-azureauth, the credential
// provider, the SDK clients and the deployment reader, against the ARM sandbox. Only VS Code's
// authentication API is fake.
vi.mock('vscode', async () => (await import('../../support/fakeVscodeAuthentication')).fakeVscodeModule);

const OTHER_TENANT = '7d2c4b1a-0000-4000-8000-00000000beef';

let sandbox: Sandbox;
let account: VSCodeAzureAccount;
let services: AzureServices;
/** What the sign-in notification is answered with. */
let answer: string | undefined;
let signInsHeard: number;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, speed: 200, postgres: 'none' });
});
afterAll(async () => {
  await sandbox.stop();
});

/**
 * A profile as VS Code has it when the extension starts; then the extension's Azure side as
 * activation builds it for Azure, but for the subscription list (VS Code's account lists them from
 * Azure itself; here the sandbox lists them).
 */
function start(signedIn: { label: string; tenants: string[] } | 'nobody'): void {
  vscodeAuth.reset();
  sandbox.control.reset();
  if (signedIn !== 'nobody') vscodeAuth.signedInBefore(signedIn.label, signedIn.tenants);
  account = new VSCodeAzureAccount();
  services = composeAzureServices({ kind: 'sandbox', endpoint: sandbox.url, ca: sandbox.ca }, account, (clients) => armSubscriptionSource(clients, SANDBOX_TENANT_ID), async () => answer);
  answer = undefined;
  signInsHeard = 0;
  services.signIn.onDidSignIn(() => signInsHeard++);
}

afterEach(() => {
  services.dispose();
  account.dispose();
});

const tenantOf = (request: SessionRequest) => request.scopes.find((s) => s.startsWith('VSCODE_TENANT:'))?.slice('VSCODE_TENANT:'.length);
const silent = (request: SessionRequest) => request.options.silent === true && !request.options.createIfNone;

async function kindOf(ref: DeploymentRef): Promise<string | undefined> {
  return (await services.reader.read([ref])).observations.get(ref.stagingId)?.kind;
}

/** A deployment ARM has never heard of: reading it reaches ARM, which answers "not found". */
function unknownDeployment(): DeploymentRef {
  const { subscriptionId, resourceGroup } = createRequest('pg-unknown');
  return { stagingId: 'staging-unknown', tenantId: SANDBOX_TENANT_ID, subscriptionId, resourceGroupName: resourceGroup.name, deploymentName: 'pgflex-pg-unknown-1', createdAt: Date.now() };
}

describe('the VS Code Microsoft account', () => {
  it("session present: ARM gets the token VS Code hands out, asked for silently for the deployment's tenant", async () => {
    start({ label: 'ada@contoso.com', tenants: [SANDBOX_TENANT_ID] });
    const ref = await startDeployment(services, createRequest('pg-vscode-present'));
    expect(await kindOf(ref)).toBe('running');

    const armRequests = vscodeAuth.requests.filter((r) => r.scopes.includes(ARM_SCOPE));
    expect(armRequests.length).toBeGreaterThan(0);
    expect(armRequests.every((r) => r.providerId === 'microsoft' && tenantOf(r) === SANDBOX_TENANT_ID && silent(r))).toBe(true);
    // That token is what ARM checks: refused there, the read is signed out.
    for (const token of vscodeAuth.issuedTokens) sandbox.control.revokeToken(token);
    expect(await kindOf(ref)).toBe('signedOut');
  });

  it('session absent: signed out without calling ARM or showing a sign-in; Sign In on the prompt signs in through VS Code', async () => {
    start('nobody');
    const ref = unknownDeployment();
    sandbox.control.resetRequests();
    expect(await kindOf(ref)).toBe('signedOut');
    expect(sandbox.requests.count()).toBe(0);
    expect(vscodeAuth.requests.every(silent)).toBe(true);

    answer = SIGN_IN_ACTION;
    vscodeAuth.interactiveSignIn = { tenants: [SANDBOX_TENANT_ID] };
    await services.signIn.promptSignIn();
    expect(vscodeAuth.requests.filter((r) => r.options.createIfNone)).toHaveLength(1);
    expect(signInsHeard).toBe(1);
    expect(await kindOf(ref)).toBe('notFound');
  });

  it('the user cancels the sign-in VS Code shows: nobody is told of a sign-in, and the reads stay signed out', async () => {
    start('nobody');
    answer = SIGN_IN_ACTION;
    vscodeAuth.interactiveSignIn = 'cancel';
    // VS Code rejects the request it showed; the tracker logs what the prompt passes on.
    await services.signIn.promptSignIn().catch(() => undefined);
    expect(vscodeAuth.requests.filter((r) => r.options.createIfNone)).toHaveLength(1);
    expect(signInsHeard).toBe(0);
    expect(await kindOf(unknownDeployment())).toBe('signedOut');
  });

  it("a session's token is used until shortly before it expires (its exp claim), then VS Code is asked again", async () => {
    start({ label: 'ada@contoso.com', tenants: [SANDBOX_TENANT_ID] });
    const first = await services.credentials.getToken(SANDBOX_TENANT_ID, [ARM_SCOPE]);
    expect((await services.credentials.getToken(SANDBOX_TENANT_ID, [ARM_SCOPE])).token).toBe(first.token);

    vscodeAuth.tokenLifetimeMs = TOKEN_RENEWAL_MARGIN_MS - 60_000;
    services.credentials.invalidate();
    const short = await services.credentials.getToken(SANDBOX_TENANT_ID, [ARM_SCOPE]);
    const renewed = await services.credentials.getToken(SANDBOX_TENANT_ID, [ARM_SCOPE]);
    expect(renewed.token).not.toBe(short.token);
    expect(vscodeAuth.issuedTokens).toEqual([first.token, short.token, renewed.token]);
  });

  it('session expired: the token ARM refuses is dropped and VS Code asked again silently; once VS Code cannot renew it, signed out', async () => {
    start({ label: 'ada@contoso.com', tenants: [SANDBOX_TENANT_ID] });
    const ref = await startDeployment(services, createRequest('pg-vscode-expired'));
    for (const token of vscodeAuth.issuedTokens) sandbox.control.revokeToken(token);
    expect(await kindOf(ref)).toBe('signedOut');

    const issued = vscodeAuth.issuedTokens.length;
    expect(await kindOf(ref)).toBe('running');
    expect(vscodeAuth.issuedTokens.length).toBeGreaterThan(issued);
    expect(vscodeAuth.requests.every(silent)).toBe(true);

    vscodeAuth.sessionsExpire();
    for (const token of vscodeAuth.issuedTokens) sandbox.control.revokeToken(token);
    expect(await kindOf(ref)).toBe('signedOut');
    sandbox.control.resetRequests();
    expect(await kindOf(ref)).toBe('signedOut');
    expect(sandbox.requests.count()).toBe(0);
  });

  it('other tenant: a deployment in a tenant the account has no session for is signed out, the others are read; a sign-in to that tenant brings it back', async () => {
    start({ label: 'ada@contoso.com', tenants: [SANDBOX_TENANT_ID] });
    const home = await startDeployment(services, createRequest('pg-vscode-home'));
    // The sandbox has one tenant and ignores it: in the other tenant, the same deployment is readable once a token is had.
    const other: DeploymentRef = { ...home, stagingId: 'staging-other-tenant', tenantId: OTHER_TENANT };
    const batch = await services.reader.read([home, other]);
    expect(batch.observations.get(home.stagingId)?.kind).toBe('running');
    expect(batch.observations.get(other.stagingId)?.kind).toBe('signedOut');
    expect(vscodeAuth.requests.filter((r) => tenantOf(r) === OTHER_TENANT).every(silent)).toBe(true);
    expect(vscodeAuth.requests.some((r) => tenantOf(r) === OTHER_TENANT)).toBe(true);

    await vscodeAuth.signInFromAccountsMenu('grace@fabrikam.com', [OTHER_TENANT]);
    await vi.waitFor(() => expect(signInsHeard).toBe(1));
    expect(await kindOf(other)).toBe('running');
  });

  it("a sign-in in VS Code's Accounts menu is heard (tokens dropped, listeners told); another provider's is not", async () => {
    start('nobody');
    const generation = services.credentials.generation;
    await vscodeAuth.signInFromAccountsMenu('octocat', [], 'github');
    expect(signInsHeard).toBe(0);
    await vscodeAuth.signInFromAccountsMenu('ada@contoso.com', [SANDBOX_TENANT_ID]);
    // The account checks the sign-in asynchronously (it loads VS Code's Azure sign-in package first).
    await vi.waitFor(() => expect(signInsHeard).toBe(1));
    expect(services.credentials.generation).toBe(generation + 1);
    expect(await kindOf(unknownDeployment())).toBe('notFound');
  });
});
