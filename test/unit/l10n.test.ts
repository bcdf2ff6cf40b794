import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import * as l10n from '../../machines/l10n';

afterEach(() => l10n.useBundle(undefined));

describe('l10n.t: the English text is the key', () => {
  it('without a bundle, gives the text with its arguments in place; a missing argument stays as written', () => {
    expect(l10n.t("Server '{0}' is ready", 'pg-1')).toBe("Server 'pg-1' is ready");
    expect(l10n.t('{1} of {0}', 3, 'two')).toBe('two of 3');
    expect(l10n.t('{0} and {1}', 'one')).toBe('one and {1}');
    // Ten arguments and more: {10} is the eleventh, not the second followed by a 0.
    const args = Array.from({ length: 11 }, (_, i) => `a${i}`);
    expect(l10n.t('{1}/{10}', ...args)).toBe('a1/a10');
  });

  it("with a bundle, gives the translation of a text it has, and the English of one it has not (nor Object's own keys)", () => {
    l10n.useBundle(JSON.parse('{"Server \'{0}\' is ready": "Le serveur « {0} » est prêt"}') as l10n.L10nBundle);
    expect(l10n.t("Server '{0}' is ready", 'pg-1')).toBe('Le serveur « pg-1 » est prêt');
    expect(l10n.t('Retry')).toBe('Retry');
    expect(l10n.t('constructor')).toBe('constructor');
    expect(l10n.t('toString')).toBe('toString');
  });

  it('puts an argument in as it is: placeholders inside it are not filled again', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (first, second) => {
        expect(l10n.t('{0}|{1}', first, second)).toBe(`${first}|${second}`);
      }),
    );
  });
});

describe('l10n.bundleFrom: a bundle from a page', () => {
  it('is an object whose values are all text; anything else is no bundle', () => {
    expect(l10n.bundleFrom({ Retry: 'Wiederholen' })).toEqual({ Retry: 'Wiederholen' });
    for (const json of [null, 'Retry', ['Retry'], { Retry: 1 }, { Retry: { nested: 'x' } }, { Retry: 'Wiederholen', Dismiss: 2 }]) expect(l10n.bundleFrom(json)).toBeUndefined();
  });
});


describe('numbers and times: written as the text is', () => {
  const GERMAN = { Retry: 'Wiederholen' };
  // Local time: what is written does not depend on the machine's time zone.
  const at = new Date(2026, 0, 1, 15, 4, 30).getTime();

  it('in English without a bundle, whatever the display language', () => {
    for (const language of [undefined, 'de']) {
      l10n.useBundle(undefined, language);
      expect(l10n.formatNumber(5000)).toBe('5,000');
      expect(l10n.formatNumber(1234.5, { style: 'currency', currency: 'USD' })).toBe('$1,234.50');
      expect(l10n.formatTime(at)).toMatch(/^3:04:30\sPM$/);
    }
  });

  it("in the display language's way once its translations are in use", () => {
    l10n.useBundle(GERMAN, 'de');
    expect(l10n.formatNumber(5000)).toBe('5.000');
    expect(l10n.formatNumber(1234.5, { style: 'currency', currency: 'USD' })).toMatch(/^1\.234,50\s\$$/);
    expect(l10n.formatTime(at)).toBe('15:04:30');
    expect(l10n.formatDateTime(new Date(at).toISOString())).toBe('1.1.2026, 15:04:30');
    expect(l10n.formatDateTime(at)).toBe('1.1.2026, 15:04:30');
  });

  it('in English when the display language is no language tag, or one Intl lacks, rather than failing', () => {
    for (const language of ['###', '', 'de_DE!', 'qaa']) {
      l10n.useBundle(GERMAN, language);
      expect(l10n.formatNumber(5000)).toBe('5,000');
    }
  });
});
