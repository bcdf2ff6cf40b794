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
      <section aria-label="Connection">
        <h2>Connection</h2>
        <p role={live.reason ? 'alert' : undefined}>{live.reason ? `${live.reason} ${live.nextStep ?? ''}` : 'Not connected.'}</p>
        <VscodeButton disabled={busy} onClick={onConnect}>
          Connect
        </VscodeButton>
      </section>
    );
  }
  return (
    <section aria-label="Connection">
      <h2>Connection</h2>
      <VscodeButton secondary disabled={busy} onClick={onDisconnect}>
        Disconnect
      </VscodeButton>
      <dl className="facts">
        <Fact term="Server version" value={live.serverVersion} />
        <Fact term="Active connections" value={String(live.activeConnections)} />
      </dl>
      <table>
        <caption>Databases</caption>
        <thead>
          <tr>
            <th scope="col">Database</th>
            <th scope="col">Size</th>
          </tr>
        </thead>
        <tbody>
          {live.databases.map((db) => (
            <tr key={db.name}>
              <td>{db.name}</td>
              <td>{db.sizeBytes === undefined ? 'no access' : formatBytes(db.sizeBytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
