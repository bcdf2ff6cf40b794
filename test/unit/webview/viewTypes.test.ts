import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as viewTypes from '../../../src/webview/viewTypes';

const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { activationEvents: string[] };

describe('webview view types', () => {
  it('are the panels package.json activates the extension for after a reload, no more and no fewer', () => {
    const restored = manifest.activationEvents.filter((e) => e.startsWith('onWebviewPanel:')).map((e) => e.slice('onWebviewPanel:'.length));
    expect(Object.values(viewTypes).sort()).toEqual(restored.sort());
  });
});
