import { classifyArmError } from '../azure/armErrors';

/** Why a dashboard action on Azure failed, and what the user can do about it. */
export interface ActionFailure {
  message: string;
  nextStep: string;
}

/** ARM's codes for "signed in, but not allowed to do that here". */
const DENIED = new Set(['AuthorizationFailed', 'LinkedAuthorizationFailed', 'Forbidden', 'RequestDisallowedByPolicy']);

/**
 * `action`: what was tried, to follow "Could not" ("add a firewall rule for 203.0.113.7"); `right`:
 * what a role must allow, to follow "may" ("change its firewall"). Any other refusal (a rule name or
 * address ARM does not accept) is told in ARM's own words and code.
 */
export function describeArmFailure(error: unknown, action: string, serverName: string, right = 'change its firewall'): ActionFailure {
  const failure = classifyArmError(error);
  switch (failure.kind) {
    case 'signedOut':
      return { message: `Could not ${action}: Azure asks you to sign in again.`, nextStep: 'Sign in to Azure from the Accounts menu, then try again.' };
    case 'notFound':
      return { message: `Could not ${action}: Azure has no server '${serverName}' in its resource group any more.`, nextStep: 'Refresh; if the server was deleted, remove its connection.' };
    case 'unavailable':
      return { message: `Could not ${action}: Azure did not answer (${failure.reason}).`, nextStep: 'Try again in a moment.' };
    case 'failed':
      return DENIED.has(failure.error.code)
        ? {
            message: `Could not ${action}: Azure says your account lacks the permission for that on '${serverName}' (${failure.error.code}).`,
            nextStep: `Ask an owner of the server or its resource group for a role that may ${right} (such as Contributor), then try again.`,
          }
        : { message: `Could not ${action}: ${failure.error.message} (${failure.error.code})`, nextStep: 'Check the server in the Azure Portal, then try again.' };
  }
}
