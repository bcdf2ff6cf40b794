/**
 * User-facing text, translatable without touching code: `l10n.t("Server '{0}' is ready", name)`.
 * The English text is the key, as with `vscode.l10n.t`, so the same call works in the extension
 * host, in a webview and in a test. The host hands this module the bundle VS Code loaded for the
 * display language (`vscode.l10n.bundle`; src/l10nBundle.ts); a webview gets it from the host.
 * `{0}`, `{1}`… are the arguments; a missing one is left as written.
 */

export type L10nBundle = Readonly<Record<string, string>>;

/** Where a webview's page keeps its bundle, written by the host and read by the page: data, never run. */
export const L10N_ELEMENT_ID = 'pgflex-l10n';

let bundle: L10nBundle | undefined;
/** The language the text shows in: numbers and times are written as it writes them. */
let textLanguage = 'en';

/**
 * Translations from now on, for the display language `language` (a BCP 47 tag, as VS Code names
 * it); undefined (the display language is English, or nothing is translated) leaves the text as
 * written, and numbers and times English too, so a sentence never mixes two languages' ways.
 */
export function useBundle(contents: L10nBundle | undefined, language?: string): void {
  bundle = contents;
  textLanguage = (contents && language && supportedLocale(language)) || 'en';
}

/** The tag as Intl writes it; undefined for a language Intl lacks (it would fall back to the machine's). */
function supportedLocale(tag: string): string | undefined {
  try {
    return Intl.NumberFormat.supportedLocalesOf(tag)[0];
  } catch {
    // Not a language tag at all: Intl refuses it, and there is no locale to give.
  }
}

/** 5000 → "5,000" in English, "5.000" in German; `options` as Intl.NumberFormat takes them (a currency). */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(textLanguage, options).format(value);
}

/** A clock time in the text's language: "10:04:30 AM", "10:04:30"; `when` as epoch ms or an ISO date. */
export function formatTime(when: number | string): string {
  return new Date(when).toLocaleTimeString(textLanguage);
}

/** A date and time in the text's language; `when` as epoch ms or an ISO date. */
export function formatDateTime(when: number | string): string {
  return new Date(when).toLocaleString(textLanguage);
}

/** A bundle as parsed from untrusted JSON (a webview's page): only an object of strings is one. */
export function bundleFrom(json: unknown): L10nBundle | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  return Object.values(json).every((text) => typeof text === 'string') ? (json as L10nBundle) : undefined;
}

export function t(message: string, ...args: readonly (string | number)[]): string {
  // An own entry only: a bundle parsed from JSON still answers `constructor` from Object's prototype.
  const text = bundle && Object.hasOwn(bundle, message) ? bundle[message] : message;
  return text.replace(/\{(\d+)\}/g, (placeholder, index: string) => {
    const arg = args[Number(index)];
    return arg === undefined ? placeholder : String(arg);
  });
}
