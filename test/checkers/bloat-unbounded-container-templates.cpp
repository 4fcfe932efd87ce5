// bloat-unbounded-container in templates, macros and lambdas.
// RUN: %check_bloat_tidy %s bloat-unbounded-container %t -- -- -std=c++17

#include <map>
#include <string>
#include <vector>

// An instantiated class template: one finding, not one per instantiation.
template <typename T> class Recorder {
public:
  void log(const T &X) { Items.push_back(X); }

private:
  std::vector<T> Items;
};
Recorder<int> IntRecorder;
Recorder<std::string> StringRecorder;
void useRecorders() {
  IntRecorder.log(1);
  StringRecorder.log("x");
}
// CHECK-MESSAGES: :[[@LINE-11]]:26: warning: 'Items' (member of 'Recorder') grows without bound: appended on a repeating path but never erased, cleared or capped [bloat-unbounded-container]

// A class template that is never instantiated: its dependent code is read.
template <typename K, typename V> class Memo {
public:
  V &get(const K &Key) { return Cache[Key]; }

private:
  std::map<K, V> Cache;
};
// Its own .cpp cannot tell a lasting Memo from a per-task one, and `get`
// reads what it keeps: silent (bloat-unbounded-container-own-file.cpp).

// A record nothing reads back is reported from its dependent code.
template <typename K> class Tally {
public:
  void note(const K &Key) { Counts.emplace(Key, 1); }
  std::size_t size() const { return Counts.size(); }

private:
  std::map<K, int> Counts;
};
// CHECK-MESSAGES: :[[@LINE-6]]:29: warning: 'Counts' (member of 'Tally') grows without bound: inserted on a repeating path but never erased, cleared or capped [bloat-unbounded-container]

template <typename T> class Pending {
public:
  void log(T X) { Items.push_back(X); }

private:
  std::vector<T> Items;
};
// CHECK-MESSAGES: :[[@LINE-5]]:19: warning: 'Items' (member of 'Pending') grows {{.*}}

// Bounded templates stay silent, instantiated or not.
template <typename T> class Window {
public:
  void log(T X) {
    Items.push_back(X);
    if (Items.size() > 8)
      Items.erase(Items.begin());
  }

private:
  std::vector<T> Items;
};
Window<int> IntWindow;
void useWindow() { IntWindow.log(1); }

template <typename T> class Batch {
public:
  void log(T X) { Items.push_back(X); }
  void flush() { Items.clear(); }

private:
  std::vector<T> Items;
};

// A static local of a function template: one finding for all instantiations.
template <typename T> void remember(const T &X) {
  static std::vector<T> Seen;
  Seen.push_back(X);
}
void useRemember() {
  remember(1);
  remember(2.0);
}
// CHECK-MESSAGES: :[[@LINE-6]]:3: warning: 'Seen' (static local in 'remember') grows {{.*}}

// ---- Macros ---------------------------------------------------------------

#define RECORD(Container, X) (Container).push_back(X)
#define DECLARE_LOG(Name) std::vector<std::string> Name

std::vector<int> MacroGrown;
void viaMacro(int X) { RECORD(MacroGrown, X); }
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'MacroGrown' (global) grows {{.*}}

DECLARE_LOG(MacroDeclared);
void viaMacroDecl(const std::string &S) { MacroDeclared.push_back(S); }
// CHECK-MESSAGES: :[[@LINE-1]]:43: warning: 'MacroDeclared' (global) grows {{.*}}

#define TRIM(Container)                                                        \
  do {                                                                         \
    if ((Container).size() > 100)                                              \
      (Container).erase((Container).begin());                                  \
  } while (0)
std::vector<int> TrimmedByMacro;
void trimmed(int X) {
  TrimmedByMacro.push_back(X);
  TRIM(TrimmedByMacro);
}

// ---- Lambdas --------------------------------------------------------------

bool nextItem(int &X);
static std::vector<int> FromLambda;
static void pump() {
  auto Add = [](int X) { FromLambda.push_back(X); };
  int I = 0;
  while (nextItem(I))
    Add(I);
}
// CHECK-MESSAGES: :[[@LINE-5]]:26: warning: 'FromLambda' (file-static) grows {{.*}}

// A lambda that is neither stored nor called repeatedly.
static std::vector<int> OnceFromLambda;
static void once() {
  auto Add = [](int X) { OnceFromLambda.push_back(X); };
  Add(1);
}

int main() {
  pump();
  once();
}
