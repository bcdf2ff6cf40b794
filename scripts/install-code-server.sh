#!/usr/bin/env bash
# Installs code-server (a real VS Code served to a browser) into .harness/code-server, once.
# Its own postinstall downloads ripgrep from GitHub, which this network refuses, so every package
# is installed with --ignore-scripts and the native modules are rebuilt by hand against Debian's
# build packages (see shared/notes/real-vscode-here.md). A stamp records the version and the Node
# ABI it was built for; a later run with a matching stamp only checks and returns.
set -euo pipefail
cd "$(dirname "$0")/.."

version=4.100.3
harness=.harness
dir=$harness/code-server
log=$harness/code-server-install.log
stamp=$dir/.installed
want="code-server $version node-abi $(node -p process.versions.modules)"

installed() { [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$dir/node_modules/.bin/code-server" ]; }
# `--check`: exit 0 when it is installed for this Node, 1 when it is not; install nothing.
if [ "${1:-}" = "--check" ]; then installed; exit; fi
if installed; then exit 0; fi

fail() { printf 'install-code-server: %s\n' "$*" >&2; exit 1; }

for tool in rg pkg-config make g++ python3; do
  command -v "$tool" >/dev/null || fail "missing '$tool' (scripts/install.sh installs the Debian packages it needs)"
done
[ -x /usr/bin/rg ] || fail "code-server's search needs ripgrep at /usr/bin/rg (apt-get install ripgrep)"

current=""
step() {
  current=$1; shift
  printf '== code-server: %s\n' "$current"
  printf '\n== %s\n' "$current" >>"$log"
  "$@" >>"$log" 2>&1 || {
    printf 'install-code-server: step "%s" failed; last lines of %s:\n' "$current" "$log" >&2
    tail -n 25 "$log" >&2
    exit 1
  }
}

# A half-finished earlier run is not worth repairing: start from nothing.
rm -rf "$dir"
mkdir -p "$dir"
: >"$log"
abs_dir=$(cd "$dir" && pwd)
cs=$abs_dir/node_modules/code-server
vs=$cs/lib/vscode
# The native modules VS Code's server loads on Linux (the Windows-only ones are left alone).
linux_native=kerberos,native-watchdog,node-pty,@vscode/deviceid,@vscode/ripgrep,@vscode/spdlog,@parcel/watcher

step "npm install code-server@$version (scripts off)" \
  npm install --prefix "$abs_dir" --no-save --no-audit --no-fund --ignore-scripts "code-server@$version"
step "npm install lib/vscode production modules (scripts off)" \
  bash -c "cd '$vs' && npm install --omit=dev --no-audit --no-fund --ignore-scripts"
step "point @vscode/ripgrep at /usr/bin/rg" \
  bash -c "mkdir -p '$vs/node_modules/@vscode/ripgrep/bin' && ln -sf /usr/bin/rg '$vs/node_modules/@vscode/ripgrep/bin/rg'"
# npm 11 runs a dependency's install script only when allowScripts names it; older npm ignores
# the line. node-pty's build calls `npx node-gyp` (needs yes=true); root needs unsafe-perm.
step "npm rebuild lib/vscode native modules" \
  bash -c "cd '$vs' && echo 'allow-scripts=$linux_native' >>.npmrc \
    && npm_config_yes=true npm_config_unsafe_perm=true npm rebuild"
step "link node_modules.asar, remote-cli and helpers" \
  bash -c "cd '$vs' && ln -sfn node_modules node_modules.asar \
    && ln -sf code-linux.sh bin/remote-cli/code-server \
    && ln -sf browser-linux.sh bin/helpers/browser.sh"
step "npm install built-in extensions' modules (scripts off)" \
  bash -c "cd '$vs/extensions' && npm install --omit=dev --no-audit --no-fund --ignore-scripts"
step "npm rebuild argon2" \
  bash -c "cd '$abs_dir' && echo 'allow-scripts=argon2' >.npmrc \
    && npm_config_yes=true npm_config_unsafe_perm=true npm rebuild argon2"
step "check that the native modules load" \
  bash -c "cd '$vs' && node -e \"for (const m of ['node-pty', '@vscode/spdlog', 'native-watchdog', 'kerberos']) require(m)\" \
    && cd '$abs_dir' && node -e \"require('argon2')\""
step "check that code-server starts" \
  env XDG_CONFIG_HOME="$abs_dir/.config" "$dir/node_modules/.bin/code-server" --version

printf '%s\n' "$want" >"$stamp"
printf '== code-server %s ready in %s\n' "$version" "$dir"
