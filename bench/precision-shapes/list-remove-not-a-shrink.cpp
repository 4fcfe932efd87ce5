// False-alarm cause "list remove not a shrink" (docs/precision.md): bloat-tidy 443c3cb
// warns once on this file; a fix of the cause makes it silent.
// bench/precision shapes runs it with -std=c++17.
#include <list>
struct Player;
class Guild {
public:
  void join(Player *P) { Online.push_back(P); }
  void leave(Player *P) { Online.remove(P); }
private:
  std::list<Player *> Online;
};
