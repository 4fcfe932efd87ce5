// False-alarm cause "growth-size: private helper of a class with friends" (docs/precision.md): bloat-tidy 443c3cb
// warns once on this file; a fix of the cause makes it silent.
// bench/precision shapes runs it with -std=c++17.
#include <string>
#include <cstddef>
class Value {
  friend struct Reader;
public:
  std::string dump(std::size_t Indent) const {
    std::string Out;
    indent(Out, Indent, ' ', 1);
    return Out;
  }
private:
  void indent(std::string &Out, const std::size_t Indent, const char Sep,
              const int Level) const {
    Out.append(Level * Indent, Sep);
  }
};
