// NOLINT comments suppress bloat-unbounded-container like any clang-tidy check,
// on the line of the warning and also on the container's declaration: there
// they cover the finding wherever it is reported (its growth site), so the
// warning goes with its notes instead of staying without them.
// RUN: %check_bloat_tidy %s bloat-unbounded-container %t -- -- -std=c++17
// The same holds for every check that reports a container.
// RUN: %check_bloat_tidy -check-suffix=CACHE %s bloat-unbounded-cache %t \
// RUN:   -- -- -std=c++17

#include <map>
#include <string>
#include <vector>

std::vector<int> Suppressed;
void a(int X) { Suppressed.push_back(X); } // NOLINT(bloat-unbounded-container)

std::vector<int> SuppressedNext;
void b(int X) {
  // NOLINTNEXTLINE(bloat-*)
  SuppressedNext.push_back(X);
}

std::vector<int> OtherCheckSuppressed;
void c(int X) { OtherCheckSuppressed.push_back(X); } // NOLINT(bugprone-*)
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'OtherCheckSuppressed' (global) grows {{.*}}

// On the declaration.
std::vector<int> DeclSuppressed; // NOLINT(bloat-unbounded-container)
void d(int X) { DeclSuppressed.push_back(X); }

// NOLINTNEXTLINE(bloat-unbounded-container)
std::vector<int> DeclSuppressedNext;
void e(int X) { DeclSuppressedNext.push_back(X); }

std::vector<int> DeclSuppressedAll; // NOLINT
void f(int X) { DeclSuppressedAll.push_back(X); }

std::vector<int> DeclSuppressedList; // NOLINT(misc-*, bloat-unbounded-*)
void g(int X) { DeclSuppressedList.push_back(X); }

// A data member, declared in the class and grown in a method.
class Log {
public:
  void add(const std::string &Line);

private:
  std::vector<std::string> Lines; // NOLINT(bloat-unbounded-container)
};
void Log::add(const std::string &Line) { Lines.push_back(Line); }

// NOLINT for another check on the declaration does not suppress.
std::vector<int> DeclOtherCheck; // NOLINT(bugprone-unused-raii)
void h(int X) { DeclOtherCheck.push_back(X); }
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'DeclOtherCheck' (global) grows {{.*}}

// A negative glob names no check, as in clang-tidy.
std::vector<int> DeclNegated; // NOLINT(-bloat-unbounded-container)
void i(int X) { DeclNegated.push_back(X); }
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'DeclNegated' (global) grows {{.*}}

// NOLINTNEXTLINE covers the next line only, and NOLINT only its own line.
// NOLINTNEXTLINE(bloat-unbounded-container)

std::vector<int> TooFarAbove;
void j(int X) { TooFarAbove.push_back(X); }
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'TooFarAbove' (global) grows {{.*}}

std::vector<int> NextLineOnSameLine; // NOLINTNEXTLINE(bloat-unbounded-container)

void k(int X) { NextLineOnSameLine.push_back(X); }
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'NextLineOnSameLine' (global) grows {{.*}}

// A memo cache: bloat-unbounded-cache reports it when enabled.
std::string render(int Id);
std::map<int, std::string> Rendered; // NOLINT(bloat-unbounded-cache)
const std::string &renderCached(int Id) {
  auto It = Rendered.find(Id);
  if (It != Rendered.end())
    return It->second;
  return Rendered.emplace(Id, render(Id)).first->second;
}
// The NOLINT silences the cache check, and bloat-unbounded-container never
// reports a cache: neither run warns on 'Rendered'.

std::map<int, std::string> Unsuppressed; // NOLINT(bloat-unbounded-container)
const std::string &renderOther(int Id) {
  auto It = Unsuppressed.find(Id);
  if (It != Unsuppressed.end())
    return It->second;
  return Unsuppressed.emplace(Id, render(Id)).first->second;
}
// CHECK-MESSAGES-CACHE: :[[@LINE-2]]:10: warning: 'Unsuppressed' (global) is a cache that grows without bound{{.*}} [bloat-unbounded-cache]
