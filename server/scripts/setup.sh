#!/usr/bin/env bash
# Installs what `npm run demo` or `npm test` needs and is missing: npm packages,
# and Debian's prometheus (both), chromium and postgresql (tests). Safe to run again.
set -euo pipefail
mode="${1:-test}"
cd "$(dirname "$0")/../.."

log() { printf '[setup] %s\n' "$*"; }

# npm packages: install when node_modules is missing or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

need=()
command -v prometheus >/dev/null 2>&1 || need+=(prometheus)
if [ "$mode" = "test" ]; then
  [ -x /usr/bin/chromium ] || need+=(chromium)
  # The change history's integration tests start a real PostgreSQL server (server/history/testing/pg-server.ts).
  compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || need+=(postgresql)
fi

if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    log "installing Debian packages: ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    log "missing: ${need[*]}"
    log "install them with: sudo apt-get install -y --no-install-recommends ${need[*]}"
    exit 1
  fi
fi
