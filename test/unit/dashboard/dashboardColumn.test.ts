import { beforeEach, describe, expect, it, vi } from 'vitest';
import { dashboardColumn } from '../../../src/dashboard/dashboardColumn';

/** VS Code's tab model, as far as the column choice reads it: the active group's active tab. */
const vscode = vi.hoisted(() => {
  class TabInputWebview {
    constructor(readonly viewType: string) {}
  }
  class TabInputText {
    constructor(readonly uri: string) {}
  }
  const activeTabGroup: { activeTab?: { input: unknown; label: string } } = {};
  return { module: { ViewColumn: { Active: -1, Beside: -2 }, TabInputWebview, TabInputText, window: { tabGroups: { activeTabGroup } } }, activeTabGroup, TabInputWebview, TabInputText };
});
vi.mock('vscode', () => vscode.module);

const ACTIVE = -1;
const BESIDE = -2;
const FORM = 'mainThreadWebview-pgflex.createFlexServer';
const showing = (input: unknown, label = 'Create PostgreSQL Flexible Server') => (vscode.activeTabGroup.activeTab = input === undefined ? undefined : { input, label });

beforeEach(() => showing(undefined));

describe('where a dashboard shows', () => {
  it('opened by itself over a create form the user is filling: beside it', () => {
    showing(new vscode.TabInputWebview(FORM));
    expect(dashboardColumn(true)).toBe(BESIDE);
  });

  it('asked for by the user: where they are, even over a create form', () => {
    showing(new vscode.TabInputWebview(FORM));
    expect(dashboardColumn(false)).toBe(ACTIVE);
  });

  it("opened by itself over the deployment's progress panel (the form's tab, retitled): in its place", () => {
    for (const title of ['Provisioning contoso', 'contoso is ready']) {
      showing(new vscode.TabInputWebview(FORM), title);
      expect(dashboardColumn(true)).toBe(ACTIVE);
    }
  });

  it('opened by itself over anything else, or over nothing: in the active group', () => {
    for (const input of [new vscode.TabInputWebview('mainThreadWebview-pgsql.serverDashboard'), new vscode.TabInputText('file:///a.sql'), undefined]) {
      showing(input, 'Create PostgreSQL Flexible Server');
      expect(dashboardColumn(true)).toBe(ACTIVE);
    }
  });
});
