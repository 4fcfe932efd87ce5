// A TU with compile errors is skipped by every bloat check (its AST cannot be
// trusted); clang-tidy then says so on stderr, once per TU however many bloat
// checks are enabled (they share one walk of the TU), so that a skipped TU is
// never mistaken for a clean one. bloat-ci counts these lines.
//
// Every bloat check: one line.
// RUN: not %bloat_tidy -checks='-*,bloat-*' %s -- -std=c++17 2>&1 >/dev/null \
// RUN:   | FileCheck %s --implicit-check-not="was not analysed"
// One check alone (the growth-size check has no container facts): one line.
// RUN: not %bloat_tidy -checks='-*,bloat-unchecked-growth-size' %s -- -std=c++17 \
// RUN:   2>&1 >/dev/null | FileCheck %s --implicit-check-not="was not analysed"
// RUN: not %bloat_tidy -checks='-*,bloat-unbounded-cache' %s -- -std=c++17 \
// RUN:   2>&1 >/dev/null | FileCheck %s --implicit-check-not="was not analysed"
// CHECK: bloat-*: {{.*}}not-analysed.cpp was not analysed: it has compile errors
//
// Two TUs in one run, one broken: one line, naming the broken one.
// RUN: not %bloat_tidy -checks='-*,bloat-*' %S/Inputs/grows.cpp %s -- -std=c++17 \
// RUN:   2>&1 >/dev/null | FileCheck %s --implicit-check-not="was not analysed"
//
// A TU that compiles is analysed and says nothing of the kind.
// RUN: %bloat_tidy -checks='-*,bloat-*' %S/Inputs/grows.cpp -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefix=CLEAN --implicit-check-not="was not analysed"
// CLEAN: grows.cpp:4:22: warning: 'Grows' (global) grows without bound

#include <vector>

std::vector<int> Grows;
void record(int X) { Grows.push_back(X) }
