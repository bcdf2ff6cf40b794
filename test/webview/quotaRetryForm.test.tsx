import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { QUOTA_REQUEST } from '../../machines/flexDeployment/failureGuidance';
import type { FormPrefill } from '../../machines/webview/createServerMessages';
import { flexCapabilities } from '../support/flexCapabilities';
import { openRetryForm, RETRY_PREFILL, SUB, type, useFakeHost } from './support/createForm';
import { fromHost } from './support/fakeHost';

vi.mock('../../webview-ui/elements', () => import('./support/vscodeElementsStub'));

const current = useFakeHost();

const RETRY = RETRY_PREFILL;
const openRetry = (prefill: FormPrefill) => openRetryForm(current.host, prefill);

const computeSize = () => screen.getByLabelText<HTMLSelectElement>('Compute size').value;
const notice = () => document.getElementById('skuName-notice');

describe('the create form after the vCore quota ran out', () => {
  it('chooses the next smaller size of the same tier and says why, with the quota request page', () => {
    openRetry({ ...RETRY, quotaExceeded: { location: 'westeurope', skuName: 'Standard_D4ads_v5' } });
    expect(computeSize()).toBe('Standard_D2ads_v5');
    expect(screen.getByLabelText<HTMLSelectElement>('Compute tier').value).toBe('GeneralPurpose');
    expect(notice()?.textContent).toBe(
      "Azure's vCore quota in westeurope was used up: Standard_D2ads_v5 (2 vCores) is suggested instead of Standard_D4ads_v5 (4 vCores). Request more quota to keep the larger size. Request More Quota",
    );
    expect(screen.getByRole('link', { name: 'Request More Quota' }).getAttribute('href')).toBe(QUOTA_REQUEST.url);
    // The rest of the retry is kept.
    expect(screen.getByLabelText<HTMLInputElement>('Server name').value).toBe('pg-retry');
    expect(screen.getByLabelText<HTMLSelectElement>('Storage size').value).toBe('128');
  });

  it('keeps the smaller size to the filling: the user can change it, and the capabilities coming again do not undo that', () => {
    openRetry({ ...RETRY, quotaExceeded: { location: 'westeurope', skuName: 'Standard_D4ads_v5' } });
    expect(computeSize()).toBe('Standard_D2ads_v5');
    type('Compute size', 'Standard_D4ads_v5');
    fromHost({ type: 'catalog.capabilities', subscriptionId: SUB.subscriptionId, location: 'westeurope', capabilities: flexCapabilities('westeurope') });
    expect(computeSize()).toBe('Standard_D4ads_v5');
  });

  it('with no smaller size in the tier, keeps the size and suggests another tier or region', () => {
    openRetry({ ...RETRY, tier: 'Burstable', skuName: 'Standard_B1ms', storageSizeGB: 32, quotaExceeded: { location: 'westeurope', skuName: 'Standard_B1ms' } });
    expect(computeSize()).toBe('Standard_B1ms');
    expect(notice()?.textContent).toMatch(
      /^Azure's vCore quota in westeurope was used up: Standard_B1ms \(1 vCore\) is the smallest Burstable size\. Choose another tier or another region, or request more quota\./,
    );
  });

  it('a retry of any other failure keeps the size and says nothing about quota', () => {
    openRetry(RETRY);
    expect(computeSize()).toBe('Standard_D4ads_v5');
    expect(notice()).toBeNull();
    expect(screen.queryByText(/vCore quota/)).toBeNull();
  });
});
