// bloat-unbounded-container: owners, containers and the calls that grow them.
// Every function here has external linkage, so each may run any number of
// times; bounded counterparts live in bloat-unbounded-container-bounded.cpp.
// RUN: %check_bloat_tidy %s bloat-unbounded-container %t -- -- -std=c++17

#include <array>
#include <deque>
#include <forward_list>
#include <iterator>
#include <list>
#include <map>
#include <queue>
#include <set>
#include <stack>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

// ---- Owners ---------------------------------------------------------------

std::vector<int> GlobalEvents;
void recordGlobal(int E) { GlobalEvents.push_back(E); }
// CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'GlobalEvents' (global) grows without bound: appended on a repeating path but never erased, cleared or capped [bloat-unbounded-container]

namespace telemetry {
std::deque<double> Samples;
void sample(double S) { Samples.push_back(S); }
// CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'Samples' (global in namespace 'telemetry') grows without bound: {{.*}}
} // namespace telemetry

namespace {
std::list<int> Pending;
} // namespace
void queueWork(int W) { Pending.push_back(W); }
// CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'Pending' (file-static) grows without bound: {{.*}}

static std::set<std::string> SeenNames;
void see(const std::string &N) { SeenNames.insert(N); }
// CHECK-MESSAGES: :[[@LINE-1]]:34: warning: 'SeenNames' (file-static) grows without bound: inserted on a repeating path but never erased, cleared or capped [bloat-unbounded-container]

struct Registry {
  static std::map<int, std::string> Names;
};
std::map<int, std::string> Registry::Names;
void nameIt(int Id, std::string N) { Registry::Names[Id] = N; }
// CHECK-MESSAGES: :[[@LINE-1]]:38: warning: 'Names' (static member of 'Registry') grows without bound: inserted {{.*}}

void logLine(const std::string &L) {
  static std::vector<std::string> Lines;
  Lines.push_back(L);
}
// CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'Lines' (static local in 'logLine') grows without bound: {{.*}}

struct Stats {
  std::vector<double> Latencies;
};
Stats GlobalStats;
void observe(double X) { GlobalStats.Latencies.push_back(X); }
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'Latencies' (member of 'Stats') grows without bound: {{.*}}

// Parameters and locals without a loop are not long-lived.
void local(std::vector<int> &Out, int X) {
  std::vector<int> Scratch;
  Scratch.push_back(X);
  Out.push_back(X);
}

// ---- Containers and the calls that grow them ------------------------------

std::vector<int> V;
std::deque<int> D;
std::list<int> L;
std::forward_list<int> FL;
std::map<int, int> M;
std::multimap<int, int> MM;
std::set<int> S;
std::multiset<int> MS;
std::unordered_map<int, int> UM;
std::unordered_multimap<int, int> UMM;
std::unordered_set<int> US;
std::unordered_multiset<int> UMS;
std::string Str;
std::wstring WStr;
std::queue<int> Q;
std::stack<int> St;
std::priority_queue<int> PQ;
std::vector<int> ViaBack, ViaRef, ViaPtr;
std::deque<int> ViaFront;
std::set<int> ViaInserter;

void grow(int X) {
  V.emplace_back(X);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'V' (global) grows without bound: appended {{.*}}
  D.push_front(X);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'D' (global) grows {{.*}}
  L.emplace_front(X);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'L' (global) grows {{.*}}
  FL.push_front(X);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'FL' (global) grows {{.*}}
  M[X] = X;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'M' (global) grows without bound: inserted {{.*}}
  MM.emplace(X, X);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'MM' (global) grows without bound: inserted {{.*}}
  S.emplace_hint(S.end(), X);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'S' (global) grows {{.*}}
  MS.insert(X);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'MS' (global) grows {{.*}}
  UM.try_emplace(X, X);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'UM' (global) grows {{.*}}
  UMM.insert({X, X});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'UMM' (global) grows {{.*}}
  US.emplace(X);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'US' (global) grows {{.*}}
  UMS.insert(X);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'UMS' (global) grows {{.*}}
  Str += "x";
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Str' (global) grows without bound: appended {{.*}}
  WStr.append(L"x");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'WStr' (global) grows {{.*}}
  Q.push(X);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Q' (global) grows {{.*}}
  St.emplace(X);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'St' (global) grows {{.*}}
  PQ.push(X);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'PQ' (global) grows {{.*}}
  *std::back_inserter(ViaBack) = X;
  // CHECK-MESSAGES: :[[@LINE-1]]:4: warning: 'ViaBack' (global) grows {{.*}}
  *std::front_inserter(ViaFront) = X;
  // CHECK-MESSAGES: :[[@LINE-1]]:4: warning: 'ViaFront' (global) grows {{.*}}
  *std::inserter(ViaInserter, ViaInserter.end()) = X;
  // CHECK-MESSAGES: :[[@LINE-1]]:4: warning: 'ViaInserter' (global) grows {{.*}}
  auto &Alias = ViaRef;
  Alias.push_back(X);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ViaRef' (global) grows {{.*}}
  auto *Pointer = &ViaPtr;
  Pointer->insert(Pointer->end(), X);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ViaPtr' (global) grows {{.*}}
}

std::map<std::string, int> InsertOrAssign;
std::vector<int> Appended;
void more(const std::string &K, int X) {
  InsertOrAssign.insert_or_assign(K, X);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'InsertOrAssign' (global) grows {{.*}}
  Appended.insert(Appended.end(), 3, X);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Appended' (global) grows {{.*}}
}

// ---- Not growth, not containers -------------------------------------------

std::vector<int> Indexed(16);
std::array<int, 16> Fixed;
int Plain[16];
std::vector<int> ReadOnly;
void touch(int X) {
  Indexed[X % 16] = X; // operator[] on a vector does not insert.
  Fixed[X % 16] = X;
  Plain[X % 16] = X;
  (void)ReadOnly.size();
  (void)ReadOnly.empty();
}
