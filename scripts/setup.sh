#!/usr/bin/env bash
# Installs what bloat-tidy needs from Debian (bookworm) and builds it into
# build/. Quick when everything is already there. Used by demo.sh, test.sh and
# CI; set BLOAT_TIDY_LLVM_VERSION to build against another installed LLVM.
set -euo pipefail
cd "$(dirname "$0")/.."
llvm="${BLOAT_TIDY_LLVM_VERSION:-19}"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

packages=(
  "clang-$llvm" "clang-tidy-$llvm" "libclang-$llvm-dev" "llvm-$llvm-dev"
  "llvm-$llvm-tools" cmake ninja-build python3 ca-certificates
  # bloat-clangd: Debian's libclangdMain links clangd's remote index (gRPC).
  libgrpc++-dev libprotobuf-dev libabsl-dev
  # The SARIF schema test validates with Debian's jsonschema.
  python3-jsonschema
  # The ASan + UBSan build of the suite and the libFuzzer harness link
  # clang's runtime libraries.
  "libclang-rt-$llvm-dev"
  # The corpus run (bench/corpus) and the benchmark analyse Boost's headers.
  libboost-dev
  # A real LSP client for test/clangd/neovim.test.
  neovim
)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends "${missing[@]}" >/dev/null
fi

# Another LLVM's clang-tidy lets the suite prove that the plugin refuses to
# run inside it; the suite skips that test when it is missing.
# clang-tidy-14 (an LLVM the build does not support) lets the suite check the
# plugin's message for unsupported versions.
if [ "$llvm" = 19 ] && ! dpkg -s clang-tidy-14 >/dev/null 2>&1; then
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends clang-tidy-14 >/dev/null ||
    echo "setup: warning: clang-tidy-14 not installed; that test is skipped"
fi
if [ "$llvm" = 19 ] && ! dpkg -s clang-tidy-16 >/dev/null 2>&1; then
  echo "setup: installing clang-tidy-16 (for the plugin's version check)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends clang-tidy-16 >/dev/null ||
    echo "setup: warning: clang-tidy-16 not installed; that test is skipped"
fi

if [ ! -f build/build.ninja ]; then
  echo "setup: configuring build/ against LLVM $llvm"
  cmake -S . -B build -G Ninja -DBLOAT_TIDY_LLVM_VERSION="$llvm" >/dev/null
fi
echo "setup: building"
ninja -C build
