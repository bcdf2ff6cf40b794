import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeploymentView } from '../../machines/webview/deploymentView';
import { CreateServerApp } from '../../webview-ui/createServer/CreateServerApp';
import { FakeHost, fromHost } from './support/fakeHost';
import { context } from './support/deployments';

vi.mock('../../webview-ui/elements', () => import('./support/vscodeElementsStub'));

afterEach(cleanup);

const FAILED: DeploymentView = { value: 'failed', context: context({ status: 'failed', armError: { code: 'InternalServerError', message: 'An unexpected error occured.' } }) };
const CANCELED: DeploymentView = { value: 'canceled', context: context({ status: 'canceled' }) };

function show(deployment: DeploymentView): FakeHost {
  const host = new FakeHost();
  render(<CreateServerApp host={host} />);
  fromHost({ type: 'progress.update', stagingId: 'staging-1', deployment, operations: [] });
  return host;
}

const leftoversButton = () => screen.queryByRole('button', { name: 'Delete Leftover Resources…' });

describe('Delete Leftover Resources… in the progress panel', () => {
  it.each([
    ['failed', FAILED],
    ['canceled', CANCELED],
  ])('a %s deployment offers it next to Retry, and sends it for its deployment', (_, deployment) => {
    const host = show(deployment);
    const retry = screen.getByRole('button', { name: 'Retry' });
    expect(retry.parentElement).toBe(leftoversButton()!.parentElement);
    fireEvent.click(leftoversButton()!);
    expect(host.ofType('progress.deleteLeftovers')).toEqual([{ type: 'progress.deleteLeftovers', stagingId: 'staging-1' }]);
    expect(host.ofType('progress.retry')).toEqual([]);
  });

  it('goes with Retry: not once the deployment was retried, not while it runs, not when the host no longer tracks it', () => {
    show({ ...FAILED, context: { ...FAILED.context, retryRequestedAt: 1_700_000_000_000 } });
    expect(leftoversButton()).toBeNull();
    fromHost({ type: 'progress.update', stagingId: 'staging-1', deployment: { value: 'deploying', context: context() }, operations: [] });
    expect(leftoversButton()).toBeNull();
    fromHost({ type: 'progress.update', stagingId: 'staging-1', deployment: FAILED, operations: [] });
    expect(leftoversButton()).not.toBeNull();
    fromHost({ type: 'progress.unknown', stagingId: 'staging-1' });
    expect(leftoversButton()).toBeNull();
  });
});
