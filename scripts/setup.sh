#!/usr/bin/env bash
# Installs and starts what the tests need beyond the .NET SDK. Idempotent: a second run only
# checks. Needs root (apt-get) on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
    echo "the .NET SDK (10.x) is required: see README.md" >&2
    exit 1
fi

# PostgreSQL for the clustered Quartz tests (writes the connection string to .ci/env)
if [ -f .ci/postgres.sh ]; then
    bash .ci/postgres.sh
fi
