import { useEffect, useState } from 'react';
import type { CreateServerHostMessage } from '../../machines/webview/createServerMessages';
import { stateHasTag } from '../../machines/flexDeployment/deploymentStates';
import { onHostMessage, type WebviewHost } from '../webviewHost';
import { CreateServerForm } from './CreateServerForm';
import { ProvisioningProgress } from './ProvisioningProgress';

type ProgressUpdate = Extract<CreateServerHostMessage, { type: 'progress.update' }>;

/** The create panel: the form until the host reports a deployment, then its progress. */
export function CreateServerApp({ host }: { host: WebviewHost }) {
  const [progress, setProgress] = useState<ProgressUpdate | undefined>();
  const [unknown, setUnknown] = useState(false);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const off = onHostMessage((message) => {
      if (message.type === 'progress.update') {
        setProgress(message);
        // Only the stagingId: that is all a reload needs, and it holds nothing secret.
        host.setState({ stagingId: message.stagingId });
      } else if (message.type === 'progress.unknown') {
        setUnknown(true);
      }
    });
    // Children's listeners are attached by now (their effects run first): the host may start.
    host.postMessage({ type: 'ready' });
    return off;
  }, [host]);

  const running = progress !== undefined && stateHasTag(progress.deployment.value, 'running');
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);

  if (unknown) return <main>This deployment is no longer tracked.</main>;
  if (!progress) return <CreateServerForm host={host} />;
  return (
    <ProvisioningProgress
      deployment={progress.deployment}
      operations={progress.operations}
      estimate={progress.estimate}
      now={now}
      onRetry={() => host.postMessage({ type: 'progress.retry', stagingId: progress.stagingId })}
      onCancel={() => host.postMessage({ type: 'progress.cancel', stagingId: progress.stagingId })}
    />
  );
}
