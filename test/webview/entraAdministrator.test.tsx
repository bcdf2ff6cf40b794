import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { EntraAdministrator } from '../../machines/flexDeployment/retryableRequest';
import { fillValid, openCreateForm, pressReview, SUB, type, useFakeHost } from './support/createForm';
import { fromHost } from './support/fakeHost';

vi.mock('../../webview-ui/elements', () => import('./support/vscodeElementsStub'));

const current = useFakeHost();
const ME: EntraAdministrator = { objectId: 'oid-me', principalName: 'ada@contoso.com', principalType: 'User' };
const ADMINS: EntraAdministrator = { objectId: 'oid-g', principalName: 'PostgreSQL Admins', principalType: 'Group' };
const GRACE: EntraAdministrator = { objectId: 'oid-2', principalName: 'grace@contoso.com', principalType: 'User' };

/** The form with Microsoft Entra authentication chosen; the host named the signed-in user. */
function openWithEntra(): void {
  openCreateForm(current.host);
  fromHost({ type: 'catalog.subscriptionChoices', subscriptionId: SUB.subscriptionId, resourceGroups: [{ name: 'rg-dev', location: 'westeurope' }], locations: [{ name: 'westeurope', displayName: 'West Europe' }], entraAdmin: ME });
  fillValid();
  fireEvent.click(screen.getByLabelText('PostgreSQL and Microsoft Entra authentication'));
}

function search(text: string): void {
  type('Microsoft Entra administrator', text);
  fireEvent.click(screen.getByRole('button', { name: 'Search' }));
}

/** What the host answers a search with. */
function found(text: string, principals: EntraAdministrator[], subscriptionId = SUB.subscriptionId): void {
  fromHost({ type: 'catalog.entraAdministrators', subscriptionId, text, principals });
}

/** Searches for Grace and chooses her. */
function chooseGrace(): void {
  search('grace');
  found('grace', [GRACE]);
  fireEvent.click(screen.getByRole('button', { name: 'grace@contoso.com · user' }));
}

function submitted(): unknown {
  pressReview();
  fireEvent.click(screen.getByRole('button', { name: 'Create' }));
  return current.host.ofType('form.submit').at(-1)?.request;
}

describe('the Microsoft Entra administrator', () => {
  it('is the signed-in user unless another is chosen', () => {
    openWithEntra();
    expect(screen.getByText('ada@contoso.com (you)')).toBeTruthy();
    expect(submitted()).toMatchObject({ entraAdmin: ME });
  });

  it('asks the host to search the directory of the chosen subscription, and offers each user and group found', () => {
    openWithEntra();
    search('  postgres ');
    expect(current.host.ofType('form.searchEntraAdministrators')).toEqual([{ type: 'form.searchEntraAdministrators', subscriptionId: SUB.subscriptionId, text: 'postgres' }]);
    found('postgres', [ADMINS, GRACE]);
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['PostgreSQL Admins · group', 'grace@contoso.com · user']);

    fireEvent.click(screen.getByRole('button', { name: 'PostgreSQL Admins · group' }));
    expect(screen.getByText('PostgreSQL Admins (group)')).toBeTruthy();
    expect(submitted()).toMatchObject({ entraAdmin: ADMINS });
  });

  it('goes back to the signed-in user on "Make me the administrator"', () => {
    openWithEntra();
    chooseGrace();
    expect(screen.getByText('grace@contoso.com (user)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Make me the administrator' }));
    expect(screen.getByText('ada@contoso.com (you)')).toBeTruthy();
    expect(submitted()).toMatchObject({ entraAdmin: ME });
  });

  it("says when nothing was found, or why the directory could not be searched; an answer for another subscription is not shown", () => {
    openWithEntra();
    search('zed');
    found('zed', [GRACE], 'another-subscription');
    expect(screen.queryByRole('list', { name: 'Users and groups found' })).toBeNull();
    found('zed', []);
    expect(screen.getByText("No user or security group named 'zed…' in the directory.")).toBeTruthy();
    fromHost({ type: 'catalog.entraAdministrators', subscriptionId: SUB.subscriptionId, text: 'zed', message: 'Could not search the directory: Insufficient privileges (Authorization_RequestDenied).' });
    expect(screen.getByRole('alert').textContent).toBe('Could not search the directory: Insufficient privileges (Authorization_RequestDenied).');
  });

  it('forgets a chosen administrator when the subscription’s choices come again (it may be another tenant)', () => {
    openWithEntra();
    chooseGrace();
    fromHost({ type: 'catalog.subscriptionChoices', subscriptionId: SUB.subscriptionId, resourceGroups: [{ name: 'rg-dev', location: 'westeurope' }], locations: [{ name: 'westeurope', displayName: 'West Europe' }], entraAdmin: ME });
    expect(screen.getByText('ada@contoso.com (you)')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Users and groups found' })).toBeNull();
  });
});
