// bloat-unchecked-growth-size: sizes from parameters or input that reach an
// allocation without an upper bound.
// RUN: %check_bloat_tidy %s bloat-unchecked-growth-size %t -- -- -std=c++17
// RUN: %check_bloat_tidy -check-suffix=IGNORED %s bloat-unchecked-growth-size %t \
// RUN:   -- -config="{CheckOptions: {bloat-unchecked-growth-size.IgnoredFunctions: '^(storeBlob|Buffer::.*)$'}}" \
// RUN:   -- -std=c++17

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <iostream>
#include <string>
#include <vector>

constexpr std::size_t kMaxSize = 1 << 20;

// ---- The seed's store_blob, with its notes ----------------------------------

std::string storeBlob(std::size_t Size) {
  return std::string(Size, 'x');
}
// CHECK-NOTES: :[[@LINE-2]]:22: warning: size 'Size' (a parameter of 'storeBlob') reaches std::string(count, ch) without an upper bound [bloat-unchecked-growth-size]
// CHECK-NOTES: :[[@LINE-4]]:35: note: 'Size' comes from the caller, and other translation units may call 'storeBlob' with any value
// CHECK-NOTES: :[[@LINE-4]]:22: note: validate it against a maximum first (`if (size > kMaxSize) return error;`) or allocate std::min(size, kMaxSize)

// ---- Each kind of allocation --------------------------------------------------

// One parameter reaching several allocations is one finding: the warning at
// the first, a note at each other one (rule 7: once per parameter).
struct Buffer {
  void fill(std::size_t N, std::vector<int> &V, std::string &S,
            std::deque<char> &D) {
    std::vector<int> Counted(N);
    // CHECK-NOTES: :[[@LINE-1]]:30: warning: size 'N' (a parameter of 'Buffer::fill') reaches std::vector(count) without an upper bound
    // CHECK-NOTES: :[[@LINE-4]]:25: note: 'N' comes from the caller{{.*}}
    V.resize(N);
    // CHECK-NOTES: :[[@LINE-1]]:14: note: 'N' also reaches resize() here
    V.reserve(N + 16);
    // CHECK-NOTES: :[[@LINE-1]]:15: note: 'N' also reaches reserve() here
    D.assign(N * 2, 'a');
    // CHECK-NOTES: :[[@LINE-1]]:14: note: 'N' also reaches assign() here
    S.append(N, '-');
    // CHECK-NOTES: :[[@LINE-1]]:14: note: 'N' also reaches append() here
    char *Raw = new char[N];
    // CHECK-NOTES: :[[@LINE-1]]:26: note: 'N' also reaches new[] here
    delete[] Raw;
    void *P = std::malloc(N);
    // CHECK-NOTES: :[[@LINE-1]]:27: note: 'N' also reaches malloc() here
    P = std::realloc(P, N);
    // CHECK-NOTES: :[[@LINE-1]]:25: note: 'N' also reaches realloc() here
    std::free(P);
    P = calloc(N, 4);
    // CHECK-NOTES: :[[@LINE-1]]:16: note: 'N' also reaches calloc() here
    // CHECK-NOTES: :[[@LINE-21]]:30: note: validate it{{.*}}
    std::free(P);
  }
};

// ---- Sizes read from input ----------------------------------------------------

void fromText(const std::string &Text, std::vector<int> &V) {
  std::size_t Count = std::stoul(Text);
  V.resize(Count);
}
// CHECK-NOTES: :[[@LINE-2]]:12: warning: size 'Count' (read from input) reaches resize() without an upper bound
// CHECK-NOTES: :[[@LINE-4]]:23: note: the size is read from input here
// CHECK-NOTES: :[[@LINE-4]]:12: note: validate it{{.*}}

void fromArgv(char **Argv, std::string &S) {
  S.reserve(std::atoi(Argv[1]));
}
// CHECK-NOTES: :[[@LINE-2]]:13: warning: size read from input reaches reserve() without an upper bound
// CHECK-NOTES: :[[@LINE-3]]:13: note: the size is read from input here
// CHECK-NOTES: :[[@LINE-4]]:13: note: validate it{{.*}}

static void fromStrtoul(const char *Text) {
  unsigned long N;
  N = std::strtoul(Text, nullptr, 10);
  char *Block = new char[N];
  delete[] Block;
}
// CHECK-NOTES: :[[@LINE-3]]:26: warning: size 'N' (read from input) reaches new[] without an upper bound
// CHECK-NOTES: :[[@LINE-5]]:7: note: the size is read from input here
// CHECK-NOTES: :[[@LINE-5]]:26: note: validate it{{.*}}

static void fromStream(std::vector<double> &V) {
  int Count = 0;
  std::cin >> Count;
  V.resize(Count);
}
// CHECK-NOTES: :[[@LINE-2]]:12: warning: size 'Count' (read from input) reaches resize() without an upper bound
// CHECK-NOTES: :[[@LINE-4]]:3: note: the size is read from input here
// CHECK-NOTES: :[[@LINE-4]]:12: note: validate it{{.*}}

// ---- Bounded, or not from outside: silent ----------------------------------------

bool storeChecked(std::size_t Size, std::vector<char> &Out) {
  if (Size > kMaxSize)
    return false;
  Out.resize(Size);
  return true;
}

void storeClamped(std::size_t Size, std::vector<char> &Out) {
  Out.resize(std::min(Size, kMaxSize));
}

void storeClampedFirst(std::size_t Size, std::vector<char> &Out) {
  std::size_t N = std::clamp<std::size_t>(Size, 1, kMaxSize);
  Out.resize(N);
}

void storeTernary(std::size_t Size, std::vector<char> &Out) {
  Out.resize(Size < kMaxSize ? Size : kMaxSize);
}

void storeHalved(std::size_t Size, std::vector<char> &Out) {
  while (Size > kMaxSize)
    Size /= 2;
  Out.resize(Size);
}

void fromTextChecked(const std::string &Text, std::vector<int> &V) {
  std::size_t Count = std::stoul(Text);
  if (Count >= kMaxSize)
    throw std::length_error("too large");
  V.resize(Count);
}

// Only this TU calls it: its callers are where the size is checked.
static void helper(std::size_t N, std::vector<int> &V) { V.resize(N); }
void useHelper(std::vector<int> &V) { helper(10, V); }

// An allocator's contract is to allocate what it is asked for.
void growBuffer(std::size_t N, std::vector<int> &V) { V.reserve(N); }
struct Pool {
  void *allocate(std::size_t Bytes) { return std::malloc(Bytes); }
};
// So is a setter of a buffer's size or capacity (raw_ostream::SetBufferSize).
struct Stream {
  void SetBufferSize(std::size_t Size) { Buffer = new char[Size]; }
  void set_capacity(std::size_t N) { Slots.resize(N); }
  char *Buffer = nullptr;
  std::vector<int> Slots;
};
// And a factory of arrays (boost::make_unique<T[]>(n)).
template <typename T> T *make_unique_array(std::size_t N) { return new T[N]; }
int *makeInts(std::size_t N) { return make_unique_array<int>(N); }

// Constants and sizes of other containers are not from outside.
void constants(std::vector<int> &V, const std::vector<int> &Other) {
  V.resize(64);
  V.reserve(Other.size());
  std::string Line(80, '-');
}

// Templates and macros do not confuse it.
template <typename T> void makeN(std::size_t N) { std::vector<T> V(N); }
void useMake() { makeN<int>(3); }
// CHECK-NOTES: :[[@LINE-2]]:68: warning: size 'N' (a parameter of 'makeN') reaches std::vector(count) without an upper bound
// CHECK-NOTES: :[[@LINE-3]]:46: note: 'N' comes from the caller{{.*}}
// CHECK-NOTES: :[[@LINE-4]]:68: note: validate it{{.*}}
#define RESERVE(V, N) (V).reserve(N)
void viaMacro(std::vector<int> &V, int N) {
  if (N > 100)
    return;
  RESERVE(V, N);
}

// With storeBlob and Buffer::fill ignored, only the others remain:
// CHECK-MESSAGES-IGNORED: :[[@LINE-108]]:12: warning: size 'Count' (read from input)
// CHECK-MESSAGES-IGNORED: :[[@LINE-102]]:13: warning: size read from input
// CHECK-MESSAGES-IGNORED: :[[@LINE-94]]:26: warning: size 'N' (read from input)
// CHECK-MESSAGES-IGNORED: :[[@LINE-85]]:12: warning: size 'Count' (read from input)
// CHECK-MESSAGES-IGNORED: :[[@LINE-17]]:68: warning: size 'N' (a parameter of 'makeN')
