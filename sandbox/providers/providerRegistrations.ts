import { scaled } from '../simulatedTime';

/** The namespace whose registration the sandbox models; every other one counts as registered. */
export const POSTGRES_NAMESPACE = 'Microsoft.DBforPostgreSQL';

/** ARM's registration states of a provider for one subscription (the Providers API's `registrationState`). */
export type RegistrationState = 'NotRegistered' | 'Registering' | 'Registered';

/** Simulated seconds a registration stays Registering: "a while" in Azure, a minute or two. */
export const REGISTRATION_SECONDS = 60;

interface Registration {
  /** Whether the caller holds `Microsoft.DBforPostgreSQL/register/action` on the subscription. */
  mayRegister: boolean;
  /** Set by a register call: Registering from then on, Registered once the simulated time has passed. */
  registeringSince?: number;
}

/**
 * Each subscription's registration for Microsoft.DBforPostgreSQL. A subscription not listed here is
 * registered, as the sandbox's subscriptions always were; a control call takes one off. The state is
 * derived from the clock on every read, as deployments are: no timers.
 */
export class ProviderRegistrations {
  private readonly unregistered = new Map<string, Registration>();

  markUnregistered(subscriptionId: string, mayRegister: boolean): void {
    this.unregistered.set(subscriptionId.toLowerCase(), { mayRegister });
  }

  markRegistered(subscriptionId: string): void {
    this.unregistered.delete(subscriptionId.toLowerCase());
  }

  stateOf(subscriptionId: string, namespace: string, now: number, speed: number): RegistrationState {
    const entry = this.entry(subscriptionId, namespace);
    if (!entry) return 'Registered';
    if (entry.registeringSince === undefined) return 'NotRegistered';
    return now >= entry.registeringSince + scaled(REGISTRATION_SECONDS, speed) ? 'Registered' : 'Registering';
  }

  mayRegister(subscriptionId: string, namespace: string): boolean {
    return this.entry(subscriptionId, namespace)?.mayRegister ?? true;
  }

  /** Starts a registration; one already under way (or done) goes on as it was, as ARM's is idempotent. */
  register(subscriptionId: string, namespace: string, now: number): void {
    const entry = this.entry(subscriptionId, namespace);
    if (entry && entry.registeringSince === undefined) entry.registeringSince = now;
  }

  reset(): void {
    this.unregistered.clear();
  }

  private entry(subscriptionId: string, namespace: string): Registration | undefined {
    if (namespace.toLowerCase() !== POSTGRES_NAMESPACE.toLowerCase()) return undefined;
    return this.unregistered.get(subscriptionId.toLowerCase());
  }
}
