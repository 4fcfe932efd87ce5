#!/usr/bin/env bash
# The CI lint step both example pipelines run: configure a CMake project with
# compile_commands.json, run every bloat-* check over it with bloat-ci
# (whole-program, its facts cached in BUILD_DIR/.bloat-facts-cache), write
# SARIF for code scanning (and GitLab Code Quality JSON), and fail only on
# findings not in the baseline committed with the project.
#
# Usage: run-bloat-lint.sh PROJECT_DIR [BASELINE]
#   BLOAT_TIDY_DIR      checkout of bloat-tidy, already built (default: ../..)
#   BUILD_DIR           where to configure PROJECT_DIR (default: PROJECT_DIR/build-lint)
#   SARIF               SARIF output (default: bloat.sarif)
#   GITLAB_CODEQUALITY  also write GitLab Code Quality JSON here (default: none)
#   HELP_URI_BASE       absolute URL of docs/checks, for SARIF helpUri (default: none)
#   WRITE_BASELINE=1    record the current findings as BASELINE (exit 0), to
#                       commit; without it a missing BASELINE is an error
# Exit: 0 no new findings, 1 new findings, 2 errors (see docs/ci.md).
set -euo pipefail
project=$(cd "${1:?usage: run-bloat-lint.sh PROJECT_DIR [BASELINE]}" && pwd)
baseline=${2:-}
bloat_tidy_dir=${BLOAT_TIDY_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
build=${BUILD_DIR:-$project/build-lint}
sarif=${SARIF:-bloat.sarif}

cmake -S "$project" -B "$build" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null

args=(-p "$build" --root "$project" --sarif "$sarif")
if [ -n "${GITLAB_CODEQUALITY:-}" ]; then
  args+=(--gitlab-codequality "$GITLAB_CODEQUALITY")
fi
if [ -n "${HELP_URI_BASE:-}" ]; then
  args+=(--help-uri-base "$HELP_URI_BASE")
fi
if [ -n "$baseline" ]; then
  if [ "${WRITE_BASELINE:-0}" = 1 ]; then
    echo "run-bloat-lint: recording the baseline $baseline; commit it"
    args+=(--baseline "$baseline" --write-baseline "$baseline")
  elif [ ! -f "$baseline" ]; then
    # A lost baseline must not turn the step green (or red on old findings).
    echo "run-bloat-lint: error: no baseline at $baseline: record it with" \
         "WRITE_BASELINE=1 $0 $1 $baseline and commit it" >&2
    exit 2
  else
    args+=(--baseline "$baseline")
  fi
fi
exec "$bloat_tidy_dir/tools/bloat-ci/bloat-ci" "${args[@]}"
