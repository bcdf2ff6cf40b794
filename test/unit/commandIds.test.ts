import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as commandIds from '../../src/commandIds';

interface Manifest {
  contributes: {
    commands: { command: string }[];
    menus: Record<string, { command: string }[]>;
    keybindings?: { command: string }[];
    views: Record<string, { id: string }[]>;
  };
}

const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as Manifest;
const { FOCUS_DEPLOYMENTS_VIEW, ...ours } = commandIds;
const declared = new Set(Object.values(ours).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v))));

describe('command ids', () => {
  it('are the commands package.json contributes, no more and no fewer', () => {
    expect([...declared].sort()).toEqual(manifest.contributes.commands.map((c) => c.command).sort());
  });

  it('are declared once each', () => {
    const all = Object.values(ours).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)));
    expect(all).toHaveLength(declared.size);
  });

  it('name every command the manifest\'s menus and keybindings use', () => {
    const used = [...Object.values(manifest.contributes.menus).flat(), ...(manifest.contributes.keybindings ?? [])].map((m) => m.command);
    expect(used.filter((c) => !declared.has(c))).toEqual([]);
  });

  it('focus a view the manifest contributes, through the id VS Code generates for it', () => {
    const views = Object.values(manifest.contributes.views).flat().map((v) => `${v.id}.focus`);
    expect(views).toContain(FOCUS_DEPLOYMENTS_VIEW);
  });
});
