import { useEffect, useState } from 'react';
import type { ArmFactsState, DashboardState, LiveState } from '../../machines/webview/dashboardMessages';
import type { WebviewMessage, WebviewState } from '../../machines/webview/protocol';
import { formatBytes } from '../../machines/webview/formatBytes';
import { onHostMessage } from '../webviewHost';

export interface DashboardViewProps {
  post: (message: WebviewMessage) => void;
  /** Kept across "Reload Window": the profile shown, so the host can bring the dashboard back. */
  setState: (state: WebviewState) => void;
}

/** The server dashboard: Azure's facts and the live connection's, with Refresh. */
export function DashboardView({ post, setState: keep }: DashboardViewProps) {
  const [state, setState] = useState<DashboardState | undefined>();
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    const unsubscribe = onHostMessage((message) => {
      if (message.type === 'dashboard.loading') {
        setLoading(true);
      } else if (message.type === 'dashboard.state') {
        setState(message.state);
        setLoading(false);
        keep({ profileId: message.state.profileId });
      }
    });
    post({ type: 'ready' });
    return unsubscribe;
  }, [post, keep]);

  if (!state) {
    return <main aria-busy="true">Loading the server dashboard…</main>;
  }
  return (
    <main aria-busy={loading}>
      <header>
        <h1>{state.profileName}</h1>
        <p>
          {state.user}@{state.server} / {state.database}
        </p>
        <button type="button" disabled={loading} onClick={() => post({ type: 'dashboard.refresh' })}>
          {loading ? 'Refreshing…' : 'Refresh'}
        </button>
        <small> Updated {new Date(state.refreshedAt).toLocaleTimeString()}</small>
      </header>
      <AzureFacts arm={state.arm} onOpenInPortal={() => post({ type: 'dashboard.openInPortal' })} />
      <LiveFacts live={state.live} loading={loading} onConnect={() => post({ type: 'dashboard.connect' })} />
    </main>
  );
}

function AzureFacts({ arm, onOpenInPortal }: { arm: ArmFactsState; onOpenInPortal: () => void }) {
  if (arm.status === 'notAzure') {
    return null;
  }
  return (
    <section aria-label="Azure">
      <h2>Azure</h2>
      <button type="button" onClick={onOpenInPortal}>
        Open in Azure Portal
      </button>
      {arm.status === 'failed' ? (
        <p role="alert">{arm.message}</p>
      ) : (
        <dl>
          <Fact term="State" value={arm.facts.state} />
          <Fact term="PostgreSQL version" value={arm.facts.minorVersion ? `${arm.facts.version} (${arm.facts.minorVersion})` : arm.facts.version} />
          <Fact term="Compute" value={[arm.facts.tier, arm.facts.skuName].filter(Boolean).join(' · ') || undefined} />
          <Fact term="Region" value={arm.facts.location} />
          <Fact term="Storage" value={arm.facts.storageSizeGB === undefined ? undefined : `${arm.facts.storageSizeGB} GiB`} />
          <Fact term="Server name" value={arm.facts.fqdn} />
          <Fact term="Authentication" value={arm.facts.authentication} />
          <Fact term="Created" value={arm.facts.createdAt ? new Date(arm.facts.createdAt).toLocaleString() : undefined} />
        </dl>
      )}
    </section>
  );
}

function LiveFacts({ live, loading, onConnect }: { live: LiveState; loading: boolean; onConnect: () => void }) {
  if (live.status !== 'connected') {
    return (
      <section aria-label="Connection">
        <h2>Connection</h2>
        <p role={live.reason ? 'alert' : undefined}>{live.reason ? `${live.reason} ${live.nextStep ?? ''}` : 'Not connected.'}</p>
        <button type="button" disabled={loading} onClick={onConnect}>
          Connect
        </button>
      </section>
    );
  }
  return (
    <section aria-label="Connection">
      <h2>Connection</h2>
      <dl>
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

function Fact({ term, value }: { term: string; value: string | undefined }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{value ?? '—'}</dd>
    </>
  );
}
