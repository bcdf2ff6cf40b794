#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian machine, idempotently: a second run
# only checks. Debian packages first (the browser, PostgreSQL for password-auth tests, the build
# packages code-server's native modules need), then npm packages, then the VS Code harness.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'install: %s\n' "$*" >&2; exit 1; }

apt_packages=(chromium postgresql libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep openssl)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  step "Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq || fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    || fail "apt-get install ${missing[*]} failed"
fi

stamp=node_modules/.install-stamp
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  step "npm packages"
  npm ci --no-audit --no-fund || fail "npm ci failed"
  touch "$stamp"
fi

if [ -x scripts/install-code-server.sh ]; then
  scripts/install-code-server.sh || fail "code-server harness install failed"
fi
