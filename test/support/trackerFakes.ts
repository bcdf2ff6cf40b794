import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CreateServerRequest } from '../../machines/flexDeployment/createServerRequest';
import type { ArmErrorSummary, DeploymentContext } from '../../machines/flexDeployment/stagedFlexProfile';
import type { DeploymentLeases } from '../../src/services/flexDeployment/deploymentLeases';
import type { CancelAnswer, DeploymentCanceller } from '../../src/services/flexDeployment/deploymentCanceller';
import type { DeploymentEffects } from '../../src/services/flexDeployment/deploymentEffectsPort';
import type { DeploymentObservation, DeploymentReadBatch, DeploymentReader } from '../../src/services/flexDeployment/deploymentReader';
import type { DeploymentRef } from '../../src/services/flexDeployment/deploymentRef';
import type { GlobalStateLike, StoreNotices } from '../../src/services/flexDeployment/recordStorage';
import type { SecretStore } from '../../src/services/flexDeployment/secretStore';
import { ArmStartError, type ServerProvisioner } from '../../src/services/flexDeployment/serverProvisioner';
import type { AzureSignIn } from '../../src/services/flexDeployment/trackerDependencies';
import type { JournalRecovery } from '../../src/services/flexDeployment/journalRecovery';
import type { DeploymentLifecycle } from '../../src/services/flexDeployment/deploymentLifecycle';
import { DEFAULT_SERVER_OPTIONS } from '../../machines/flexDeployment/serverOptions';

/** vscode.Memento in memory; counts writes. One instance shared by two trackers = two windows. */
export class MemoryMemento implements GlobalStateLike {
  readonly values = new Map<string, unknown>();
  writes = 0;
  get<T>(key: string): T | undefined {
    const v = this.values.get(key);
    return v === undefined ? undefined : (structuredClone(v) as T);
  }
  async update(key: string, value: unknown): Promise<void> {
    this.writes++;
    this.values.set(key, structuredClone(value));
  }
}

export class MemorySecrets implements SecretStore {
  readonly values = new Map<string, string>();
  async get(key: string) {
    return this.values.get(key);
  }
  async store(key: string, value: string) {
    this.values.set(key, value);
  }
  async delete(key: string) {
    this.values.delete(key);
  }
}

export class FakeClock {
  constructor(public time = Date.UTC(2026, 10, 22, 12)) {}
  now = () => this.time;
  advance(ms: number) {
    this.time += ms;
  }
}

/** Leases shared by the trackers of one test, as lock files are shared by windows. */
export class LeaseRegistry {
  readonly holders = new Map<string, symbol>();
  forWindow(): DeploymentLeases & { crash(): void; takenOver(id: string): void } {
    const me = Symbol('window');
    const registry = this.holders;
    const lost: ((id: string) => void)[] = [];
    return {
      async tryAcquire(id) {
        const holder = registry.get(id);
        if (holder && holder !== me) return false;
        registry.set(id, me);
        return true;
      },
      async release(id) {
        if (registry.get(id) === me) registry.delete(id);
      },
      async releaseAll() {
        for (const [id, holder] of registry) if (holder === me) registry.delete(id);
      },
      holds: (id) => registry.get(id) === me,
      onLost: (l) => void lost.push(l),
      /** The window died: its leases go stale. */
      crash() {
        for (const [id, holder] of registry) if (holder === me) registry.delete(id);
      },
      /** This window stalled past the stale time and another one took the lease. */
      takenOver(id) {
        registry.set(id, Symbol('another window'));
        for (const l of lost) l(id);
      },
    };
  }
}

/** ARM as the tracker sees it: what each deployment (by name) currently reports. */
export class ScriptedReader implements DeploymentReader {
  readonly states = new Map<string, DeploymentObservation>();
  readonly reads: DeploymentRef[][] = [];
  retryAfterMs: number | undefined;
  async read(refs: readonly DeploymentRef[]): Promise<DeploymentReadBatch> {
    this.reads.push([...refs]);
    const observations = new Map<string, DeploymentObservation>();
    for (const ref of refs) observations.set(ref.stagingId, this.states.get(ref.deploymentName) ?? { kind: 'notFound' });
    return { observations, retryAfterMs: this.retryAfterMs };
  }
  set(deploymentName: string, observation: DeploymentObservation) {
    this.states.set(deploymentName, observation);
  }
}

export class FakeProvisioner implements ServerProvisioner {
  readonly started: { request: CreateServerRequest; deploymentName: string }[] = [];
  /** When set, ARM refuses the next deployments with this error. */
  rejectWith: ArmErrorSummary | undefined;
  /** When set, ARM takes the deployment but its answer is lost on the way back. */
  loseAnswer = false;
  /** When set, the request never reaches ARM, and no answer comes back. */
  loseRequest = false;
  constructor(private readonly reader: ScriptedReader) {}
  async preflight() {}
  async startDeployment(request: CreateServerRequest, deploymentName: string) {
    if (this.rejectWith) throw new ArmStartError(this.rejectWith);
    this.started.push({ request, deploymentName });
    if (this.loseRequest) throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    this.reader.set(deploymentName, { kind: 'running', provisioningState: 'Accepted' });
    if (this.loseAnswer) throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    return { deploymentName };
  }
}

/**
 * ARM's cancel as the sandbox and ARM do it: a running deployment becomes Canceled (204), anything
 * else is refused (409 DeploymentCannotBeCancelled). `nextAnswers` scripts the next answers, in
 * order; a scripted 'accepted' is ARM's own behaviour.
 */
export class ScriptedCanceller implements DeploymentCanceller {
  readonly calls: string[] = [];
  readonly nextAnswers: CancelAnswer[] = [];
  /** When set, ARM answers once it resolves: the request is on its way meanwhile. */
  gate: Promise<void> | undefined;
  constructor(private readonly reader: ScriptedReader) {}
  async cancel(ref: DeploymentRef): Promise<CancelAnswer> {
    this.calls.push(ref.deploymentName);
    await this.gate;
    const scripted = this.nextAnswers.shift();
    if (scripted && scripted.kind !== 'accepted') return scripted;
    const state = this.reader.states.get(ref.deploymentName);
    if (state?.kind !== 'running') {
      return { kind: 'refused', error: { code: 'DeploymentCannotBeCancelled', message: `The deployment '${ref.deploymentName}' cannot be cancelled: it is not running.` } };
    }
    this.reader.set(ref.deploymentName, { kind: 'canceled' });
    return { kind: 'accepted' };
  }
}

/** A connection store in memory: profiles keyed by their stable id, like the real one. */
export class RecordingEffects implements DeploymentEffects {
  readonly profiles = new Map<string, { context: DeploymentContext; password?: string }>();
  saveCalls = 0;
  readonly dashboards: string[] = [];
  readonly ready: string[] = [];
  readonly failed: string[] = [];
  readonly canceled: string[] = [];
  readonly retryForms: string[] = [];
  constructor(private readonly secrets: MemorySecrets) {}
  /** When set, saving fails with this error (a read-only settings file, say). */
  saveFailure: Error | undefined;
  private readonly failing = new Set<'save' | 'dashboard'>();
  /** The next save, or dashboard, fails once. */
  failNext(effect: 'save' | 'dashboard') {
    this.failing.add(effect);
  }
  /** When set, every save and dashboard waits for it: effects that take their time, as real ones do. */
  gate: Promise<void> | undefined;
  async saveProfile(d: Readonly<DeploymentContext>) {
    this.saveCalls++;
    await this.gate;
    if (this.saveFailure) throw this.saveFailure;
    if (this.failing.delete('save')) throw new Error('settings.json is read-only');
    const id = d.connectionProfile.id ?? `flex-${d.stagingId}`;
    const password = d.passwordSecretId ? await this.secrets.get(d.passwordSecretId) : undefined;
    if (password) await this.secrets.store(`profile-password.${id}`, password);
    if (d.passwordSecretId) await this.secrets.delete(d.passwordSecretId);
    this.profiles.set(id, { context: structuredClone(d as DeploymentContext), password });
    return { profileId: id };
  }
  async savedProfileIds() {
    return new Set(this.profiles.keys());
  }
  async openDashboard(d: Readonly<DeploymentContext>) {
    await this.gate;
    if (this.failing.delete('dashboard')) throw new Error('no pg_hba.conf entry for host');
    this.dashboards.push(d.stagingId);
  }
  notifyReady(d: Readonly<DeploymentContext>) {
    this.ready.push(d.stagingId);
  }
  notifyFailed(d: Readonly<DeploymentContext>) {
    this.failed.push(d.stagingId);
  }
  notifyCanceled(d: Readonly<DeploymentContext>) {
    this.canceled.push(d.stagingId);
  }
  openRetryForm(d: Readonly<DeploymentContext>) {
    this.retryForms.push(d.stagingId);
  }
}

/** The notices the user would see about stored records, recorded. */
export class RecordingNotices implements StoreNotices {
  readonly recoveries: JournalRecovery[] = [];
  readonly quarantines: (readonly string[])[] = [];
  journalRecovered(recovery: JournalRecovery) {
    this.recoveries.push(recovery);
  }
  recordsQuarantined(reasons: readonly string[]) {
    this.quarantines.push(reasons);
  }
  readonly notSaved: string[] = [];
  recordsNotSaved(reason: string) {
    this.notSaved.push(reason);
  }
}

/** The lifecycle moments told, in order: `{moment} {stagingId}` (or the count waiting for a sign-in). */
export class RecordingLifecycle implements DeploymentLifecycle {
  readonly told: string[] = [];
  staged(d: Readonly<DeploymentContext>) {
    this.told.push(`staged ${d.stagingId}`);
  }
  accepted(d: Readonly<DeploymentContext>) {
    this.told.push(`accepted ${d.stagingId}`);
  }
  observed(d: Readonly<DeploymentContext>, observation: DeploymentObservation) {
    this.told.push(`observed ${d.stagingId} ${observation.kind}`);
  }
  retryScheduled(d: Readonly<DeploymentContext>) {
    this.told.push(`retryScheduled ${d.stagingId} ${d.transientRetry?.failedAttempts}`);
  }
  resubmitted(d: Readonly<DeploymentContext>) {
    this.told.push(`resubmitted ${d.stagingId}`);
  }
  ended(d: Readonly<DeploymentContext>) {
    this.told.push(`ended ${d.stagingId} ${d.status}`);
  }
  profileSaved(d: Readonly<DeploymentContext>) {
    this.told.push(`profileSaved ${d.stagingId}`);
  }
  signInNeeded(waiting: number) {
    this.told.push(`signInNeeded ${waiting}`);
  }
}

export class FakeSignIn implements AzureSignIn {
  prompts = 0;
  private listeners: (() => void)[] = [];
  async promptSignIn() {
    this.prompts++;
  }
  onDidSignIn(listener: () => void) {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  }
  signIn() {
    for (const l of this.listeners) l();
  }
}

export function tempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'pgflex-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export function createRequest(overrides: Partial<CreateServerRequest> = {}): CreateServerRequest {
  return {
    tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    subscriptionId: 'ffffffff-ffff-ffff-ffff-ffffffffffff',
    resourceGroup: { name: 'rg-pgflex', isNew: false },
    serverName: 'pgflex-demo',
    location: 'canadacentral',
    version: '17',
    tier: 'Burstable',
    skuName: 'Standard_B2s',
    storageSizeGB: 32,
    authenticationMode: 'PostgreSQLOnly',
    adminLogin: 'pgadmin',
    adminPassword: 'Sup3r$ecret!',
    confirmPassword: 'Sup3r$ecret!',
    networkAccess: 'Public',
    firewall: { allowAzureServices: true, ranges: [] },
    ...DEFAULT_SERVER_OPTIONS,
    ...overrides,
  };
}
