import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, SANDBOX_SUBSCRIPTIONS, type Sandbox } from '../../../sandbox';
import { ARM_SCOPE, type ArmEnvironment } from '../../../src/azure/armEnvironment';
import { AzureCliAccount, watchAzureCliProfile } from '../../../src/azure/azureCliAccount';
import { composeAzureServices } from '../../../src/azure/azureServices';
import { armSubscriptionSource } from '../../../src/azure/subscriptionSource';
import { installFakeAzureCli, type FakeAzureCli } from '../../support/fakeAzureCli';
import { unsignedToken } from '../../support/unsignedToken';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const EXPIRES_ON = Math.floor(Date.now() / 1000) + 3600;
const TOKEN = unsignedToken({ oid: '5b1c0e8a-3d4f-4a6b-9c2d-7e8f9a0b1c2d', upn: 'cli.user@contoso.com', tid: TENANT, exp: EXPIRES_ON }, 'az');

let az: FakeAzureCli;
let logged: string[];
let logins: number;
let account: AzureCliAccount;

beforeEach(() => {
  az = installFakeAzureCli();
  logged = [];
  logins = 0;
  // `az login` as the user would answer it in the terminal: it signs the CLI in.
  const runLogin = async () => {
    logins++;
    az.signIn(TOKEN, EXPIRES_ON);
  };
  account = new AzureCliAccount(runLogin, (onChange) => watchAzureCliProfile(onChange, az.configDir), (m) => void logged.push(m));
});
afterEach(() => az.restore());

describe('the Azure CLI account (@azure/identity AzureCliCredential over `az`)', () => {
  it("hands out the CLI's token with its expiry, asking for the tenant only when one is named", async () => {
    az.signIn(TOKEN, EXPIRES_ON);
    expect(await account.getSession('organizations', [ARM_SCOPE])).toEqual({ accessToken: TOKEN, expiresOnTimestamp: EXPIRES_ON * 1000 });
    await account.getSession(TENANT, [ARM_SCOPE]);
    expect(az.calls()).toEqual([
      'account get-access-token --output json --resource https://management.azure.com',
      `account get-access-token --output json --resource https://management.azure.com --tenant ${TENANT}`,
    ]);
  });

  it('signed out of the CLI is no session (as signed out of VS Code), and the reason is logged once', async () => {
    expect(await account.getSession('organizations', [ARM_SCOPE])).toBeUndefined();
    expect(await account.getSession('organizations', [ARM_SCOPE])).toBeUndefined();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('az login');
  });

  it('a CLI that is not installed is no session either, and the log says to install it', async () => {
    az.uninstall();
    expect(await account.getSession('organizations', [ARM_SCOPE])).toBeUndefined();
    expect(logged[0]).toContain('https://aka.ms/azure-cli');
  });

  it('Sign In runs `az login` and reports whether the CLI now gives a token', async () => {
    expect(await account.signIn()).toBe(true);
    expect(logins).toBe(1);
  });

  it('an `az login` in a terminal of the user\'s own is a sign-in: listeners hear it once the CLI gives a token', async () => {
    expect(await account.getSession('organizations', [ARM_SCOPE])).toBeUndefined();
    let heard = 0;
    const listening = account.onDidSignIn(() => heard++);
    az.signIn(TOKEN, EXPIRES_ON);
    az.touchProfile();
    await waitUntil(() => heard > 0);
    expect(heard).toBe(1);
    listening.dispose();
  });
});

describe('against ARM (the sandbox), with the CLI account composed as the extension composes it', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, speed: 200, postgres: 'none' });
  });
  afterAll(() => sandbox.stop());

  it("lists subscriptions with the CLI's token, and ARM sees that token: revoking it there refuses the next call", async () => {
    az.signIn(TOKEN, EXPIRES_ON);
    const environment: ArmEnvironment = { kind: 'sandbox', endpoint: sandbox.url, ca: sandbox.ca };
    const services = composeAzureServices(environment, account, (clients) => armSubscriptionSource(clients, 'organizations'), async () => undefined);
    const listed = await services.catalog.listSubscriptions();
    expect(listed.map((s) => s.subscriptionId)).toEqual(expect.arrayContaining(SANDBOX_SUBSCRIPTIONS.map((s) => s.subscriptionId)));
    sandbox.control.revokeToken(TOKEN);
    services.credentials.invalidate();
    const refused = await services.catalog.getCapabilities(SANDBOX_SUBSCRIPTIONS[0].subscriptionId, 'eastus').catch((e: unknown) => e);
    expect(refused).toMatchObject({ statusCode: 401, code: 'ExpiredAuthenticationToken' });
    services.dispose();
  });
});

/** Waits on a state, not a time: the watcher's callback runs when the file system reports the change. */
async function waitUntil(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
}
