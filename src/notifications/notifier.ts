/**
 * The message surface of the VS Code window, small enough to fake in unit tests: a fake picks an
 * action and records what was shown. vscodeNotifier.ts implements it on `vscode.window`.
 */
export interface Notifier {
  /** Resolves with the action the user chose, or undefined when the message was closed. */
  info(message: string, ...actions: string[]): PromiseLike<string | undefined>;
  warn(message: string, ...actions: string[]): PromiseLike<string | undefined>;
  error(message: string, ...actions: string[]): PromiseLike<string | undefined>;
  /** A modal question; true only when the user chose `action`. */
  confirm(message: string, detail: string, action: string): PromiseLike<boolean>;
  /** A quick pick; resolves with the chosen item, or undefined when dismissed. */
  pick<T extends { label: string; description?: string }>(items: readonly T[], placeHolder: string): PromiseLike<T | undefined>;
  /** Shows a notification with a spinner while the task runs. */
  withProgress<T>(title: string, task: () => Promise<T>): PromiseLike<T>;
}

/** `vscode.commands.executeCommand`, for actions that hand over to another feature's command. */
export interface CommandRunner {
  execute(command: string, ...args: unknown[]): PromiseLike<unknown>;
}
