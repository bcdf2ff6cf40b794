import * as l10n from '../../machines/l10n';
import * as vscode from 'vscode';
import type { TemplateFile } from './templateFiles';

const REPLACE = l10n.t('Replace');

/**
 * "Save as Template" on disk: into the open workspace folder (the one the user picks when several
 * are open, or a folder they choose when none is), never replacing a file unasked.
 */
export async function saveTemplateFiles(files: readonly TemplateFile[]): Promise<string | undefined> {
  const folder = await chooseFolder();
  if (!folder) return undefined;
  const targets = files.map((file) => ({ uri: vscode.Uri.joinPath(folder, file.name), file }));
  const existing = (await Promise.all(targets.map(async (t) => ((await exists(t.uri)) ? t.file.name : undefined)))).filter((n) => n !== undefined);
  if (existing.length > 0) {
    const answer = await vscode.window.showWarningMessage(l10n.t('Already in {0}: {1}.', folder.fsPath, existing.join(', ')), { modal: true }, REPLACE);
    if (answer !== REPLACE) return undefined;
  }
  for (const { uri, file } of targets) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(file.content));
  return folder.fsPath;
}

async function chooseFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0].uri;
  if (folders.length > 1) return (await vscode.window.showWorkspaceFolderPick({ placeHolder: l10n.t('Where to save the template') }))?.uri;
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: l10n.t('Save Template Here') });
  return picked?.[0];
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
