import * as l10n from '../../machines/l10n';
import { offersProviderRegistration } from '../../machines/flexDeployment/failureGuidance';
import type { ArmClients } from './armClients';
import { classifyArmError } from './armErrors';

/** The resource provider a flexible server needs the subscription registered for. */
export const POSTGRES_PROVIDER = 'Microsoft.DBforPostgreSQL';

/** The Providers API of one subscription, as `ResourceManagementClient.providers` offers it. */
export interface ProvidersApi {
  register(namespace: string): Promise<{ registrationState?: string }>;
  get(namespace: string): Promise<{ registrationState?: string }>;
}

export interface SubscriptionRef {
  tenantId: string;
  subscriptionId: string;
}

/** Registers the subscription for Microsoft.DBforPostgreSQL and resolves once Azure says Registered. */
export interface ProviderRegistrar {
  register(subscription: SubscriptionRef): Promise<void>;
}

/** How long to wait for Registered, and how often to ask. */
export interface RegistrationWait {
  now(): number;
  sleep(ms: number): Promise<void>;
  pollMs: number;
  timeoutMs: number;
}

/**
 * Azure registers a provider in a minute or two; past the bound the user is told it is still under
 * way rather than kept waiting behind a spinner (the registration itself goes on in Azure).
 */
export const DEFAULT_WAIT: RegistrationWait = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  pollMs: 5_000,
  timeoutMs: 5 * 60_000,
};

export type RegistrationFailure = 'notPermitted' | 'stillRegistering' | 'failed';

/** Why the registration did not complete, in words that say what to do next. */
export class ProviderRegistrationError extends Error {
  constructor(
    message: string,
    readonly reason: RegistrationFailure,
  ) {
    super(message);
    this.name = 'ProviderRegistrationError';
  }
}

/** POST …/providers/{namespace}/register, then GET the provider until it reads Registered (or the bound passes). */
export async function registerAndWait(providers: ProvidersApi, namespace: string, wait: RegistrationWait): Promise<void> {
  const deadline = wait.now() + wait.timeoutMs;
  let state = (await asked(() => providers.register(namespace), namespace)).registrationState;
  while (!isRegistered(state)) {
    if (wait.now() >= deadline) {
      throw new ProviderRegistrationError(
        l10n.t('Azure is still registering {0} for this subscription ({1}). It goes on without you: try again in a few minutes.', namespace, state ?? l10n.t('no state reported')),
        'stillRegistering',
      );
    }
    await wait.sleep(wait.pollMs);
    state = (await asked(() => providers.get(namespace), namespace)).registrationState;
  }
}

/** The registrar on the SDK's ResourceManagementClient (the same endpoint, CA and tokens as every ARM call). */
export function armProviderRegistrar(clients: Pick<ArmClients, 'resources'>, wait: RegistrationWait = DEFAULT_WAIT): ProviderRegistrar {
  return {
    register: async ({ tenantId, subscriptionId }) => registerAndWait((await clients.resources(tenantId, subscriptionId)).providers, POSTGRES_PROVIDER, wait),
  };
}

/** True when ARM refused a call because the subscription is not registered for the provider. */
export function isProviderNotRegistered(error: unknown): boolean {
  const failure = classifyArmError(error);
  return failure.kind === 'failed' && offersProviderRegistration(failure.error.code);
}

function isRegistered(state: string | undefined): boolean {
  return state?.toLowerCase() === 'registered';
}

async function asked<T>(call: () => Promise<T>, namespace: string): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw registrationError(error, namespace);
  }
}

function registrationError(error: unknown, namespace: string): ProviderRegistrationError {
  const failure = classifyArmError(error);
  if (failure.kind === 'failed' && failure.error.code === 'AuthorizationFailed') {
    return new ProviderRegistrationError(
      l10n.t(
        'Your Azure account may not register {0} for this subscription ({1}). Ask an Owner or Contributor of the subscription to register it (the subscription\'s Resource providers page in the Azure portal, or "az provider register --namespace {0}"), then try again.',
        namespace,
        failure.error.code,
      ),
      'notPermitted',
    );
  }
  if (failure.kind === 'signedOut') return new ProviderRegistrationError(l10n.t('Sign in to Azure, then register {0} again.', namespace), 'failed');
  const reason =
    failure.kind === 'failed'
      ? `${failure.error.message} (${failure.error.code})`
      : failure.kind === 'unavailable'
        ? l10n.t('Azure did not answer ({0})', failure.reason)
        : l10n.t('the provider was not found');
  return new ProviderRegistrationError(l10n.t('Registering {0} failed: {1}. Try again.', namespace, reason), 'failed');
}
