import { request } from 'node:https';
import type { FaultRule } from '../../../sandbox';

/** The fault rules the sandbox still has to serve (its control API: GET /_sandbox/faults). */
export function pendingFaults(sandbox: { url: string; ca: string }): Promise<FaultRule[]> {
  return new Promise((resolve, reject) => {
    const req = request(`${sandbox.url}/_sandbox/faults`, { ca: sandbox.ca }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        try {
          resolve((JSON.parse(body) as { value: FaultRule[] }).value);
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** ARM reads of deployment status (get, list): what the tracker's poller costs. */
export function pollerReads(counts: Record<string, number>): number {
  return sumOf(counts, (route) => route.startsWith('deployments.') && route !== 'deployments.put');
}

/** Deployment-operation reads: what the stepper of a visible progress panel costs. */
export function stepperReads(counts: Record<string, number>): number {
  return sumOf(counts, (route) => route.startsWith('operations.'));
}

function sumOf(counts: Record<string, number>, include: (route: string) => boolean): number {
  return Object.entries(counts).filter(([route]) => include(route)).reduce((sum, [, count]) => sum + count, 0);
}
