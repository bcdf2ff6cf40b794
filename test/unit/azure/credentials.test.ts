import { describe, expect, it } from 'vitest';
import { FlexProvisioningCredentialProvider, TOKEN_RENEWAL_MARGIN_MS, type AzureSession, type AzureSessionSource } from '../../../src/azure/azureCredentialProvider';
import { AzureSignInPrompt, SIGN_IN_ACTION, type AccountSignIn } from '../../../src/azure/azureSignIn';
import { principalFromToken, tokenExpiry } from '../../../src/azure/tokenClaims';
import { isSignedOutError } from '../../../src/azure/signedOutError';
import { SANDBOX_PRINCIPAL, SandboxAccount } from '../../../src/azure/sandboxAccount';

const ARM = ['https://management.azure.com/.default'];
const DB = ['https://ossrdbms-aad.database.windows.net/.default'];

class CountingSource implements AzureSessionSource {
  calls: { tenantId: string; scopes: readonly string[] }[] = [];
  session: (n: number) => AzureSession | undefined;
  constructor(private readonly clock: { now: number }, lifetimeMs: number) {
    this.session = (n) => ({ accessToken: `token-${n}`, expiresOnTimestamp: this.clock.now + lifetimeMs });
  }
  async getSession(tenantId: string, scopes: readonly string[]) {
    this.calls.push({ tenantId, scopes });
    return this.session(this.calls.length);
  }
}

describe('FlexProvisioningCredentialProvider', () => {
  it('asks the source for a fresh session, reuses it until shortly before expiry, then asks again', async () => {
    const clock = { now: 0 };
    const source = new CountingSource(clock, 60 * 60 * 1000);
    const provider = new FlexProvisioningCredentialProvider(source, () => clock.now);
    const credential = provider.credentialFor('t1');
    expect((await credential.getToken(ARM))?.token).toBe('token-1');
    clock.now = 60 * 60 * 1000 - TOKEN_RENEWAL_MARGIN_MS - 1;
    expect((await credential.getToken(ARM))?.token).toBe('token-1');
    clock.now += 2;
    expect((await credential.getToken(ARM))?.token).toBe('token-2');
    expect(source.calls).toHaveLength(2);
  });

  it('a two-hour deployment keeps getting tokens that are valid when used', async () => {
    const clock = { now: 0 };
    const source = new CountingSource(clock, 60 * 60 * 1000);
    const provider = new FlexProvisioningCredentialProvider(source, () => clock.now);
    for (clock.now = 0; clock.now <= 2 * 60 * 60 * 1000; clock.now += 15_000) {
      const token = await provider.getToken('t1', ARM);
      expect(token.expiresOnTimestamp).toBeGreaterThan(clock.now + TOKEN_RENEWAL_MARGIN_MS - 1);
    }
    expect(source.calls.length).toBe(3);
  });

  it('keeps tokens per tenant and scope: ARM and database tokens are different sessions', async () => {
    const clock = { now: 0 };
    const source = new CountingSource(clock, 60 * 60 * 1000);
    const provider = new FlexProvisioningCredentialProvider(source, () => clock.now);
    await provider.getToken('t1', ARM);
    await provider.getToken('t1', DB);
    await provider.getToken('t2', ARM);
    await provider.getToken('t1', DB);
    expect(source.calls.map((c) => `${c.tenantId} ${c.scopes[0]}`)).toEqual([`t1 ${ARM[0]}`, `t1 ${DB[0]}`, `t2 ${ARM[0]}`]);
  });

  it('concurrent requests share one session request', async () => {
    const clock = { now: 0 };
    const source = new CountingSource(clock, 60 * 60 * 1000);
    const provider = new FlexProvisioningCredentialProvider(source, () => clock.now);
    const tokens = await Promise.all([1, 2, 3].map(() => provider.getToken('t1', ARM)));
    expect(new Set(tokens.map((t) => t.token)).size).toBe(1);
    expect(source.calls).toHaveLength(1);
  });

  it('no session → SignedOutError, and it is not cached', async () => {
    const clock = { now: 0 };
    const source = new CountingSource(clock, 60 * 60 * 1000);
    const real = source.session;
    source.session = () => undefined;
    const provider = new FlexProvisioningCredentialProvider(source, () => clock.now);
    const error = await provider.getToken('t1', ARM).catch((e: unknown) => e);
    expect(isSignedOutError(error)).toBe(true);
    source.session = real;
    expect((await provider.getToken('t1', ARM)).token).toBe('token-2');
  });

  it('invalidate drops cached tokens and bumps the generation', async () => {
    const clock = { now: 0 };
    const source = new CountingSource(clock, 60 * 60 * 1000);
    const provider = new FlexProvisioningCredentialProvider(source, () => clock.now);
    await provider.getToken('t1', ARM);
    const before = provider.generation;
    provider.invalidate('t1');
    expect(provider.generation).toBe(before + 1);
    expect((await provider.getToken('t1', ARM)).token).toBe('token-2');
  });
});

describe('AzureSignInPrompt', () => {
  function setup(answer: string | undefined, signInResult = true) {
    const external = new Set<() => void>();
    let signIns = 0;
    const account: AccountSignIn = {
      signIn: async () => {
        signIns++;
        return signInResult;
      },
      onDidSignIn: (l) => {
        external.add(l);
        return { dispose: () => external.delete(l) };
      },
    };
    const provider = new FlexProvisioningCredentialProvider(new CountingSource({ now: 0 }, 1000));
    let asked = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const prompt = new AzureSignInPrompt(account, provider, async () => {
      asked++;
      await gate;
      return answer;
    });
    let heard = 0;
    prompt.onDidSignIn(() => heard++);
    return { prompt, provider, external, release, counts: () => ({ asked, signIns, heard }) };
  }

  it('one notification for concurrent prompts; Sign In signs in, renews tokens and tells listeners', async () => {
    const { prompt, provider, release, counts } = setup(SIGN_IN_ACTION);
    const generation = provider.generation;
    const both = Promise.all([prompt.promptSignIn(), prompt.promptSignIn()]);
    release();
    await both;
    expect(counts()).toEqual({ asked: 1, signIns: 1, heard: 1 });
    expect(provider.generation).toBe(generation + 1);
  });

  it('dismissed: no sign-in, nobody told', async () => {
    const { prompt, release, counts } = setup(undefined);
    release();
    await prompt.promptSignIn();
    expect(counts()).toEqual({ asked: 1, signIns: 0, heard: 0 });
  });

  it('a sign-in elsewhere is heard too', () => {
    const { external, provider, counts } = setup(undefined);
    const generation = provider.generation;
    for (const l of external) l();
    expect(counts().heard).toBe(1);
    expect(provider.generation).toBe(generation + 1);
  });
});

describe('SandboxAccount and token claims', () => {
  it('hands out JWT-shaped tokens naming the sandbox user, with their expiry; none when signed out', async () => {
    const account = new SandboxAccount(10 * 60 * 1000, () => 1_000_000);
    const session = await account.getSession('tenant', ARM);
    expect(session?.expiresOnTimestamp).toBe(1_000_000 + 10 * 60 * 1000);
    expect(principalFromToken(session!.accessToken)).toEqual(SANDBOX_PRINCIPAL);
    expect(tokenExpiry(session!.accessToken)).toBe(1_600_000);
    const second = await account.getSession('tenant', ARM);
    expect(second?.accessToken).not.toBe(session?.accessToken);
    account.signOut();
    expect(await account.getSession('tenant', ARM)).toBeUndefined();
  });

  it('an opaque token has no principal', () => {
    expect(principalFromToken('opaque')).toBeUndefined();
    expect(tokenExpiry('a.b.c')).toBeUndefined();
  });
});
