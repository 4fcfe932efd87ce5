#!/usr/bin/env bash
# Builds bloat-tidy, then runs every bloat-* check on the leaky clicker game
# (examples/clicker) and on its fixed version (examples/clicker-fixed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

run() {
  echo
  echo "== bloat-tidy -checks='-*,bloat-*' $*"
  build/bin/bloat-tidy -checks='-*,bloat-*' "$@" -- -std=c++17 2>&1 |
    grep -v "warnings\? generated\|^\[[0-9]*/[0-9]*\] Processing" || true
}

run examples/clicker/leaky_state.cpp examples/clicker/main.cpp
echo
echo "   (the leaky game: GameState::history only grows)"
run examples/clicker-fixed/fixed_state.cpp examples/clicker-fixed/main.cpp
echo "   (the fixed game: history capped at 1000 events, blobs size-checked:"
echo "    no findings)"
