import * as l10n from '../../machines/l10n';
import { useCallback, useEffect, useState } from 'react';
import { VscodeButton } from '../elements';
import { BusyIndicator } from '../BusyIndicator';
import type { DashboardNotice, DashboardState } from '../../machines/webview/dashboardMessages';
import type { WebviewMessage, WebviewState } from '../../machines/webview/protocol';
import { onHostMessage } from '../webviewHost';
import { AzureFacts } from './AzureFacts';
import { FirewallRules } from './FirewallRules';
import { LiveConnection } from './LiveConnection';

export interface DashboardViewProps {
  post: (message: WebviewMessage) => void;
  /** Kept across "Reload Window": the profile shown, so the host can bring the dashboard back. */
  setState: (state: WebviewState) => void;
}

/** The server dashboard: Azure's facts, the firewall and the live connection, with the actions on them. */
export function DashboardView({ post, setState: keep }: DashboardViewProps) {
  const [state, setState] = useState<DashboardState | undefined>();
  const [loading, setLoading] = useState(true);
  const [activity, setActivity] = useState<string | undefined>();
  const [notice, setNotice] = useState<DashboardNotice | undefined>();

  useEffect(() => {
    const unsubscribe = onHostMessage((message) => {
      if (message.type === 'dashboard.loading') {
        setLoading(true);
        setActivity(message.activity);
      } else if (message.type === 'dashboard.state') {
        setState(message.state);
        setLoading(false);
        setActivity(undefined);
        keep({ profileId: message.state.profileId });
      } else if (message.type === 'dashboard.notice') {
        setNotice(message.notice);
      }
    });
    post({ type: 'ready' });
    return unsubscribe;
  }, [post, keep]);

  // What the last action came to stays until the next one is asked for.
  const ask = useCallback(
    (message: WebviewMessage) => {
      setNotice(undefined);
      post(message);
    },
    [post],
  );

  if (!state) {
    return <main aria-busy="true">{l10n.t('Loading the server dashboard…')}</main>;
  }
  return (
    <main className="dashboard" aria-busy={loading}>
      <header>
        <h1>{state.profileName}</h1>
        <p>
          {state.user}@{state.server} / {state.database}
        </p>
        <div className="dashboard-actions" role="toolbar" aria-label={l10n.t('Server actions')}>
          <VscodeButton onClick={() => ask({ type: 'dashboard.newQuery' })}>{l10n.t('New Query')}</VscodeButton>
          <VscodeButton secondary onClick={() => ask({ type: 'dashboard.copyConnectionString' })}>
            {l10n.t('Copy Connection String')}
          </VscodeButton>
          <VscodeButton secondary disabled={loading} onClick={() => ask({ type: 'dashboard.refresh' })}>
            {loading ? l10n.t('Refreshing…') : l10n.t('Refresh')}
          </VscodeButton>
        </div>
        <small>{l10n.t('Updated {0}', l10n.formatTime(state.refreshedAt))}</small>
        {activity ? (
          // Not a <p>: `header p` is the line naming the server and login.
          <div className="activity" role="status">
            <BusyIndicator label={l10n.t('Working')} /> {activity}
          </div>
        ) : null}
      </header>
      {notice ? <NoticeView notice={notice} /> : null}
      <AzureFacts arm={state.arm} onOpenInPortal={() => ask({ type: 'dashboard.openInPortal' })} onFollowMove={() => ask({ type: 'dashboard.followMove' })} />
      <FirewallRules
        firewall={state.firewall}
        busy={loading}
        onAddClientIp={() => ask({ type: 'dashboard.addClientIpRule' })}
        onRemove={(ruleName) => ask({ type: 'dashboard.removeFirewallRule', ruleName })}
      />
      <LiveConnection
        live={state.live}
        busy={loading}
        onConnect={() => ask({ type: 'dashboard.connect' })}
        onDisconnect={() => ask({ type: 'dashboard.disconnect' })}
      />
    </main>
  );
}

function NoticeView({ notice }: { notice: DashboardNotice }) {
  return (
    <section className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} aria-label={l10n.t('Last action')}>
      <p>
        {notice.message}
        {notice.code ? (
          <>
            {' '}
            <code>{notice.code}</code>
          </>
        ) : null}
      </p>
      {notice.nextStep ? <p>{notice.nextStep}</p> : null}
    </section>
  );
}
