// NOLINT comments suppress bloat-unbounded-container like any clang-tidy check.
// RUN: %check_bloat_tidy %s bloat-unbounded-container %t -- -- -std=c++17

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
