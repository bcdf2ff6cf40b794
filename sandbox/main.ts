import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from './index';

/**
 * `npm run sandbox`: the ARM sandbox alone, for a demo or for pointing a VS Code at it by hand.
 * Environment: PGFLEX_SANDBOX_PORT (default 7443), PGFLEX_SANDBOX_SPEED (default 1, realistic),
 * PGFLEX_SANDBOX_POSTGRES (embedded | none; default embedded), PGFLEX_SANDBOX_CA_FILE.
 */
async function main(): Promise<void> {
  const port = Number(process.env.PGFLEX_SANDBOX_PORT ?? 7443);
  const speed = Number(process.env.PGFLEX_SANDBOX_SPEED ?? 1);
  const postgres = process.env.PGFLEX_SANDBOX_POSTGRES === 'none' ? 'none' : 'embedded';
  const verbose = process.env.PGFLEX_SANDBOX_QUIET !== '1';
  const sandbox = await startSandbox({ port, speed, postgres, log: verbose ? (line) => console.log(line) : undefined });

  const caFile = process.env.PGFLEX_SANDBOX_CA_FILE ?? join(tmpdir(), 'pgflex-sandbox', 'ca.pem');
  mkdirSync(join(caFile, '..'), { recursive: true });
  writeFileSync(caFile, sandbox.ca);

  console.log(
    [
      '',
      `pgflex ARM sandbox: ${sandbox.url} (speed ×${speed}, postgres ${postgres})`,
      `CA certificate:     ${caFile}`,
      '',
      'Point the extension at it (VS Code settings.json):',
      `  "pgsql.flexProvisioning.sandbox.endpoint": "${sandbox.url}",`,
      `  "pgsql.flexProvisioning.sandbox.caFile": "${caFile}"`,
      '',
      `Control API: ${sandbox.url}/_sandbox/... (see sandbox/README.md). Ctrl-C stops it.`,
      '',
    ].join('\n'),
  );

  const stop = (): void => {
    sandbox.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
