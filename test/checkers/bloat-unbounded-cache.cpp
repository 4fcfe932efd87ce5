// bloat-unbounded-cache: long-lived maps and sets used as memo caches.
// RUN: %check_bloat_tidy %s bloat-unbounded-cache %t -- -- -std=c++17
// With both checks enabled, a cache is reported once, by the cache check.
// RUN: %check_bloat_tidy -check-suffix=BOTH %s \
// RUN:   bloat-unbounded-cache,bloat-unbounded-container %t -- -- -std=c++17
// Alone, bloat-unbounded-container still never reports a cache: what a check
// reports does not depend on which other checks run (only 'Journal' below).
// RUN: %check_bloat_tidy -check-suffix=CONTAINER %s \
// RUN:   bloat-unbounded-container %t -- -- -std=c++17

#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_map>

std::string render(int Id);

// A global memo map: find, then emplace on a miss.
std::unordered_map<int, std::string> Rendered;
const std::string &renderCached(int Id) {
  auto It = Rendered.find(Id);
  if (It != Rendered.end())
    return It->second;
  return Rendered.emplace(Id, render(Id)).first->second;
}
// CHECK-NOTES: :[[@LINE-2]]:10: warning: 'Rendered' (global) is a cache that grows without bound: entries are added on a miss on a repeating path but never evicted [bloat-unbounded-cache]
// CHECK-NOTES: :[[@LINE-8]]:38: note: 'Rendered' is declared here
// CHECK-NOTES: :[[@LINE-7]]:13: note: looked up here; a miss adds an entry
// CHECK-NOTES: :[[@LINE-9]]:20: note: 'renderCached' can be called from other translation units any number of times
// CHECK-NOTES: :[[@LINE-11]]:38: note: bound it: cap the number of entries and evict the least recently used (LRU), or expire entries after a time to live (TTL)
// CHECK-MESSAGES-BOTH: :[[@LINE-7]]:10: warning: 'Rendered' (global) is a cache {{.*}} [bloat-unbounded-cache]

// A function-local static cache: count, then operator[] on a miss.
// `Memo[N]` after a successful count() only reads: the warning points at
// the insert (rule: point at the insert), and the read is no growth.
long fib(int N) {
  static std::map<int, long> Memo;
  if (Memo.count(N))
    return Memo[N];
  long Value = N < 2 ? N : fib(N - 1) + fib(N - 2);
  Memo[N] = Value;
  return Value;
}
// CHECK-NOTES: :[[@LINE-3]]:3: warning: 'Memo' (static local in 'fib') is a cache that grows without bound: entries are added on a miss on a repeating path but never evicted [bloat-unbounded-cache]
// CHECK-NOTES: :[[@LINE-8]]:30: note: 'Memo' is declared here
// CHECK-NOTES: :[[@LINE-8]]:7: note: looked up here; a miss adds an entry
// CHECK-NOTES: :[[@LINE-11]]:6: note: 'fib' can be called from other translation units any number of times
// CHECK-NOTES: :[[@LINE-11]]:30: note: bound it: {{.*}}
// CHECK-MESSAGES-BOTH: :[[@LINE-8]]:3: warning: 'Memo' (static local in 'fib') is a cache {{.*}} [bloat-unbounded-cache]

// A member cache: at() in a try, insert in the handler.
class Resolver {
public:
  std::string resolve(const std::string &Host);

private:
  std::map<std::string, std::string> Cache;
};
std::string lookupDns(const std::string &Host);
std::string Resolver::resolve(const std::string &Host) {
  try {
    return Cache.at(Host);
  } catch (const std::out_of_range &) {
    std::string Address = lookupDns(Host);
    Cache.insert({Host, Address});
    return Address;
  }
}
// CHECK-NOTES: :[[@LINE-4]]:5: warning: 'Cache' (member of 'Resolver') is a cache that grows without bound: {{.*}}
// CHECK-NOTES: :[[@LINE-13]]:38: note: 'Cache' is declared here
// CHECK-NOTES: :[[@LINE-9]]:12: note: looked up here; a miss adds an entry
// CHECK-NOTES: :[[@LINE-18]]:15: note: 'Resolver::resolve' can be called from other translation units any number of times
// CHECK-NOTES: :[[@LINE-16]]:38: note: bound it: {{.*}}
// CHECK-MESSAGES-BOTH: :[[@LINE-9]]:5: warning: 'Cache' (member of 'Resolver') is a cache {{.*}} [bloat-unbounded-cache]

// ---- Not caches, or bounded ---------------------------------------------

// Evicts past a size limit.
std::map<int, std::string> Evicting;
const std::string &evictingLookup(int Id) {
  auto It = Evicting.find(Id);
  if (It != Evicting.end())
    return It->second;
  if (Evicting.size() > 1000)
    Evicting.erase(Evicting.begin());
  return Evicting[Id] = render(Id);
}

// Cleared once per frame.
std::unordered_map<int, std::string> PerFrame;
const std::string &perFrameLookup(int Id) {
  auto It = PerFrame.find(Id);
  if (It != PerFrame.end())
    return It->second;
  return PerFrame[Id] = render(Id);
}
void endFrame() { PerFrame.clear(); }

// Filled without a lookup: a plain unbounded map, not a cache.
std::map<int, std::string> Journal;
void journal(int Id) { Journal[Id] = render(Id); }
// CHECK-MESSAGES-BOTH: :[[@LINE-1]]:24: warning: 'Journal' (global) grows without bound: inserted {{.*}} [bloat-unbounded-container]
// CHECK-MESSAGES-CONTAINER: :[[@LINE-2]]:24: warning: 'Journal' (global) grows without bound: inserted {{.*}} [bloat-unbounded-container]

// Keyed by an enum: at most one entry per enumerator.
enum class Shape { Circle, Square };
std::map<Shape, std::string> ShapeNames;
const std::string &shapeName(Shape S) {
  auto It = ShapeNames.find(S);
  if (It != ShapeNames.end())
    return It->second;
  return ShapeNames[S] = render(static_cast<int>(S));
}

// A local map dies with its function.
int countDistinct(const int *Values, int N) {
  std::set<int> Seen;
  for (int I = 0; I < N; ++I)
    if (!Seen.count(Values[I]))
      Seen.insert(Values[I]);
  return static_cast<int>(Seen.size());
}
