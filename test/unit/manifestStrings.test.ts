import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every string of package.json a user reads is a `%key%` that VS Code looks up in package.nls.json
 * (and in package.nls.<language>.json once a translation exists): the manifest can be translated
 * without touching it.
 */

const root = join(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
const strings = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, unknown>;

/** The manifest fields VS Code shows to users, wherever they appear. */
const SHOWN = new Set(['displayName', 'description', 'markdownDescription', 'title', 'shortTitle', 'category', 'name', 'contextualTitle', 'contents', 'enumDescriptions', 'markdownEnumDescriptions', 'deprecationMessage', 'markdownDeprecationMessage']);

/** Each shown string in the manifest's top level and contributions, with where it is. */
function shownStrings(): { where: string; value: string }[] {
  const found: { where: string; value: string }[] = [];
  const walk = (value: unknown, where: string, field: string) => {
    if (typeof value === 'string') {
      if (SHOWN.has(field)) found.push({ where, value });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${where}[${i}]`, field));
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) walk(child, `${where}.${key}`, key);
    }
  };
  walk(manifest.displayName, 'displayName', 'displayName');
  walk(manifest.description, 'description', 'description');
  walk(manifest.contributes, 'contributes', 'contributes');
  return found;
}

const KEY = /^%([\w.-]+)%$/;

describe('the manifest’s user-facing strings', () => {
  it('are each a %key% with its English text in package.nls.json', () => {
    const found = shownStrings();
    expect(found.length).toBeGreaterThan(40);
    const inline = found.filter(({ value }) => !KEY.test(value)).map(({ where, value }) => `${where}: ${value}`);
    expect(inline).toEqual([]);
    const missing = found.map(({ value }) => KEY.exec(value)![1]).filter((key) => typeof strings[key] !== 'string' || strings[key] === '');
    expect(missing).toEqual([]);
  });

  it('leave no key in package.nls.json that the manifest does not use', () => {
    const used = new Set(shownStrings().map(({ value }) => KEY.exec(value)?.[1]));
    expect(Object.keys(strings).filter((key) => !used.has(key))).toEqual([]);
  });
});
