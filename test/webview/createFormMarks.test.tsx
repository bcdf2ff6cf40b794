import { cleanup, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CREATE_FORM_MARKS } from '../../machines/webview/createFormMarks';
import { CreateServerApp } from '../../webview-ui/createServer/CreateServerApp';
import { startForm, SUB } from './support/createForm';
import { FakeHost, fromHost } from './support/fakeHost';

vi.mock('../../webview-ui/elements', () => import('./support/vscodeElementsStub'));

const marked = () => performance.getEntriesByType('mark').map((m) => m.name);

// bench/createFormInteractive.ts times the form's start from these marks; the subscriptions arrive
// after the form is interactive, and their wait is logged apart.
describe("the create form's performance marks", () => {
  // Real timers: fake ones would stand in for `performance` too.
  let host: FakeHost;
  beforeEach(() => {
    host = new FakeHost();
    performance.clearMarks();
  });
  afterEach(cleanup);

  it('marks ready on the loading state, interactive once the fields are on screen, before the subscriptions arrive', () => {
    render(createElement(CreateServerApp, { host }));
    expect(marked()).toEqual([CREATE_FORM_MARKS.readyPosted]);
    expect(screen.queryByLabelText('Server name')).toBeNull();

    fromHost({ type: 'form.init' });
    expect(screen.getByLabelText('Server name')).toBeTruthy();
    expect(marked()).toEqual([CREATE_FORM_MARKS.readyPosted, CREATE_FORM_MARKS.interactive]);
    fromHost({ type: 'catalog.subscriptions', subscriptions: [SUB] });
    expect(marked()).toEqual([CREATE_FORM_MARKS.readyPosted, CREATE_FORM_MARKS.interactive, CREATE_FORM_MARKS.subscriptionsArrived]);
  });

  it("marks the document's first form only: a Retry's refill is not a start", () => {
    render(createElement(CreateServerApp, { host }));
    startForm();
    startForm({ serverName: 'pg-retry' });
    expect(marked()).toHaveLength(3);
  });

  it('holds nothing the user typed or Azure answered: the names are constants, the marks carry no detail', () => {
    render(createElement(CreateServerApp, { host }));
    startForm({ serverName: 'pg-secret-name' }, '203.0.113.7');
    const entries = performance.getEntriesByType('mark') as PerformanceMark[];
    expect(entries.map((m) => m.name).sort()).toEqual(Object.values(CREATE_FORM_MARKS).sort());
    expect(entries.every((m) => m.detail === null)).toBe(true);
  });
});
