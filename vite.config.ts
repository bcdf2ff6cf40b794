/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';

const AZUREAUTH = '@microsoft/vscode-azext-azureauth';

// One config serves two jobs: `vite build` bundles the webviews (one entry, fixed file names so the
// host can point its CSP-guarded <script> at them), and Vitest runs every suite through projects.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist/webview',
    emptyOutDir: true,
    sourcemap: false,
    rollupOptions: {
      input: 'webview-ui/main.tsx',
      output: {
        entryFileNames: 'webview.js',
        assetFileNames: 'webview[extname]',
        chunkFileNames: 'webview-[name].js',
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          // The model-based and crash properties take seconds on a quiet machine; on a loaded one
          // (CI's two cores beside another process) 5 s is not a bound any of them asserts.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          environment: 'node',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          server: { deps: { inline: [AZUREAUTH] } },
        },
        // vscode-azext-azureauth's ES module build, loaded through Vitest rather than Node, so that
        // its `import 'vscode'` reaches the fake VS Code authentication of the sign-in tests
        // (vi.mock does not reach a `require` that Node runs). Its files name source maps it does
        // not ship: they are read without that line, or every run warns about each file.
        resolve: { alias: [{ find: new RegExp(`^${AZUREAUTH}$`), replacement: `${AZUREAUTH}/dist/esm/src/index.js` }] },
        plugins: [
          {
            name: 'azureauth-without-missing-source-maps',
            load: (id: string) => (id.includes(`/${AZUREAUTH}/dist/esm/`) ? readFileSync(id, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, '') : null),
          },
        ],
      },
      {
        extends: true,
        test: {
          name: 'webview',
          environment: 'jsdom',
          include: ['test/webview/**/*.test.tsx'],
          // A whole form rendered, filled and reviewed in jsdom takes a few seconds on a loaded
          // machine: as for the unit tests, no test here asserts a time.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/e2e/globalSetup.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          // A scenario mostly waits (on its sandbox's simulated Azure, on the workbench): several
          // run side by side, each with its own sandbox, code-server and browser on free ports.
          fileParallelism: true,
          // Each look at the workbench runs script in its renderer, and the scenarios beside it share
          // the CPU: a look every half second instead of Vitest's 50 ms default.
          expect: { poll: { interval: 500 } },
        },
      },
    ],
  },
});
