//===- main.cpp - An event loop of simulated pub/sub clients --------------===//
//
// Usage: pubsub-leaky|pubsub-fixed [requests]
//
// PubSubServer::kMaxConnections clients are connected at any time. Each turn
// of the loop one of them sends a request: mostly PUB, some PING; now and
// then it leaves (with BYE or by dropping the connection) and a new client
// connects in its slot and subscribes to a topic.
//
//===----------------------------------------------------------------------===//

#include "server.h"
#include "session_registry.h"

#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

int main(int argc, char **argv) {
  long requests = argc > 1 ? std::atol(argv[1]) : 100000;
  constexpr Millis kTick = 10;
  static const char *const kTopics[] = {"prices", "news",   "alerts",
                                        "chat",   "builds", "weather"};

  SessionRegistry registry;
  PubSubServer server(registry);
  std::mt19937_64 random(5);
  std::uniform_int_distribution<std::size_t> pick_slot(
      0, PubSubServer::kMaxConnections - 1);
  std::uniform_int_distribution<std::size_t> pick_topic(0, 5);
  std::uniform_int_distribution<int> percent(0, 99);

  ClientId next_id = 1;
  Millis now = 0;
  auto connect = [&](std::size_t slot) {
    server.connected(slot, next_id++);
    server.handle(slot, std::string("SUB ") + kTopics[pick_topic(random)], now);
  };
  for (std::size_t slot = 0; slot < PubSubServer::kMaxConnections; ++slot)
    connect(slot);

  long left = 0;
  for (long i = 1; i <= requests; ++i) {
    now += kTick;
    std::size_t slot = pick_slot(random);
    int roll = percent(random);
    if (roll < 80) {
      server.handle(slot,
                    std::string("PUB ") + kTopics[pick_topic(random)] +
                        " update " + std::to_string(i),
                    now);
    } else if (roll < 90) {
      server.handle(slot, "PING", now);
    } else {
      if (roll < 95)
        server.handle(slot, "BYE", now);
      server.closed(slot);
      ++left;
      connect(slot);
    }
    server.tick(now);
  }
  std::printf("Done: requests=%ld, delivered=%ld, rejected=%ld, left=%ld, "
              "sessions=%zu\n",
              requests, server.delivered(), server.rejected(), left,
              registry.size());
  registry.shutdown();
}
