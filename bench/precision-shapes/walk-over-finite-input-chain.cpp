// False-alarm cause "walk over finite input" (docs/precision.md), a chain
// followed until a link is null: bloat-tidy da366f6 warns once on this file;
// a fix of the cause makes it silent.
// bench/precision shapes runs it with -std=c++17.
#include <vector>
struct Portal;
struct Tile { Portal *portal() const; };
struct Portal { int destination() const; };
const Tile *tileAt(int At);
int chainLength(Portal *Next) {
  std::vector<int> Seen;
  while (true) {
    int To = Next->destination();
    const Tile *T = tileAt(To);
    if (!T) break;
    Next = T->portal();
    if (!Next) break;
    Seen.push_back(To);
  }
  return static_cast<int>(Seen.size());
}
