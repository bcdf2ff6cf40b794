import { afterEach, describe, expect, it } from 'vitest';
import { closeTranslatedPage, openTranslatedPage } from './support/translatedPage';

afterEach(closeTranslatedPage);

async function loadPage(bundleText?: string, language?: string) {
  await openTranslatedPage(bundleText, language);
  const l10n = await import('../../machines/l10n');
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
    const { l10n } = await loadPage(JSON.stringify({ Retry: 'Wiederholen' }), 'de');
    expect(l10n.formatNumber(5000)).toBe('5.000');
  });

  it('without one, or with one that does not parse or is no bundle, shows the English', async () => {
    for (const text of [undefined, '{not json', '["a"]', '{"Retry": 1}']) {
      const { l10n } = await loadPage(text);
      expect(l10n.t('Retry')).toBe('Retry');
    }
  });
});
