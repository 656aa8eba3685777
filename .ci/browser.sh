#!/usr/bin/env bash
# Installs (if needed) Debian's Chromium and the browser driver (playwright-core, axe-core, from tests/browser's
# lock file) for the Browser test category, and prints the settings those tests read as export lines:
#
#   browser_env="$(bash .ci/browser.sh)"
#   eval "$browser_env"
#
# Safe to run again: every step checks first. Needs root for apt-get (Debian 12) and Node.js with npm.
# Progress goes to stderr, so stdout carries only the export lines.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "browser.sh: $*" >&2; }

# apt_install WHAT PACKAGE...: installs Debian packages, which needs root
apt_install() {
  local what="$1"
  shift
  if [ "$(id -u)" -ne 0 ]; then
    log "$what is missing and installing it needs root"
    exit 1
  fi
  log "installing $*"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq "$@" >&2
}

if [ ! -x /usr/bin/chromium ]; then
  apt_install Chromium chromium
fi

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  apt_install "Node.js with npm" nodejs npm
fi

if [ ! -d tests/browser/node_modules/playwright-core ] || [ ! -d tests/browser/node_modules/axe-core ] || [ ! -d tests/browser/node_modules/chart.js ]; then
  log "installing playwright-core, axe-core and the admin page's Bootstrap 4 / Font Awesome 5 (the browser download is not used: tests drive /usr/bin/chromium)"
  (cd tests/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund >&2)
fi

# the driver starts Chromium once, so a broken install fails here with its own message
/usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-background-networking --dump-dom about:blank >/dev/null 2>&1 \
  || { log "Chromium does not start headless"; exit 1; }

echo "export CUSTOMFLOWS_CHROMIUM=/usr/bin/chromium"
# in CI a missing browser is a failure, not a skipped test
echo "export CUSTOMFLOWS_REQUIRE_BROWSER=1"
