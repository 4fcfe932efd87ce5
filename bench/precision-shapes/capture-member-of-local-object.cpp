// False-alarm cause "member of per-request object" (docs/precision.md), a
// lambda kept in a member of a local object the function returns: bloat-tidy
// da366f6 warns once on this file; a fix of the cause makes it silent.
// bench/precision shapes runs it with -std=c++17.
#include <cstddef>
#include <functional>
#include <string>
struct Part {
  std::function<bool(std::size_t)> Provider;
};
Part makeFilePart(const std::string &Path) {
  Part Made;
  Made.Provider = [Path](std::size_t Offset) { return Offset < Path.size(); };
  return Made;
}
