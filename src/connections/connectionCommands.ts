import * as l10n from '../../machines/l10n';
import type { Notifier } from '../notifications/notifier';
import type { ConnectionStore } from './connectionStore';
import type { ConnectionManager } from './connectionManager';
import type { ConnectOutcome } from './connectFlow';
import type { ConnectionProfile } from './connectionProfile';
import { CONNECTION_COMMANDS } from '../commandIds';

export interface ConnectionCommandDeps {
  store: ConnectionStore;
  manager: Pick<ConnectionManager, 'disconnect'>;
  notifier: Notifier;
  connect(profileId: string): Promise<ConnectOutcome>;
  refresh(): void;
}

type Handler = (arg?: unknown) => Promise<void>;

/**
 * The argument of a profile command: a tree node or `{ profileId }` (the dashboard's also says
 * `preserveFocus: true` when it opens for the user rather than at their click), or the id itself.
 */
export function readProfileCommandArg(arg: unknown): { profileId?: string; preserveFocus: boolean } {
  if (typeof arg === 'string') return { profileId: arg, preserveFocus: false };
  const { profileId, preserveFocus } = typeof arg === 'object' && arg !== null ? (arg as { profileId?: unknown; preserveFocus?: unknown }) : {};
  return { ...(typeof profileId === 'string' ? { profileId } : {}), preserveFocus: preserveFocus === true };
}

/** The profile a command's argument names (see readProfileCommandArg); none → pick. */
export async function chooseProfile(arg: unknown, store: Pick<ConnectionStore, 'getProfiles' | 'getProfile'>, notifier: Notifier, placeHolder: string): Promise<string | undefined> {
  return chooseNamedProfile(readProfileCommandArg(arg).profileId, store, notifier, placeHolder);
}

/** The profile named by id, checked to exist; none named → pick. */
export async function chooseNamedProfile(given: string | undefined, store: Pick<ConnectionStore, 'getProfiles' | 'getProfile'>, notifier: Notifier, placeHolder: string): Promise<string | undefined> {
  if (given) {
    if (!store.getProfile(given)) {
      void notifier.error(l10n.t('That connection profile no longer exists.'));
      return undefined;
    }
    return given;
  }
  const items = store.getProfiles().map((p) => ({ label: p.profileName || p.server, description: `${p.user}@${p.server}`, profileId: p.id }));
  if (items.length === 0) {
    void notifier.info(l10n.t('There are no saved PostgreSQL connections yet.'));
    return undefined;
  }
  return (await notifier.pick(items, placeHolder))?.profileId;
}

export const REMOVE_CONNECTION = l10n.t('Remove');

/**
 * Removes a saved connection after a modal confirmation: disconnected, the profile gone from the
 * setting and its password from SecretStorage. The store tells the tracker, which then never
 * brings the profile back. True when it was removed.
 */
export async function confirmAndRemoveProfile(
  profile: ConnectionProfile,
  deps: { store: Pick<ConnectionStore, 'removeProfile'>; manager: Pick<ConnectionManager, 'disconnect'>; notifier: Pick<Notifier, 'confirm'> },
  why = '',
): Promise<boolean> {
  const detail = `${why}${l10n.t('The saved password is deleted too. The server in Azure is not affected.')}`;
  if (!(await deps.notifier.confirm(l10n.t("Remove the connection '{0}'?", profile.profileName), detail, REMOVE_CONNECTION))) return false;
  await deps.manager.disconnect(profile.id);
  await deps.store.removeProfile(profile.id);
  return true;
}

export function connectionCommandHandlers(deps: ConnectionCommandDeps): Record<string, Handler> {
  const choose = (arg: unknown, placeHolder: string) => chooseProfile(arg, deps.store, deps.notifier, placeHolder);
  return {
    [CONNECTION_COMMANDS.connect]: async (arg) => {
      const id = await choose(arg, l10n.t('Connect to which server?'));
      if (id) {
        await deps.connect(id);
      }
    },
    [CONNECTION_COMMANDS.disconnect]: async (arg) => {
      const id = await choose(arg, l10n.t('Disconnect which server?'));
      if (id) {
        await deps.manager.disconnect(id);
      }
    },
    [CONNECTION_COMMANDS.removeConnection]: async (arg) => {
      const id = await choose(arg, l10n.t('Remove which connection?'));
      const profile = id ? deps.store.getProfile(id) : undefined;
      if (profile) await confirmAndRemoveProfile(profile, deps);
    },
    [CONNECTION_COMMANDS.refreshConnections]: async () => deps.refresh(),
  };
}
