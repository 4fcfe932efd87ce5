#!/usr/bin/env bash
# The two steps of a sharded whole-program lint (docs/wholeprogram.md), as
# the example pipelines run them: N jobs each extract the facts of one shard
# of a CMake project's TUs, then one job merges them and reports (SARIF,
# GitLab Code Quality, the baseline), exactly as one whole run would.
#
# Usage: run-bloat-shard.sh extract PROJECT_DIR I N FACTS_DIR
#        run-bloat-shard.sh merge PROJECT_DIR BASELINE FACTS_DIR...
#   BLOAT_TIDY_DIR      checkout of bloat-tidy, already built (default: ../..)
#   BUILD_DIR           where to configure PROJECT_DIR (default: PROJECT_DIR/build-lint);
#                       its .bloat-facts-cache is the per-TU facts cache
#   SARIF, GITLAB_CODEQUALITY, HELP_URI_BASE, WRITE_BASELINE: as run-bloat-lint.sh
# Every job must see the project at the same absolute path (the facts name
# files by it); both CI services check out every job of a pipeline at the
# same path.
# Exit: 0 no new findings, 1 new findings, 2 errors (see docs/ci.md).
set -euo pipefail
usage="usage: run-bloat-shard.sh extract PROJECT_DIR I N FACTS_DIR | merge PROJECT_DIR BASELINE FACTS_DIR..."
step=${1:?$usage}
case "$step" in
  extract|merge) ;;
  *) echo "$usage" >&2; exit 2 ;;
esac
project=$(cd "${2:?$usage}" && pwd)
bloat_tidy_dir=${BLOAT_TIDY_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
bloat_ci=$bloat_tidy_dir/tools/bloat-ci/bloat-ci

case "$step" in
  extract)
    [ $# -eq 5 ] || { echo "$usage" >&2; exit 2; }
    build=${BUILD_DIR:-$project/build-lint}
    cmake -S "$project" -B "$build" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
    exec "$bloat_ci" -p "$build" --shard "$3/$4" --facts-out "$5"
    ;;
  merge)
    [ $# -ge 4 ] || { echo "$usage" >&2; exit 2; }
    baseline=$3
    shift 3
    args=(--merge "$@" --root "$project" --sarif "${SARIF:-bloat.sarif}")
    if [ -n "${GITLAB_CODEQUALITY:-}" ]; then
      args+=(--gitlab-codequality "$GITLAB_CODEQUALITY")
    fi
    if [ -n "${HELP_URI_BASE:-}" ]; then
      args+=(--help-uri-base "$HELP_URI_BASE")
    fi
    if [ "${WRITE_BASELINE:-0}" = 1 ]; then
      echo "run-bloat-shard: recording the baseline $baseline; commit it"
      args+=(--baseline "$baseline" --write-baseline "$baseline")
    elif [ ! -f "$baseline" ]; then
      # A lost baseline must not turn the step green (or red on old findings).
      echo "run-bloat-shard: error: no baseline at $baseline: record it with" \
           "WRITE_BASELINE=1 and commit it" >&2
      exit 2
    else
      args+=(--baseline "$baseline")
    fi
    exec "$bloat_ci" "${args[@]}"
    ;;
esac
