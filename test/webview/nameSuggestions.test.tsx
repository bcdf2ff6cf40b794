import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { FormPrefill } from '../../machines/webview/createServerMessages';
import { NAME_CHECK_DEBOUNCE_MS } from '../../webview-ui/createServer/useCreateServerForm';
import { openCreateForm, openRetryForm, RETRY_PREFILL, type, useFakeHost } from './support/createForm';
import { fromHost } from './support/fakeHost';

vi.mock('../../webview-ui/elements', () => import('./support/vscodeElementsStub'));

const current = useFakeHost();

const serverName = () => screen.getByLabelText<HTMLInputElement>('Server name').value;
const suggested = () => screen.queryByRole('group', { name: 'Free server names' });
const suggestedNames = () => [...(suggested()?.querySelectorAll('button') ?? [])].map((b) => b.textContent);
const notice = () => document.getElementById('serverName-notice');
const namesAsked = () => current.host.ofType('form.serverNameChanged').map((m) => m.serverName);

/** Typing pauses long enough for the name to be checked. */
function pauseTyping(): void {
  act(() => {
    vi.advanceTimersByTime(NAME_CHECK_DEBOUNCE_MS);
  });
}

function typeName(name: string): void {
  type('Server name', name);
  pauseTyping();
}

function taken(name: string, suggestions: string[]): void {
  fromHost({ type: 'form.serverNameAvailability', serverName: name, available: false, message: 'Specified server name is already used.' });
  fromHost({ type: 'form.serverNameSuggestions', serverName: name, suggestions });
}

describe('free names under a taken server name', () => {
  it('shows the checked names; a click fills the field and the name is checked again like a typed one', () => {
    openCreateForm(current.host);
    typeName('pg-taken');
    expect(current.host.ofType('form.serverNameChanged').at(-1)).toMatchObject({ serverName: 'pg-taken', location: 'westeurope' });
    taken('pg-taken', ['pg-taken-2', 'pg-taken-westeurope', 'pg-taken-k3x9']);
    expect(suggestedNames()).toEqual(['pg-taken-2', 'pg-taken-westeurope', 'pg-taken-k3x9']);
    expect(screen.getByText('Specified server name is already used.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'pg-taken-westeurope' }));
    expect(serverName()).toBe('pg-taken-westeurope');
    expect(suggested()).toBeNull();
    expect(screen.queryByText('Specified server name is already used.')).toBeNull();
    pauseTyping();
    expect(namesAsked().at(-1)).toBe('pg-taken-westeurope');
  });

  it('typing on hides the suggestions, and a late answer for the older name does not bring them back', () => {
    openCreateForm(current.host);
    typeName('pg-taken');
    fromHost({ type: 'form.serverNameAvailability', serverName: 'pg-taken', available: false });
    type('Server name', 'pg-taken-mine');
    fromHost({ type: 'form.serverNameSuggestions', serverName: 'pg-taken', suggestions: ['pg-taken-2'] });
    expect(suggested()).toBeNull();
    taken('pg-taken-mine', ['pg-taken-mine-2']);
    expect(suggestedNames()).toEqual(['pg-taken-mine-2']);
    type('Server name', 'pg-taken-min');
    expect(suggested()).toBeNull();
  });

  it('no suggestions (none free, or the checks failed): nothing is offered', () => {
    openCreateForm(current.host);
    typeName('pg-taken');
    taken('pg-taken', []);
    expect(suggested()).toBeNull();
  });
});

function openRetry(retriedName: FormPrefill['retriedName']): void {
  openRetryForm(current.host, { ...RETRY_PREFILL, retriedName });
  pauseTyping();
}

describe('the retry form of a deployment whose name is taken', () => {
  it('after ServerNameAlreadyExists: says Azure refused the name and why, and offers the free names', () => {
    openRetry({ serverName: 'pg-retry', resourceGroup: 'rg-dev', alreadyExists: true });
    expect(namesAsked()).toEqual(['pg-retry']);
    expect(notice()?.textContent).toBe(
      'Azure refused pg-retry when the deployment ran: server names are unique across all of Azure, not only your subscription, and another server has this one. Choose a free name.',
    );
    taken('pg-retry', ['pg-retry-2']);
    fireEvent.click(screen.getByRole('button', { name: 'pg-retry-2' }));
    expect(serverName()).toBe('pg-retry-2');
    expect(notice()).toBeNull();
  });

  it('another failure, and the name taken now: it may be the server the failed deployment left behind', () => {
    openRetry({ serverName: 'pg-retry', resourceGroup: 'rg-dev', alreadyExists: false });
    // Until Azure says the name is taken, nothing is said about it.
    expect(notice()).toBeNull();
    taken('pg-retry', ['pg-retry-2', 'pg-retry-westeurope']);
    expect(notice()?.textContent).toBe(
      'pg-retry is taken: server names are unique across all of Azure. It may be the server the failed deployment left behind in resource group rg-dev; delete that server to use the name again, or choose a free name.',
    );
    expect(suggestedNames()).toEqual(['pg-retry-2', 'pg-retry-westeurope']);
  });

  it('another failure, and the name free: no notice', () => {
    openRetry({ serverName: 'pg-retry', resourceGroup: 'rg-dev', alreadyExists: false });
    fromHost({ type: 'form.serverNameAvailability', serverName: 'pg-retry', available: true });
    expect(notice()).toBeNull();
    expect(suggested()).toBeNull();
  });
});
