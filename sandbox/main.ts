import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type SandboxOptions } from './index';

/**
 * `npm run sandbox`: the ARM sandbox alone, for a demo or for pointing a VS Code at it by hand.
 * Environment: PGFLEX_SANDBOX_PORT (default 7443), PGFLEX_SANDBOX_SPEED (default 1, realistic),
 * PGFLEX_SANDBOX_POSTGRES (embedded | none | postgres://user:password@host:port[/database]; default
 * embedded), PGFLEX_SANDBOX_CA_FILE, PGFLEX_SANDBOX_QUIET=1 (no request log).
 */
async function main(): Promise<void> {
  const port = Number(process.env.PGFLEX_SANDBOX_PORT ?? 7443);
  const speed = Number(process.env.PGFLEX_SANDBOX_SPEED ?? 1);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PGFLEX_SANDBOX_PORT must be a port number, not '${process.env.PGFLEX_SANDBOX_PORT}'.`);
  if (!(speed > 0)) throw new Error(`PGFLEX_SANDBOX_SPEED must be a positive number, not '${process.env.PGFLEX_SANDBOX_SPEED}'.`);
  const postgres = postgresOption(process.env.PGFLEX_SANDBOX_POSTGRES);
  const verbose = process.env.PGFLEX_SANDBOX_QUIET !== '1';
  const sandbox = await startSandbox({ port, speed, postgres, log: verbose ? (line) => console.log(line) : undefined });

  const caFile = process.env.PGFLEX_SANDBOX_CA_FILE ?? join(tmpdir(), 'pgflex-sandbox', 'ca.pem');
  mkdirSync(join(caFile, '..'), { recursive: true });
  writeFileSync(caFile, sandbox.ca);

  console.log(
    [
      '',
      `pgflex ARM sandbox: ${sandbox.url} (speed ×${speed}, postgres ${typeof postgres === 'string' ? postgres : `${postgres.host}:${postgres.port}`})`,
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

function postgresOption(value: string | undefined): NonNullable<SandboxOptions['postgres']> {
  if (value === undefined || value === '' || value === 'embedded') return 'embedded';
  if (value === 'none') return 'none';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`PGFLEX_SANDBOX_POSTGRES must be embedded, none or postgres://user:password@host:port[/database], not '${value}'.`);
  }
  const database = decodeURIComponent(url.pathname.slice(1));
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    ...(database ? { database } : {}),
  };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
