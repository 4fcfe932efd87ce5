// bloat-unbounded-container on shapes that real code is full of (issue 11):
// each cause of a false alarm seen on real projects has a negative case
// (silent) next to a positive case that stays reported. The loop rules are
// checked in C++17 and in C++20, where `It != End` may be a rewritten
// comparison.
// RUN: %check_bloat_tidy %s bloat-unbounded-container %t -- -- -std=c++17
// RUN: %check_bloat_tidy %s bloat-unbounded-container %t -- -- -std=c++20
// With FiniteKeyMaxBits 16, 16-bit keys are bounded too:
// RUN: %bloat_tidy -checks='-*,bloat-unbounded-container' %s \
// RUN:   -config="{CheckOptions: {bloat-unbounded-container.FiniteKeyMaxBits: 16}}" \
// RUN:   -- -std=c++17 2>&1 | FileCheck %s --check-prefix=WIDE
// WIDE-NOT: 'ByShort'
// WIDE: 'ByInt' (global) grows without bound

#include <cassert>
#include <cstdarg>
#include <cstdint>
#include <cstdlib>
#include <forward_list>
#include <iostream>
#include <list>
#include <map>
#include <string>
#include <vector>

bool running();
bool nextJob(int &Job);
long readChunk(char *Buffer, long Size);

// ---- Cause: a bounded loop is not a repeating path -----------------------

static std::vector<int> Defaults;
static void loadDefaults(int Count) {
  for (int I = 0; I < Count; ++I) // A counting loop, run once from main.
    Defaults.push_back(I);
}

static std::vector<int> Served;
static void serve() {
  while (running()) // No fixed trip count: repeats.
    Served.push_back(1);
}
// CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'Served' (file-static) grows without bound: {{.*}}

// ---- Cause: "filled once" guards -------------------------------------------

std::vector<std::string> Table;
void fillTableOnce() {
  if (!Table.empty())
    return;
  Table.push_back("a");
}

std::vector<std::string> Asserted;
void fillAsserted() {
  assert(Asserted.empty());
  Asserted.push_back("a");
}

class Starter {
public:
  void start() {
    if (Started)
      return;
    Started = true;
    Threads.push_back(1);
  }

private:
  bool Started = false;
  std::vector<int> Threads;
};
Starter TheStarter;

std::vector<std::string> Unguarded;
void fillUnguarded() { Unguarded.push_back("a"); }
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'Unguarded' (global) grows without bound: {{.*}}

// ---- Cause: walks over finite input are not worker loops -----------------

void scanString(const char *P) {
  std::vector<char> Chars;
  while (*P)
    Chars.push_back(*P++);
}

void readAll() {
  std::vector<char> Data;
  char Buffer[64];
  for (;;) {
    long N = readChunk(Buffer, sizeof Buffer);
    if (N <= 0)
      break;
    Data.insert(Data.end(), Buffer, Buffer + N);
  }
}

void collectArgs(int First, ...) {
  std::vector<int> Args;
  va_list Ap;
  va_start(Ap, First);
  for (;;) {
    int Next = va_arg(Ap, int);
    if (Next < 0)
      break;
    Args.push_back(Next);
  }
  va_end(Ap);
}

enum Token { Word, End };
Token readToken();
bool parseAll() {
  std::vector<int> Words;
  for (;;) {
    switch (readToken()) {
    case End:
      return true;
    case Word:
      Words.push_back(1);
      break;
    }
  }
}

struct Cursor {
  bool hasNext() const;
  int next();
};
void drainCursor(Cursor C) {
  std::vector<int> Values;
  while (C.hasNext())
    Values.push_back(C.next());
}

// C++20 rewrites `It != End` into `!(It == End)` when only operator== exists.
struct Iter {
  int *P;
  bool operator==(const Iter &Other) const { return P == Other.P; }
  int operator*() const { return *P; }
  Iter &operator++() {
    ++P;
    return *this;
  }
#if __cplusplus < 202002L
  bool operator!=(const Iter &Other) const { return P != Other.P; }
#endif
};
void copyRange(Iter It, Iter End) {
  std::vector<int> Copy;
  while (It != End) {
    Copy.push_back(*It);
    ++It;
  }
}

// Reading a terminal never runs out: an interactive loop repeats.
void interactive() {
  std::vector<std::string> Commands;
  std::string Line;
  while (std::getline(std::cin, Line))
    Commands.push_back(Line);
}
// CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'Commands' (local in 'interactive') grows without bound: {{.*}}

void worker() {
  std::vector<int> Results;
  int Job = 0;
  while (nextJob(Job)) // A worker's loop: no end in the input.
    Results.push_back(Job);
}
// CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'Results' (local in 'worker') grows without bound: {{.*}}

// ---- Cause: short-lived owners ---------------------------------------------

namespace {
class Request {
public:
  void addHeader(int H) { Headers.push_back(H); }
  void append(int H) { Headers.push_back(H); }

private:
  std::vector<int> Headers;
};

class Registry {
public:
  void append(int H) { Entries.push_back(H); }

private:
  std::vector<int> Entries;
};
Registry TheRegistry; // Lives as long as the program.
} // namespace

void handleRequest(int H) {
  Request R; // Built and destroyed in one call.
  R.append(H);
  TheRegistry.append(H);
}
// CHECK-MESSAGES: :[[@LINE-13]]:24: warning: 'Entries' (member of 'Registry') grows without bound: {{.*}}

// ---- Cause: set-up registration ------------------------------------------

class Router {
public:
  void addRoute(const std::string &Path) { Routes.push_back(Path); }
  void onConnect(void (*Handler)(int)) { Connections.push_back(Handler); }
  void onMessage(const std::string &Text) { Inbox.push_back(Text); }

private:
  std::vector<std::string> Routes;
  std::vector<void (*)(int)> Connections;
  std::vector<std::string> Inbox; // A handler, not a registration: reported.
};
Router TheRouter;
// CHECK-MESSAGES: :[[@LINE-9]]:42: warning: 'Connections' (member of 'Router') grows without bound: {{.*}}
// CHECK-MESSAGES: :[[@LINE-9]]:45: warning: 'Inbox' (member of 'Router') grows without bound: {{.*}}

void acceptLoop() {
  int Id = 0;
  while (nextJob(Id))
    TheRouter.onConnect(nullptr); // A visible call on a repeating path.
}
// Router is named only in this file, which defines main(): its member
// functions repeat only through what this file shows, here a function that
// other TUs may call.
void deliver(const std::string &Text) { TheRouter.onMessage(Text); }

// ---- Cause: sibling caps ---------------------------------------------------

static constexpr std::size_t MaxSamples = 1000;
std::vector<double> Times;
std::vector<double> Values;
void sample(double T, double V) {
  if (Times.size() >= MaxSamples)
    return;
  Times.push_back(T);
  Values.push_back(V); // Grown in lockstep with Times: capped too.
}

std::vector<double> Logged;
std::vector<double> NotCapped;
void logSample(double V) {
  if (Logged.size() > MaxSamples)
    V = 0; // Compares the size but does not stop the growth.
  Logged.push_back(V);
  NotCapped.push_back(V);
}
// 'Logged' itself is silent: any comparison of its own size counts as a
// guard (a known limit, docs/checks/bloat-unbounded-container.md).
// CHECK-MESSAGES: :[[@LINE-4]]:3: warning: 'NotCapped' (global) grows without bound: {{.*}}

// ---- Cause: narrow and finite keys -----------------------------------------

enum class Color { Red, Green };
std::map<std::uint8_t, std::string> ByByte;
std::map<char, int> ByChar;
std::map<std::pair<bool, Color>, int> ByPair;
std::map<std::uint16_t, std::string> ByShort;
std::map<int, std::string> ByInt;
void keyed(std::uint8_t B, char C, std::uint16_t S, int I) {
  ByByte[B] = "b";
  ByChar[C] = 1;
  ByPair[{true, Color::Red}] = 1;
  ByShort[S] = "s";
  ByInt[I] = "i";
}
// CHECK-MESSAGES: :[[@LINE-3]]:3: warning: 'ByShort' (global) grows without bound: {{.*}}
// CHECK-MESSAGES: :[[@LINE-3]]:3: warning: 'ByInt' (global) grows without bound: {{.*}}

// ---- Cause: a pointer is not an owner --------------------------------------

class Sink {
public:
  void emit(int X) { Out->push_back(X); }
  void keep(int X) { Own.push_back(X); }

private:
  std::vector<int> *Out = nullptr; // Someone else's container.
  std::vector<int> Own;
};
Sink TheSink;
// CHECK-MESSAGES: :[[@LINE-7]]:22: warning: 'Own' (member of 'Sink') grows without bound: {{.*}}
void keepValue(int X) { TheSink.keep(X); }

thread_local std::vector<int> *ThreadOut = nullptr;
void emitThread(int X) { ThreadOut->push_back(X); }

// ---- Cause: walk over finite input (a scan until a search finds nothing) ---

static std::vector<std::string> Fields;
static void scanFields(const std::string &Text) {
  std::size_t Pos = 0;
  while (true) { // Leaves when find() finds no more separators.
    std::size_t Next = Text.find(',', Pos);
    if (Next == std::string::npos) {
      Fields.push_back(Text.substr(Pos));
      break;
    }
    Fields.push_back(Text.substr(Pos, Next - Pos));
    Pos = Next + 1;
  }
}
static std::vector<std::string> Chunks;
static void scanChunks(const std::string &Text) {
  std::size_t Pos = 0;
  while (true) { // Leaves on an empty field, not when the text ends.
    std::size_t Next = Text.find(',', Pos);
    if (Next == Pos) {
      Chunks.push_back(Text);
      break;
    }
    Chunks.push_back(Text.substr(Pos, Next - Pos));
    Pos = Next + 1;
  }
}
// CHECK-MESSAGES: :[[@LINE-7]]:7: warning: 'Chunks' (file-static) grows without bound: {{.*}}

// ---- Cause: list removals are shrinks --------------------------------------

std::list<int> Pending;
std::forward_list<int> Seen;
std::list<int> NeverPruned;
void enqueue(int X) {
  Pending.push_back(X);
  Seen.push_front(X);
  NeverPruned.push_back(X);
}
// CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'NeverPruned' (global) grows without bound: {{.*}}
void prune(int X) {
  Pending.remove_if([](int V) { return V < 0; });
  Seen.unique();
}

// A count parsed from the input decides how often a loop runs: any number
// of times. The number of arguments does not.
static std::vector<long> Ticks;
static std::vector<const char *> Arguments;
static void drive(int Argc, char **Argv) {
  long Requests = Argc > 1 ? std::atol(Argv[1]) : 1000;
  for (long I = 0; I < Requests; ++I)
    Ticks.push_back(I);
  for (int I = 1; I < Argc; ++I)
    Arguments.push_back(Argv[I]);
}
// CHECK-MESSAGES: :[[@LINE-4]]:5: warning: 'Ticks' (file-static) grows without bound: {{.*}}

// `M[K].erase(X)` reaches an element that is there already, on a removal
// path: it is no growth of M. The subscript that fills M still is.
std::map<int, std::vector<int>> Drained;
void drainOne(int K) { Drained[K].clear(); }
std::map<std::string, std::map<std::string, int>> Commands;
void forget(const std::string &Module, const std::string &Name) {
  Commands[Module].erase(Name);
}
void learn(const std::string &Module, const std::string &Name) {
  Commands[Module][Name] = 1;
}
// CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'Commands' (global) grows without bound: {{.*}}

// A map keyed by a parameter that every call gives a constant holds one key
// per call site (the function is file-static and its address is not kept);
// one call passing what it was given makes it grow.
static void markType(const std::string &Name) {
  static std::map<std::string, int> Marked;
  Marked.emplace(Name, 1);
}
void useTypes() {
  markType("Condition");
  markType("Item");
}
static void markName(const std::string &Name) {
  static std::map<std::string, int> Names;
  Names.emplace(Name, 1);
}
// CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'Names' (static local in 'markName') grows without bound: {{.*}}
void useNames(const std::string &Read) {
  markName("Condition");
  markName(Read);
}

int main(int Argc, char **Argv) {
  drive(Argc, Argv);
  loadDefaults(3);
  serve();
  TheRouter.addRoute("/"); // Set-up: once, before the loop.
  acceptLoop();
  scanFields(Argv[0]);
  scanChunks(Argv[0]);
  TheStarter.start();
}
