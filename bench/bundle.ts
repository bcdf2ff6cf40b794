import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * What a user downloads and what the extension host parses: the shipped (minified) bundles and
 * .vsix, built fresh by `npm run package`, against the same entry bundled without minifying.
 */
export async function runBundleBench(print: (line: string) => void): Promise<Record<string, number>> {
  print('\n# bundle');
  execFileSync('npm', ['run', '--silent', 'package'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const size = (file: string) => statSync(file).size;
  const shipped = size('dist/extension.js');
  const dir = mkdtempSync(join(tmpdir(), 'pgflex-bench-bundle-'));
  try {
    await build({
      entryPoints: ['src/extension.ts'], bundle: true, platform: 'node', format: 'cjs', target: 'node20',
      external: ['vscode'], outfile: join(dir, 'extension.js'), logLevel: 'silent',
    });
    const unminified = size(join(dir, 'extension.js'));
    const figures = {
      extensionBundleBytes: shipped,
      extensionBundleBytesUnminified: unminified,
      extensionBundleRatioVsUnminified: Number((unminified / shipped).toFixed(2)),
      webviewBundleBytes: size('dist/webview/webview.js') + size('dist/webview/webview.css'),
      vsixBytes: size('dist/pgflex.vsix'),
    };
    print(`extension.js ${kib(shipped)} (unminified ${kib(unminified)}), webview ${kib(figures.webviewBundleBytes)}, .vsix ${kib(figures.vsixBytes)}`);
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KiB`;
}
