import type { Observable } from 'rxjs';
import type { CreateServerRequest } from '../../machines/flexDeployment/createServerRequest';
import type { DeploymentView } from '../../machines/webview/deploymentView';
import type { HostMessage } from '../../machines/webview/protocol';
import type { ClipboardWriter } from '../webview/clipboard';
import type { TemplateFile } from './templateFiles';

/**
 * The seams of the create panel: what it needs from the tracker, from VS Code's panel and window,
 * and from the log. The vscode-backed implementations live in vscodeCreateServerWindow.ts; the
 * tests use in-memory ones.
 */

/** The part of FlexDeploymentTracker the panel uses. */
export interface CreatePanelTracker {
  /** Validates, preflights (throws PreflightError), stages durably and starts ARM. */
  create(request: CreateServerRequest): Promise<string>;
  deployment$(stagingId: string): Observable<DeploymentView>;
  readonly deployments$: Observable<readonly DeploymentView[]>;
  getDeployment(stagingId: string): DeploymentView | undefined;
  /** Resolves once activation has read the stored deployments. */
  whenRehydrated(): Promise<void>;
  /** Rejects when it cannot (another window works on it): the user is told why. */
  retry(stagingId: string): Promise<void>;
}

/** Compatible with vscode.LogOutputChannel. */
export interface CreateServerLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface Listener {
  dispose(): void;
}

/** One webview panel as the controller sees it. */
export interface PanelPort {
  readonly visible: boolean;
  postMessage(message: HostMessage): PromiseLike<boolean>;
  onDidReceiveMessage(listener: (raw: unknown) => void): Listener;
  onDidChangeVisibility(listener: (visible: boolean) => void): Listener;
  onDidDispose(listener: () => void): Listener;
  setTitle(title: string): void;
  reveal(): void;
  dispose(): void;
}

export type CloseWarningAnswer = 'continueInBackground' | 'showProgress' | 'cancelDeployment';

export interface CreateServerWindow extends ClipboardWriter {
  /** Opens a new create panel (the webview HTML already set). */
  createPanel(title: string): PanelPort;
  /** The spec §7 modal, shown after a panel closed while its deployment runs. */
  showCloseWarning(): PromiseLike<CloseWarningAnswer>;
  showWarning(message: string): void;
  /** A notification with a spinner while the task runs (registering a provider). */
  withProgress<T>(title: string, task: () => Promise<T>): PromiseLike<T>;
  /** The Deployments view's Cancel Deployment: confirms with the user, then cancels. */
  cancelDeployment(stagingId: string): PromiseLike<void>;
  /**
   * Writes the files into a folder the user has open or picks, asking before replacing one;
   * resolves to the folder, or undefined when the user declined.
   */
  saveTemplate(files: readonly TemplateFile[]): PromiseLike<string | undefined>;
}
