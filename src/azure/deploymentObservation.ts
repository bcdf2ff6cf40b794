import type { DeploymentExtended } from '@azure/arm-resourcesdeployments';
import type { DeploymentObservation } from '../services/flexDeployment/deploymentReader';
import { summarizeArmError } from './armErrors';
import { FLEX_SERVER_TYPE } from './flexProvisioning/flexTemplate';

/** ARM's terminal states; every other provisioningState means the deployment is still going. */
export const TERMINAL_STATES = ['Succeeded', 'Failed', 'Canceled'] as const;

export function isTerminalState(state: string | undefined): boolean {
  return (TERMINAL_STATES as readonly (string | undefined)[]).includes(state);
}

/**
 * What a deployment body says, or undefined when it ended but lacks what the tracker needs (a
 * failure without its error, a success without the server's id): then a GET must tell.
 */
export function observeDeployment(deployment: DeploymentExtended): DeploymentObservation | undefined {
  const properties = deployment.properties;
  const state = properties?.provisioningState ?? 'NotSpecified';
  switch (state) {
    case 'Succeeded': {
      const serverResourceId = serverIdOf(deployment);
      if (!serverResourceId) return undefined;
      const outputs = outputValues(properties?.outputs);
      return { kind: 'succeeded', serverResourceId, ...(outputs ? { outputs } : {}) };
    }
    case 'Failed':
      return properties?.error ? { kind: 'failed', error: summarizeArmError(properties.error) } : undefined;
    case 'Canceled':
      return { kind: 'canceled' };
    default: {
      const durationMs = isoDurationMs(properties?.duration);
      return { kind: 'running', provisioningState: state, ...(durationMs !== undefined ? { durationMs } : {}) };
    }
  }
}

/** ARM's `duration` (ISO 8601, e.g. PT1H4M2.1234567S) in milliseconds; undefined if absent or not one. */
export function isoDurationMs(duration: string | undefined): number | undefined {
  const match = duration ? /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(duration) : null;
  if (!match || duration === 'P' || duration === 'PT') return undefined;
  const [days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0));
  return Math.round((((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000);
}

/** The flexible server among the resources the deployment created, else the template's output. */
function serverIdOf(deployment: DeploymentExtended): string | undefined {
  const pattern = new RegExp(`/providers/${FLEX_SERVER_TYPE.replace('.', '\\.')}/[^/]+$`, 'i');
  const fromResources = deployment.properties?.outputResources?.map((r) => r.id).find((id): id is string => !!id && pattern.test(id));
  if (fromResources) return fromResources;
  const output = outputValues(deployment.properties?.outputs)?.serverResourceId;
  return typeof output === 'string' && output ? output : undefined;
}

/** ARM outputs are `{ name: { type, value } }`; the tracker wants `{ name: value }`. */
function outputValues(outputs: unknown): Record<string, unknown> | undefined {
  if (!outputs || typeof outputs !== 'object') return undefined;
  const entries = Object.entries(outputs as Record<string, { value?: unknown }>).map(([name, output]) => [name, output?.value] as const);
  return entries.length ? Object.fromEntries(entries) : undefined;
}
