#!/usr/bin/env bash
# Installs what the end-to-end tests drive: Debian's chromium and code-server 4.100.3 (VS Code 1.100.3)
# from the npm registry, into .e2e/code-server. Idempotent: exits at once when both are already there.
# Nothing here downloads a browser or an editor from outside npm and apt.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
MANIFEST="$ROOT/test/e2e/code-server"
DEST="$ROOT/.e2e/code-server"
STAMP="$DEST/.installed-lock"
RG_PKG_VERSION=1.15.11   # @vscode/ripgrep pinned by code-server 4.100.3's lib/vscode shrinkwrap
RG_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

apt_ready() { dpkg -s libkrb5-dev ripgrep chromium >/dev/null 2>&1; }

# On a fresh machine unattended upgrades may hold apt's locks for minutes: wait for them (up to 10 min),
# and let apt-get wait too for the dpkg lock, in case another apt takes it just after we looked.
APT_LOCK_WAIT=600
apt_get() {
  bash "$ROOT/scripts/wait-for-apt-lock.sh" "$APT_LOCK_WAIT" \
    /var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock /var/cache/apt/archives/lock
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout="$APT_LOCK_WAIT" "$@"
}

if apt_ready && [ -x "$DEST/node_modules/.bin/code-server" ] && cmp -s "$MANIFEST/package-lock.json" "$STAMP"; then
  exit 0
fi

# kerberos headers (a native module of VS Code), ripgrep (instead of a GitHub download), the browser.
if ! apt_ready; then
  if [ "$(id -u)" != 0 ]; then
    echo "e2e setup: run as root, or install: apt-get install libkrb5-dev ripgrep chromium" >&2
    exit 1
  fi
  apt_get update
  apt_get install -y --no-install-recommends libkrb5-dev ripgrep chromium
fi

# @vscode/ripgrep's postinstall looks in this cache before downloading rg from GitHub.
CACHE="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-$RG_PKG_VERSION"
if [ ! -f "$CACHE/$RG_ASSET" ]; then
  mkdir -p "$CACHE"
  work=$(mktemp -d)
  cp "$(command -v rg)" "$work/rg"
  tar czf "$CACHE/$RG_ASSET" -C "$work" rg
  rm -rf "$work"
fi

# code-server's postinstall refuses root without unsafe_perm (npm 11 reads it from the environment only);
# node-pty's postinstall runs `npx node-gyp`, which must not stop to ask.
mkdir -p "$DEST"
cp "$MANIFEST/package.json" "$MANIFEST/package-lock.json" "$DEST/"
(cd "$DEST" && npm_config_unsafe_perm=true npm_config_yes=true npm ci --no-audit --no-fund --loglevel=error)
cp "$MANIFEST/package-lock.json" "$STAMP"
"$DEST/node_modules/.bin/code-server" --version --config /dev/null
