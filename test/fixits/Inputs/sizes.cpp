// Unchecked sizes for the "bound it" clamp of bloat-unchecked-growth-size.
// The ones marked FIX get std::min(size, kMax...) from --fix-notes; the ones
// marked NO FIX keep their finding.
#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#define ALLOCATE(n) std::malloc(n)

// FIX: a free function; the constant goes before it.
std::string storeBlob(std::size_t Size) {
  return std::string(Size, 'x');
}

// FIX: a member defined in its class; a static constant goes before it.
// Both allocations the parameter reaches are clamped by the same constant.
class Buffer {
public:
  void fill(std::size_t N) {
    Bytes.resize(N);
    Words.reserve(N / 4);
  }

private:
  std::vector<char> Bytes;
  std::vector<int> Words;
};

// FIX: a member defined out of line; two parameters, two constants.
struct Grid {
  void shape(std::size_t Rows, std::size_t Cols);
  std::vector<int> R, C;
};
void Grid::shape(std::size_t Rows, std::size_t Cols) {
  R.resize(Rows);
  C.resize(Cols);
}

// FIX: a number read from input is an int: so is its limit.
void fromText(const char *Text, std::vector<double> &Out) {
  int Count = std::atoi(Text);
  Out.resize(Count);
}

// FIX: a function with C linkage: the constant goes before `extern "C"`,
// which would otherwise pass its linkage to the constant.
extern "C" void padLine(std::size_t Len, std::string &Out) {
  Out.append(Len, '-');
}

// NO FIX: the allocation is in a macro.
void *viaMacro(std::size_t N) { return ALLOCATE(N); }

// NO FIX: a template's text serves instantiations the fix cannot see.
template <typename T> std::vector<T> makeN(std::size_t N) {
  return std::vector<T>(N);
}
std::vector<int> useMakeN() { return makeN<int>(3); }

// NO FIX: a 16-bit size: a 1 << 20 limit would not fit its type.
void narrow(unsigned short N, std::vector<int> &Out) { Out.resize(N); }

// NO FIX: the name the limit would take is already spelled in the TU.
int kMaxTakenSize = 3;
void taken(std::size_t Size, std::vector<int> &Out) { Out.resize(Size); }
