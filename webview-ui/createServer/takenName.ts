import * as l10n from '../../machines/l10n';
import type { FailureGuidance } from '../../machines/flexDeployment/failureGuidance';
import type { FormPrefill } from '../../machines/webview/createServerMessages';

export type RetriedName = NonNullable<FormPrefill['retriedName']>;

/**
 * Why the retried server's name is taken, said under the name while it is still that name: ARM
 * refused it on the failed deployment, or Azure's check says a server has it now, which may be the
 * one the failed deployment left behind. Server names are global, so the reason is not always the
 * user's own server.
 */
export function takenNameNotice(retried: RetriedName | undefined, serverName: string, takenNow: boolean): FailureGuidance | undefined {
  if (!retried || retried.serverName !== serverName) return undefined;
  if (retried.alreadyExists) {
    return {
      advice: l10n.t(
        'Azure refused {0} when the deployment ran: server names are unique across all of Azure, not only your subscription, and another server has this one. Choose a free name.',
        serverName,
      ),
    };
  }
  if (!takenNow) return undefined;
  return {
    advice: l10n.t(
      '{0} is taken: server names are unique across all of Azure. It may be the server the failed deployment left behind in resource group {1}; delete that server to use the name again, or choose a free name.',
      serverName,
      retried.resourceGroup,
    ),
  };
}
