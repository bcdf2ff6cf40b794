import { watch } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import * as z from 'zod';
import { armErrorSchema } from './armErrorSchema';
import type { DeploymentObservation } from './deploymentReader';

/**
 * What the machine's poller last read from ARM, for the windows that own the deployments: one
 * window reads ARM for all of them (see machinePoller.ts) and posts the answers here; each owner
 * applies those of its own deployments. A file in the shared storage folder, replaced whole by its
 * one writer (atomic rename); losing it loses one cycle's answers, which the next cycle brings
 * again, so it is neither locked nor fsynced.
 */
export interface PostedObservation {
  observation: DeploymentObservation;
  /** The poller's clock when ARM answered. */
  at: number;
}

const BOARD_FILE = 'armObservations.json';


const observationSchema: z.ZodType<DeploymentObservation> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('running'), provisioningState: z.string(), durationMs: z.number().finite().optional() }),
  z.object({ kind: z.literal('succeeded'), serverResourceId: z.string(), outputs: z.record(z.string(), z.unknown()).optional() }),
  z.object({ kind: z.literal('failed'), error: armErrorSchema }),
  z.object({ kind: z.literal('canceled') }),
  z.object({ kind: z.literal('notFound') }),
  z.object({ kind: z.literal('unavailable'), reason: z.string() }),
  z.object({ kind: z.literal('signedOut') }),
]);

const boardSchema = z.object({
  cycleId: z.string(),
  observations: z.record(z.string(), z.object({ observation: observationSchema, at: z.number().finite() })),
});

/** One poll cycle's answers; `cycleId` tells a window whether it has applied them already. */
export interface PostedCycle {
  cycleId: string;
  observations: ReadonlyMap<string, PostedObservation>;
}

export class ObservationBoard {
  private readonly file: string;

  constructor(
    private readonly directory: string,
    private readonly log: (message: string) => void,
  ) {
    this.file = join(directory, BOARD_FILE);
  }

  async post(cycle: PostedCycle): Promise<void> {
    const tmp = `${this.file}.${randomUUID()}.tmp`;
    await writeFile(tmp, JSON.stringify({ cycleId: cycle.cycleId, observations: Object.fromEntries(cycle.observations) }));
    await rename(tmp, this.file);
  }

  /** The last cycle's answers; undefined when there is none yet or it cannot be read (the next cycle posts again). */
  async read(): Promise<PostedCycle | undefined> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      return undefined;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Torn or foreign: left undefined, which the schema refuses below.
    }
    const board = boardSchema.safeParse(parsed);
    if (!board.success) {
      this.log('The shared ARM answers file could not be read; waiting for the next poll cycle.');
      return undefined;
    }
    return { cycleId: board.data.cycleId, observations: new Map(Object.entries(board.data.observations)) };
  }

  /** Calls back when the poller posts (a file handle, not a timer). */
  watch(listener: () => void): { dispose(): void } {
    try {
      const watcher = watch(this.directory, (_event, name) => {
        if (name === BOARD_FILE) listener();
      });
      watcher.on('error', () => watcher.close());
      return { dispose: () => watcher.close() };
    } catch (error) {
      this.log(`Not watching the shared ARM answers (${String(error)}); they are applied at each poll cycle instead.`);
      return { dispose: () => undefined };
    }
  }
}
