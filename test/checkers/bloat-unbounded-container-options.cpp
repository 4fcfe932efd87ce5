// bloat-unbounded-container options: custom containers, grow and shrink
// methods, bounded types and ignored names. Without the options, the custom
// containers are not known and nothing is reported.
// RUN: %check_bloat_tidy %s bloat-unbounded-container %t -- -- -std=c++17
// RUN: %check_bloat_tidy -check-suffix=OPTS %s bloat-unbounded-container %t \
// RUN:   -- -config="{CheckOptions: { \
// RUN:        bloat-unbounded-container.ContainerTypes: 'llvm::SmallVector;absl::flat_hash_map;::acme::Journal', \
// RUN:        bloat-unbounded-container.GrowMethods: 'record', \
// RUN:        bloat-unbounded-container.ShrinkMethods: 'compact', \
// RUN:        bloat-unbounded-container.BoundedTypes: 'std::deque', \
// RUN:        bloat-unbounded-container.IgnoredNames: '^debug::'}}" \
// RUN:   -- -std=c++17
// The other checks, configured differently, keep facts of their own and do
// not change what this check reports with its options.
// RUN: %check_bloat_tidy -check-suffix=OPTS %s \
// RUN:   bloat-unbounded-cache,bloat-unbounded-container,bloat-long-lived-capture,bloat-unchecked-growth-size %t \
// RUN:   -- -config="{CheckOptions: { \
// RUN:        bloat-unbounded-container.ContainerTypes: 'llvm::SmallVector;absl::flat_hash_map;::acme::Journal', \
// RUN:        bloat-unbounded-container.GrowMethods: 'record', \
// RUN:        bloat-unbounded-container.ShrinkMethods: 'compact', \
// RUN:        bloat-unbounded-container.BoundedTypes: 'std::deque', \
// RUN:        bloat-unbounded-container.IgnoredNames: '^debug::'}}" \
// RUN:   -- -std=c++17

#include <deque>
#include <string>
#include <vector>

namespace llvm {
template <typename T, unsigned N = 4> class SmallVector {
public:
  void push_back(const T &);
  void pop_back();
};
} // namespace llvm

namespace absl {
template <typename K, typename V> class flat_hash_map {
public:
  using mapped_type = V;
  V &operator[](const K &);
  void erase(const K &);
};
} // namespace absl

namespace acme {
// Not a template: grows with record(), shrinks with compact().
class Journal {
public:
  void record(const std::string &);
  void compact();
};
} // namespace acme

llvm::SmallVector<int> Small;
absl::flat_hash_map<std::string, int> Hashed;
acme::Journal Log;
acme::Journal Compacted;
std::deque<int> DeclaredBounded;
std::vector<int> Plain;
namespace debug {
std::vector<int> Trace;
} // namespace debug

void work(const std::string &Key, int X) {
  Small.push_back(X);
  // CHECK-MESSAGES-OPTS: :[[@LINE-1]]:3: warning: 'Small' (global) grows without bound: appended {{.*}}
  Hashed[Key] = X;
  // CHECK-MESSAGES-OPTS: :[[@LINE-1]]:3: warning: 'Hashed' (global) grows without bound: inserted {{.*}}
  Log.record(Key);
  // CHECK-MESSAGES-OPTS: :[[@LINE-1]]:3: warning: 'Log' (global) grows without bound: appended {{.*}}
  Compacted.record(Key);
  Compacted.compact();
  DeclaredBounded.push_back(X);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'DeclaredBounded' (global) grows {{.*}}
  debug::Trace.push_back(X);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Trace' (global in namespace 'debug') grows {{.*}}
  Plain.push_back(X);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Plain' (global) grows {{.*}}
  // CHECK-MESSAGES-OPTS: :[[@LINE-2]]:3: warning: 'Plain' (global) grows {{.*}}
}
