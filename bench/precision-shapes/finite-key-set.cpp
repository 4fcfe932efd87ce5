// False-alarm cause "finite key set" (docs/precision.md): bloat-tidy 443c3cb
// warns once on this file; a fix of the cause makes it silent.
// bench/precision shapes runs it with -std=c++17.
#include <set>
#include <string>
void makeMetatable(const std::string &);
static void setWeak(const std::string &Name) {
  static std::set<std::string> Done;
  if (Done.insert(Name).second) makeMetatable(Name);
}
int onCondition() { setWeak("Condition"); return 1; }
int (*Fn)() = onCondition;
