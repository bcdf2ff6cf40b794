import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { bundleOf, extractL10nStrings, L10N_BUNDLE } from './l10nStrings';

// `npm run l10n`: writes the translation template from the sources (test/unit/l10nBundle.test.ts keeps it in step).
const { texts, problems } = extractL10nStrings(process.cwd());
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
mkdirSync(dirname(L10N_BUNDLE), { recursive: true });
writeFileSync(L10N_BUNDLE, bundleOf(texts));
console.log(`${L10N_BUNDLE}: ${texts.length} texts`);
