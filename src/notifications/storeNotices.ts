import * as l10n from '../../machines/l10n';
import type { JournalRecovery } from '../services/flexDeployment/journalRecovery';
import type { StoreNotices } from '../services/flexDeployment/recordStorage';
import type { Notifier } from './notifier';

export const SHOW_DETAILS = l10n.t('Show Details');

/** What was done to the stored deployment records, said once with the way to the full log. */
export function createStoreNotices(notifier: Notifier, showDetails: () => void, onError: (error: unknown) => void): StoreNotices {
  const tell = (message: string) => {
    notifier.warn(message, SHOW_DETAILS).then((choice) => (choice === SHOW_DETAILS ? showDetails() : undefined), onError);
  };
  return {
    journalRecovered: (recovery) => tell(recoveryMessage(recovery)),
    recordsQuarantined: (reasons) => tell(quarantineMessage(reasons.length)),
    recordsNotSaved: (reason) =>
      tell(l10n.t('The Flex server deployment records could not be saved ({0}). Deployments are still tracked in this window, but a restart may lose what changed since.', reason)),
  };
}

// Whole sentences, one per count: a translation may order and inflect each its own way.
export function recoveryMessage(recovery: JournalRecovery): string {
  const recovered = recovery.fromJournal + recovery.fromMirror;
  const lost = recovery.unrecovered.length;
  return [
    l10n.t('The Flex server deployment history was damaged and has been repaired.'),
    recovered === 1 ? l10n.t('1 record recovered.') : l10n.t('{0} records recovered.', recovered),
    recovery.fromMirror ? l10n.t("{0} of them came from VS Code's own copy.", recovery.fromMirror) : '',
    lost === 0 ? l10n.t('Nothing was lost.') : lost === 1 ? l10n.t('1 record could not be recovered.') : l10n.t('{0} records could not be recovered.', lost),
    l10n.t('The damaged file is kept at {0}.', recovery.keptAt),
  ]
    .filter(Boolean)
    .join(' ');
}

export function quarantineMessage(count: number): string {
  return count === 1
    ? l10n.t('1 stored Flex server deployment record could not be read and was set aside; the others are tracked as usual.')
    : l10n.t('{0} stored Flex server deployment records could not be read and were set aside; the others are tracked as usual.', count);
}
