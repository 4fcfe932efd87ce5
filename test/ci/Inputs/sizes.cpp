#include <cstdlib>

namespace net {
struct Packet {
  void *Header = nullptr;
  void *Body = nullptr;
};

void read(Packet &P, unsigned long n) {
  P.Header = std::malloc(n);
}
} // namespace net
