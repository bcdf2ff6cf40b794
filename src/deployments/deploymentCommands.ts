import * as l10n from '../../machines/l10n';
import { firstValueFrom } from 'rxjs';
import { stateHasTag } from '../../machines/flexDeployment/deploymentStates';
import { offersRetry, type DeploymentView } from '../../machines/webview/deploymentView';
import type { AzurePortal } from '../azure/azurePortal';
import type { CommandRunner, Notifier } from '../notifications/notifier';
import type { DeploymentTrackerPort } from './deploymentTrackerPort';
import type { DeploymentDetails } from './deploymentDetails';
import { builtServer, isActive } from './deploymentItems';
import { confirmAndCancel } from './cancelDeployment';
import { deleteLeftovers, offersLeftoverDeletion, type DeleteLeftoversDeps } from './deleteLeftovers';
import type { DeploymentServers } from './deploymentServers';
import { serverOfDeployment } from '../reconcile/serverStateShown';
import { DEPLOYMENT_COMMANDS, FOCUS_DEPLOYMENTS_VIEW, SHOW_PROGRESS_COMMAND } from '../commandIds';

export interface DeploymentCommandDeps {
  tracker: DeploymentTrackerPort;
  notifier: Notifier;
  commands: CommandRunner;
  details: DeploymentDetails;
  portal: AzurePortal;
  leftovers: Omit<DeleteLeftoversDeps, 'notifier'>;
  servers: DeploymentServers;
  /** The view's Refresh: the servers of the succeeded deployments shown, checked with Azure. */
  checkShownServers(): Promise<void>;
}

type Handler = (arg?: unknown) => Promise<void>;

/**
 * The deployment commands without VS Code. A command's argument is a tree node or a staging id;
 * from the Command Palette there is none, and the user picks a deployment.
 */
export function deploymentCommandHandlers(deps: DeploymentCommandDeps): Record<string, Handler> {
  const { tracker, notifier } = deps;
  const choose = async (arg: unknown, placeHolder: string, offered?: (view: DeploymentView) => boolean): Promise<string | undefined> => {
    const given = stagingIdOf(arg);
    if (given) {
      return given;
    }
    const candidates = await currentDeployments(tracker);
    const items = candidates
      .filter((v) => !offered || offered(v))
      .map(({ context: d }) => ({ label: d.serverName, description: `${d.status} · ${d.resourceGroupName}`, stagingId: d.stagingId }));
    if (items.length === 0) {
      void notifier.info(l10n.t('There is no Flex server deployment to choose from.'));
      return undefined;
    }
    return (await notifier.pick(items, placeHolder))?.stagingId;
  };
  const known = (stagingId: string | undefined) => {
    const view = stagingId ? tracker.getDeployment(stagingId) : undefined;
    if (stagingId && !view) {
      void notifier.error(l10n.t('That deployment record no longer exists (it was dismissed or cleared).'));
    }
    return view;
  };
  // A command on one deployment: the one passed, else the one the user picks among those offered.
  const onChosen =
    (placeHolder: string, offered: ((view: DeploymentView) => boolean) | undefined, act: (view: DeploymentView) => Promise<void>): Handler =>
    async (arg) => {
      const view = known(await choose(arg, placeHolder, offered));
      if (view) {
        await act(view);
      }
    };
  return {
    [DEPLOYMENT_COMMANDS.showDeployments]: async () => void (await deps.commands.execute(FOCUS_DEPLOYMENTS_VIEW)),
    [DEPLOYMENT_COMMANDS.viewDetails]: onChosen(l10n.t('Show the details of which deployment?'), undefined, (view) => deps.details.show(view.context)),
    [DEPLOYMENT_COMMANDS.retry]: onChosen(l10n.t('Retry which deployment?'), offersRetry, (view) => tracker.retry(view.context.stagingId)),
    [DEPLOYMENT_COMMANDS.dismiss]: onChosen(l10n.t('Dismiss which deployment record?'), (v) => !isActive(v), (view) => tracker.dismiss(view.context.stagingId)),
    [DEPLOYMENT_COMMANDS.cancel]: onChosen(l10n.t('Cancel which running deployment?'), (v) => stateHasTag(v.value, 'cancelable'), (view) => confirmAndCancel(view, tracker, notifier)),
    [DEPLOYMENT_COMMANDS.deleteLeftovers]: onChosen(l10n.t('Delete the leftover resources of which deployment?'), offersLeftoverDeletion, (view) => deleteLeftovers(view, { ...deps.leftovers, notifier })),
    [DEPLOYMENT_COMMANDS.showProgressOf]: async (arg) => {
      const stagingId = await choose(arg, l10n.t('Show the progress of which deployment?'));
      if (stagingId) {
        await deps.commands.execute(SHOW_PROGRESS_COMMAND, stagingId);
      }
    },
    [DEPLOYMENT_COMMANDS.openInPortal]: onChosen(l10n.t('Open which deployment in the Azure portal?'), undefined, (view) => deps.portal.openDeployment(view.context)),
    [DEPLOYMENT_COMMANDS.openServerInPortal]: onChosen(l10n.t('Open the server of which deployment in the Azure portal?'), builtServer, (view) => deps.portal.openServer(view.context)),
    [DEPLOYMENT_COMMANDS.refresh]: () => deps.checkShownServers(),
    [DEPLOYMENT_COMMANDS.removeSavedConnection]: onChosen(l10n.t('Remove the saved connection of which deployment?'), builtServer, async ({ context: d }) => {
      const profile = deps.servers.profileOf(d);
      if (!profile) {
        void notifier.info(l10n.t("There is no saved connection of '{0}' to remove.", d.serverName));
        return;
      }
      await deps.servers.actions.removeSavedConnection(profile, l10n.t("Azure last said it has no server '{0}' any more. ", d.serverName));
    }),
    [DEPLOYMENT_COMMANDS.updateSavedConnection]: onChosen(l10n.t('Update the saved connection of which deployment?'), builtServer, async ({ context: d }) => {
      const profile = deps.servers.profileOf(d);
      const check = deps.servers.checks.latest(serverOfDeployment(d));
      if (!profile || check?.kind !== 'moved') {
        void notifier.info(profile ? l10n.t("Azure did not say that '{0}' moved: Refresh the view to ask again.", d.serverName) : l10n.t("There is no saved connection of '{0}' to update.", d.serverName));
        return;
      }
      await deps.servers.actions.followMove(profile, check);
    }),
    [DEPLOYMENT_COMMANDS.startServer]: onChosen(l10n.t('Start the server of which deployment?'), builtServer, (view) => deps.servers.actions.start(serverOfDeployment(view.context))),
    [DEPLOYMENT_COMMANDS.clearStaged]: async () => {
      const count = (await currentDeployments(tracker)).length;
      const removes = count === 1 ? l10n.t('This removes 1 deployment record and any staged password kept for it.') : l10n.t('This removes {0} deployment records and any staged passwords kept for them.', count);
      const detail = `${removes} ${l10n.t('Deployments still running in Azure continue there but are no longer tracked. Saved connection profiles stay.')}`;
      if (await notifier.confirm(l10n.t('Clear all staged Flex profiles and deployment history?'), detail, l10n.t('Clear'))) {
        await tracker.clearAll();
        void notifier.info(count === 1 ? l10n.t('Cleared 1 deployment record.') : l10n.t('Cleared {0} deployment records.', count));
      }
    },
  };
}

function stagingIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string' && arg) {
    return arg;
  }
  const id = typeof arg === 'object' && arg !== null ? (arg as { stagingId?: unknown }).stagingId : undefined;
  return typeof id === 'string' && id ? id : undefined;
}

async function currentDeployments(tracker: DeploymentTrackerPort) {
  return firstValueFrom(tracker.deployments$);
}
