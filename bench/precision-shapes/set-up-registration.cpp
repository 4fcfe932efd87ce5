// False-alarm cause "set-up registration" (docs/precision.md): bloat-tidy 443c3cb
// warns once on this file; a fix of the cause makes it silent.
// bench/precision shapes runs it with -std=c++17.
#include <string>
#include <vector>
using Handler = void (*)();
class Router {
public:
  void route(std::string P, Handler H) { Routes.push_back({P, H}); }
private:
  struct Route { std::string P; Handler H; };
  std::vector<Route> Routes;
};
// every call is in main before the event loop: r.route("/", index); ...
