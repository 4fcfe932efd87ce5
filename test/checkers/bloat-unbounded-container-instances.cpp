// bloat-unbounded-container: members of objects whose lifetime this TU cannot
// see (issue 11, causes "member of per-task object", "member of per-request
// object", "bounded loop" in a program's own class, "set-up registration" by
// a loader, "count parsed from the input" for a local).
//
// Default: a member grown in a member function defined in a header is
// reported only when this TU shows the repetition or an instance that lasts.
// RUN: %bloat_tidy -checks='-*,bloat-unbounded-container,bloat-unbounded-cache' -header-filter='.*' \
// RUN:   %s -- -std=c++17 -I %S/Inputs 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
// AssumeUnseenCodeDoesNotShrink also assumes every instance lasts: the
// per-task collector is reported too.
// RUN: %bloat_tidy -checks='-*,bloat-unbounded-container,bloat-unbounded-cache' -header-filter='.*' \
// RUN:   -config="{CheckOptions: {bloat-unbounded-container.AssumeUnseenCodeDoesNotShrink: true}}" \
// RUN:   %s -- -std=c++17 -I %S/Inputs 2>&1 \
// RUN:   | FileCheck %s --check-prefix=STRICT
// STRICT-DAG: 'Visited' (member of 'Collector') grows without bound
// AssumeInstancesLiveLong alone does the same for the instances, and only
// that: a global option, as each check reads it.
// RUN: %bloat_tidy -checks='-*,bloat-unbounded-container,bloat-unbounded-cache' -header-filter='.*' \
// RUN:   -config="{CheckOptions: {AssumeInstancesLiveLong: true}}" \
// RUN:   %s -- -std=c++17 -I %S/Inputs 2>&1 \
// RUN:   | FileCheck %s --check-prefix=STRICT

#include "per-object-members.h"
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

bool running();
int nextMessage();

// ---- Cause: member of per-task object ------------------------------------
// Collector is a local of one call here; other TUs may make theirs anywhere,
// so only a lasting instance or a visible repetition would tell.
int countReachable(const std::vector<int> &Nodes) {
  Collector C;
  for (int Node : Nodes)
    C.collect(Node);
  return static_cast<int>(Nodes.size());
}

// Positive: this TU keeps a Journal for the whole run.
Journal TheJournal;
void logLine(const std::string &Line) { TheJournal.record(Line); }
// CHECK-DAG: per-object-members.h:19:42: warning: 'Lines' (member of 'Journal') grows without bound

// Positive: this TU feeds a Mailbox in an endless loop.
void pump(Mailbox &Box) {
  while (running())
    Box.put(nextMessage());
}
// CHECK-DAG: per-object-members.h:28:27: warning: 'Messages' (member of 'Mailbox') grows without bound

// Positive, through a helper: the notes follow the callers that this TU
// shows, which decided it (not "called from other TUs").
static void postOne(Outbox &Box) { Box.post(nextMessage()); }
void drain(Outbox &Box) {
  while (running())
    postOne(Box);
}
// CHECK-DAG: warning: 'Posted' (member of 'Outbox') grows without bound
// CHECK-DAG: :[[@LINE-6]]:36: note: 'Outbox::post' is called from 'postOne', which runs on a repeating path
// CHECK-DAG: :[[@LINE-4]]:5: note: 'postOne' is called inside a loop here

// In the class's own TU too: every Builder this TU makes is a local of one
// call, so the TU shows no object that lasts.
void Builder::add(int Part) { Parts.push_back(Part); }
int buildOne(int Part) {
  Builder B;
  B.add(Part);
  return Part;
}
// Positive: the class's own TU with no instance in sight reports as if its
// callers in other TUs used one lasting object (the clicker example).
void Tally::bump() { Counts.push_back(1); }
// CHECK-DAG: instances.cpp:[[@LINE-1]]:22: warning: 'Counts' (member of 'Tally') grows without bound
// STRICT-DAG: 'Parts' (member of 'Builder') grows without bound

// Positive: a Planner made here as a member of a Driver (in a constructor
// initialiser) lives as long as the Driver: not a per-task object.
Driver::Driver() : ThePlanner() {}
void Planner::plan(int Step) { Steps.push_back(Step); }
// CHECK-DAG: instances.cpp:[[@LINE-1]]:32: warning: 'Steps' (member of 'Planner') grows without bound

// ---- Cause: bounded loop in a program's own class --------------------------
// In the file that defines main(), a class only this file can name has every
// caller in sight: main calls start() once, and its loop counts.
namespace {
int connectionCount();
}
class LoadTest {
public:
  void start(int Count) {
    for (int I = 0; I < Count; ++I)
      Clients.push_back(I);
  }
  void onReply(int Id) { Replies.push_back(Id); }

private:
  std::vector<int> Clients;
  std::vector<int> Replies;
};
LoadTest TheTest;
// Positive: replies arrive in an endless loop.
void serveReplies() {
  while (running())
    TheTest.onReply(nextMessage());
}
// CHECK-DAG: instances.cpp:[[@LINE-12]]:26: warning: 'Replies' (member of 'LoadTest') grows without bound

// ---- Cause: set-up registration by a loader --------------------------------
// A loader that skips duplicates (looks each entry up in a loop with a fixed
// trip count) fills a table once: set-up, called from nowhere that repeats.
std::map<int, std::string> Channels;
void loadChannels(const std::vector<int> &Ids) {
  for (int Id : Ids)
    if (Channels.find(Id) == Channels.end())
      Channels.emplace(Id, "channel");
}
// Positive: a lookup and an insert on a miss with no loop is a cache, which
// no set-up name hides.
std::map<int, std::string> Sessions;
void addSession(int Id) {
  if (Sessions.find(Id) == Sessions.end())
    Sessions.emplace(Id, "session");
}
// CHECK-DAG: instances.cpp:[[@LINE-2]]:5: warning: 'Sessions' (global) is a cache that grows without bound

// ---- Cause: count parsed from the input (a local) ------------------------
// The count repeats what the loop calls, but a local filled in the loop
// holds one entry per count and dies with main.
int main(int Argc, char **Argv) {
  int Workers = Argc > 1 ? std::atoi(Argv[1]) : 4;
  std::vector<int> Threads;
  for (int I = 0; I < Workers; ++I)
    Threads.push_back(I);
  TheTest.start(connectionCount());
  // Positive: a local across an endless loop.
  std::vector<int> Backlog;
  while (running())
    Backlog.push_back(nextMessage());
  return static_cast<int>(Threads.size() + Backlog.size());
}
// CHECK-DAG: instances.cpp:[[@LINE-3]]:5: warning: 'Backlog' (local in 'main') grows without bound
