// `npm start` (after scripts/install.sh has installed what is missing): the extension in a real VS Code (code-server) against the local ARM sandbox, so a
// new user can create a server, watch it deploy, connect and open its dashboard without Azure.
// Environment: PGFLEX_START_PORT (code-server, default 8080), PGFLEX_SANDBOX_PORT (default: free),
// PGFLEX_SANDBOX_SPEED (time factor, default 4: a server takes about a minute instead of four).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox } from '../sandbox';
import { installExtension, startCodeServer } from '../test/e2e/harness/codeServer';
import { repoRoot, extensionVsix } from '../test/e2e/harness/paths';
import { prepareRunDirs } from '../test/e2e/harness/runDirs';
import { wireSandbox } from '../test/e2e/harness/sandboxSettings';

function run(what: string, command: string, args: string[]): void {
  console.log(`\n== ${what}`);
  try {
    execFileSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  } catch {
    throw new Error(`${what} failed (see above)`);
  }
}

async function main(): Promise<void> {
  const codeServerPort = Number(process.env.PGFLEX_START_PORT ?? 8080);
  const sandboxPort = Number(process.env.PGFLEX_SANDBOX_PORT ?? 0);
  const speed = Number(process.env.PGFLEX_SANDBOX_SPEED ?? 4);

  run('build and package the extension', 'npm', ['run', '--silent', 'package']);

  console.log('\n== ARM sandbox');
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

  console.log([
    '',
    `ARM sandbox:  ${sandbox.url} (speed ×${speed}, embedded PostgreSQL; certificate ${wiring.caFile})`,
    `code-server:  log in ${logFile}, state in ${devRoot}`,
    '',
    `Open VS Code: ${server.url}`,
    '',
    'Then: PostgreSQL in the activity bar → "Create Azure Database for PostgreSQL Flexible Server".',
    'Ctrl-C stops code-server and the sandbox.',
    '',
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
