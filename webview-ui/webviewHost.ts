import type { HostMessage, WebviewMessage, WebviewState } from '../machines/webview/protocol';

/** What a view may do towards the extension host. Typed by the shared protocol. */
export interface WebviewHost {
  postMessage: (message: WebviewMessage) => void;
  /** Survives "Reload Window"; typed so that only a stagingId fits — never form values. */
  setState: (state: WebviewState) => void;
}

interface VsCodeApi {
  postMessage(message: unknown): void;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** VS Code allows one acquireVsCodeApi call per page. */
export function acquireWebviewHost(): WebviewHost {
  const api = acquireVsCodeApi();
  return {
    postMessage: (message) => api.postMessage(message),
    setState: (state) => api.setState(state),
  };
}

/** Listens for the host's messages; returns the unsubscribe. */
export function onHostMessage(listener: (message: HostMessage) => void): () => void {
  const onMessage = (event: MessageEvent<HostMessage>) => {
    if (event.data && typeof event.data === 'object' && typeof event.data.type === 'string') listener(event.data);
  };
  window.addEventListener('message', onMessage);
  return () => window.removeEventListener('message', onMessage);
}
