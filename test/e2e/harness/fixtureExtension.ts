import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './paths';

/** Packages a fixture extension of test/e2e/fixtures/ into `outDir` and returns the .vsix path. */
export function packageFixtureExtension(name: string, outDir: string): string {
  const vsix = join(outDir, `${name}.vsix`);
  execFileSync(join(repoRoot, 'node_modules/.bin/vsce'),
    ['package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '-o', vsix],
    { cwd: join(repoRoot, 'test/e2e/fixtures', name), stdio: 'ignore' });
  return vsix;
}
