// False-alarm cause "read operator[] after a lookup" (docs/precision.md): bloat-tidy 443c3cb
// warns once on this file; a fix of the cause makes it silent.
// bench/precision shapes runs it with -std=c++17.
#include <string>
#include <unordered_map>
std::string statusLine(int Code) {
  static std::unordered_map<int, std::string> Lines = {{200, "200 OK"},
                                                       {500, "500 Error"}};
  if (!Lines.count(Code))
    Code = 500;
  return Lines[Code];
}
