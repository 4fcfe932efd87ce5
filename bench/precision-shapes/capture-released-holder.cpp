// False-alarm cause "member of per-request object" (docs/precision.md), a
// callback member emptied when the request completes: bloat-tidy da366f6
// warns once on this file; a fix of the cause makes it silent.
// bench/precision shapes runs it with -std=c++17.
#include <functional>
#include <memory>
struct Response {
  std::function<bool()> IsAlive;
};
struct Connection : std::enable_shared_from_this<Connection> {
  void handle() {
    auto Self = shared_from_this();
    Res.IsAlive = [Self] { return Self->Buffer[0] != 0; };
  }
  void completed() { Res.IsAlive = nullptr; }
  Response Res;
  char Buffer[4096];
};
