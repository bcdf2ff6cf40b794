import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { openCreateForm, SUB, type, useFakeHost } from './support/createForm';
import { fromHost } from './support/fakeHost';

vi.mock('../../webview-ui/elements', () => import('./support/vscodeElementsStub'));

const current = useFakeHost();
const NAMESPACE = 'Microsoft.DBforPostgreSQL';
const REFUSAL = `Could not read what westeurope offers: The subscription is not registered to use namespace '${NAMESPACE}'. Register it to go on.`;

function refusedForRegistration(): void {
  openCreateForm(current.host);
  type('Server name', 'pg-dev-1');
  fromHost({ type: 'catalog.failed', message: REFUSAL, unregisteredProvider: { subscriptionId: SUB.subscriptionId, namespace: NAMESPACE } });
}

const registerButton = () => screen.queryByRole('button', { name: `Register ${NAMESPACE}` });

describe('the create form on a subscription not registered for the provider', () => {
  it("shows ARM's reason and a button that asks the host to register this subscription, once", () => {
    refusedForRegistration();
    expect(screen.getByRole('alert').textContent).toBe(REFUSAL);
    expect(screen.getByText(/not registered for the Microsoft\.DBforPostgreSQL resource provider/)).toBeTruthy();
    fireEvent.click(registerButton()!);
    expect(current.host.ofType('form.registerProvider')).toEqual([{ type: 'form.registerProvider', subscriptionId: SUB.subscriptionId }]);
    const busy = screen.getByRole<HTMLButtonElement>('button', { name: `Registering ${NAMESPACE}…` });
    expect(busy.disabled).toBe(true);
    fireEvent.click(busy);
    expect(current.host.ofType('form.registerProvider')).toHaveLength(1);
  });

  it('the offer stays while the user types on', () => {
    refusedForRegistration();
    type('Admin login', 'ada');
    expect(registerButton()).toBeTruthy();
  });

  it("once registered: the reason and the button go, Azure's choices are asked for again, and what was typed stays", () => {
    refusedForRegistration();
    const asked = () => [current.host.ofType('form.subscriptionSelected').length, current.host.ofType('form.locationSelected').length];
    const [subscriptionReads, locationReads] = asked();
    fireEvent.click(registerButton()!);
    fromHost({ type: 'catalog.providerRegistered', subscriptionId: SUB.subscriptionId });
    expect(registerButton()).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(asked()).toEqual([subscriptionReads + 1, locationReads + 1]);
    expect(current.host.ofType('form.locationSelected').at(-1)).toEqual({ type: 'form.locationSelected', subscriptionId: SUB.subscriptionId, location: 'westeurope' });
    expect(screen.getByLabelText<HTMLInputElement>('Server name').value).toBe('pg-dev-1');
  });

  it('a registration refused for lack of permission shows the next step and withdraws the button', () => {
    refusedForRegistration();
    fireEvent.click(registerButton()!);
    fromHost({ type: 'catalog.failed', message: 'Ask an Owner or Contributor of the subscription to register it.' });
    expect(screen.getByRole('alert').textContent).toBe('Ask an Owner or Contributor of the subscription to register it.');
    expect(registerButton()).toBeNull();
    expect(screen.queryByRole('button', { name: `Registering ${NAMESPACE}…` })).toBeNull();
  });

  it('a registration still under way is offered again', () => {
    refusedForRegistration();
    fireEvent.click(registerButton()!);
    fromHost({ type: 'catalog.failed', message: 'Azure is still registering.', unregisteredProvider: { subscriptionId: SUB.subscriptionId, namespace: NAMESPACE } });
    fireEvent.click(registerButton()!);
    expect(current.host.ofType('form.registerProvider')).toHaveLength(2);
  });
});
