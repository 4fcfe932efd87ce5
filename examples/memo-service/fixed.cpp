//===- fixed.cpp - The price service with a bounded LRU cache -------------===//
//
// Usage: memo-service-fixed [requests]
//
// Same service, but the memo cache keeps at most kCapacity entries and evicts
// the least recently used one when it is full.
//
//===----------------------------------------------------------------------===//

#include <cstdio>
#include <cstdlib>
#include <list>
#include <random>
#include <string>
#include <unordered_map>
#include <utility>

namespace {

struct Quote {
  double Price;
  std::string Description;
};

Quote computeQuote(unsigned long Id) {
  return {static_cast<double>(Id % 997) * 1.25,
          "product #" + std::to_string(Id) + std::string(200, '.')};
}

} // namespace

class PriceService {
public:
  static constexpr std::size_t kCapacity = 4096;

  const Quote &quote(unsigned long Id);
  std::size_t cached() const { return Cache.size(); }

private:
  using Entry = std::pair<unsigned long, Quote>;
  // Most recently used first; the map points into the list.
  std::list<Entry> Recency;
  std::unordered_map<unsigned long, std::list<Entry>::iterator> Cache;
};

const Quote &PriceService::quote(unsigned long Id) {
  auto It = Cache.find(Id);
  if (It != Cache.end()) {
    Recency.splice(Recency.begin(), Recency, It->second);
    return It->second->second;
  }
  if (Cache.size() >= kCapacity) {
    Cache.erase(Recency.back().first);
    Recency.pop_back();
  }
  Recency.emplace_front(Id, computeQuote(Id));
  Cache.emplace(Id, Recency.begin());
  return Recency.front().second;
}

int main(int Argc, char **Argv) {
  long Requests = Argc > 1 ? std::atol(Argv[1]) : 100000;
  PriceService Service;
  std::mt19937_64 Random(7);
  std::uniform_int_distribution<unsigned long> Catalogue(0, 10000000);
  double Total = 0;
  for (long I = 1; I <= Requests; ++I) {
    Total += Service.quote(Catalogue(Random)).Price;
    if (I % 10000 == 0)
      std::printf("Request %ld, cached=%zu\n", I, Service.cached());
  }
  std::printf("Done: total=%.2f, cached=%zu\n", Total, Service.cached());
}
