//===- session_registry.h - Who is subscribed to what ---------------------===//
//
// One session per client that subscribed: its topic, when it was last
// active, and the messages waiting to be written to its socket.
//
//===----------------------------------------------------------------------===//

#ifndef PUBSUB_SESSION_REGISTRY_H
#define PUBSUB_SESSION_REGISTRY_H

#include "types.h"

#include <cstddef>
#include <string>
#include <unordered_map>

struct Session {
  std::string topic;
  Millis last_active = 0;
  // Encoded messages not yet written to the client's socket.
  std::string send_buffer;
};

class SessionRegistry {
public:
  // Sized like a socket buffer; a slow client loses messages beyond it.
  static constexpr std::size_t kSendBufferBytes = 4096;

  void subscribe(ClientId id, const std::string &topic, Millis now);
  void touch(ClientId id, Millis now);
  // The client's topic, or null if it has no session.
  const std::string *topic_of(ClientId id) const;
  bool deliver(ClientId id, const std::string &encoded);
  // Writes out the client's send buffer; returns the bytes written.
  std::size_t flush(ClientId id);
  std::size_t size() const;
  // Drops every session when the server stops.
  void shutdown();

private:
  std::unordered_map<ClientId, Session> sessions_;
};

#endif // PUBSUB_SESSION_REGISTRY_H
