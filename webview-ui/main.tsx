import * as l10n from '../machines/l10n';
// First: every module imported after it reads its text translated (see l10nBundle.ts).
import './l10nBundle';
import { createRoot } from 'react-dom/client';
import { CreateServerApp } from './createServer/CreateServerApp';
import { DashboardView } from './dashboard/DashboardView';
import './styles.css';
import { acquireWebviewHost } from './webviewHost';

// One bundle serves every pgflex webview; the host names the view in <body data-view="…">.
const host = acquireWebviewHost();
const root = createRoot(document.getElementById('root') as HTMLElement);
switch (document.body.dataset.view) {
  case 'create':
    root.render(<CreateServerApp host={host} />);
    break;
  case 'dashboard':
    root.render(<DashboardView post={host.postMessage} setState={host.setState} />);
    break;
  default:
    root.render(<main>{l10n.t('Unknown view.')}</main>);
}
