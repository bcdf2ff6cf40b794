import * as l10n from '../../machines/l10n';
import { request } from 'node:https';
import { ConnectionFailure } from './connectionFailure';
import type { ServerAddressResolver, ServerEndpoint } from './ports';
import { FLEX_SERVER_DNS_SUFFIX } from '../../machines/flexDeployment/serverHostName';

const AZURE_POSTGRES_PORT = 5432;

/** Real Azure: the name is the host, TLS is required and verified against that name. */
export const azureServerAddressResolver: ServerAddressResolver = {
  resolve: async (server) => ({ host: server, port: AZURE_POSTGRES_PORT, tls: true }),
};

/**
 * Sandbox mode only: the sandbox says where a server's loopback PostgreSQL listens. The profile
 * keeps the Azure name; only this lookup differs, so nothing stored depends on the mode.
 */
export function createSandboxServerAddressResolver(sandbox: { endpoint: string; ca: string }): ServerAddressResolver {
  return {
    async resolve(server) {
      if (!server.toLowerCase().endsWith(FLEX_SERVER_DNS_SUFFIX)) {
        return azureServerAddressResolver.resolve(server);
      }
      const name = server.slice(0, -FLEX_SERVER_DNS_SUFFIX.length);
      const url = new URL(`/_sandbox/servers/${encodeURIComponent(name)}/endpoint`, sandbox.endpoint);
      const { status, body } = await getJson(url, sandbox.ca);
      if (status === 404) {
        throw new ConnectionFailure('notFound', l10n.t("The sandbox has no running server '{0}'.", name), l10n.t('Wait until its deployment has succeeded, then connect again.'));
      }
      const endpoint = body as { host?: unknown; port?: unknown; database?: unknown };
      if (status !== 200 || typeof endpoint.host !== 'string' || typeof endpoint.port !== 'number') {
        throw new ConnectionFailure('other', l10n.t("The sandbox answered {0} for server '{1}'.", status, name), l10n.t('Check that the sandbox is running (npm run sandbox).'));
      }
      const resolved: ServerEndpoint = { host: endpoint.host, port: endpoint.port, tls: false };
      return typeof endpoint.database === 'string' ? { ...resolved, defaultDatabase: endpoint.database } : resolved;
    },
  };
}

function getJson(url: URL, ca: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', ca, headers: { accept: 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
        } catch {
          resolve({ status: res.statusCode ?? 0, body: undefined });
        }
      });
    });
    req.on('error', (error) => reject(new ConnectionFailure('unreachable', l10n.t('Could not reach the sandbox at {0}: {1}', url.origin, error.message), l10n.t('Start it with npm run sandbox, then connect again.'))));
    req.end();
  });
}
