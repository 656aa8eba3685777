#!/usr/bin/env bash
# Builds the flow builder bundle Nop.Plugin.Misc.CustomFlows/Content/builder/builder.js + builder.css from
# ClientApp/builder (npm ci with its lock file, then esbuild at the pinned version). The bundle is committed,
# so `dotnet build` needs no Node.
#
#   bash scripts/build-builder.sh           rebuild the committed files
#   bash scripts/build-builder.sh --check   build into a temporary folder and fail when it differs from them
#
# esbuild's output depends only on its version and the source (no timestamps, no paths), so a difference
# means the committed bundle is stale: run the first form and commit.
set -euo pipefail
cd "$(dirname "$0")/.."

source_dir=Nop.Plugin.Misc.CustomFlows/ClientApp/builder
committed=Nop.Plugin.Misc.CustomFlows/Content/builder

(cd "$source_dir" && npm ci --no-audit --no-fund --loglevel=error >&2)

target="$committed"
if [ "${1:-}" = "--check" ]; then
  target=$(mktemp -d)
  trap 'rm -rf "$target"' EXIT
fi

"$source_dir/node_modules/.bin/esbuild" "$source_dir/src/main.js" --bundle --minify --format=iife --target=es2020 \
  --charset=utf8 --legal-comments=none --log-level=warning --outfile="$target/builder.js"

if [ "${1:-}" = "--check" ]; then
  for file in builder.js builder.css; do
    if ! cmp -s "$target/$file" "$committed/$file"; then
      echo "build-builder.sh: $committed/$file is not the build of ClientApp/builder: run bash scripts/build-builder.sh and commit" >&2
      exit 1
    fi
  done
  echo "build-builder.sh: the committed bundle is the build of its source" >&2
else
  ls -l "$committed"/builder.js "$committed"/builder.css >&2
fi
