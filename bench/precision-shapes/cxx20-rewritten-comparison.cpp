// False-alarm cause "C++20 rewritten comparison" (docs/precision.md): bloat-tidy 443c3cb
// warns once on this file; a fix of the cause makes it silent.
// bench/precision shapes runs it with -std=c++20.
#include <map>
int use(const std::map<int, int> &);
int f(const std::map<int, int> &Src) {
  std::map<int, int> Out;
  for (auto It = Src.begin(); It != Src.end(); ++It) Out.emplace(It->first * 7, 0);
  return use(Out);
}
