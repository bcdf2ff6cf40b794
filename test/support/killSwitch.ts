import type { JournalFiles } from '../../src/services/flexDeployment/journalFiles';
import type { DeploymentCanceller } from '../../src/services/flexDeployment/deploymentCanceller';
import type { DeploymentEffects } from '../../src/services/flexDeployment/deploymentEffectsPort';
import type { GlobalStateLike } from '../../src/services/flexDeployment/recordStorage';
import type { SecretStore } from '../../src/services/flexDeployment/secretStore';
import type { ServerProvisioner } from '../../src/services/flexDeployment/serverProvisioner';
import type { CrossWindowLock } from '../../src/storage/crossWindowLock';

/** A promise that never settles: what a dead process's pending work amounts to. */
export function never<T>(): Promise<T> {
  return new Promise<T>(() => undefined);
}

/**
 * Where a run dies. Every write a window makes (journal file, globalState mirror, secrets, profile,
 * dashboard, the PUT) passes here as two points — before it, and after it took effect but before
 * the window learnt so — counted over the whole run; at the chosen point the window then alive
 * dies: that call and every later one of that window never return, its reads included.
 */
export class KillSwitch {
  private passed = 0;
  diedAt: string | undefined;

  constructor(private readonly dieAt?: number) {}

  /** How many points the run passed: run a path once without dying to learn its count. */
  get points(): number {
    return this.passed;
  }

  /** A new window's life. */
  life(): Life {
    return new Life((where) => {
      this.passed++;
      if (this.passed !== this.dieAt) return false;
      this.diedAt = where;
      return true;
    });
  }
}

/** One window's life: it dies when its run's switch says so, and stays dead. */
export class Life {
  private killed = false;
  private resolveDeath: () => void = () => undefined;
  /** Settles when this window dies. */
  readonly death = new Promise<void>((resolve) => (this.resolveDeath = resolve));

  constructor(private readonly diesAt: (where: string) => boolean) {}

  get dead(): boolean {
    return this.killed;
  }

  async write<T>(name: string, run: () => Promise<T>): Promise<T> {
    if (this.point(`before ${name}`)) return never();
    const result = await run();
    if (this.point(`after ${name}`)) return never();
    return result;
  }

  async read<T>(run: () => Promise<T>): Promise<T> {
    if (this.killed) return never();
    const result = await run();
    return this.killed ? never() : result;
  }

  private point(where: string): boolean {
    if (this.killed) return true;
    if (!this.diesAt(where)) return false;
    this.killed = true;
    this.resolveDeath();
    return true;
  }
}

export function crashableFiles(files: JournalFiles, life: Life): JournalFiles {
  return {
    read: (path) => life.read(() => files.read(path)),
    readFrom: (path, offset) => life.read(() => files.readFrom(path, offset)),
    replace: (path, text) => life.write('journal write', () => files.replace(path, text)),
    append: (path, text) => life.write('history append', () => files.append(path, text)),
    copy: (from, to) => life.write('journal copy aside', () => files.copy(from, to)),
    version: (path) => life.read(() => files.version(path)),
  };
}

export function crashableMemento(memento: GlobalStateLike, life: Life): GlobalStateLike {
  return {
    get: (key) => memento.get(key),
    update: (key, value) => life.write(`globalState ${key}`, async () => memento.update(key, value)),
  };
}

export function crashableSecrets(secrets: SecretStore, life: Life): SecretStore {
  return {
    get: (key) => life.read(async () => secrets.get(key)),
    store: (key, value) => life.write('secret store', async () => secrets.store(key, value)),
    delete: (key) => life.write('secret delete', async () => secrets.delete(key)),
  };
}

export function crashableEffects(effects: DeploymentEffects, life: Life): DeploymentEffects {
  return {
    saveProfile: (d) => life.write('profile save', () => effects.saveProfile(d)),
    savedProfileIds: () => life.read(() => effects.savedProfileIds()),
    openDashboard: (d) => life.write('dashboard open', () => effects.openDashboard(d)),
    notifyReady: (d) => void (life.dead || effects.notifyReady(d)),
    notifyFailed: (d) => void (life.dead || effects.notifyFailed(d)),
    notifyCanceled: (d) => void (life.dead || effects.notifyCanceled(d)),
    openRetryForm: (d) => void (life.dead || effects.openRetryForm(d)),
  };
}

export function crashableCanceller(canceller: DeploymentCanceller, life: Life): DeploymentCanceller {
  return { cancel: (ref) => life.write('ARM cancel', () => canceller.cancel(ref)) };
}

export function crashableProvisioner(provisioner: ServerProvisioner, life: Life): ServerProvisioner {
  return {
    preflight: (request) => life.read(() => provisioner.preflight(request)),
    startDeployment: (request, name) => life.write('ARM PUT', () => provisioner.startDeployment(request, name)),
  };
}

/**
 * The journal's cross-window lock in memory, shared by the windows of one test. A window that dies
 * holding it lets it go, as a dead process's lock file goes stale.
 */
export class SharedLock {
  private queue: Promise<unknown> = Promise.resolve();

  forWindow(life: Life): CrossWindowLock {
    return {
      run: <T>(work: () => Promise<T>): Promise<T> => {
        const run = this.queue.then(async () => {
          const outcome = await Promise.race([work().then((value) => ({ value })), life.death.then(() => undefined)]);
          return outcome;
        });
        this.queue = run.catch(() => undefined);
        return run.then((outcome) => (outcome ? outcome.value : never<T>()));
      },
    };
  }
}

