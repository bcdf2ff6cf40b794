import { act } from '@testing-library/react';
import type { HostMessage, WebviewMessage, WebviewState } from '../../../machines/webview/protocol';
import type { WebviewHost } from '../../../webview-ui/webviewHost';

export class FakeHost implements WebviewHost {
  readonly posted: WebviewMessage[] = [];
  readonly states: WebviewState[] = [];
  postMessage(message: WebviewMessage): void {
    this.posted.push(message);
  }
  setState(state: WebviewState): void {
    this.states.push(state);
  }
  ofType<T extends WebviewMessage['type']>(type: T): Extract<WebviewMessage, { type: T }>[] {
    return this.posted.filter((m): m is Extract<WebviewMessage, { type: T }> => m.type === type);
  }
}

/** Delivers a host message the way VS Code does: a window message event. */
export function fromHost(message: HostMessage): void {
  act(() => {
    window.dispatchEvent(new MessageEvent('message', { data: message }));
  });
}
