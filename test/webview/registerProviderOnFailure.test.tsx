import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ArmErrorSummary } from '../../machines/flexDeployment/stagedFlexProfile';
import { CreateServerApp } from '../../webview-ui/createServer/CreateServerApp';
import { FakeHost, fromHost } from './support/fakeHost';
import { context } from './support/deployments';

vi.mock('../../webview-ui/elements', () => import('./support/vscodeElementsStub'));

afterEach(cleanup);

const NOT_REGISTERED: ArmErrorSummary = { code: 'MissingSubscriptionRegistration', message: "The subscription is not registered to use namespace 'Microsoft.DBforPostgreSQL'." };

function showFailed(armError: ArmErrorSummary): FakeHost {
  const host = new FakeHost();
  render(<CreateServerApp host={host} />);
  fromHost({ type: 'progress.update', stagingId: 'staging-1', deployment: { value: 'failed', context: context({ status: 'failed', armError }) }, operations: [] });
  return host;
}

const registerButton = () => screen.queryByRole('button', { name: 'Register Provider' });

describe('Register Provider in the progress panel', () => {
  it('a deployment refused for an unregistered subscription offers it beside Retry, and sends it for its deployment', () => {
    const host = showFailed(NOT_REGISTERED);
    expect(screen.getByRole('alert').textContent).toContain('(MissingSubscriptionRegistration)');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
    fireEvent.click(registerButton()!);
    expect(host.ofType('progress.registerProvider')).toEqual([{ type: 'progress.registerProvider', stagingId: 'staging-1' }]);
  });

  it('any other failure offers no registration', () => {
    showFailed({ code: 'QuotaExceeded', message: 'Quota exceeded.' });
    expect(registerButton()).toBeNull();
  });

  it('a deployment no longer tracked offers nothing the host would refuse', () => {
    showFailed(NOT_REGISTERED);
    fromHost({ type: 'progress.unknown', stagingId: 'staging-1' });
    expect(registerButton()).toBeNull();
  });
});
