// False-alarm cause "walk over finite input" (docs/precision.md): bloat-tidy 443c3cb
// warns once on this file; a fix of the cause makes it silent.
// bench/precision shapes runs it with -std=c++17.
#include <string>
#include <vector>
#include <cstring>
int use(const std::vector<std::string> &);
int split(const char *P) {
  std::vector<std::string> Out;
  while (*P) {
    const char *E = std::strchr(P, ' ');
    if (!E) { Out.emplace_back(P); break; }
    Out.emplace_back(P, E);
    P = E + 1;
  }
  return use(Out);
}
