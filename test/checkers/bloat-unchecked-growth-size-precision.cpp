// bloat-unchecked-growth-size reports a size only when the caller or the
// input controls it (issue 11: "Sources" and rule 7). Each section names the
// cause it covers and has a positive case (still reported) and a negative one
// (silent).
// RUN: %check_bloat_tidy %s bloat-unchecked-growth-size %t -- -- -std=c++17

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <vector>

// ---- Sources: copies, casts and arithmetic only, never a call's result -------

// Negative: the size is what std::count returns, not the separator.
void splitFields(const char *B, const char *E, char Sep,
                 std::vector<std::string> &Out) {
  Out.reserve(std::count(B, E, Sep) + 1);
}

// Negative: a size computed by a call from a parameter is the call's.
std::size_t roundToPage(std::size_t N);
void paged(std::size_t N, std::vector<char> &Out) {
  std::size_t Pages = roundToPage(N) / 4096;
  Out.resize(Pages);
}

// Positive: casts, arithmetic and copies are followed.
void scaled(int Count, std::vector<char> &Out) {
  std::size_t Bytes = static_cast<std::size_t>(Count) * 4 + 1;
  std::size_t Copy = Bytes;
  Out.resize(Copy << 1);
}
// CHECK-NOTES: :[[@LINE-2]]:14: warning: size 'Copy' (a parameter of 'scaled') reaches resize() without an upper bound
// CHECK-NOTES: :[[@LINE-6]]:17: note: 'Count' comes from the caller{{.*}}
// CHECK-NOTES: :[[@LINE-4]]:14: note: validate it{{.*}}

// Positive: a number read from text inside arithmetic and a cast.
void parsed(const char *Text, std::vector<int> &Out) {
  Out.resize(static_cast<std::size_t>(std::atoi(Text)) * 2);
}
// CHECK-NOTES: :[[@LINE-2]]:14: warning: size read from input reaches resize() without an upper bound
// CHECK-NOTES: :[[@LINE-3]]:39: note: the size is read from input here
// CHECK-NOTES: :[[@LINE-4]]:14: note: validate it{{.*}}

// ---- Rule 7: a size paired with a pointer or array parameter -----------------

// Negative: the size describes memory the caller already has.
void copyIn(const char *Data, std::size_t Len, std::string &Out) {
  Out.assign(Data, Len);
  std::vector<char> Copy(Len);
  std::memcpy(Copy.data(), Data, Len);
}
void fromArray(std::size_t N, const int Values[], std::vector<int> &Out) {
  Out.resize(N);
}
template <typename T> void fromSpan(const T *P, std::size_t N) {
  std::vector<T> Copy(N);
}
void useSpan(const int *P) { fromSpan(P, 3); }

// Positive: a pointer not next to the size does not describe it, and a
// function pointer is no buffer.
void withCallback(void (*Done)(), std::size_t N, std::vector<int> &Out) {
  Out.resize(N);
}
// CHECK-NOTES: :[[@LINE-2]]:14: warning: size 'N' (a parameter of 'withCallback') reaches resize() without an upper bound
// CHECK-NOTES: :[[@LINE-4]]:47: note: 'N' comes from the caller{{.*}}
// CHECK-NOTES: :[[@LINE-4]]:14: note: validate it{{.*}}

// ---- Rule 7: private member functions of class templates ---------------------

template <typename T> class Ring {
public:
  void push(const T &V) { makeRoom(Slots.size() * 2 + 1); Slots.push_back(V); }
  void load(std::size_t N) { Slots.reserve(N); }
  void drop() { Slots.clear(); }

private:
  // Negative: only Ring's own members call it, and this TU sees them all,
  // though it does not instantiate drop().
  void makeRoom(std::size_t N) { Slots.reserve(N); }
  std::vector<T> Slots;
};
void useRing(Ring<int> &R) { R.push(1); R.load(8); }
// Positive: a public member of a class template is callable from anywhere.
// CHECK-NOTES: :[[@LINE-11]]:44: warning: size 'N' (a parameter of 'Ring<int>::load') reaches reserve() without an upper bound
// CHECK-NOTES: :[[@LINE-12]]:25: note: 'N' comes from the caller{{.*}}
// CHECK-NOTES: :[[@LINE-13]]:44: note: validate it{{.*}}

// ---- Rule 7: sizing setters --------------------------------------------------

// Negative: a setter of a size allocates what it is asked for.
struct Matrix {
  void setDimension(std::size_t N) { Cells.resize(N * N); }
  void setCapacity(std::size_t N) { Cells.reserve(N); }
  void reset(std::size_t N) { Cells.assign(N, 0); }
  // Positive: a setter of something else is no sizing setter.
  void setName(std::size_t N) { Name.resize(N); }
  // CHECK-NOTES: :[[@LINE-1]]:45: warning: size 'N' (a parameter of 'Matrix::setName') reaches resize() without an upper bound
  // CHECK-NOTES: :[[@LINE-2]]:28: note: 'N' comes from the caller{{.*}}
  // CHECK-NOTES: :[[@LINE-3]]:45: note: validate it{{.*}}
  std::vector<int> Cells;
  std::string Name;
};

// ---- Rule 7: resize used to truncate ------------------------------------------

// Negative: guarded by, or derived from, the current size.
void keepFirst(std::vector<int> &V, std::size_t N) {
  if (N < V.size())
    V.resize(N);
}
void dropLast(std::string &S, std::size_t N) { S.resize(S.size() - N); }
void dropLastCopy(std::vector<int> &V, std::size_t N) {
  std::size_t Keep = V.size() - N;
  V.resize(Keep);
}

// Positive: adding to the current size grows it.
void padBy(std::vector<int> &V, std::size_t N) { V.resize(V.size() + N); }
// CHECK-NOTES: :[[@LINE-1]]:59: warning: size 'N' (a parameter of 'padBy') reaches resize() without an upper bound
// CHECK-NOTES: :[[@LINE-2]]:45: note: 'N' comes from the caller{{.*}}
// CHECK-NOTES: :[[@LINE-3]]:59: note: validate it{{.*}}

// ---- Rule 7: a class's operator new ------------------------------------------

// Negative: the compiler passes the object's size.
struct Pooled {
  static void *operator new(std::size_t Size) { return std::malloc(Size); }
  static void *operator new[](std::size_t Size) { return std::malloc(Size); }
  static void operator delete(void *P) { std::free(P); }
  static void operator delete[](void *P) { std::free(P); }
};

// Positive: an ordinary static member that takes a byte count is not.
struct Arena {
  static void *carve(std::size_t Size) { return std::malloc(Size); }
};
// CHECK-NOTES: :[[@LINE-2]]:61: warning: size 'Size' (a parameter of 'Arena::carve') reaches malloc() without an upper bound
// CHECK-NOTES: :[[@LINE-3]]:34: note: 'Size' comes from the caller{{.*}}
// CHECK-NOTES: :[[@LINE-4]]:61: note: validate it{{.*}}

// ---- Rule 7: once per parameter ---------------------------------------------

// Positive: one warning for the parameter, a note for each other allocation,
// also in every instantiation of a template.
template <typename T> void twice(std::size_t N) {
  std::vector<T> A(N);
  std::vector<T> B(N + 1);
}
void useTwice() { twice<int>(1); twice<char>(2); }
// CHECK-NOTES: :[[@LINE-4]]:20: warning: size 'N' (a parameter of 'twice') reaches std::vector(count) without an upper bound
// CHECK-NOTES: :[[@LINE-6]]:46: note: 'N' comes from the caller{{.*}}
// CHECK-NOTES: :[[@LINE-5]]:20: note: 'N' also reaches std::vector(count) here
// CHECK-NOTES: :[[@LINE-7]]:20: note: validate it{{.*}}
// And the grouping is per parameter: two parameters are two findings.
void two(std::size_t Rows, std::size_t Cols, std::vector<int> &R,
         std::vector<int> &C) {
  R.resize(Rows);
  C.resize(Cols);
}
// CHECK-NOTES: :[[@LINE-3]]:12: warning: size 'Rows' (a parameter of 'two') reaches resize()
// CHECK-NOTES: :[[@LINE-6]]:22: note: 'Rows' comes from the caller{{.*}}
// CHECK-NOTES: :[[@LINE-5]]:12: note: validate it{{.*}}
// CHECK-NOTES: :[[@LINE-5]]:12: warning: size 'Cols' (a parameter of 'two') reaches resize()
// CHECK-NOTES: :[[@LINE-9]]:40: note: 'Cols' comes from the caller{{.*}}
// CHECK-NOTES: :[[@LINE-7]]:12: note: validate it{{.*}}

// ---- Cause: growth-size: sizing setter (reserve of what a loop then fills) --

// Negative: reserve(N), then a loop counting to N that appends one element
// at a time: N is work the caller asks for (threads to start, rows of an
// area), and the reserve allocates no more than the loop would.
struct Worker {
  int Id;
};
void startWorkers(int Count, std::vector<Worker> &Pool) {
  Pool.reserve(Count);
  for (int I = 0; I < Count; ++I)
    Pool.push_back(Worker{I});
}
void buildArea(int Length, std::vector<int> &Cells) {
  int Rows = Length;
  Cells.reserve(Rows * 3);
  for (int Y = 1; Y <= Rows; ++Y)
    for (int X = 0; X < 3; ++X)
      Cells.push_back(X);
}
// Positive: the loop counts to something else, so the reserve stands alone.
void prepareFour(int Count, std::vector<Worker> &Pool) {
  Pool.reserve(Count);
  for (int I = 0; I < 4; ++I)
    Pool.push_back(Worker{I});
}
// CHECK-NOTES: :[[@LINE-4]]:16: warning: size 'Count' (a parameter of 'prepareFour') reaches reserve() without an upper bound
// CHECK-NOTES: :[[@LINE-6]]:22: note: 'Count' comes from the caller{{.*}}
// CHECK-NOTES: :[[@LINE-6]]:16: note: validate it{{.*}}
