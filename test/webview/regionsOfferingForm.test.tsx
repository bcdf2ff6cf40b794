import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { FormPrefill } from '../../machines/webview/createServerMessages';
import type { RefusedOffer } from '../../machines/flexDeployment/regionsOffering';
import { flexCapabilities } from '../support/flexCapabilities';
import { openRetryForm, RETRY_PREFILL, SUB, useFakeHost } from './support/createForm';
import { fromHost } from './support/fakeHost';

vi.mock('../../webview-ui/elements', () => import('./support/vscodeElementsStub'));

const current = useFakeHost();

const OFFER: RefusedOffer = { tier: 'GeneralPurpose', skuName: 'Standard_D4ads_v5', version: '17' };
const REFUSED: FormPrefill = { ...RETRY_PREFILL, skuNotAvailable: { ...OFFER, location: 'westeurope' } };
const NORTH_EUROPE = { name: 'northeurope', displayName: 'North Europe' };
const SWEDEN = { name: 'swedencentral', displayName: 'Sweden Central' };

const status = () => document.getElementById('location-regions');
const answer = (regions: { name: string; displayName: string }[], unchecked = 0, offer = OFFER) =>
  fromHost({ type: 'catalog.regionsOffering', subscriptionId: SUB.subscriptionId, offer, regions, unchecked });

describe('the create form of a Retry after SkuNotAvailable', () => {
  it('asks once, when the subscription’s locations are in, which other locations offer the refused server; says it is looking', () => {
    openRetryForm(current.host, REFUSED);
    expect(current.host.ofType('form.findRegionsOffering')).toEqual([{ type: 'form.findRegionsOffering', subscriptionId: SUB.subscriptionId, offer: OFFER, except: 'westeurope' }]);
    expect(status()?.textContent).toBe(
      'Azure did not offer Standard_D4ads_v5 (General Purpose, PostgreSQL 17) in West Europe to this subscription. Looking for the locations that offer it…',
    );
    // The subscription's choices coming again (after a registration) ask nothing more.
    fromHost({ type: 'catalog.subscriptionChoices', subscriptionId: SUB.subscriptionId, resourceGroups: [], locations: [] });
    expect(current.host.ofType('form.findRegionsOffering')).toHaveLength(1);
  });

  it('offers each location found; a click makes it the location, and the size is kept once its capabilities come', () => {
    openRetryForm(current.host, REFUSED);
    // The locations found are among the subscription's, which the host listed.
    const locations = [{ name: 'westeurope', displayName: 'West Europe' }, NORTH_EUROPE, SWEDEN];
    fromHost({ type: 'catalog.subscriptionChoices', subscriptionId: SUB.subscriptionId, resourceGroups: [{ name: 'rg-dev', location: 'westeurope' }], locations });
    answer([NORTH_EUROPE, SWEDEN], 1);
    expect(status()?.textContent).toMatch(/These locations offer it; or keep this one and choose another compute size\. 1 location could not be checked\.$/);
    const offered = within(screen.getByRole('group', { name: 'Locations that offer it' }));
    expect(offered.getAllByRole('button').map((b) => b.textContent)).toEqual(['North Europe', 'Sweden Central']);
    fireEvent.click(offered.getByRole('button', { name: 'Sweden Central' }));
    expect(screen.getByLabelText<HTMLSelectElement>('Location').value).toBe('swedencentral');
    expect(current.host.ofType('form.locationSelected').at(-1)).toEqual({ type: 'form.locationSelected', subscriptionId: SUB.subscriptionId, location: 'swedencentral' });
    fromHost({ type: 'catalog.capabilities', subscriptionId: SUB.subscriptionId, location: 'swedencentral', capabilities: flexCapabilities('swedencentral') });
    expect(screen.getByLabelText<HTMLSelectElement>('Compute size').value).toBe('Standard_D4ads_v5');
    expect(screen.getByLabelText<HTMLSelectElement>('PostgreSQL version').value).toBe('17');
  });

  it('with no location found, says to choose another size; counts the locations it could not check', () => {
    openRetryForm(current.host, REFUSED);
    answer([], 2);
    expect(status()?.textContent).toMatch(/in West Europe to this subscription\. No other location offers it: choose another compute size\. 2 locations could not be checked\.$/);
    expect(screen.queryByRole('group', { name: 'Locations that offer it' })).toBeNull();
  });

  it('ignores an answer for another server; a new filling drops the search', () => {
    openRetryForm(current.host, REFUSED);
    answer([NORTH_EUROPE], 0, { ...OFFER, skuName: 'Standard_D2ads_v5' });
    expect(status()?.textContent).toMatch(/Looking for the locations that offer it…$/);
    fromHost({ type: 'form.init', prefill: RETRY_PREFILL });
    expect(status()).toBeNull();
  });

  it('a Retry of any other failure asks nothing', () => {
    openRetryForm(current.host, RETRY_PREFILL);
    expect(current.host.ofType('form.findRegionsOffering')).toEqual([]);
    expect(status()).toBeNull();
  });
});
