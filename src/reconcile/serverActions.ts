import * as l10n from '../../machines/l10n';
import type { AzurePortal } from '../azure/azurePortal';
import type { ConnectionManager } from '../connections/connectionManager';
import type { ConnectionProfile } from '../connections/connectionProfile';
import type { ConnectionStore } from '../connections/connectionStore';
import { confirmAndRemoveProfile } from '../connections/connectionCommands';
import { azureServerRef } from '../connections/azureServerRef';
import { flexServerResourceId } from '../azure/flexProvisioning/flexTemplate';
import { describeArmFailure } from '../dashboard/armActionFailure';
import type { Notifier } from '../notifications/notifier';
import { OPEN_IN_PORTAL } from '../notifications/deploymentNotifications';
import type { ServerStarter } from './armServerStarter';
import { groupShown, type ServerLocation } from '../../machines/connections/serverLocation';
import { hasNoPublicAccess, isStopped } from './serverCheck';
import { serverKey, type ServerChecks, type ServerTarget } from './serverReconciler';

export const REMOVE_SAVED_CONNECTION = l10n.t('Remove Saved Connection');
export const START_SERVER = l10n.t('Start Server');

export interface ServerActionDeps {
  checks: ServerChecks;
  starter: ServerStarter;
  portal: Pick<AzurePortal, 'openServer'>;
  store: Pick<ConnectionStore, 'removeProfile' | 'saveProfile'>;
  manager: Pick<ConnectionManager, 'disconnect'>;
  notifier: Notifier;
  log(message: string): void;
}

/** What a user can do about a saved server that Azure says is gone or stopped. */
export interface ServerActions {
  /** After a modal confirmation; the password goes with the profile. */
  removeSavedConnection(profile: ConnectionProfile, why?: string): Promise<void>;
  /** ARM's start under a progress notification, then the server is checked again (the views follow). */
  start(target: ServerTarget): Promise<void>;
  openInPortal(target: ServerTarget): Promise<void>;
  /** Points the saved connection at where Azure has its server now (group, maybe subscription); says what it did. */
  followMove(profile: ConnectionProfile, to: ServerLocation): Promise<void>;
  /**
   * After a failed connect: asks Azure about the server and, when it is gone or stopped, says so
   * with what can be done instead of the connection's error. False when Azure said neither (or
   * could not be asked): the caller shows its own error then.
   */
  explainConnectFailure(profile: ConnectionProfile, target: ServerTarget): Promise<boolean>;
}

export function createServerActions(deps: ServerActionDeps): ServerActions {
  const { notifier } = deps;
  const actions: ServerActions = {
    async removeSavedConnection(profile, why = '') {
      if (await confirmAndRemoveProfile(profile, deps, why)) {
        deps.log(`Removed the saved connection '${profile.profileName}', as the user asked.`);
      }
    },
    async start(target) {
      const name = target.serverName;
      deps.log(`Starting the server '${name}' (resource group '${target.resourceGroup}'), as the user asked.`);
      try {
        await notifier.withProgress(l10n.t("Starting the server '{0}'…", name), () => deps.starter.start(target));
        void notifier.info(l10n.t("The server '{0}' is started.", name));
      } catch (error) {
        const failure = describeArmFailure(error, l10n.t("Could not start the server '{0}'", name), name, l10n.t('Ask an owner of the server or its resource group for a role that may start it (such as Contributor), then try again.'));
        deps.log(`Starting the server '${name}' failed: ${failure.message}`);
        void notifier.error(`${failure.message} ${failure.nextStep}`);
      }
      await deps.checks.check(target);
    },
    async followMove(profile, to) {
      const target = azureServerRef(profile);
      if (!target) {
        void notifier.info(l10n.t("The saved connection '{0}' names no Azure server to follow.", profile.profileName));
        return;
      }
      const moved = { ...target, subscriptionId: to.subscriptionId, resourceGroup: to.resourceGroup };
      const where = groupShown(to, target);
      if (serverKey(moved) === serverKey(target)) {
        void notifier.info(l10n.t("The saved connection '{0}' already points to {1}.", profile.profileName, where));
        return;
      }
      await deps.store.saveProfile({ ...profile, azureSubscriptionId: moved.subscriptionId, azureResourceGroup: moved.resourceGroup, azureResourceId: flexServerResourceId(moved.subscriptionId, moved.resourceGroup, moved.serverName) });
      deps.log(`The saved connection '${profile.profileName}' now points to ${where} (it was ${groupShown(target, to)}), as the user asked.`);
      void notifier.info(l10n.t("The saved connection '{0}' now points to {1}, where Azure has '{2}'.", profile.profileName, where, target.serverName));
      await deps.checks.check(moved);
    },
    openInPortal: (target) => deps.portal.openServer({ tenantId: target.tenantId, subscriptionId: target.subscriptionId, resourceGroupName: target.resourceGroup, serverName: target.serverName }),
    async explainConnectFailure(profile, target) {
      const check = await deps.checks.check(target);
      const name = target.serverName;
      if (check.kind === 'deleted') {
        deps.log(`'${profile.profileName}': Azure has no server '${name}' in resource group '${target.resourceGroup}' any more (${check.code}).`);
        const choice = await notifier.error(
          l10n.t("The server '{0}' no longer exists in Azure (resource group '{1}'): it was deleted or moved. Remove its saved connection, or look for it in the Azure Portal.", name, target.resourceGroup),
          REMOVE_SAVED_CONNECTION,
          OPEN_IN_PORTAL,
        );
        if (choice === REMOVE_SAVED_CONNECTION) await actions.removeSavedConnection(profile, l10n.t("Azure has no server '{0}' any more. ", name));
        if (choice === OPEN_IN_PORTAL) await actions.openInPortal(target);
        return true;
      }
      if (isStopped(check)) {
        deps.log(`'${profile.profileName}': the server '${name}' is stopped in Azure.`);
        const choice = await notifier.error(l10n.t("The server '{0}' is stopped in Azure: start it, then connect again.", name), START_SERVER, OPEN_IN_PORTAL);
        if (choice === START_SERVER) await actions.start(target);
        if (choice === OPEN_IN_PORTAL) await actions.openInPortal(target);
        return true;
      }
      if (hasNoPublicAccess(check)) {
        deps.log(`'${profile.profileName}': the server '${name}' has no public access.`);
        const choice = await notifier.error(
          l10n.t("The server '{0}' has no public access: it takes connections only from inside its virtual network. Connect from there, or enable public access in the Azure Portal (Networking).", name),
          OPEN_IN_PORTAL,
        );
        if (choice === OPEN_IN_PORTAL) await actions.openInPortal(target);
        return true;
      }
      return false;
    },
  };
  return actions;
}
