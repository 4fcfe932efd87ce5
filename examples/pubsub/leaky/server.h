//===- server.h - The pub/sub server's request handling -------------------===//
//
// The event loop owns the sockets and tells the server when a client
// connects, sends a line or goes away; each connection has a slot.
//
//===----------------------------------------------------------------------===//

#ifndef PUBSUB_SERVER_H
#define PUBSUB_SERVER_H

#include "types.h"

#include <array>
#include <cstddef>
#include <string>

class Message;
class SessionRegistry;

class PubSubServer {
public:
  static constexpr std::size_t kMaxConnections = 32;

  explicit PubSubServer(SessionRegistry &registry) : registry_(registry) {}

  void connected(std::size_t slot, ClientId id);
  void handle(std::size_t slot, const std::string &line, Millis now);
  // The socket in `slot` closed, after a BYE or not.
  void closed(std::size_t slot);
  // Once per turn of the event loop: writes out the send buffers.
  void tick(Millis now);

  long delivered() const { return delivered_; }
  long rejected() const { return rejected_; }
  long bytes_written() const { return bytes_written_; }

private:
  void publish(const Message &message);

  SessionRegistry &registry_;
  std::array<ClientId, kMaxConnections> connections_{}; // 0: a free slot
  long delivered_ = 0;
  long rejected_ = 0;
  long bytes_written_ = 0;
};

#endif // PUBSUB_SERVER_H
