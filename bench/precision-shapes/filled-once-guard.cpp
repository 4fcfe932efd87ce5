// False-alarm cause "filled-once guard" (docs/precision.md): bloat-tidy 443c3cb
// warns once on this file; a fix of the cause makes it silent.
// bench/precision shapes runs it with -std=c++17.
#include <cassert>
#include <vector>
struct Thread {};
Thread *spawn();
class Pool {
public:
  void start(int N) {
    assert(!Started);
    Started = true;
    for (int I = 0; I < N; ++I) Threads.push_back(spawn());
  }
private:
  bool Started = false;
  std::vector<Thread *> Threads;
};
