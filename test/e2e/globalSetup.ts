import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './harness/paths';

/**
 * Once per e2e run: make sure code-server is installed (a stamp check when it is) and package the
 * extension from the sources as they are now, so every scenario installs the same fresh .vsix.
 */
export default function setup(): void {
  execFileSync(join(repoRoot, 'scripts/install-code-server.sh'), { cwd: repoRoot, stdio: 'inherit' });
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
}
