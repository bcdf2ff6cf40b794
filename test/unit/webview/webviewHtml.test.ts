import { describe, expect, it } from 'vitest';
import { L10N_ELEMENT_ID } from '../../../machines/l10n';
import { createNonce, renderWebviewHtml } from '../../../src/webview/webviewHtml';

describe('the webview page', () => {
  const html = renderWebviewHtml({
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/webview.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/webview.css',
    nonce: 'abc123',
    view: 'create',
    title: 'Create <PostgreSQL>',
  });

  it('allows only nonce-carrying scripts and nothing by default', () => {
    const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'nonce-abc123'");
    expect(csp).not.toContain('unsafe');
    expect(html.match(/<script /g)).toHaveLength(1);
    expect(html).toContain('<script type="module" nonce="abc123"');
  });

  it('loads nothing remote and names its view', () => {
    expect(html).not.toMatch(/https?:\/\/(?!file\+\.vscode-resource)/);
    expect(html).toContain('data-view="create"');
    expect(html).toContain('Create &lt;PostgreSQL>');
  });

  it('draws a fresh nonce each time', () => {
    expect(createNonce()).not.toBe(createNonce());
    expect(createNonce()).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });

  it('carries the display language’s translations as data that cannot end its element, and says its language; none in English', () => {
    const bundle = { 'Choose a location.': 'Standort wählen.', 'Evil': '</script><script>alert(1)</script>' };
    const translated = renderWebviewHtml({ cspSource: 'c', scriptUri: 's.js', styleUri: 's.css', nonce: 'n', view: 'create', title: 't', l10n: { language: 'de', bundle } });
    const data = new RegExp(`<script type="application/json" id="${L10N_ELEMENT_ID}">([^<]*)</script>`).exec(translated);
    expect(JSON.parse(data?.[1] ?? 'null')).toEqual(bundle);
    expect(translated).toContain('<html lang="de">');
    expect(html).toContain('<html lang="en">');
    // The module script is still the only one that runs, and nothing the bundle holds became markup.
    expect(translated.match(/<script /g)).toHaveLength(2);
    expect(translated.match(/<script type="module"/g)).toHaveLength(1);
    expect(translated).not.toContain('<script>alert');
    expect(html).not.toContain(L10N_ELEMENT_ID);
  });
});
