// bloat-unchecked-growth-size: who can call a private member function (issue
// 11, per-TU false alarms whose cause is evidence, not the container
// decision). Each section names the cause it covers and has a negative case
// (silent) next to a positive one that stays reported.
// RUN: %check_bloat_tidy %s bloat-unchecked-growth-size %t -- -- -std=c++17

#include <cstddef>
#include <string>

// ---- Cause: private helper of a class whose friends this TU shows -----------

// Negative: only Value's members and its friends call `indent`, and every
// friend's body is in this TU (a friend class whose member functions are all
// defined here, a friend function defined here): no other TU can pass it a
// size.
class Value {
  friend struct Reader;
  friend std::string quote(const Value &V);

public:
  std::string dump(std::size_t Width) const {
    std::string Out;
    indent(Out, Width, 1);
    return Out;
  }

private:
  void indent(std::string &Out, std::size_t Width, int Level) const {
    Out.append(Width * Level, ' ');
  }
  std::string Text;
};
struct Reader {
  std::size_t length(const Value &V) const { return V.Text.size(); }
};
std::string quote(const Value &V) { return '"' + V.Text + '"'; }

// Positive: a friend class whose member functions are defined in another TU
// may call the private helper with any value.
class Document {
  friend class Loader;

public:
  std::string dump(std::size_t Width) const {
    std::string Out;
    indent(Out, Width, 1);
    return Out;
  }

private:
  void indent(std::string &Out, std::size_t Width, int Level) const {
    Out.append(Width * Level, ' ');
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: size 'Width' (a parameter of 'Document::indent') reaches append() without an upper bound
  }
};
class Loader {
public:
  void load(Document &D, std::size_t Width);
};

// Positive: so may a friend function declared here and defined elsewhere.
class Table {
  friend void resizeTable(Table &T, std::size_t Rows);

private:
  void widen(std::size_t Rows) { Cells.resize(Rows); }
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: size 'Rows' (a parameter of 'Table::widen') reaches resize() without an upper bound
  std::string Cells;
};
