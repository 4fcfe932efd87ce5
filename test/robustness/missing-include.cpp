// std::vector used without its header, and a template that cannot be
// instantiated: errors are reported, the checks stay quiet, nothing crashes.
// RUN: not %bloat_tidy -checks='-*,bloat-*' %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not="[bloat-" \
// RUN:       --implicit-check-not="Stack dump"
// The checks say once that they skipped the TU.
// RUN: not %bloat_tidy -checks='-*,bloat-*' %s -- -std=c++17 2>&1 >/dev/null \
// RUN:   | FileCheck %s --check-prefix=SKIPPED
// SKIPPED: bloat-*: {{.*}}missing-include.cpp was not analysed: it has compile errors

std::vector<int> Grows;
// CHECK: error: {{.*}}'std'{{.*}} [clang-diagnostic-error]

template <typename T> struct Holder {
  T Items;
  void add(int X) { Items.push_back(X); }
};
void use(Holder<int> &H) { H.add(1); }
// CHECK: error: member reference base type 'int' is not a structure or union [clang-diagnostic-error]
