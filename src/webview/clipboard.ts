import * as vscode from 'vscode';

/** The port of a panel with a "Copy …" button: the create panel's next steps, the dashboard. */
export interface ClipboardWriter {
  /** Writes the text to the system clipboard. */
  copyToClipboard(text: string): PromiseLike<void>;
}

/** The system clipboard, as every panel's "Copy …" writes to it (the create panel's next steps, the dashboard). */
export function copyToClipboard(text: string): PromiseLike<void> {
  return vscode.env.clipboard.writeText(text);
}
