import type { ArmEnvironment } from './armEnvironment';
import { loadSdk } from './loadSdk';

/**
 * The public IPv4 address Azure will see, for the client firewall rule. Against Azure it asks a
 * public echo service (as the Azure CLI does); in sandbox mode the sandbox answers, so tests and
 * demos never leave the machine.
 */
export const PUBLIC_IP_SERVICE = 'https://api.ipify.org';
const TIMEOUT_MS = 5000;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export async function detectClientIp(env: ArmEnvironment): Promise<string | undefined> {
  const url = env.kind === 'sandbox' ? `${env.endpoint}/_sandbox/clientIp` : PUBLIC_IP_SERVICE;
  try {
    const text = await getText(url, env.kind === 'sandbox' ? env.ca : undefined);
    return text === undefined ? undefined : parseIp(text);
  } catch {
    return undefined;
  }
}

/** A GET that trusts the sandbox's CA when given one; undefined unless the answer is 200. */
export async function getText(url: string, ca?: string): Promise<string | undefined> {
  const { createDefaultHttpClient, createHttpHeaders, createPipelineRequest } = await loadSdk();
  const request = createPipelineRequest({
    url,
    method: 'GET',
    timeout: TIMEOUT_MS,
    headers: createHttpHeaders({ accept: 'application/json, text/plain' }),
  });
  // createPipelineRequest does not take TLS settings; the HTTP client reads them from the request.
  if (ca) request.tlsSettings = { ca };
  const response = await createDefaultHttpClient().sendRequest(request);
  return response.status === 200 ? response.bodyAsText ?? undefined : undefined;
}

/** Plain text (`203.0.113.7`) or JSON (`{ "ip": "203.0.113.7" }`). */
export function parseIp(text: string): string | undefined {
  let candidate = text.trim();
  if (candidate.startsWith('{')) {
    try {
      const body = JSON.parse(candidate) as { ip?: unknown; clientIp?: unknown };
      const ip = body.ip ?? body.clientIp;
      candidate = typeof ip === 'string' ? ip : '';
    } catch {
      return undefined;
    }
  }
  return IPV4.test(candidate) ? candidate : undefined;
}
