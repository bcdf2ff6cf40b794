import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The byte forms a typed string takes on disk: UTF-8 (JSON, logs, SQLite, and V8's one-byte
 * strings, which are the same bytes for ASCII) and UTF-16LE (Chromium's session files, where
 * page state is written as UTF-16, and V8's two-byte strings in IndexedDB and Local Storage).
 */
const ENCODINGS = ['utf8', 'utf16le'] as const;

export interface SecretTrace {
  /** Relative to the searched folder. */
  file: string;
  encoding: (typeof ENCODINGS)[number];
  /** Which of the secrets, by its position in the list searched for: never the secret itself. */
  secretIndex: number;
}

function* regularFiles(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* regularFiles(path);
    else if (entry.isFile()) yield path;
  }
}

/** Every file under `folder` that holds one of `secrets` in plain text, in any of the encodings. */
export function findSecretTraces(folder: string, secrets: readonly string[]): SecretTrace[] {
  if (secrets.length === 0) return [];
  const patterns = secrets.flatMap((secret, secretIndex) =>
    ENCODINGS.map((encoding) => ({ secretIndex, encoding, bytes: Buffer.from(secret, encoding) })));
  const traces: SecretTrace[] = [];
  for (const path of regularFiles(folder)) {
    const content = readFileSync(path);
    for (const { secretIndex, encoding, bytes } of patterns) {
      if (content.includes(bytes)) traces.push({ file: relative(folder, path), encoding, secretIndex });
    }
  }
  return traces;
}

export function describeSecretTraces(traces: readonly SecretTrace[]): string {
  return traces.map((t) => `typed secret #${t.secretIndex + 1} in ${t.file} (${t.encoding})`).join('\n');
}
