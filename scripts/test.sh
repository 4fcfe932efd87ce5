#!/usr/bin/env bash
# Builds bloat-tidy, then runs the whole lit suite through the bloat-tidy
# driver, through the plugin loaded into clang-tidy, and through a driver built
# with ASan + UBSan (skip that with BLOAT_TIDY_SKIP_SANITIZERS=1). Ends with
# one line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

lit=$(sed -n 's/^BLOAT_TIDY_LIT:FILEPATH=//p' build/CMakeCache.txt)
if [ -z "$lit" ] || [ ! -f "$lit" ]; then
  echo "test: lit not found (install llvm-${BLOAT_TIDY_LLVM_VERSION:-19}-tools)" >&2
  exit 2
fi
log=build/test-results.log
: > "$log"
status=0
for tool in driver plugin; do
  echo "== lit suite through the $tool"
  python3 "$lit" -sv --param tool="$tool" build/test 2>&1 | tee -a "$log" ||
    status=1
done

# The checks and the driver again under AddressSanitizer and
# UndefinedBehaviorSanitizer: the whole suite through the driver, where any
# sanitizer report fails its test.
if [ "${BLOAT_TIDY_SKIP_SANITIZERS:-}" != 1 ]; then
  echo "== lit suite through the driver built with ASan + UBSan"
  [ -f build-asan/build.ninja ] ||
    cmake -S . -B build-asan -G Ninja -DBLOAT_TIDY_SANITIZE=address,undefined \
      -DBLOAT_TIDY_LLVM_VERSION="${BLOAT_TIDY_LLVM_VERSION:-19}" >/dev/null
  ninja -C build-asan
  python3 "$lit" -sv --param tool=driver build-asan/test 2>&1 | tee -a "$log" ||
    status=1
fi

# A quick corpus run: real headers as user code, broken C++ and C files; no
# crash, sanitizer report or nondeterminism (bench/corpus for the full run).
if [ "${BLOAT_TIDY_SKIP_CORPUS:-}" != 1 ]; then
  echo "== corpus (bench/corpus --quick)"
  corpus_log=build/corpus-quick.log
  python3 bench/corpus --quick 2>&1 | tee "$corpus_log" || status=1
fi

# lit prints "  Passed: N" etc. per run; sum every run, plus the corpus line.
count() {
  { grep -E "^ *$1 *: *[0-9]+" "$log" || true; } |
    sed -E 's/.*: *([0-9]+).*/\1/' | awk '{ s += $1 } END { print s + 0 }'
}
passed=$(count Passed)
failed=$(( $(count Failed) + $(count Unresolved) + $(count "Timed Out") +
           $(count "Unexpectedly Passed") ))
if [ -n "${corpus_log:-}" ] && [ -f "$corpus_log" ]; then
  read -r corpus_passed corpus_failed < <(sed -n \
    's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$corpus_log" | tail -1) ||
    true
  passed=$(( passed + ${corpus_passed:-0} ))
  failed=$(( failed + ${corpus_failed:-1} ))
fi
echo "$passed passed, $failed failed"
if [ "$passed" -eq 0 ] || [ "$failed" -ne 0 ]; then
  status=1
fi
exit $status
