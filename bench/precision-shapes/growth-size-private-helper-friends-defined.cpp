// False-alarm cause "growth-size: private helper of a class with friends"
// (docs/precision.md), with every friend defined in the TU as in Crow's json.h:
// bloat-tidy da366f6 warns once on this file; a fix of the cause makes it
// silent.
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
  std::string Text;
};
struct Reader {
  std::size_t length(const Value &V) const { return V.Text.size(); }
};
