import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What pointing the extension at a running ARM sandbox takes (see sandbox/README.md). */
export interface SandboxWiring {
  caFile: string;
  /** User settings: the sandbox endpoint and its certificate. */
  settings: Record<string, string>;
  /** Environment for code-server, so every Node TLS client in the extension host trusts the sandbox. */
  env: Record<string, string>;
}

/** Writes the sandbox's certificate to `dir`/sandbox-ca.pem and returns the settings and environment. */
export function wireSandbox(sandbox: { url: string; ca: string }, dir: string): SandboxWiring {
  const caFile = join(dir, 'sandbox-ca.pem');
  writeFileSync(caFile, sandbox.ca);
  return {
    caFile,
    settings: {
      'pgsql.flexProvisioning.sandbox.endpoint': sandbox.url,
      'pgsql.flexProvisioning.sandbox.caFile': caFile,
    },
    env: { NODE_EXTRA_CA_CERTS: caFile },
  };
}
