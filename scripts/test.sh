#!/usr/bin/env bash
# The test command of README.md: sets up what the tests need on a fresh Debian 12 machine
# (PostgreSQL for the cluster tests), runs every test project, and ends with the plain line
# "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT

if ! setup_env="$(bash scripts/setup.sh)"; then
    echo "setup failed: see the lines above"
    echo "0 passed, 1 failed"
    exit 1
fi
# setup prints export lines (the PostgreSQL connection string of the cluster tests)
eval "$setup_env"

# the committed builder bundle must be the build of its source (esbuild is deterministic at a pinned version)
if ! bash scripts/build-builder.sh --check; then
    echo "the flow builder bundle is stale: see the line above"
    echo "0 passed, 1 failed"
    exit 1
fi

results=$(mktemp -d)
dotnet test Nop.Plugin.Misc.CustomFlows.sln -c Release --logger "console;verbosity=normal" --logger trx --results-directory "$results" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# every test assembly writes a .trx file; its Counters element holds the totals
read -r passed failed skipped < <(cat "$results"/*.trx 2>/dev/null \
    | grep -o '<Counters [^>]*>' \
    | sed -E 's/.* passed="([0-9]+)" failed="([0-9]+)" error="([0-9]+)" timeout="([0-9]+)" aborted="([0-9]+)" inconclusive="([0-9]+)".* notExecuted="([0-9]+)".*/\1 \2 \3 \4 \5 \6 \7/' \
    | awk '{p+=$1; f+=$2+$3+$4+$5; s+=$6+$7} END {print p+0, f+0, s+0}')
rm -rf "$results"

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    # the build or a test host failed before any test could report
    failed=1
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
