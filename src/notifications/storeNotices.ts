import type { JournalRecovery } from '../services/flexDeployment/journalRecovery';
import type { StoreNotices } from '../services/flexDeployment/recordStorage';
import type { Notifier } from './notifier';

export const SHOW_DETAILS = 'Show Details';

/** What was done to the stored deployment records, said once with the way to the full log. */
export function createStoreNotices(notifier: Notifier, showDetails: () => void, onError: (error: unknown) => void): StoreNotices {
  const tell = (message: string) => {
    notifier.warn(message, SHOW_DETAILS).then((choice) => (choice === SHOW_DETAILS ? showDetails() : undefined), onError);
  };
  return {
    journalRecovered: (recovery) => tell(recoveryMessage(recovery)),
    recordsQuarantined: (reasons) => tell(quarantineMessage(reasons.length)),
    recordsNotSaved: (reason) =>
      tell(`The Flex server deployment records could not be saved (${reason}). Deployments are still tracked in this window, but a restart may lose what changed since.`),
  };
}

export function recoveryMessage(recovery: JournalRecovery): string {
  const recovered = recovery.fromJournal + recovery.fromMirror;
  const lost = recovery.unrecovered.length;
  return [
    `The Flex server deployment history was damaged and has been repaired: ${recovered} ${records(recovered)} recovered`,
    recovery.fromMirror ? ` (${recovery.fromMirror} from VS Code's own copy)` : '',
    lost ? `, ${lost} ${records(lost)} could not be recovered` : ', nothing was lost',
    `. The damaged file is kept at ${recovery.keptAt}.`,
  ].join('');
}

export function quarantineMessage(count: number): string {
  return `${count} stored Flex server deployment ${records(count)} could not be read and ${count === 1 ? 'was' : 'were'} set aside; the others are tracked as usual.`;
}

function records(n: number): string {
  return n === 1 ? 'record' : 'records';
}
