// False-alarm cause "growth-size: size followed into a call result" (docs/precision.md): bloat-tidy 443c3cb
// warns once on this file; a fix of the cause makes it silent.
// bench/precision shapes runs it with -std=c++17.
#include <algorithm>
#include <string>
#include <vector>
std::vector<std::string> split(const std::string &In, char Sep) {
  std::vector<std::string> V;
  V.reserve(std::count(In.begin(), In.end(), Sep) + 1);
  return V;
}
