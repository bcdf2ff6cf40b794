/** The sandbox's public contract: what tests, the benchmark, `npm start` and `npm run sandbox` use. */

export interface ExternalPostgres {
  host: string;
  port: number;
  user: string;
  password: string;
  database?: string;
}

export interface SandboxOptions {
  /** 0 or undefined = a free port. */
  port?: number;
  /** Time factor: 1 = realistic durations (server ~4 min, firewall rule ~1 min); tests use e.g. 200. */
  speed?: number;
  /** Default 'embedded', started lazily when the first server succeeds. */
  postgres?: 'embedded' | 'none' | ExternalPostgres;
  log?: (line: string) => void;
}

/** Where the PostgreSQL behind a succeeded server listens (always loopback). */
export interface ServerEndpoint {
  host: string;
  port: number;
  database: string;
}

/** The ARM error a scripted failure ends with (innermost code of the DeploymentFailed chain). */
export interface ScriptedError {
  code: string;
  message?: string;
}

/** Named failures with the code and message Azure uses for them. */
export const KNOWN_FAILURES = ['ServerNameAlreadyExists', 'QuotaExceeded', 'InvalidParameterValue', 'InternalServerError', 'RequestDisallowedByPolicy'] as const;
export type KnownFailure = (typeof KNOWN_FAILURES)[number];

/** Durations in simulated seconds (divided by the speed factor), keyed by resource kind. */
export interface ResourceDurations {
  flexibleServers: number;
  firewallRules: number;
  administrators: number;
  databases: number;
}

export type ScriptedOutcome =
  | { outcome: 'succeed'; durations?: Partial<ResourceDurations> }
  | {
      outcome: 'fail';
      /** A known failure, or any ARM code with its message. */
      error: KnownFailure | ScriptedError;
      /** Which template resource fails (default the server). */
      resource?: keyof ResourceDurations;
      /**
       * Only the first N deployments of the server that reach that resource fail (a PUT of the same
       * deployment again counts as one more); from then on they succeed. Default: every one.
       */
      times?: number;
      durations?: Partial<ResourceDurations>;
    }
  /** The server resource stays Running forever. */
  | { outcome: 'hang' }
  /** When the server resource would finish, the deployment disappears (404 from then on). */
  | { outcome: 'vanish'; keepServer?: boolean; durations?: Partial<ResourceDurations> };

/**
 * `afterApply`: the request is carried out, then its answer is replaced by the fault — the answer
 * lost on the way back, as when a connection drops after ARM accepted a PUT.
 */
export type FaultRule =
  | { kind: 'throttle'; count: number; retryAfterSeconds?: number; routes?: string[]; afterApply?: boolean }
  | { kind: 'status'; status: 500 | 502 | 503 | 504; count: number; routes?: string[]; afterApply?: boolean }
  | { kind: 'reset'; count: number; routes?: string[]; afterApply?: boolean };

export type ListOrder = 'newestFirst' | 'arbitrary';

export interface RequestLog {
  /** Requests to one route, or to all ARM routes when no route is given. Control calls are not counted. */
  count(route?: string): number;
  counts(): Record<string, number>;
  reset(): void;
}

/** The deny assignments the sandbox can put in force, as ARM evaluates them at preflight. */
export interface SandboxPolicy {
  /** No flexible server with public network access (an assignment many organisations have). */
  denyPublicServers: boolean;
}

/** A subscription's registration for Microsoft.DBforPostgreSQL, as the control API sets it. */
export interface ProviderRegistration {
  registered: boolean;
  /** Whether callers may register it (`register/action`); without it, registering gets 403. Default true. */
  mayRegister?: boolean;
}

/**
 * A vCore limit for PostgreSQL flexible servers in one location: in one subscription, or in each
 * sandbox subscription when none is named (each counts its own servers).
 */
export interface QuotaLimit {
  location: string;
  vCores: number;
  subscriptionId?: string;
}

/**
 * A compute size one location does not give a subscription (in each sandbox subscription when none
 * is named). Listed: its capabilities still list it, and a deployment is refused, as when a region
 * is out of capacity for the size. Not listed: its capabilities list it Disabled, with a reason.
 */
export interface SkuRestriction {
  location: string;
  skuName: string;
  listed: boolean;
  subscriptionId?: string;
}

export interface SandboxControl {
  scriptOutcome(serverName: string, outcome: ScriptedOutcome): void;
  clearOutcome(serverName: string): void;
  setDurations(durations: Partial<ResourceDurations>): void;
  durations(): ResourceDurations;
  setSpeed(speed: number): void;
  speed(): number;
  addFault(fault: FaultRule): void;
  /** The fault rules still to serve, each with the count it has left (a spent rule leaves the list). */
  pendingFaults(): FaultRule[];
  clearFaults(): void;
  /** Added to every ARM response until set back to 0. */
  setLatency(ms: number): void;
  /**
   * The order deployment lists come in: newest first, as ARM was observed to list them, or an
   * arbitrary (stable) order — ARM documents none, and a client must not depend on one.
   */
  setListOrder(order: ListOrder): void;
  /** Azure Policy from now on: validation and PUT refuse what it denies, as ARM's preflight does. */
  setPolicy(policy: SandboxPolicy): void;
  /**
   * From now on a server that would take the location's used vCores (its servers' sizes, as the
   * capabilities list them) above the limit fails with QuotaExceeded, as a scripted one does.
   */
  setQuota(quota: QuotaLimit): void;
  /** From now on a deployment of the size in the location fails with SkuNotAvailable. */
  restrictSku(restriction: SkuRestriction): void;
  /** Calls bearing this token value get ARM's 401 ExpiredAuthenticationToken from now on. */
  revokeToken(token: string): void;
  /**
   * Unregistered: the provider's routes answer 409 MissingSubscriptionRegistration until someone
   * registers it (Registering, then Registered after a simulated minute); a deployment registers it
   * itself when the caller may, else fails with that code. Registered is every subscription's start.
   */
  setProviderRegistration(subscriptionId: string, registration: ProviderRegistration): void;
  requestCounts(): Record<string, number>;
  resetRequests(): void;
  /** Undefined when no such server has succeeded, it is not Ready (stopped) or postgres is 'none'. Waits for the backend to be ready. */
  serverEndpoint(serverName: string): Promise<ServerEndpoint | undefined>;
  /** Back to a fresh start: no deployments, servers, created groups, outcomes, quotas, size restrictions, long-running operations, names taken elsewhere, faults, revoked tokens or counts; start durations and speed; every subscription registered. */
  reset(): void;
}

export interface Sandbox {
  /** https://localhost:PORT — LRO headers and nextLinks use this base. */
  url: string;
  /** PEM of the self-signed certificate (clients pass it as tlsOptions.ca). */
  ca: string;
  control: SandboxControl;
  requests: RequestLog;
  stop(): Promise<void>;
}
