import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  document.getElementById('pgflex-l10n')?.remove();
  document.documentElement.lang = '';
  vi.resetModules();
});

async function loadPage(bundleText?: string) {
  if (bundleText !== undefined) {
    const element = document.createElement('script');
    element.type = 'application/json';
    element.id = 'pgflex-l10n';
    element.textContent = bundleText;
    document.body.append(element);
  }
  vi.resetModules();
  const l10n = await import('../../machines/l10n');
  await import('../../webview-ui/l10nBundle');
  // A module that defines its text as it loads, as a webview component's schema does.
  const { createServerRequestSchema } = await import('../../machines/flexDeployment/createServerRequest');
  return { l10n, createServerRequestSchema };
}

describe('a webview page with the display language’s bundle', () => {
  it('translates the text machines/ builds, messages defined as modules load included', async () => {
    const { l10n, createServerRequestSchema } = await loadPage(JSON.stringify({ 'Choose a location.': 'Standort wählen.', 'Provisioning {0} failed': 'Bereitstellung von {0} fehlgeschlagen' }));
    expect(l10n.t('Provisioning {0} failed', 'pg-1')).toBe('Bereitstellung von pg-1 fehlgeschlagen');
    const parsed = createServerRequestSchema.safeParse({ location: '' });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('Standort wählen.');
  });

  it("writes numbers as the page's language does, once its bundle is in use", async () => {
    document.documentElement.lang = 'de';
    const { l10n } = await loadPage(JSON.stringify({ Retry: 'Wiederholen' }));
    expect(l10n.formatNumber(5000)).toBe('5.000');
  });

  it('without one, or with one that does not parse or is no bundle, shows the English', async () => {
    for (const text of [undefined, '{not json', '["a"]', '{"Retry": 1}']) {
      const { l10n } = await loadPage(text);
      expect(l10n.t('Retry')).toBe('Retry');
      document.getElementById('pgflex-l10n')?.remove();
    }
  });
});
