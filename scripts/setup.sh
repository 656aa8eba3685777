#!/usr/bin/env bash
# Installs and starts what the tests need beyond the .NET SDK and prints the environment the
# tests read as export lines on stdout (progress on stderr). Idempotent: a second run only checks.
# Needs root (apt-get) on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
    echo "the .NET SDK (10.x) is required: see README.md" >&2
    exit 1
fi

# PostgreSQL for the clustered Quartz tests: installs and starts it on 127.0.0.1 and prints
# "export CUSTOMFLOWS_PG=..." on stdout; progress goes to stderr
bash .ci/postgres.sh

# Chromium and playwright-core for the Browser tests (the storefront pop-up script): prints
# "export CUSTOMFLOWS_CHROMIUM=..." on stdout
bash .ci/browser.sh
