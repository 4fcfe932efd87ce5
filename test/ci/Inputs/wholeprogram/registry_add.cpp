#include "registry.h"

#include <string>

void Registry::add(int Id) { entries_.push_back(Id); }

void Registry::addBlob(std::size_t Size) {
  std::string Blob(Size, 'x');
  add(static_cast<int>(Blob.size()));
}
