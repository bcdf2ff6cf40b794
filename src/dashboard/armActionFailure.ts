import * as l10n from '../../machines/l10n';
import { classifyArmError } from '../azure/armErrors';

/** Why a dashboard action on Azure failed, and what the user can do about it. */
export interface ActionFailure {
  message: string;
  nextStep: string;
}

/** ARM's codes for "signed in, but not allowed to do that here". */
const DENIED = new Set(['AuthorizationFailed', 'LinkedAuthorizationFailed', 'Forbidden', 'RequestDisallowedByPolicy']);

/** The next step of a denied firewall change: the role to ask for. */
export function askForFirewallRole(): string {
  return l10n.t('Ask an owner of the server or its resource group for a role that may change its firewall (such as Contributor), then try again.');
}

/**
 * `couldNot`: what failed, as a whole clause ("Could not add a firewall rule for 203.0.113.7");
 * `askForRole`: the next step when the account lacks the right. Whole sentences, so that each
 * translates as one. Any other refusal (a rule name or address ARM does not accept) is told in
 * ARM's own words and code.
 */
export function describeArmFailure(error: unknown, couldNot: string, serverName: string, askForRole = askForFirewallRole()): ActionFailure {
  const failure = classifyArmError(error);
  switch (failure.kind) {
    case 'signedOut':
      return { message: l10n.t('{0}: Azure asks you to sign in again.', couldNot), nextStep: l10n.t('Sign in to Azure from the Accounts menu, then try again.') };
    case 'notFound':
      return {
        message: l10n.t("{0}: Azure has no server '{1}' in its resource group any more.", couldNot, serverName),
        nextStep: l10n.t('Refresh; if the server was deleted, remove its connection.'),
      };
    case 'unavailable':
      return { message: l10n.t('{0}: Azure did not answer ({1}).', couldNot, failure.reason), nextStep: l10n.t('Try again in a moment.') };
    case 'failed':
      return DENIED.has(failure.error.code)
        ? { message: l10n.t("{0}: Azure says your account lacks the permission for that on '{1}' ({2}).", couldNot, serverName, failure.error.code), nextStep: askForRole }
        : {
            message: l10n.t('{0}: {1} ({2})', couldNot, failure.error.message, failure.error.code),
            nextStep: l10n.t('Check the server in the Azure Portal, then try again.'),
          };
  }
}
