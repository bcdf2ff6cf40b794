// @vscode/test-cli: runs test/vscode/ in a desktop VS Code it downloads (needs a network), with this
// folder as the extension under development. `npm run test:vscode` builds both first.
import { defineConfig } from '@vscode/test-cli';

export default defineConfig({
  label: 'desktop',
  files: 'out/test/vscode/**/*.test.js',
  version: 'stable',
  launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
  mocha: { ui: 'tdd', timeout: 60_000 },
});
