// A TU that does not compile: the compiler errors are reported, the bloat
// checks say nothing about the broken AST, and nothing crashes.
// RUN: not %bloat_tidy -checks='-*,bloat-*' %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not="[bloat-" \
// RUN:       --implicit-check-not="Stack dump"
// The checks say once that they skipped the TU.
// RUN: not %bloat_tidy -checks='-*,bloat-*' %s -- -std=c++17 2>&1 >/dev/null \
// RUN:   | FileCheck %s --check-prefix=SKIPPED
// SKIPPED: bloat-*: {{.*}}compile-errors.cpp was not analysed: it has compile errors

#include <vector>

std::vector<int> Grows;
void record(int X) { Grows.push_back(X) }
// CHECK: error: expected ';' after expression [clang-diagnostic-error]

UnknownType Broken;
// CHECK: error: unknown type name 'UnknownType' [clang-diagnostic-error]

template <typename T> struct Incomplete;
void useIncomplete(Incomplete<int> &I) { I.Items.push_back(1); }
// CHECK: error: implicit instantiation of undefined template 'Incomplete<int>' [clang-diagnostic-error]
