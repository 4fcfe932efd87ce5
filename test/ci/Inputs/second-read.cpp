namespace net {
void read(Packet &P, unsigned long n, int) {
  P.Body = std::malloc(n);
}
} // namespace net
