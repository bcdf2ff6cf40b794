import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PGSQL_EXTENSION_ID, createVscodeDashboardWindow } from '../../../src/dashboard/vscodeDashboardWindow';
import { profile } from './dashboardFakes';

/** The parts of VS Code's API the dashboard's window uses, recording each call. */
const vscode = vi.hoisted(() => {
  const calls: { api: string; args: unknown[] }[] = [];
  const record =
    (api: string, result?: (...args: unknown[]) => unknown) =>
    (...args: unknown[]) => {
      calls.push({ api, args });
      return result?.(...args);
    };
  const state = { installed: [] as string[], answer: undefined as string | undefined };
  const module = {
    extensions: { getExtension: (id: string) => (state.installed.includes(id) ? { id } : undefined) },
    workspace: { openTextDocument: record('openTextDocument', async () => ({ uri: 'untitled:1' })) },
    window: {
      showTextDocument: record('showTextDocument', async () => undefined),
      showWarningMessage: record('showWarningMessage', async () => state.answer),
      createTerminal: record('createTerminal', () => ({ show: record('terminal.show'), sendText: record('terminal.sendText') })),
    },
    env: { clipboard: { writeText: record('clipboard.writeText', async () => undefined) } },
  };
  return { calls, state, module };
});
vi.mock('vscode', () => vscode.module);

beforeEach(() => {
  vscode.calls.length = 0;
  vscode.state.installed = [];
  vscode.state.answer = undefined;
});

const apis = () => vscode.calls.map((c) => c.api);

describe("the dashboard's VS Code window", () => {
  it('New Query without the PostgreSQL extension runs psql in a terminal whose environment names the server, and no password anywhere', async () => {
    expect(await createVscodeDashboardWindow().openQuery(profile)).toBe('terminal');
    expect(apis()).toEqual(['createTerminal', 'terminal.show', 'terminal.sendText']);
    expect(vscode.calls[0].args).toEqual([
      {
        name: 'psql: contoso',
        env: { PGHOST: 'contoso.postgres.database.azure.com', PGPORT: '5432', PGDATABASE: 'postgres', PGUSER: 'pgadmin', PGSSLMODE: 'require' },
      },
    ]);
    expect(vscode.calls[2].args).toEqual(['psql']);
    expect(JSON.stringify(vscode.calls)).not.toMatch(/PGPASSWORD|password=/i);
  });

  it('New Query with the PostgreSQL extension opens an untitled SQL document instead', async () => {
    vscode.state.installed = [PGSQL_EXTENSION_ID];
    expect(await createVscodeDashboardWindow().openQuery(profile)).toBe('editor');
    expect(apis()).toEqual(['openTextDocument', 'showTextDocument']);
    expect(vscode.calls[0].args).toEqual([{ language: 'sql' }]);
  });

  it('confirms in a modal only when the user picks the action', async () => {
    const window = createVscodeDashboardWindow();
    expect(await window.confirm('Remove it?', 'Connections will be refused.', 'Remove Rule')).toBe(false);
    vscode.state.answer = 'Remove Rule';
    expect(await window.confirm('Remove it?', 'Connections will be refused.', 'Remove Rule')).toBe(true);
    expect(vscode.calls[0].args).toEqual(['Remove it?', { modal: true, detail: 'Connections will be refused.' }, 'Remove Rule']);
  });
});
