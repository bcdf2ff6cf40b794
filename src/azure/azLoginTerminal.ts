import * as l10n from '../../machines/l10n';
import * as vscode from 'vscode';

/**
 * `az login` in a terminal of its own, where the user sees the browser prompt or device code and
 * answers it. Resolves when the terminal closes: by itself after a successful login, or when the
 * user closes it after reading why the login failed.
 */
export function runAzLoginInTerminal(): Promise<void> {
  return new Promise((resolve) => {
    const terminal = vscode.window.createTerminal({ name: l10n.t('Azure CLI Sign-in') });
    const closed = vscode.window.onDidCloseTerminal((t) => {
      if (t !== terminal) return;
      closed.dispose();
      resolve();
    });
    terminal.show();
    terminal.sendText('az login && exit');
  });
}
