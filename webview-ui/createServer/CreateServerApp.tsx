import * as l10n from '../../machines/l10n';
import { useEffect, useState } from 'react';
import type { CreateServerHostMessage } from '../../machines/webview/createServerMessages';
import { stateHasTag } from '../../machines/flexDeployment/deploymentStates';
import { onHostMessage, type WebviewHost } from '../webviewHost';
import { markOnce } from '../performanceMark';
import { CREATE_FORM_MARKS } from '../../machines/webview/createFormMarks';
import { CreateServerForm } from './CreateServerForm';
import { ProvisioningProgress } from './ProvisioningProgress';

type ProgressUpdate = Extract<CreateServerHostMessage, { type: 'progress.update' }>;

/** The create panel: the form until the host reports a deployment, then its progress. */
export function CreateServerApp({ host }: { host: WebviewHost }) {
  const [progress, setProgress] = useState<ProgressUpdate | undefined>();
  // The host no longer tracks the deployment (or never did, for a restored tab).
  const [unknown, setUnknown] = useState(false);
  const [copied, setCopied] = useState<string | undefined>();
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const off = onHostMessage((message) => {
      if (message.type === 'progress.update') {
        setProgress(message);
        setUnknown(false);
        // Only the stagingId: that is all a reload needs, and it holds nothing secret.
        host.setState({ stagingId: message.stagingId });
      } else if (message.type === 'progress.unknown') {
        setUnknown(true);
      } else if (message.type === 'progress.connectionStringCopied') {
        setCopied(message.connectionString);
      }
    });
    // Children's listeners are attached by now (their effects run first): the host may start.
    markOnce(CREATE_FORM_MARKS.readyPosted);
    host.postMessage({ type: 'ready' });
    return off;
  }, [host]);

  const running = progress !== undefined && stateHasTag(progress.deployment.value, 'running');
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);

  if (unknown && !progress) return <main>{l10n.t('This deployment is no longer tracked.')}</main>;
  if (!progress) return <CreateServerForm host={host} />;
  const { stagingId } = progress;
  return (
    <ProvisioningProgress
      deployment={progress.deployment}
      operations={progress.operations}
      estimate={progress.estimate}
      now={now}
      tracked={!unknown}
      copiedConnectionString={copied}
      onRetry={() => host.postMessage({ type: 'progress.retry', stagingId })}
      onCancel={() => host.postMessage({ type: 'progress.cancel', stagingId })}
      onNextStep={(step) => host.postMessage({ type: 'progress.nextStep', stagingId, step })}
      onRegisterProvider={() => host.postMessage({ type: 'progress.registerProvider', stagingId })}
      onDeleteLeftovers={() => host.postMessage({ type: 'progress.deleteLeftovers', stagingId })}
    />
  );
}
