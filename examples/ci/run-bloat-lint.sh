#!/usr/bin/env bash
# The CI lint step both example pipelines run: configure a CMake project with
# compile_commands.json, run every bloat-* check over it with bloat-ci, write
# SARIF for code scanning, and fail only on findings not in the baseline.
#
# Usage: run-bloat-lint.sh PROJECT_DIR [BASELINE]
#   BLOAT_TIDY_DIR  checkout of bloat-tidy, already built (default: ../..)
#   BUILD_DIR       where to configure PROJECT_DIR (default: PROJECT_DIR/build-lint)
#   SARIF           output file (default: bloat.sarif)
# Exit: 0 no new findings, 1 new findings, 2 configuration or usage errors.
set -euo pipefail
project=$(cd "${1:?usage: run-bloat-lint.sh PROJECT_DIR [BASELINE]}" && pwd)
baseline=${2:-}
bloat_tidy_dir=${BLOAT_TIDY_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
build=${BUILD_DIR:-$project/build-lint}
sarif=${SARIF:-bloat.sarif}

cmake -S "$project" -B "$build" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null

args=(-p "$build" --root "$project" --sarif "$sarif")
if [ -n "$baseline" ]; then
  if [ -f "$baseline" ]; then
    args+=(--baseline "$baseline")
  else
    echo "run-bloat-lint: no baseline at $baseline yet; recording one"
    args+=(--write-baseline "$baseline")
  fi
fi
exec "$bloat_tidy_dir/tools/bloat-ci/bloat-ci" "${args[@]}"
