#!/usr/bin/env bash
# Installs TaskJuggler (Debian's package `tj3`, TaskJuggler 3.7) for the comparison test in
# test/taskjuggler/: tj3 schedules the files `crmplan export --format tjp` writes, and the test
# compares its dates with crmplan's. Nothing is installed when `tj3` is already on PATH.
#
# CI runs on a clean machine, so this script installs the package itself, as the other test
# scripts install theirs (chromium, neovim): apt-get as root, with one `apt-get update` and a
# retry when the package lists are missing or stale.
set -euo pipefail

log() { printf '[install-taskjuggler] %s\n' "$*" >&2; }

if command -v tj3 >/dev/null 2>&1; then
  log "tj3 already installed: $(tj3 --version 2>/dev/null | grep -m1 -i 'taskjuggler' || command -v tj3)"
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  log "tj3 not found; install Debian's package as root first: apt-get install -y tj3"
  exit 1
fi

apt_install() {
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tj3 >/dev/null
}

started=$SECONDS
log "installing Debian package tj3"
if ! apt_install; then
  log "apt-get install failed; running apt-get update and retrying"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  apt_install
fi

if ! command -v tj3 >/dev/null 2>&1; then
  log "tj3 did not install: it is not on PATH after apt-get install -y tj3"
  exit 1
fi
log "installed $(tj3 --version 2>/dev/null | grep -m1 -i 'taskjuggler' || echo tj3) in $((SECONDS - started)) s"
