#!/usr/bin/env bash
# Installs code-server (a full VS Code: server + workbench, from npm) into .cache/code-server/
# for the end-to-end test in test/e2e/vscode/. It is installed on demand, not as a devDependency,
# because it costs ~300 MB and a minute that every `npm ci` would otherwise pay (the same reason
# @vscode/test-electron keeps VS Code in .vscode-test/).
#
# Offline facts this script relies on (see shared notes "real-editors-offline"):
# - code-server 4.100.3 (VS Code 1.100.3) is the last release that runs on Node 20.
# - As root its postinstall refuses to run without npm_config_unsafe_perm, and node-pty's
#   postinstall runs `npx node-gyp`, which must not prompt (npm_config_yes).
# - The `kerberos` module builds from source against Debian's libkrb5-dev.
# - @vscode/ripgrep's postinstall downloads rg from GitHub, which is unreachable; it takes the
#   tarball from $TMPDIR/vscode-ripgrep-cache-<version>/ when one is there, so we put Debian's
#   rg into a tarball of the expected name first.
# - The UI test drives Debian's chromium (never a browser downloaded by Playwright).
set -euo pipefail

CODE_SERVER_VERSION="4.100.3"
RIPGREP_PACKAGE_VERSION="1.15.11"   # @vscode/ripgrep pinned by code-server 4.100.3
RIPGREP_ASSET="ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
install_dir="$repo_root/.cache/code-server"
binary="$install_dir/node_modules/.bin/code-server"

log() { printf '[install-code-server] %s\n' "$*" >&2; }

apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# --no-chromium: for callers that only run code-server (npm start, the packaging check), not a
# browser against it.
need_chromium=1
[ "${1:-}" = "--no-chromium" ] && need_chromium=0

missing_debs=()
if [ "$need_chromium" = 1 ]; then
  dpkg -s chromium >/dev/null 2>&1 || missing_debs+=(chromium)
fi
if [ -x "$binary" ] && "$binary" --version 2>/dev/null | grep -q "^$CODE_SERVER_VERSION"; then
  if [ "${#missing_debs[@]}" -gt 0 ]; then
    log "installing Debian packages: ${missing_debs[*]}"
    apt_install "${missing_debs[@]}"
  fi
  log "code-server $CODE_SERVER_VERSION already in $install_dir"
  exit 0
fi

dpkg -s libkrb5-dev >/dev/null 2>&1 || missing_debs+=(libkrb5-dev)
command -v rg >/dev/null 2>&1 || missing_debs+=(ripgrep)
if [ "${#missing_debs[@]}" -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    log "missing Debian packages (${missing_debs[*]}); run as root or install them first"
    exit 1
  fi
  log "installing Debian packages: ${missing_debs[*]}"
  apt_install "${missing_debs[@]}"
fi

started=$SECONDS
work_tmp="$(mktemp -d)"
trap 'rm -rf "$work_tmp"' EXIT

# The ripgrep tarball @vscode/ripgrep would download, made from Debian's rg.
rg_cache="$work_tmp/vscode-ripgrep-cache-$RIPGREP_PACKAGE_VERSION"
mkdir -p "$rg_cache/stage"
cp "$(command -v rg)" "$rg_cache/stage/rg"
tar -czf "$rg_cache/$RIPGREP_ASSET" -C "$rg_cache/stage" rg

rm -rf "$install_dir"
mkdir -p "$install_dir"
# A package.json of its own so npm treats this folder as the project root and never touches
# the repository's package.json or lockfile.
printf '{\n  "name": "crmplan-code-server-cache",\n  "private": true\n}\n' >"$install_dir/package.json"

log "installing code-server@$CODE_SERVER_VERSION (about a minute)"
(
  cd "$install_dir"
  TMPDIR="$work_tmp" \
  npm_config_unsafe_perm=true \
  npm_config_yes=true \
  npm install --no-audit --no-fund --omit=dev --loglevel=error "code-server@$CODE_SERVER_VERSION"
)

if ! "$binary" --version >/dev/null 2>&1; then
  log "code-server did not install: $binary --version fails"
  exit 1
fi
log "installed $("$binary" --version | head -n1) in $((SECONDS - started)) s"
