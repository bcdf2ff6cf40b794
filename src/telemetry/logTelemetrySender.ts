/** The shape of vscode.TelemetrySender, so this module needs no `vscode` and can be tested. */
export interface LineTelemetrySender {
  sendEventData(eventName: string, data?: Record<string, unknown>): void;
  sendErrorData(error: Error, data?: Record<string, unknown>): void;
}

export const TELEMETRY_LINE_PREFIX = 'telemetry:';

/**
 * A sender that writes each event as one line (`telemetry: {name} {json}`) instead of sending it
 * anywhere: this build has no telemetry collector. VS Code's TelemetryLogger calls it only when the
 * user's telemetry setting allows. Errors VS Code reports on its own are written by name only:
 * their messages may name a server.
 */
export function logTelemetrySender(write: (line: string) => void): LineTelemetrySender {
  return {
    sendEventData: (eventName, data) => write(`${TELEMETRY_LINE_PREFIX} ${eventName} ${JSON.stringify(data ?? {})}`),
    sendErrorData: (error) => write(`${TELEMETRY_LINE_PREFIX} error ${error.name}`),
  };
}
