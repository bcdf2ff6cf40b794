import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The folders one VS Code "installation" lives in; they outlive a code-server crash and restart. */
export interface RunDirs {
  root: string;
  /** code-server --user-data-dir; the extension's globalStorageUri is under User/globalStorage. */
  userData: string;
  extensions: string;
  /** Chromium's profile: in code-server, globalState lives in the browser's IndexedDB. */
  browserProfile: string;
  /** The folder the workbench opens. */
  workspace: string;
  /** XDG_CONFIG_HOME / XDG_DATA_HOME for code-server, so nothing lands in the real home folder. */
  xdg: string;
}

/** Settings that keep the workbench from stealing focus (Welcome page, trust prompt, tips). */
const workbenchSettings = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.reduceMotion': 'on',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  // The dev workspace (.harness/dev) sits inside this repository: no "open the parent repo?" toast.
  'git.openRepositoryInParentFolders': 'never',
};

/** Fresh temporary folders for one test run. */
export function createRunDirs(name: string, settings: Record<string, unknown> = {}): RunDirs {
  return prepareRunDirs(mkdtempSync(join(tmpdir(), `pgflex-e2e-${name.replace(/[^a-z0-9-]/gi, '-')}-`)), settings);
}

/** The folders under a given root (kept or new), with the user settings written afresh. */
export function prepareRunDirs(root: string, settings: Record<string, unknown> = {}): RunDirs {
  const dirs: RunDirs = {
    root,
    userData: join(root, 'user'),
    extensions: join(root, 'extensions'),
    browserProfile: join(root, 'browser'),
    workspace: join(root, 'workspace'),
    xdg: join(root, 'xdg'),
  };
  for (const dir of [dirs.extensions, dirs.browserProfile, dirs.workspace, dirs.xdg]) mkdirSync(dir, { recursive: true });
  writeUserSettings(dirs, settings);
  return dirs;
}

/** Rewrites User/settings.json: the workbench defaults plus the extension settings a test passes. */
export function writeUserSettings(dirs: RunDirs, settings: Record<string, unknown>): void {
  const userDir = join(dirs.userData, 'User');
  mkdirSync(userDir, { recursive: true });
  writeFileSync(join(userDir, 'settings.json'), JSON.stringify({ ...workbenchSettings, ...settings }, null, 2));
}

/** Changes some user settings and keeps the rest (VS Code picks the file change up by itself). */
export function updateUserSettings(dirs: RunDirs, changes: Record<string, unknown>): void {
  const file = join(dirs.userData, 'User/settings.json');
  const current = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ ...current, ...changes }, null, 2));
}

export function removeRunDirs(dirs: RunDirs): void {
  rmSync(dirs.root, { recursive: true, force: true });
}
