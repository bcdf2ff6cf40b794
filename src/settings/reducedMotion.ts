import * as vscode from 'vscode';

/**
 * VS Code's `workbench.reduceMotion` is 'on'. With 'auto' the OS decides, which the extension host
 * cannot see; the icons then spin as VS Code's own do.
 */
export function reducesMotion(): boolean {
  return vscode.workspace.getConfiguration('workbench').get<unknown>('reduceMotion') === 'on';
}

