#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian machine, idempotently: a second run
# only checks. Debian packages first (the browser, PostgreSQL for password-auth tests, the build
# packages code-server's native modules need), then npm packages, then the VS Code harness.
# `--quiet` (npm start, npm test): print a step only when it installs something, and no summary.
# `--without-code-server` (npm test): stop before the VS Code harness, which the test command
# installs beside its first stages.
set -euo pipefail
cd "$(dirname "$0")/.."

quiet=false
harness=true
for option in "$@"; do
  case $option in
    --quiet) quiet=true ;;
    --without-code-server) harness=false ;;
    *) printf 'install: unknown option %s\n' "$option" >&2; exit 2 ;;
  esac
done

fail() { printf 'install: %s\n' "$*" >&2; exit 1; }
started=$(date +%s%N)
seconds_since() { awk -v a="$1" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f s", (b - a) / 1e9 }'; }
# One line per step: what it is about, what it found or did, and how long it took.
report() {
  local what=$1 outcome=$2 since=$3 did=$4
  if ! $quiet || $did; then printf '%-62s %s (%s)\n' "$what" "$outcome" "$(seconds_since "$since")"; fi
}

apt_packages=(chromium postgresql libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep openssl)
what="Debian packages (browser, PostgreSQL, native build deps)"
since=$(date +%s%N)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  printf '%s: installing %s…\n' "$what" "${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq || fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    || fail "apt-get install ${missing[*]} failed"
  report "$what" "installed ${#missing[@]} of ${#apt_packages[@]}" "$since" true
else
  report "$what" "all ${#apt_packages[@]} present" "$since" false
fi

what="npm packages (package-lock.json)"
since=$(date +%s%N)
stamp=node_modules/.install-stamp
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  printf '%s: npm ci…\n' "$what"
  npm ci --no-audit --no-fund || fail "npm ci failed"
  touch "$stamp"
  report "$what" "installed" "$since" true
else
  report "$what" "up to date" "$since" false
fi

what="code-server (the real VS Code the tests and npm start drive)"
since=$(date +%s%N)
if ! $harness; then
  :
elif scripts/install-code-server.sh --check; then
  report "$what" "present" "$since" false
else
  printf '%s: installing…\n' "$what"
  scripts/install-code-server.sh || fail "code-server harness install failed"
  report "$what" "installed" "$since" true
fi

$quiet || printf 'Ready in %s: `npm start` runs the extension, `npm test` runs the tests.\n' "$(seconds_since "$started")"
