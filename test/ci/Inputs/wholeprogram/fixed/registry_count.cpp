#include "registry.h"

// Bounded: main() calls expire() on every request.
void Registry::expire() {
  if (entries_.size() > 1000)
    entries_.clear();
}

std::size_t Registry::count() const { return entries_.size(); }
