import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { DeploymentJournal } from '../../src/services/flexDeployment/deploymentJournal';
import type { DeploymentRecord } from '../../src/services/flexDeployment/deploymentRecord';
import { nodeJournalFiles, type JournalFiles } from '../../src/services/flexDeployment/journalFiles';
import { stagedContext } from '../../src/services/flexDeployment/stageDeployment';
import { createRequest, FakeClock, MemoryMemento, RecordingNotices, tempDir } from './trackerFakes';

export const HOUR = 3_600_000;
export const JOURNAL_FILE = 'flexDeployments.json';
export const HISTORY_FILE = 'flexDeploymentsHistory.jsonl';

/** The file operations, counted: what a window reads and writes. */
export function countingFiles(base: JournalFiles = nodeJournalFiles) {
  const counts = { reads: 0, writes: 0 };
  const files: JournalFiles = {
    ...base,
    read: (p) => (counts.reads++, base.read(p)),
    readFrom: (p, o) => (counts.reads++, base.readFrom(p, o)),
    replace: (p, t) => (counts.writes++, base.replace(p, t)),
    append: (p, t) => (counts.writes++, base.append(p, t)),
  };
  return { files, counts };
}

/** A record in `state`, created an hour before `now`. */
export function deploymentRecord(id: string, state: DeploymentRecord['state'], now: number, terminalAt?: number): DeploymentRecord {
  const context = stagedContext(createRequest({ serverName: `server-${id}` }), { stagingId: id, deploymentName: `pgflex-${id}-1` }, now - HOUR);
  const status = state.startsWith('succeeded') ? 'succeeded' : state === 'failed' ? 'failed' : state === 'dismissed' ? 'pending' : state;
  return { ...context, schemaVersion: 2, state, status: status as DeploymentRecord['status'], terminalAt, inActiveSession: false };
}

/**
 * A storage folder and globalState per test, shared by the journals `journal()` opens over them as
 * windows share them; what those windows log and tell the user is recorded.
 */
export function useJournalWorld() {
  let dir: ReturnType<typeof tempDir> | undefined;
  let state: { clock: FakeClock; memento: MemoryMemento; notices: RecordingNotices; logs: string[] } | undefined;
  beforeEach(() => {
    dir = tempDir();
    state = { clock: new FakeClock(), memento: new MemoryMemento(), notices: new RecordingNotices(), logs: [] };
  });
  afterEach(() => dir?.remove());
  const world = () => {
    if (!dir || !state) throw new Error('no journal world outside a test');
    return { dir: dir.path, ...state };
  };
  return {
    get dir() {
      return world().dir;
    },
    get clock() {
      return world().clock;
    },
    get memento() {
      return world().memento;
    },
    get notices() {
      return world().notices;
    },
    get logs() {
      return world().logs;
    },
    file(name: string): string {
      return join(world().dir, name);
    },
    /** A window's journal over the shared folder (another call: another window); it tells the shared notices unless given its own. */
    journal(options: { files?: JournalFiles; notices?: RecordingNotices; directory?: string } = {}): DeploymentJournal {
      const { dir, memento, notices, clock, logs } = world();
      return new DeploymentJournal(options.directory ?? dir, memento, { log: (m) => void logs.push(m), notices: options.notices ?? notices, now: clock.now, files: options.files ?? nodeJournalFiles });
    },
    /** A record in `state`, created an hour ago. */
    record(id: string, state: DeploymentRecord['state'], terminalAt?: number): DeploymentRecord {
      return deploymentRecord(id, state, world().clock.now(), terminalAt);
    },
    /** The staging ids the active journal file holds, in order. */
    activeIds(): string[] {
      const text = readFileSync(join(world().dir, JOURNAL_FILE), 'utf8');
      return (JSON.parse(text) as { records: ({ stagingId?: string } | null)[] }).records.map((r) => r?.stagingId ?? '(none)');
    },
    /** The history file's lines, as written. */
    historyLines(): string[] {
      try {
        return readFileSync(join(world().dir, HISTORY_FILE), 'utf8').split('\n').filter(Boolean);
      } catch {
        return [];
      }
    },
  };
}
