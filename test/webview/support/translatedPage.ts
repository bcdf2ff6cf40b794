import { vi } from 'vitest';
import { L10N_ELEMENT_ID } from '../../../machines/l10n';

/**
 * The page as the host writes it for a display language (`src/webview/webviewHtml.ts`): its bundle
 * as data (the text as given, parsed or not) and its `lang`; then, as main.tsx does first, the
 * bundle applied. Modules imported after this are fresh, so text they define as they load is
 * translated.
 */
export async function openTranslatedPage(bundleText: string | undefined, language = ''): Promise<void> {
  closeTranslatedPage();
  if (bundleText !== undefined) {
    const element = document.createElement('script');
    element.type = 'application/json';
    element.id = L10N_ELEMENT_ID;
    element.textContent = bundleText;
    document.body.append(element);
  }
  document.documentElement.lang = language;
  await import('../../../webview-ui/l10nBundle');
}

/** Takes back what openTranslatedPage wrote, and the modules it loaded. */
export function closeTranslatedPage(): void {
  document.getElementById(L10N_ELEMENT_ID)?.remove();
  document.documentElement.lang = '';
  vi.resetModules();
}
