//===- session_expiry.cpp - Sessions end with BYE or when idle ------------===//

#include "session_registry.h"

void SessionRegistry::unsubscribe(ClientId id) { sessions_.erase(id); }

std::size_t SessionRegistry::expire(Millis idle_since) {
  std::size_t expired = 0;
  for (auto it = sessions_.begin(); it != sessions_.end();) {
    if (it->second.last_active < idle_since) {
      it = sessions_.erase(it);
      ++expired;
    } else {
      ++it;
    }
  }
  return expired;
}
