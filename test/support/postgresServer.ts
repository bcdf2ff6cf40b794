import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

const PG_BIN = process.env.PGFLEX_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PostgresServer {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Runs SQL as the admin (to create roles for a test); resolves with the rows it returned. */
  sql(statement: string): Promise<Record<string, unknown>[]>;
  /** Admits every role from loopback, like adding a firewall rule; resolves once it is in force. */
  allowAllHosts(): Promise<void>;
  stop(): void;
}

export interface PostgresServerOptions {
  /** Admit only the admin over TCP, so other roles get "no pg_hba.conf entry for host". */
  adminOnly?: boolean;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * A private PostgreSQL cluster on a free loopback port with SCRAM password authentication, in a
 * temp dir. PostgreSQL refuses to run as root, so as root the cluster belongs to `postgres`.
 */
export async function startPostgresServer(password: string, options: PostgresServerOptions = {}): Promise<PostgresServer> {
  const dir = mkdtempSync(join(tmpdir(), 'pgflex-pg-'));
  const data = join(dir, 'data');
  const pwfile = join(dir, 'pwfile');
  writeFileSync(pwfile, `${password}\n`);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
    chownSync(pwfile, uid, gid);
  }
  chmodSync(pwfile, 0o600);
  const run = (bin: string, args: string[]): void => {
    const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, bin), ...args]] : [join(PG_BIN, bin), args];
    const result = spawnSync(command, argv, { encoding: 'utf8', cwd: dir });
    if (result.status !== 0) {
      throw new Error(`${bin} failed (${result.status}): ${result.stderr || result.stdout}`);
    }
  };
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'pgadmin', '--auth=scram-sha-256', `--pwfile=${pwfile}`, '--no-sync', '-E', 'UTF8', '--locale=C']);
  const hba = join(data, 'pg_hba.conf');
  if (options.adminOnly) {
    writeFileSync(hba, 'local all all scram-sha-256\nhost all pgadmin 127.0.0.1/32 scram-sha-256\n');
  }
  run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -h 127.0.0.1 -k ${dir}`, 'start']);
  return {
    host: '127.0.0.1',
    port,
    user: 'pgadmin',
    password,
    async sql(statement) {
      const client = new Client({ host: '127.0.0.1', port, user: 'pgadmin', password, database: 'postgres' });
      await client.connect();
      try {
        return (await client.query<Record<string, unknown>>(statement)).rows;
      } finally {
        await client.end();
      }
    },
    async allowAllHosts() {
      const loadTime = async (): Promise<string> => {
        const client = new Client({ host: '127.0.0.1', port, user: 'pgadmin', password, database: 'postgres' });
        await client.connect();
        try {
          return (await client.query<{ t: string }>('select pg_conf_load_time()::text as t')).rows[0].t;
        } finally {
          await client.end();
        }
      };
      const before = await loadTime();
      appendFileSync(hba, 'host all all 127.0.0.1/32 scram-sha-256\n');
      run('pg_ctl', ['-D', data, 'reload']);
      // The reload is a signal: wait until the postmaster has read the new rules.
      for (let i = 0; i < 100 && (await loadTime()) === before; i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
