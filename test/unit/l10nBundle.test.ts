import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleOf, extractL10nStrings, L10N_BUNDLE } from '../../scripts/l10nStrings';

const repo = join(__dirname, '..', '..');

describe('the translation template', () => {
  it('holds every text the host gives l10n.t, and nothing else: npm run l10n writes it', () => {
    const { texts, problems } = extractL10nStrings(repo);
    expect(problems).toEqual([]);
    expect(readFileSync(join(repo, L10N_BUNDLE), 'utf8')).toBe(bundleOf(texts));
    expect(texts.length).toBeGreaterThan(300);
  });

  it('is shipped, and VS Code is told where: package.json names the folder, the .vsix keeps it', () => {
    const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { l10n?: string };
    expect(manifest.l10n).toBe('./l10n');
    expect(readFileSync(join(repo, '.vscodeignore'), 'utf8').split('\n')).toContain('!l10n/**');
  });

  it('reads texts from the syntax tree, and names a call whose text is not a literal', () => {
    const dir = mkdtempSync(join(tmpdir(), 'l10n-'));
    try {
      mkdirSync(join(dir, 'src'));
      writeFileSync(
        join(dir, 'src', 'a.ts'),
        ["l10n.t('One {0}', x);", 'l10n.t(`Two`);', '// l10n.t(\'Not a call\')', 'other.t(\'Not ours\');', 'l10n.t(message);', "l10n.t('One {0}', y);"].join('\n'),
      );
      expect(extractL10nStrings(dir, ['src'])).toEqual({ texts: ['One {0}', 'Two'], problems: ['src/a.ts:5: l10n.t needs its text as a literal'] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
