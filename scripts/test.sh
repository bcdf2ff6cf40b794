#!/usr/bin/env bash
# The one test command (README, .ci/run): installs what is missing, then type-checks, lints,
# runs every Vitest project and the end-to-end scenarios in a real VS Code (code-server).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh --quiet --without-code-server
# Only the e2e stage needs code-server: on a fresh machine it installs (minutes, mostly npm and
# compiling its native modules) while the type check, the lint and the other projects run.
harness_log=$(mktemp)
# In a process group of its own, so that a failed stage stops the whole install with it.
setsid scripts/install-code-server.sh >"$harness_log" 2>&1 &
harness=$!
trap 'kill -- -"$harness" 2>/dev/null || true; kill $(jobs -p) 2>/dev/null || true; rm -f "$harness_log"' EXIT
# vite.config.ts is ESM in a CommonJS package (the extension host bundle is CommonJS); Vite warns
# about it once per project and loads it fine.
export VITE_CONFIG_NATIVE_IGNORE_WARNING=true
# The type check and the lint each keep one core busy: side by side.
npm run --silent typecheck &
typecheck=$!
npm run --silent lint &
lint=$!
wait "$typecheck"
wait "$lint"
# Vitest's default on two cores is one file at a time, and many of these files mostly wait (on
# the sandbox's simulated Azure, on files): three at a time (371 s → 195 s here, quiet).
npx vitest run --project unit --project integration --project webview --maxWorkers=3
if ! wait "$harness"; then
  cat "$harness_log" >&2
  exit 1
fi
# The e2e project's global setup packages the .vsix the scenarios install.
npx vitest run --project e2e --maxWorkers=3
