// False-alarm cause "count parsed from the input" (docs/precision.md): bloat-tidy c833439
// warns once on this file; a fix of the cause makes it silent.
// bench/precision shapes runs it with -std=c++17.
#include <cstdlib>
#include <vector>
struct Thread {};
void serveForever();
int main(int argc, char **argv) {
  int numThreads = argc > 1 ? std::atoi(argv[1]) : 4;
  std::vector<Thread *> threads;
  for (int i = 0; i < numThreads; ++i)
    threads.push_back(new Thread);
  serveForever();
}
