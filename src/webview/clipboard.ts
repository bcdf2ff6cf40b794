import * as vscode from 'vscode';

/** The system clipboard, as every panel's "Copy …" writes to it (the create panel's next steps, the dashboard). */
export function copyToClipboard(text: string): PromiseLike<void> {
  return vscode.env.clipboard.writeText(text);
}
