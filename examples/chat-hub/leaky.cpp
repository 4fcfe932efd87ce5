//===- leaky.cpp - A chat hub whose leave() puts the session back ---------===//
//
// Usage: chat-hub-leaky [iterations]
//
// Simulated clients connect, send each other direct messages, fetch them and
// disconnect, one connection turning over per iteration. leave() erases the
// session, but the presence bookkeeping after it writes the client's
// last-seen time through operator[], which default-constructs a new session
// under the same id: the erase gives the key straight back, and every client
// that ever connected keeps an entry.
//
//===----------------------------------------------------------------------===//

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace {

using ClientId = std::uint64_t;
using Millis = std::int64_t;

// Flood control: at most kRateWindow messages per client per second.
constexpr std::size_t kRateWindow = 64;
constexpr Millis kRatePeriod = 1000;
// Messages waiting for a client that does not fetch are dropped beyond this.
constexpr std::size_t kMaxPending = 100;

struct Session {
  std::string nick;
  std::vector<std::string> pending;
  // Send times of the client's last kRateWindow messages, oldest overwritten.
  std::array<Millis, kRateWindow> recent_sends{};
  std::size_t next_send_slot = 0;
  Millis last_seen = 0;
};

} // namespace

class ChatHub {
public:
  void join(ClientId id, std::string nick, Millis now);
  bool send(ClientId from, ClientId to, const std::string &text, Millis now);
  std::vector<std::string> fetch(ClientId id, Millis now);
  void leave(ClientId id, Millis now);
  std::size_t session_count() const { return sessions_.size(); }

private:
  static bool flooding(Session &session, Millis now);

  std::unordered_map<ClientId, Session> sessions_;
};

void ChatHub::join(ClientId id, std::string nick, Millis now) {
  Session &session = sessions_[id];
  session.nick = std::move(nick);
  session.last_seen = now;
}

bool ChatHub::flooding(Session &session, Millis now) {
  Millis &oldest = session.recent_sends[session.next_send_slot];
  // The slot about to be reused holds the send kRateWindow messages ago.
  if (oldest != 0 && now - oldest < kRatePeriod)
    return true;
  oldest = now;
  session.next_send_slot = (session.next_send_slot + 1) % kRateWindow;
  return false;
}

bool ChatHub::send(ClientId from, ClientId to, const std::string &text,
                   Millis now) {
  auto sender = sessions_.find(from);
  auto receiver = sessions_.find(to);
  if (sender == sessions_.end() || receiver == sessions_.end())
    return false;
  sender->second.last_seen = now;
  if (flooding(sender->second, now))
    return false;
  std::vector<std::string> &pending = receiver->second.pending;
  if (pending.size() >= kMaxPending)
    return false;
  pending.push_back("<" + sender->second.nick + "> " + text);
  return true;
}

std::vector<std::string> ChatHub::fetch(ClientId id, Millis now) {
  auto it = sessions_.find(id);
  if (it == sessions_.end())
    return {};
  it->second.last_seen = now;
  std::vector<std::string> messages = std::move(it->second.pending);
  it->second.pending.clear();
  return messages;
}

void ChatHub::leave(ClientId id, Millis now) {
  if (sessions_.erase(id) == 0)
    return;
  // Presence: remember when the client was last seen, for "last seen" in
  // the member list.
  sessions_[id].last_seen = now;
}

int main(int argc, char **argv) {
  long iterations = argc > 1 ? std::atol(argv[1]) : 100000;
  constexpr std::size_t kConnections = 64;
  constexpr Millis kTick = 10;

  ChatHub hub;
  std::mt19937_64 random(11);
  std::uniform_int_distribution<std::size_t> pick(0, kConnections - 1);
  std::array<ClientId, kConnections> connected{};
  ClientId next_id = 1;
  Millis now = 0;
  for (ClientId &id : connected) {
    id = next_id++;
    hub.join(id, "user" + std::to_string(id), now);
  }

  long delivered = 0;
  for (long i = 1; i <= iterations; ++i) {
    now += kTick;
    ClientId from = connected[pick(random)];
    ClientId to = connected[pick(random)];
    hub.send(from, to, "message " + std::to_string(i), now);
    delivered += static_cast<long>(hub.fetch(to, now).size());

    // One connection turns over per iteration: its client leaves and a new
    // client takes the connection.
    ClientId &slot = connected[pick(random)];
    hub.leave(slot, now);
    slot = next_id++;
    hub.join(slot, "user" + std::to_string(slot), now);
  }
  std::printf("Done: iterations=%ld, delivered=%ld, connected=%zu, "
              "sessions=%zu\n",
              iterations, delivered, kConnections, hub.session_count());
}
