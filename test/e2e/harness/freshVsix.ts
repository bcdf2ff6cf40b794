import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths';

const sources = ['package.json', 'src', 'machines', 'webview-ui', 'media'];

function newestMtime(path: string): number {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

/** A .vsix older than the sources it is built from would test yesterday's extension: refuse it. */
export function assertFreshVsix(vsix: string): void {
  const built = newestMtime(vsix);
  if (!built) throw new Error(`${vsix} does not exist: run \`npm run package\` first.`);
  const stale = sources.filter((source) => newestMtime(join(repoRoot, source)) > built);
  if (stale.length) throw new Error(`${vsix} is older than ${stale.join(', ')}: run \`npm run package\` again.`);
}
