// A class split across three files: it grows in registry_add.cpp, main.cpp
// drives it in a loop, and whether anything bounds it is decided in
// registry_count.cpp (nothing here; fixed/registry_count.cpp clears it).
#ifndef REGISTRY_H
#define REGISTRY_H

#include <cstddef>
#include <vector>

class Registry {
public:
  void add(int Id);
  void addBlob(std::size_t Size);
  void expire();
  std::size_t count() const;

private:
  std::vector<int> entries_;
};

#endif
