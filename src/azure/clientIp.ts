import type { ArmEnvironment } from './armEnvironment';
import { getText } from './httpGet';

/**
 * The public IPv4 address Azure will see, for the client firewall rule. Against Azure it asks a
 * public echo service (as the Azure CLI does); in sandbox mode the sandbox answers, so tests and
 * demos never leave the machine.
 */
export const PUBLIC_IP_SERVICE = 'https://api.ipify.org';
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
