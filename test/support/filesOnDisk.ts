import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Runs `check` on a fresh folder holding `files` (path → text), and removes the folder after. */
export function withFiles<T>(files: Record<string, string>, check: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'files-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return check(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
