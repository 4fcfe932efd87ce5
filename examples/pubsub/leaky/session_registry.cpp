//===- session_registry.cpp - Sessions are added on subscribe -------------===//

#include "session_registry.h"

void SessionRegistry::subscribe(ClientId id, const std::string &topic,
                                Millis now) {
  Session &session = sessions_[id];
  session.topic = topic;
  session.last_active = now;
  // Reserved once, so delivering never reallocates on the hot path.
  session.send_buffer.reserve(kSendBufferBytes);
}

void SessionRegistry::touch(ClientId id, Millis now) {
  auto it = sessions_.find(id);
  if (it != sessions_.end())
    it->second.last_active = now;
}

const std::string *SessionRegistry::topic_of(ClientId id) const {
  auto it = sessions_.find(id);
  return it == sessions_.end() ? nullptr : &it->second.topic;
}

bool SessionRegistry::deliver(ClientId id, const std::string &encoded) {
  auto it = sessions_.find(id);
  if (it == sessions_.end())
    return false;
  std::string &buffer = it->second.send_buffer;
  if (buffer.size() + encoded.size() > kSendBufferBytes)
    return false;
  buffer += encoded;
  return true;
}

std::size_t SessionRegistry::flush(ClientId id) {
  auto it = sessions_.find(id);
  if (it == sessions_.end())
    return 0;
  // Stands in for the write to the client's socket.
  std::size_t written = it->second.send_buffer.size();
  it->second.send_buffer.clear();
  return written;
}

std::size_t SessionRegistry::size() const { return sessions_.size(); }

void SessionRegistry::shutdown() { sessions_.clear(); }
