#include "registry.h"

#include <iostream>

Registry TheRegistry;

int main() {
  int Id;
  while (std::cin >> Id) {
    TheRegistry.add(Id);
    TheRegistry.expire();
  }
  std::cout << TheRegistry.count() << "\n";
}
