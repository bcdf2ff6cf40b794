import * as vscode from 'vscode';
import type { ArmEnvironment } from '../azure/armEnvironment';
import { logTelemetrySender } from './logTelemetrySender';

/**
 * VS Code's own TelemetryLogger over the line sender, so the user's telemetry setting decides
 * whether an event is written at all. In sandbox mode the lines go to the log at info level, where
 * tests read them; against Azure at trace level, for a user who wants to see what is collected.
 */
export function createVscodeTelemetry(log: vscode.LogOutputChannel, environment: ArmEnvironment): vscode.TelemetryLogger {
  const sandbox = environment.kind === 'sandbox';
  const logger = vscode.env.createTelemetryLogger(
    logTelemetrySender((line) => (sandbox ? log.info(line) : log.trace(line))),
    { ignoreBuiltInCommonProperties: true },
  );
  log.info(`Telemetry: usage events ${logger.isUsageEnabled ? 'on' : 'off'} (VS Code's telemetry setting); written to this log${sandbox ? '' : ' at trace level'}, sent nowhere else.`);
  return logger;
}
