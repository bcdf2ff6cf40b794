import type { DeploymentLifecycle } from '../services/flexDeployment/deploymentLifecycle';
import { acceptedEvent, endedEvent, retryScheduledEvent, signInNeededEvent, stagedEvent, type TelemetryEvent } from './telemetryEvents';

/** The part of vscode.TelemetryLogger used: it sends only when the user's telemetry setting allows usage data. */
export interface UsageLogger {
  logUsage(eventName: string, data?: Record<string, unknown>): void;
}

/**
 * The spec's telemetry: staged, accepted, ended, and a sign-in needed during background polling;
 * and each automatic retry after a temporary ARM error, to learn how often they happen and help.
 */
export function deploymentTelemetry(logger: UsageLogger, now: () => number): Pick<DeploymentLifecycle, 'staged' | 'accepted' | 'retryScheduled' | 'ended' | 'signInNeeded'> {
  const send = (event: TelemetryEvent) => logger.logUsage(event.name, { ...event.properties, ...event.measurements });
  return {
    staged: (d) => send(stagedEvent(d)),
    accepted: (d) => send(acceptedEvent(d, now())),
    retryScheduled: (d) => send(retryScheduledEvent(d, now())),
    ended: (d) => send(endedEvent(d)),
    signInNeeded: (waiting) => send(signInNeededEvent(waiting)),
  };
}
