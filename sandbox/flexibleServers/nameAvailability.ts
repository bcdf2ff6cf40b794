import type { SandboxState } from '../state';
import { serverKey } from '../state';

const NAME_RULE = /^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/;

/** Name availability in the shape of the official NameAvailability examples; names are global. */
export function checkName(state: SandboxState, name: string, type: string): Record<string, unknown> {
  if (!NAME_RULE.test(name)) {
    return {
      name,
      type,
      nameAvailable: false,
      reason: 'Invalid',
      message: 'Server name must be 3 to 63 characters long, contain only lowercase letters, numbers and hyphens, and cannot start or end with a hyphen.',
    };
  }
  if (state.servers.has(serverKey(name)) || state.namesTakenElsewhere.has(serverKey(name)) || isBeingCreated(state, name)) {
    return { name, type, nameAvailable: false, reason: 'AlreadyExists', message: 'Specified server name is already used.' };
  }
  return { name, type, nameAvailable: true, message: '' };
}

/** A server whose deployment has started creating it is already reserved. */
function isBeingCreated(state: SandboxState, name: string): boolean {
  return [...state.deployments.values()].some(
    (run) => !run.isTerminal && !run.vanished && run.steps.some((s) => s.resource.kind === 'flexibleServers' && s.resource.serverName?.toLowerCase() === name.toLowerCase()),
  );
}
