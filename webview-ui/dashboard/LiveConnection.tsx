import * as l10n from '../../machines/l10n';
import { VscodeButton } from '../elements';
import type { LiveState } from '../../machines/webview/dashboardMessages';
import { formatBytes } from '../../machines/webview/formatBytes';
import { Fact } from './Fact';

export interface LiveConnectionProps {
  live: LiveState;
  busy: boolean;
  onConnect: () => void;
  onDisconnect: () => void;
}

/** The live connection: Connect with the last refusal's reason, or the server's own numbers and Disconnect. */
export function LiveConnection({ live, busy, onConnect, onDisconnect }: LiveConnectionProps) {
  if (live.status !== 'connected') {
    return (
      <section aria-label={l10n.t('Connection')}>
        <h2>{l10n.t('Connection')}</h2>
        <p role={live.reason ? 'alert' : undefined}>{live.reason ? `${live.reason} ${live.nextStep ?? ''}` : l10n.t('Not connected.')}</p>
        <VscodeButton disabled={busy} onClick={onConnect}>
          {l10n.t('Connect')}
        </VscodeButton>
      </section>
    );
  }
  return (
    <section aria-label={l10n.t('Connection')}>
      <h2>{l10n.t('Connection')}</h2>
      <VscodeButton secondary disabled={busy} onClick={onDisconnect}>
        {l10n.t('Disconnect')}
      </VscodeButton>
      <dl className="facts">
        <Fact term={l10n.t('Server version')} value={live.serverVersion} />
        <Fact term={l10n.t('Active connections')} value={String(live.activeConnections)} />
      </dl>
      <table>
        <caption>{l10n.t('Databases')}</caption>
        <thead>
          <tr>
            <th scope="col">{l10n.t('Database')}</th>
            <th scope="col">{l10n.t('Size')}</th>
          </tr>
        </thead>
        <tbody>
          {live.databases.map((db) => (
            <tr key={db.name}>
              <td>{db.name}</td>
              <td>{db.sizeBytes === undefined ? l10n.t('no access') : formatBytes(db.sizeBytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
