import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/**
 * A stand-in `az` on PATH for @azure/identity's AzureCliCredential: it answers
 * `az account get-access-token` from a state file the test sets (signed in with a token, or signed
 * out with the CLI's own message) and records each call's arguments.
 */
export interface FakeAzureCli {
  /** The folder to use as AZURE_CONFIG_DIR (where `az login` writes azureProfile.json). */
  readonly configDir: string;
  signIn(accessToken: string, expiresOnSeconds: number): void;
  signOut(): void;
  /** As `az login` does: rewrite the profile. */
  touchProfile(): void;
  /** The argument lists `az` was called with, oldest first. */
  calls(): string[];
  /** PATH without the fake: as if the CLI were not installed. */
  uninstall(): void;
  restore(): void;
}

export function installFakeAzureCli(): FakeAzureCli {
  const dir = mkdtempSync(join(tmpdir(), 'fake-az-'));
  const configDir = join(dir, 'config');
  const bin = join(dir, 'bin');
  for (const d of [configDir, bin]) mkdirOnce(d);
  const state = join(dir, 'state.json');
  const log = join(dir, 'calls.log');
  writeFileSync(
    join(bin, 'az'),
    [
      '#!/bin/sh',
      `echo "$*" >> '${log}'`,
      `if grep -q '"signedOut"' '${state}'; then echo "ERROR: Please run 'az login' to setup account." >&2; exit 1; fi`,
      `cat '${state}'`,
      '',
    ].join('\n'),
  );
  chmodSync(join(bin, 'az'), 0o755);
  const originalPath = process.env.PATH ?? '';
  process.env.PATH = `${bin}${delimiter}${originalPath}`;
  const fake: FakeAzureCli = {
    configDir,
    signIn(accessToken, expiresOnSeconds) {
      writeFileSync(state, JSON.stringify({ accessToken, expiresOn: new Date(expiresOnSeconds * 1000).toISOString(), expires_on: expiresOnSeconds, tokenType: 'Bearer' }));
    },
    signOut() {
      writeFileSync(state, JSON.stringify({ signedOut: true }));
    },
    touchProfile() {
      writeFileSync(join(configDir, 'azureProfile.json'), JSON.stringify({ subscriptions: [], at: Date.now() }));
    },
    calls: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []),
    uninstall() {
      process.env.PATH = originalPath.split(delimiter).filter((p) => !existsSync(join(p, 'az'))).join(delimiter);
    },
    restore() {
      process.env.PATH = originalPath;
      rmSync(dir, { recursive: true, force: true });
    },
  };
  fake.signOut();
  return fake;
}

function mkdirOnce(path: string): void {
  if (!existsSync(path)) mkdirSync(path, { recursive: true });
}
