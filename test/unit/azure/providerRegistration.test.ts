import { describe, expect, it } from 'vitest';
import { armRestError, notRegisteredError } from '../../support/armRestError';
import {
  isProviderNotRegistered,
  POSTGRES_PROVIDER,
  ProviderRegistrationError,
  registerAndWait,
  type ProvidersApi,
  type RegistrationWait,
} from '../../../src/azure/providerRegistration';

/** A Providers API that answers register, then each get, from a script; it records the calls. */
function scriptedProviders(registerAnswer: string | Error, ...getAnswers: (string | Error)[]): ProvidersApi & { calls: string[] } {
  const calls: string[] = [];
  const answer = async (value: string | Error | undefined) => {
    if (value instanceof Error) throw value;
    return { registrationState: value };
  };
  return {
    calls,
    register: (namespace) => (calls.push(`register ${namespace}`), answer(registerAnswer)),
    get: (namespace) => (calls.push(`get ${namespace}`), answer(getAnswers.shift() ?? 'Registering')),
  };
}

/** A clock that moves only when the code sleeps. */
function fakeWait(timeoutMs = 60_000, pollMs = 5_000): RegistrationWait & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return { slept, now: () => now, sleep: async (ms) => void (slept.push(ms), (now += ms)), pollMs, timeoutMs };
}

describe('registerAndWait', () => {
  it('registers, then reads the provider every poll until Azure says Registered', async () => {
    const providers = scriptedProviders('Registering', 'Registering', 'Registered');
    const wait = fakeWait();
    await registerAndWait(providers, POSTGRES_PROVIDER, wait);
    expect(providers.calls).toEqual(['register Microsoft.DBforPostgreSQL', 'get Microsoft.DBforPostgreSQL', 'get Microsoft.DBforPostgreSQL']);
    expect(wait.slept).toEqual([5_000, 5_000]);
  });

  it('does not wait when the register answer already says Registered (any case)', async () => {
    const providers = scriptedProviders('registered');
    const wait = fakeWait();
    await registerAndWait(providers, POSTGRES_PROVIDER, wait);
    expect(providers.calls).toEqual(['register Microsoft.DBforPostgreSQL']);
    expect(wait.slept).toEqual([]);
  });

  it('stops waiting at the bound and says the registration goes on in Azure', async () => {
    const providers = scriptedProviders('Registering');
    const wait = fakeWait(12_000, 5_000);
    const error = await registerAndWait(providers, POSTGRES_PROVIDER, wait).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderRegistrationError);
    expect(error).toMatchObject({ reason: 'stillRegistering' });
    expect((error as Error).message).toMatch(/still registering Microsoft\.DBforPostgreSQL .*\(Registering\).*try again in a few minutes/);
    // 0, 5 and 10 s were before the bound; at 15 s it gave up.
    expect(wait.slept).toEqual([5_000, 5_000, 5_000]);
  });

  it("turns ARM's 403 AuthorizationFailed into the next step: ask an Owner or Contributor", async () => {
    const refused = armRestError(403, 'AuthorizationFailed', "The client 'x' does not have authorization to perform action 'Microsoft.DBforPostgreSQL/register/action'.");
    const error = await registerAndWait(scriptedProviders(refused), POSTGRES_PROVIDER, fakeWait()).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'notPermitted' });
    expect((error as Error).message).toMatch(/may not register Microsoft\.DBforPostgreSQL .*AuthorizationFailed.*Ask an Owner or Contributor.*az provider register --namespace Microsoft\.DBforPostgreSQL/);
  });

  it("says what else went wrong with ARM's words, also while polling", async () => {
    const conflict = armRestError(409, 'Conflict', 'Another registration is in progress.');
    const error = await registerAndWait(scriptedProviders('Registering', conflict), POSTGRES_PROVIDER, fakeWait()).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'failed' });
    expect((error as Error).message).toBe('Registering Microsoft.DBforPostgreSQL failed: Another registration is in progress. (Conflict). Try again.');
  });
});

describe('isProviderNotRegistered', () => {
  it("is true for ARM's refusals of an unregistered subscription only", () => {
    expect(isProviderNotRegistered(notRegisteredError())).toBe(true);
    expect(isProviderNotRegistered(armRestError(409, 'SubscriptionNotRegistered', 'Subscription is not registered with NRP.'))).toBe(true);
    expect(isProviderNotRegistered(armRestError(409, 'Conflict', 'Busy.'))).toBe(false);
    expect(isProviderNotRegistered(armRestError(503, 'MissingSubscriptionRegistration', 'x'))).toBe(false);
    expect(isProviderNotRegistered(new Error('MissingSubscriptionRegistration'))).toBe(false);
  });
});
