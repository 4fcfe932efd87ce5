// False-alarm cause "bounded loop" (docs/precision.md): bloat-tidy 443c3cb
// warns once on this file; a fix of the cause makes it silent.
// bench/precision shapes runs it with -std=c++17.
#include <string>
#include <vector>
std::vector<std::string> Backends;
void serveForever();
int main(int argc, char **argv) {
  for (int I = 2; I < argc; ++I)
    Backends.push_back(argv[I]);
  serveForever();
}
