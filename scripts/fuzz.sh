#!/usr/bin/env bash
# Fuzzes the bloat checks with libFuzzer for a given time (default 300 s):
# builds build-fuzz/ (ASan + UBSan + coverage), runs bin/bloat-fuzzer on
# generated C++ snippets, keeps its corpus in build-fuzz/corpus, and stops with
# a non-zero status on the first crash or sanitizer report. A reproducer
# (crash-*) is saved in build-fuzz/; print its snippet with
#   BLOAT_FUZZ_PRINT=1 build-fuzz/bin/bloat-fuzzer build-fuzz/crash-...
# and add it to test/robustness/ as a lit test.
#
# Usage: bash scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
bash scripts/setup.sh >/dev/null
[ -f build-fuzz/build.ninja ] ||
  cmake -S . -B build-fuzz -G Ninja -DBLOAT_TIDY_SANITIZE=address,undefined \
    -DBLOAT_TIDY_FUZZER=ON >/dev/null
ninja -C build-fuzz bloat-fuzzer
mkdir -p build-fuzz/corpus
cd build-fuzz
export ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
echo "fuzz: running for ${seconds}s (log: build-fuzz/fuzz.log)"
if ./bin/bloat-fuzzer -max_total_time="$seconds" -max_len=256 \
    -print_final_stats=1 corpus > fuzz.log 2>&1; then
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" fuzz.log || true
  echo "fuzz: no crash in ${seconds}s"
else
  grep -E "ERROR|SUMMARY|Test unit written" fuzz.log || tail -20 fuzz.log
  echo "fuzz: found a crash (see build-fuzz/fuzz.log)"
  exit 1
fi
