import { watch } from 'node:fs';

/**
 * Calls back when another window may have written the journal: a file handle, not a timer, so idle
 * windows stay idle. A change to the history always counts; one to the active journal only when
 * the file is not this window's own last write (`journalIsOwn`, told by the file's version). Other
 * files in the folder (leases, temporary files) are not the journal.
 */
export function watchJournal(
  directory: string,
  files: { journal: string; history: string },
  journalIsOwn: () => Promise<boolean>,
  log: (message: string) => void,
  listener: () => void,
): { dispose(): void } {
  try {
    const watcher = watch(directory, (_event, name) => {
      if (name === files.history) listener();
      else if (name === files.journal) {
        journalIsOwn().then(
          (own) => {
            if (!own) listener();
          },
          (error: unknown) => log(`Reading the deployment journal's change failed: ${String(error)}`),
        );
      }
    });
    // A watcher that fails later (the folder gone, say) is closed: other windows' deployments show on reload.
    watcher.on('error', () => watcher.close());
    return { dispose: () => watcher.close() };
  } catch (error) {
    log(`Not watching the deployment journal (${String(error)}); other windows' deployments show on reload.`);
    return { dispose: () => undefined };
  }
}
