//===- leaky.cpp - A price service whose memo cache never forgets ---------===//
//
// Usage: memo-service-leaky [requests]
//
// Each request asks for the price of a random product id out of a large
// catalogue. Prices are memoized in a map that is looked up first and filled
// on a miss, but nothing ever evicts an entry: the cache grows with every new
// id the service has ever seen.
//
//===----------------------------------------------------------------------===//

#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <unordered_map>

namespace {

struct Quote {
  double Price;
  std::string Description;
};

Quote computeQuote(unsigned long Id) {
  // Stands in for a slow computation or a remote call.
  return {static_cast<double>(Id % 997) * 1.25,
          "product #" + std::to_string(Id) + std::string(200, '.')};
}

} // namespace

class PriceService {
public:
  const Quote &quote(unsigned long Id);
  std::size_t cached() const { return Cache.size(); }

private:
  std::unordered_map<unsigned long, Quote> Cache;
};

const Quote &PriceService::quote(unsigned long Id) {
  auto It = Cache.find(Id);
  if (It != Cache.end())
    return It->second;
  return Cache.emplace(Id, computeQuote(Id)).first->second;
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
