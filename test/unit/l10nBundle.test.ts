import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleOf, englishInJsx, extractL10nStrings, L10N_BUNDLE } from '../../scripts/l10nStrings';
import { withFiles } from '../support/filesOnDisk';

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
    const calls = ["l10n.t('One {0}', x);", 'l10n.t(`Two`);', '// l10n.t(\'Not a call\')', 'other.t(\'Not ours\');', 'l10n.t(message);', "l10n.t('One {0}', y);"];
    expect(withFiles({ 'src/a.ts': calls.join('\n') }, (dir) => extractL10nStrings(dir, ['src']))).toEqual({
      texts: ['One {0}', 'Two'],
      problems: ['src/a.ts:5: l10n.t needs its text as a literal'],
    });
  });

  it('has every word the webviews show: none is left in JSX text or a worded attribute', () => {
    expect(englishInJsx(repo)).toEqual([]);
  });

  it('finds English in JSX text and in a worded attribute, not in code, class names or translated text', () => {
    const view = [
      'export const View = () => (',
      '  <main className="form wide" aria-busy="true">',
      "    <h1>{l10n.t('Create')}</h1>",
      '    <p>',
      '      Elapsed {time}',
      '    </p>',
      "    <Field label=\"Server name\" help={l10n.t('Unique in Azure')} id=\"serverName\" />",
      '    <Fact term="Größe" value={`${n} GiB`} />',
      '    {\' · \'}',
      '  </main>',
      ');',
    ];
    const files = { 'webview-ui/View.tsx': view.join('\n'), 'webview-ui/plain.ts': "export const label = 'Not JSX';\n" };
    expect(withFiles(files, (dir) => englishInJsx(dir))).toEqual(['webview-ui/View.tsx:5: Elapsed', 'webview-ui/View.tsx:7: Server name', 'webview-ui/View.tsx:8: Größe']);
  });
});
