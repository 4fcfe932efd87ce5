//===- server.cpp - Request handling of the pub/sub server ----------------===//
//
// A client subscribes with SUB and leaves with BYE or by dropping its
// connection. Either way the server frees the connection slot, but nothing
// ever removes the client's session from the registry.
//
//===----------------------------------------------------------------------===//

#include "server.h"

#include "message.h"
#include "session_registry.h"

void PubSubServer::connected(std::size_t slot, ClientId id) {
  connections_[slot] = id;
}

void PubSubServer::handle(std::size_t slot, const std::string &line,
                          Millis now) {
  ClientId id = connections_[slot];
  if (id == 0)
    return;
  registry_.touch(id, now);
  Message message = Message::parse(id, line);
  switch (message.verb()) {
  case Message::Verb::Subscribe:
    registry_.subscribe(id, message.topic(), now);
    break;
  case Message::Verb::Publish:
    message.add_header("from", std::to_string(id));
    message.add_header("sent-at", std::to_string(now));
    publish(message);
    break;
  case Message::Verb::Ping:
    break;
  case Message::Verb::Bye:
    connections_[slot] = 0;
    break;
  case Message::Verb::Invalid:
    ++rejected_;
    break;
  }
}

void PubSubServer::publish(const Message &message) {
  std::string encoded = message.encode();
  for (ClientId id : connections_) {
    const std::string *topic = id == 0 ? nullptr : registry_.topic_of(id);
    if (topic && *topic == message.topic() && registry_.deliver(id, encoded))
      ++delivered_;
  }
}

void PubSubServer::closed(std::size_t slot) { connections_[slot] = 0; }

void PubSubServer::tick(Millis) {
  for (ClientId id : connections_)
    if (id != 0)
      bytes_written_ += static_cast<long>(registry_.flush(id));
}
