#!/usr/bin/env bash
# The one test command (README, .ci/run): installs what is missing, then type-checks, lints,
# runs every Vitest project and the end-to-end scenarios in a real VS Code (code-server).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh --quiet
# vite.config.ts is ESM in a CommonJS package (the extension host bundle is CommonJS); Vite warns
# about it once per project and loads it fine.
export VITE_CONFIG_NATIVE_IGNORE_WARNING=true
npm run --silent typecheck
npm run --silent lint
npx vitest run --project unit --project integration --project webview
# The e2e project's global setup packages the .vsix the scenarios install.
npx vitest run --project e2e --maxWorkers=3
