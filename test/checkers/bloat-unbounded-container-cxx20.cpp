// C++20: std::erase and std::erase_if bound a container.
// RUN: %check_bloat_tidy %s bloat-unbounded-container %t -- -- -std=c++20

#include <map>
#include <string>
#include <vector>

std::vector<int> ErasedIf;
std::vector<int> Erased;
std::map<std::string, int> MapErasedIf;
std::vector<int> NeverErased;

void record(int X) {
  ErasedIf.push_back(X);
  Erased.push_back(X);
  MapErasedIf[std::to_string(X)] = X;
  NeverErased.push_back(X);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'NeverErased' (global) grows {{.*}}
}

void prune() {
  std::erase_if(ErasedIf, [](int V) { return V < 0; });
  std::erase(Erased, 0);
  std::erase_if(MapErasedIf, [](const auto &Entry) { return Entry.second < 0; });
  if (NeverErased.empty())
    return;
}
