// False-alarm cause "short-lived owner" (docs/precision.md): bloat-tidy 443c3cb
// warns once on this file; a fix of the cause makes it silent.
// bench/precision shapes runs it with -std=c++17.
#include <string>
#include <vector>
struct Env { void children(const std::string &, std::vector<std::string> *); };
namespace {
class Repairer {
public:
  explicit Repairer(Env *E) : E(E) {}
  int run() { findFiles(); return static_cast<int>(Logs.size()); }
private:
  void findFiles() {
    std::vector<std::string> Names;
    E->children("db", &Names);
    for (size_t I = 0; I < Names.size(); I++)
      Logs.push_back(Names[I]);
  }
  Env *E;
  std::vector<std::string> Logs;
};
}
int repairDB(Env *E) { Repairer R(E); return R.run(); }
