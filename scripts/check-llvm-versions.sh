#!/usr/bin/env bash
# Opt-in: builds bloat-tidy against each Debian LLVM given (default: 16 19 22)
# in build-<N>/ and runs its whole lit suite there, driver and plugin. CI runs
# LLVM 19 only (scripts/test.sh); this proves the other versions on demand.
#
# Usage: bash scripts/check-llvm-versions.sh [16 19 22]
set -euo pipefail
cd "$(dirname "$0")/.."
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(16 19 22)

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

status=0
summary=()
for v in "${versions[@]}"; do
  echo "== LLVM $v"
  pkgs=(clang-$v clang-tidy-$v libclang-$v-dev llvm-$v-dev llvm-$v-tools)
  # LLVM 22's Clang package finds gRPC through its CMake config, which
  # insists on grpc_cpp_plugin.
  [ "$v" -lt 22 ] || pkgs+=(protobuf-compiler-grpc libgrpc++-dev libprotobuf-dev libabsl-dev)
  missing=()
  for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      --no-install-recommends "${missing[@]}" cmake ninja-build
  fi
  build="build-$v"
  [ -f "$build/build.ninja" ] ||
    cmake -S . -B "$build" -G Ninja -DBLOAT_TIDY_LLVM_VERSION="$v" >/dev/null
  ninja -C "$build"
  lit=$(sed -n 's/^BLOAT_TIDY_LIT:FILEPATH=//p' "$build/CMakeCache.txt")
  for tool in driver plugin; do
    if python3 "$lit" -s --param tool="$tool" "$build/test"; then
      summary+=("LLVM $v $tool: passed")
    else
      summary+=("LLVM $v $tool: FAILED")
      status=1
    fi
  done
done
printf '%s\n' "${summary[@]}"
exit $status
