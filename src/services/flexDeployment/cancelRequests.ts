import { watch } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

const REQUESTS_FOLDER = 'cancelRequests';
const PREFIX = 'cancel-';

/**
 * Cancel requests from a window that does not own the deployment, for the one that does: one
 * empty file per deployment in the shared storage folder, named by its staging id. Whoever owns
 * the deployment (now, or after adopting it when its owner died) sends the cancel and removes the
 * file; asking twice is asking once. The file is the whole message, so a torn write cannot be
 * misread: it is written aside and renamed into place.
 */
export class CancelRequests {
  private readonly folder: string;

  constructor(
    directory: string,
    private readonly log: (message: string) => void,
  ) {
    this.folder = join(directory, REQUESTS_FOLDER);
  }

  async ask(stagingId: string): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    const tmp = join(this.folder, `.${randomUUID()}.tmp`);
    // Stryker disable next-line StringLiteral: the file's name is the whole request; its content is never read.
    await writeFile(tmp, '');
    await rename(tmp, this.fileOf(stagingId));
  }

  /** The staging ids someone asked to cancel; none when nothing was ever asked. */
  async asked(): Promise<string[]> {
    try {
      return (await readdir(this.folder)).filter((name) => name.startsWith(PREFIX)).map((name) => decodeURIComponent(name.slice(PREFIX.length)));
    } catch {
      return [];
    }
  }

  async answered(stagingId: string): Promise<void> {
    await rm(this.fileOf(stagingId), { force: true });
  }

  /** Calls back when a request arrives (a file handle, not a timer); each poll cycle looks too. */
  async watch(listener: () => void): Promise<{ dispose(): void }> {
    try {
      await mkdir(this.folder, { recursive: true });
      const watcher = watch(this.folder, (_event, name) => {
        if (name?.startsWith(PREFIX)) listener();
      });
      // A watcher that failed (its folder removed, the system's watch limit reached) hears nothing more: the poll cycle answers.
      watcher.on('error', (error) => {
        this.log(`Stopped watching for other windows' cancel requests (${String(error)}); they are answered at each poll cycle instead.`);
        watcher.close();
      });
      return { dispose: () => watcher.close() };
    } catch (error) {
      this.log(`Not watching for other windows' cancel requests (${String(error)}); they are answered at each poll cycle instead.`);
      return { dispose: () => undefined };
    }
  }

  private fileOf(stagingId: string): string {
    // Staging ids are UUIDs; encoded and prefixed all the same, so no id can name another path.
    return join(this.folder, `${PREFIX}${encodeURIComponent(stagingId)}`);
  }
}
