// `npm start` (after scripts/install.sh has installed what is missing): the extension in a real VS Code (code-server) against the local ARM sandbox, so a
// new user can create a server, watch it deploy, connect and open its dashboard without Azure.
// Environment: PGFLEX_START_PORT (code-server, default 8080), PGFLEX_SANDBOX_PORT (default: free),
// PGFLEX_SANDBOX_SPEED (time factor, default 4: a server takes about a minute instead of four).
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox } from '../sandbox';
import { installExtension, startCodeServer } from '../test/e2e/harness/codeServer';
import { repoRoot, extensionVsix } from '../test/e2e/harness/paths';
import { prepareRunDirs } from '../test/e2e/harness/runDirs';
import { wireSandbox } from '../test/e2e/harness/sandboxSettings';
import { quietly } from './quietly';

function numberFromEnvironment(name: string, fallback: number, valid: (n: number) => boolean, expected: string): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!valid(value)) throw new Error(`${name}=${text} is not ${expected}.`);
  return value;
}

async function main(): Promise<void> {
  const codeServerPort = numberFromEnvironment('PGFLEX_START_PORT', 8080, (n) => Number.isInteger(n) && n > 0 && n < 65536, 'a port from 1 to 65535');
  const sandboxPort = numberFromEnvironment('PGFLEX_SANDBOX_PORT', 0, (n) => Number.isInteger(n) && n >= 0 && n < 65536, 'a port from 0 (any free one) to 65535');
  const speed = numberFromEnvironment('PGFLEX_SANDBOX_SPEED', 4, (n) => n > 0 && Number.isFinite(n), 'a time factor above 0 (1 is real time)');

  console.log('Starting: building the extension, the ARM sandbox and code-server…');
  quietly('Building and packaging the extension', 'npm', ['run', '--silent', 'package']);

  const sandbox = await startSandbox({ port: sandboxPort, speed });
  const devRoot = join(repoRoot, '.harness/dev');
  mkdirSync(devRoot, { recursive: true });
  const wiring = wireSandbox(sandbox, devRoot);
  const dirs = prepareRunDirs(devRoot, wiring.settings);
  // A reinstall over the same version is skipped by code-server: start from an empty folder.
  rmSync(dirs.extensions, { recursive: true, force: true });
  mkdirSync(dirs.extensions, { recursive: true });
  await installExtension(dirs, extensionVsix);

  const logFile = join(devRoot, 'code-server.log');
  const server = await startCodeServer({ dirs, logFile, env: wiring.env, port: codeServerPort });

  // Only what the user acts on; where the sandbox and the logs are is in the README.
  console.log([
    '',
    `Open VS Code: ${server.url}`,
    'Then: PostgreSQL in the activity bar → "Create Azure Database for PostgreSQL Flexible Server".',
    'Ctrl-C stops code-server and the sandbox.',
  ].join('\n'));

  let stopping = false;
  const stop = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping code-server and the sandbox…');
    await server.stop().catch(() => {});
    await sandbox.stop().catch(() => {});
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => {
    stop(0).catch((error: unknown) => console.error(error));
  });
}

main().catch((error: unknown) => {
  console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
