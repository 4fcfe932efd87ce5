//===- leaky.cpp - An event bus whose subscribers never leave -------------===//
//
// Usage: event-bus-leaky [sessions]
//
// Every session subscribes a handler to the bus. The handler captures the
// session's whole transcript by value, and nobody ever unsubscribes: the bus
// keeps every handler, and every handler keeps its copy of the transcript.
//
//===----------------------------------------------------------------------===//

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <utility>
#include <vector>

struct Event {
  int Session;
  std::string Text;
};

class EventBus {
public:
  using Handler = std::function<void(const Event &)>;

  void subscribe(Handler H);
  void publish(const Event &E);
  std::size_t subscribers() const { return Handlers.size(); }

private:
  std::vector<Handler> Handlers;
};

void EventBus::subscribe(Handler H) { Handlers.push_back(std::move(H)); }

void EventBus::publish(const Event &E) {
  for (const Handler &H : Handlers)
    H(E);
}

static long Delivered = 0;

static void runSession(EventBus &Bus, int Session) {
  std::vector<std::string> Transcript(64, std::string(128, '.'));
  Bus.subscribe([Session, Transcript](const Event &E) {
    if (E.Session == Session && !Transcript.empty())
      ++Delivered;
  });
  Bus.publish(Event{Session, "hello"});
}

int main(int Argc, char **Argv) {
  int Sessions = Argc > 1 ? std::atoi(Argv[1]) : 2000;
  EventBus Bus;
  for (int S = 0; S < Sessions; ++S)
    runSession(Bus, S);
  std::printf("Done: delivered=%ld, subscribers=%zu\n", Delivered,
              Bus.subscribers());
}
