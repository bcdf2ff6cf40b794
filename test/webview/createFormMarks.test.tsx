import { cleanup, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CREATE_FORM_MARKS } from '../../machines/webview/createFormMarks';
import { CreateServerApp } from '../../webview-ui/createServer/CreateServerApp';
import { SUB } from './support/createForm';
import { FakeHost, fromHost } from './support/fakeHost';

vi.mock('@vscode-elements/react-elements', () => import('./support/vscodeElementsStub'));

const marked = () => performance.getEntriesByType('mark').map((m) => m.name);

// bench/createFormInteractive.ts times the form's start from these marks, leaving out the wait for
// the subscriptions between the first two.
describe("the create form's performance marks", () => {
  // Real timers: fake ones would stand in for `performance` too.
  let host: FakeHost;
  beforeEach(() => {
    host = new FakeHost();
    performance.clearMarks();
  });
  afterEach(cleanup);

  it('marks ready on the loading state and interactive only once the fields are on screen, in that order', () => {
    render(createElement(CreateServerApp, { host }));
    expect(marked()).toEqual([CREATE_FORM_MARKS.readyPosted]);
    expect(screen.queryByLabelText('Server name')).toBeNull();

    fromHost({ type: 'form.init', subscriptions: [SUB] });
    expect(screen.getByLabelText('Server name')).toBeTruthy();
    expect(marked()).toEqual([CREATE_FORM_MARKS.readyPosted, CREATE_FORM_MARKS.subscriptionsArrived, CREATE_FORM_MARKS.interactive]);
  });

  it("marks the document's first form only: a Retry's refill is not a start", () => {
    render(createElement(CreateServerApp, { host }));
    fromHost({ type: 'form.init', subscriptions: [SUB] });
    fromHost({ type: 'form.init', subscriptions: [SUB], prefill: { serverName: 'pg-retry' } });
    expect(marked()).toHaveLength(3);
  });

  it('holds nothing the user typed or Azure answered: the names are constants, the marks carry no detail', () => {
    render(createElement(CreateServerApp, { host }));
    fromHost({ type: 'form.init', subscriptions: [SUB], clientIp: '203.0.113.7', prefill: { serverName: 'pg-secret-name' } });
    const entries = performance.getEntriesByType('mark') as PerformanceMark[];
    expect(entries.map((m) => m.name).sort()).toEqual(Object.values(CREATE_FORM_MARKS).sort());
    expect(entries.every((m) => m.detail === null)).toBe(true);
  });
});
