import type { DeploymentContext } from '../../machines/flexDeployment/stagedFlexProfile';
import type { SecretStore } from '../../src/services/flexDeployment/secretStore';
import type { DisposableLike, ProfileSettings, SettingsFileReading } from '../../src/connections/ports';
import type { CommandRunner, Notifier } from '../../src/notifications/notifier';
import type { ConnectionProfile } from '../../src/connections/connectionProfile';
import { DEFAULT_SERVER_OPTIONS } from '../../machines/flexDeployment/serverOptions';

/**
 * The user settings file every window shares, in memory: what `readFile` reads. It stores JSON
 * text, as the real file does, so nobody holds a live reference into it.
 */
export class InMemorySettingsFile {
  private json: string | undefined;
  /** How the next reads find the file: 'notFound' and 'unreadable' model a missing or broken file. */
  state: SettingsFileReading['kind'] = 'read';
  /** Runs once, right after the next write lands: another writer that overtakes it. */
  private overtake: (() => void) | undefined;

  constructor(initial: unknown = []) {
    this.json = initial === undefined ? undefined : JSON.stringify(initial);
  }

  value(): unknown {
    return this.json === undefined ? undefined : JSON.parse(this.json);
  }

  text(): string {
    return this.json ?? '';
  }

  reading(): SettingsFileReading {
    if (this.state === 'read') return { kind: 'read', value: this.value() };
    if (this.state === 'notFound') return { kind: 'notFound' };
    return { kind: 'unreadable', reason: 'the settings file is unreadable' };
  }

  /** A write from anywhere: a window, a person, another extension. The first one makes the file. */
  set(value: unknown): void {
    this.json = JSON.stringify(value);
    if (this.state === 'notFound') this.state = 'read';
    const overtake = this.overtake;
    this.overtake = undefined;
    overtake?.();
  }

  overtakeNextWrite(write: () => void): void {
    this.overtake = write;
  }
}

/**
 * One window's `pgsql.connections`, as VS Code gives it: its view is read from the file when the
 * window opens and again after its own writes, but never on another window's writes (measured in
 * code-server: not within 60 s). So a second window's view goes stale, as the real one does.
 */
export class WindowProfileSettings implements ProfileSettings {
  private view: string | undefined;
  private readonly listeners = new Set<() => void>();
  writes = 0;

  /**
   * `file` is what `readFile` reads; VS Code writes `writtenTo`, which is the same file unless a
   * test models a settings file found at the wrong place.
   */
  constructor(
    readonly file: InMemorySettingsFile = new InMemorySettingsFile(),
    private readonly writtenTo: InMemorySettingsFile = file,
  ) {
    this.view = writtenTo.text() || undefined;
  }

  read(): unknown {
    return this.view === undefined ? undefined : JSON.parse(this.view);
  }

  async readFile(): Promise<SettingsFileReading> {
    return this.file.reading();
  }

  async write(entries: readonly unknown[]): Promise<void> {
    this.writes++;
    this.writtenTo.set(entries);
    // VS Code reloads the writing window's view from the file after the write.
    this.reloadWindow();
  }

  /** "Reload Window": the view is read from the file again. */
  reloadWindow(): void {
    this.view = this.writtenTo.text() || undefined;
    this.listeners.forEach((l) => l());
  }

  /** An edit the user makes by hand in settings.json (this window notices it). */
  editByHand(value: unknown): void {
    this.file.set(value);
    this.reloadWindow();
  }

  onDidChange(listener: () => void): DisposableLike {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** The raw text, to prove no password ever lands in settings. */
  text(): string {
    return this.file.text();
  }
}

/** The setting of a single window over a file of its own. */
export class InMemoryProfileSettings extends WindowProfileSettings {
  constructor(initial: unknown = []) {
    super(new InMemorySettingsFile(initial));
  }
}

export class InMemorySecrets implements SecretStore {
  readonly values = new Map<string, string>();

  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }

  async store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }
}

/** Records every message and answers with the action the test queued for it. */
export class ScriptedNotifier implements Notifier {
  readonly shown: { kind: 'info' | 'warn' | 'error' | 'confirm' | 'pick' | 'progress'; message: string; actions: string[]; detail?: string }[] = [];
  private readonly answers: (string | undefined)[] = [];

  answerNext(...answers: (string | undefined)[]): this {
    this.answers.push(...answers);
    return this;
  }

  async info(message: string, ...actions: string[]): Promise<string | undefined> {
    this.shown.push({ kind: 'info', message, actions });
    return this.answers.shift();
  }

  async warn(message: string, ...actions: string[]): Promise<string | undefined> {
    this.shown.push({ kind: 'warn', message, actions });
    return this.answers.shift();
  }

  async error(message: string, ...actions: string[]): Promise<string | undefined> {
    this.shown.push({ kind: 'error', message, actions });
    return this.answers.shift();
  }

  async confirm(message: string, detail: string, action: string): Promise<boolean> {
    this.shown.push({ kind: 'confirm', message, actions: [action], detail });
    return this.answers.shift() === action;
  }

  /** Picks the item whose label the test queued, or nothing. */
  async pick<T extends { label: string }>(items: readonly T[], placeHolder: string): Promise<T | undefined> {
    this.shown.push({ kind: 'pick', message: placeHolder, actions: items.map((i) => i.label) });
    const answer = this.answers.shift();
    return items.find((i) => i.label === answer);
  }

  async withProgress<T>(title: string, task: () => Promise<T>): Promise<T> {
    this.shown.push({ kind: 'progress', message: title, actions: [] });
    return task();
  }
}

export class RecordingCommands implements CommandRunner {
  readonly calls: { command: string; args: unknown[] }[] = [];

  async execute(command: string, ...args: unknown[]): Promise<unknown> {
    this.calls.push({ command, args });
    return undefined;
  }
}

/** The contoso server's saved Azure profile (password kept in SecretStorage), as connect and dashboard tests use it. */
export const CONTOSO_PROFILE: Omit<ConnectionProfile, 'id'> = {
  server: 'contoso.postgres.database.azure.com',
  profileName: 'contoso',
  database: '',
  user: 'pgadmin',
  authenticationType: 'SqlLogin',
  azureResourceId: '/subscriptions/sub-1/resourceGroups/rg-data/providers/Microsoft.DBforPostgreSQL/flexibleServers/contoso',
  azureTenantId: 'tenant-1',
  savePassword: true,
};

/** A finished deployment record as the tracker hands it to the effects. */
export function deploymentContext(overrides: Partial<DeploymentContext> = {}): DeploymentContext {
  return {
    stagingId: 'stg-1',
    deploymentName: 'pgflex-contoso-1',
    resourceGroupName: 'rg-data',
    subscriptionId: 'sub-1',
    tenantId: 'tenant-1',
    connectionProfile: {
      server: 'contoso.postgres.database.azure.com',
      profileName: 'contoso',
      database: '',
      user: 'pgadmin',
      authenticationType: 'SqlLogin',
      azureSubscriptionId: 'sub-1',
      azureResourceGroup: 'rg-data',
      azureTenantId: 'tenant-1',
      savePassword: true,
    },
    status: 'succeeded',
    createdAt: Date.UTC(2026, 10, 22, 10, 0, 0),
    serverResourceId: '/subscriptions/sub-1/resourceGroups/rg-data/providers/Microsoft.DBforPostgreSQL/flexibleServers/contoso',
    passwordSecretId: 'pgsql.flexProvisioning.stagedPassword.stg-1',
    serverName: 'contoso',
    location: 'westeurope',
    request: {
      tenantId: 'tenant-1',
      subscriptionId: 'sub-1',
      resourceGroup: { name: 'rg-data', isNew: false },
      serverName: 'contoso',
      location: 'westeurope',
      version: '16',
      tier: 'Burstable',
      skuName: 'Standard_B1ms',
      storageSizeGB: 32,
      authenticationMode: 'PostgreSQLOnly',
      adminLogin: 'pgadmin',
      networkAccess: 'Public',
      firewall: { allowAzureServices: false, ranges: [] },
      ...DEFAULT_SERVER_OPTIONS,
    },
    inActiveSession: true,
    audit: [],
    ...overrides,
  };
}

/** The same deployment for a Hybrid server: the profile prefers Microsoft Entra (spec §6). */
export function entraDeploymentContext(overrides: Partial<DeploymentContext> = {}): DeploymentContext {
  const base = deploymentContext();
  return deploymentContext({
    connectionProfile: {
      ...base.connectionProfile,
      user: 'ada@contoso.com',
      entraUserName: 'ada@contoso.com',
      authenticationType: 'AzureMFA',
      azureAuthType: 'AzureMFA',
      savePassword: false,
    },
    request: { ...base.request!, authenticationMode: 'Hybrid', entraAdmin: { objectId: 'oid-1', principalName: 'ada@contoso.com', principalType: 'User' } },
    ...overrides,
  });
}
