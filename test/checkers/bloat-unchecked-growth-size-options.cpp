// bloat-unchecked-growth-size options (issue 11, "Bugs").
//
// The AllocatorFunctionNames default is anchored: names that merely contain
// an allocator word are not allocators (positive cases), the allocator names
// still are (negative cases).
// RUN: %check_bloat_tidy %s bloat-unchecked-growth-size %t -- -- -std=c++17
//
// A malformed AllocatorFunctionNames falls back to the default, as every
// malformed regex option does: same findings as above, plus the warning.
// RUN: %check_bloat_tidy -check-suffix=BADRE %s bloat-unchecked-growth-size %t \
// RUN:   -- -config="{CheckOptions: {bloat-unchecked-growth-size.AllocatorFunctionNames: '(unclosed'}}" \
// RUN:   -- -std=c++17
//
// ContainerTypes serves this check too: under its own name, and as the
// global key documented for every bloat check.
// RUN: %check_bloat_tidy -check-suffix=TYPES %s bloat-unchecked-growth-size %t \
// RUN:   -- -config="{CheckOptions: {bloat-unchecked-growth-size.ContainerTypes: 'acme::Buffer'}}" \
// RUN:   -- -std=c++17
// RUN: %check_bloat_tidy -check-suffix=TYPES %s bloat-unchecked-growth-size %t \
// RUN:   -- -config="{CheckOptions: {ContainerTypes: 'acme::Buffer'}}" \
// RUN:   -- -std=c++17
// BoundedTypes does too: a type that bounds itself is not reported.
// RUN: %check_bloat_tidy -check-suffix=BOUNDED %s bloat-unchecked-growth-size %t \
// RUN:   -- -config="{CheckOptions: {ContainerTypes: 'acme::Buffer', BoundedTypes: 'std::vector'}}" \
// RUN:   -- -std=c++17

// CHECK-MESSAGES-BADRE: warning: invalid regular expression '(unclosed' in option 'bloat-unchecked-growth-size.AllocatorFunctionNames': parentheses not balanced [clang-tidy-config]

#include <cstddef>
#include <string>
#include <vector>

namespace acme {
// Not known to the model unless ContainerTypes names it.
class Buffer {
public:
  void resize(std::size_t N);
};
} // namespace acme

// ---- Names that merely contain an allocator word: reported ----------------

struct Session {
  void handleAssignment(std::size_t N) { Slots.resize(N); }
  // CHECK-MESSAGES: :[[@LINE-1]]:55: warning: size 'N' (a parameter of 'Session::handleAssignment') reaches resize()
  // CHECK-MESSAGES-BADRE: :[[@LINE-2]]:55: warning: size 'N' (a parameter of 'Session::handleAssignment') reaches resize()
  // CHECK-MESSAGES-TYPES: :[[@LINE-3]]:55: warning: size 'N' (a parameter of 'Session::handleAssignment') reaches resize()
  void loadFileOfAnySize(std::size_t Bytes) { Data.resize(Bytes); }
  // CHECK-MESSAGES: :[[@LINE-1]]:59: warning: size 'Bytes' (a parameter of 'Session::loadFileOfAnySize') reaches resize()
  // CHECK-MESSAGES-BADRE: :[[@LINE-2]]:59: warning: size 'Bytes' (a parameter of 'Session::loadFileOfAnySize') reaches resize()
  // CHECK-MESSAGES-TYPES: :[[@LINE-3]]:59: warning: size 'Bytes' (a parameter of 'Session::loadFileOfAnySize') reaches resize()
  void storeAppendix(std::size_t N) { Data.reserve(N); }
  // CHECK-MESSAGES: :[[@LINE-1]]:52: warning: size 'N' (a parameter of 'Session::storeAppendix') reaches reserve()
  // CHECK-MESSAGES-BADRE: :[[@LINE-2]]:52: warning: size 'N' (a parameter of 'Session::storeAppendix') reaches reserve()
  // CHECK-MESSAGES-TYPES: :[[@LINE-3]]:52: warning: size 'N' (a parameter of 'Session::storeAppendix') reaches reserve()
  std::vector<int> Slots;
  std::string Data;
};

// ---- Allocator names: silent --------------------------------------------------

struct Allocators {
  void growBuffer(std::size_t N) { Slots.reserve(N); }
  void allocate_pages(std::size_t N) { Slots.resize(N); }
  void arenaAllocate(std::size_t N) { Slots.resize(N); }
  void preallocate(std::size_t N) { Slots.reserve(N); }
  void SetBufferSize(std::size_t N) { Slots.resize(N); }
  void set_capacity(std::size_t N) { Slots.reserve(N); }
  void setDimensions(std::size_t N) { Slots.resize(N); }
  void ensureCapacity(std::size_t N) { Slots.reserve(N); }
  void reserveSpace(std::size_t N) { Slots.reserve(N); }
  void truncate(std::size_t N) { Slots.resize(N); }
  void *xmalloc(std::size_t N);
  std::vector<int> Slots;
};
template <typename T> T *make_unique_array(std::size_t N) { return new T[N]; }
int *makeInts(std::size_t N) { return make_unique_array<int>(N); }

// ---- ContainerTypes -------------------------------------------------------------

void sizeCustom(acme::Buffer &B, std::size_t N) { B.resize(N); }
// CHECK-MESSAGES-TYPES: :[[@LINE-1]]:60: warning: size 'N' (a parameter of 'sizeCustom') reaches resize()

// With std::vector bounded, only std::string and acme::Buffer remain.
// CHECK-MESSAGES-BOUNDED: :[[@LINE-37]]:59: warning: size 'Bytes' (a parameter of 'Session::loadFileOfAnySize')
// CHECK-MESSAGES-BOUNDED: :[[@LINE-34]]:52: warning: size 'N' (a parameter of 'Session::storeAppendix')
// CHECK-MESSAGES-BOUNDED: :[[@LINE-6]]:60: warning: size 'N' (a parameter of 'sizeCustom')
