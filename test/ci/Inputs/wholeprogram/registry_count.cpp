#include "registry.h"

// Nothing is ever dropped: expire() keeps every entry.
void Registry::expire() {}

std::size_t Registry::count() const { return entries_.size(); }
