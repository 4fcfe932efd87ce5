//===- fixed.cpp - The event bus with subscriptions that end --------------===//
//
// Usage: event-bus-fixed [sessions]
//
// subscribe() returns a token and a session unsubscribes when it ends. The
// handler captures only what it needs (the session id and the transcript's
// size), not the transcript itself.
//
//===----------------------------------------------------------------------===//

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
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

  int subscribe(Handler H);
  void unsubscribe(int Token);
  void publish(const Event &E);
  std::size_t subscribers() const { return Handlers.size(); }

private:
  std::map<int, Handler> Handlers;
  int NextToken = 0;
};

int EventBus::subscribe(Handler H) {
  Handlers.emplace(NextToken, std::move(H));
  return NextToken++;
}

void EventBus::unsubscribe(int Token) { Handlers.erase(Token); }

void EventBus::publish(const Event &E) {
  for (const auto &Entry : Handlers)
    Entry.second(E);
}

static long Delivered = 0;

static void runSession(EventBus &Bus, int Session) {
  std::vector<std::string> Transcript(64, std::string(128, '.'));
  std::size_t Lines = Transcript.size();
  int Token = Bus.subscribe([Session, Lines](const Event &E) {
    if (E.Session == Session && Lines > 0)
      ++Delivered;
  });
  Bus.publish(Event{Session, "hello"});
  Bus.unsubscribe(Token);
}

int main(int Argc, char **Argv) {
  int Sessions = Argc > 1 ? std::atoi(Argv[1]) : 2000;
  EventBus Bus;
  for (int S = 0; S < Sessions; ++S)
    runSession(Bus, S);
  std::printf("Done: delivered=%ld, subscribers=%zu\n", Delivered,
              Bus.subscribers());
}
