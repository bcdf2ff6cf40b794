import { execFileSync } from 'node:child_process';
import { repoRoot } from '../test/e2e/harness/paths';

/** Runs a build step silently: its output (bundle sizes, Vite's warnings, the packaged file list) is shown only if it fails. */
export function quietly(what: string, command: string, args: string[]): void {
  try {
    execFileSync(command, args, { cwd: repoRoot, stdio: 'pipe', env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`${what} failed:\n${String(stdout ?? '')}${String(stderr ?? '')}`);
  }
}
