// bloat-unbounded-container in the class's own .cpp (issue 11, cause "member
// of per-task object"): the TU defines the member functions but sees no
// instance, so a per-task object (a builder, an arena, a plan) and a
// process-long one look alike. It reports as if one instance lasted only a
// container whose shape is a leak's whatever its owner: entries recorded and
// never read back, a memo cache filled on a miss, a list of callbacks.
// RUN: %bloat_tidy -checks='-*,bloat-unbounded-container,bloat-unbounded-cache,bloat-long-lived-capture' \
// RUN:   %s -- -std=c++17 -I %S/Inputs 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
// AssumeInstancesLiveLong reports the containers the class reads too.
// RUN: %bloat_tidy -checks='-*,bloat-unbounded-container,bloat-unbounded-cache,bloat-long-lived-capture' \
// RUN:   -config="{CheckOptions: {AssumeInstancesLiveLong: true}}" \
// RUN:   %s -- -std=c++17 -I %S/Inputs 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=CHECK,LASTING --implicit-check-not='warning:'

#include "own-file-members.h"

// Negative: the destructor reads the blocks.
Arena::~Arena() {
  for (char *Block : Blocks)
    delete[] Block;
}
char *Arena::allocate(std::size_t Bytes) {
  Blocks.push_back(new char[Bytes]);
  // LASTING: :[[@LINE-1]]:3: warning: 'Blocks' (member of 'Arena') grows without bound
  return Blocks.back();
}

// Positive: recorded, only counted.
void EventLog::record(int Event) { Events.push_back(Event); }
// CHECK: :[[@LINE-1]]:36: warning: 'Events' (member of 'EventLog') grows without bound
std::size_t EventLog::count() const { return Events.size(); }

// Negative: `first()` is defined elsewhere and may read them.
void Journal::record(int Event) { Events.push_back(Event); }
// LASTING: :[[@LINE-1]]:35: warning: 'Events' (member of 'Journal') grows without bound

// Negative: `sum()` reads them, in a lambda.
void Ledger::record(int Event) { Events.push_back(Event); }
// LASTING: :[[@LINE-1]]:34: warning: 'Events' (member of 'Ledger') grows without bound
int Ledger::sum() const {
  int Sum = 0;
  auto Add = [&] {
    for (int Event : Events)
      Sum += Event;
  };
  Add();
  return Sum;
}

// Positive: a memo cache, although `resolve` reads it.
const std::string &Resolver::resolve(const std::string &Host) {
  auto It = Cache.find(Host);
  if (It != Cache.end())
    return It->second;
  return Cache.emplace(Host, Host + ".local").first->second;
  // CHECK: :[[@LINE-1]]:10: warning: 'Cache' (member of 'Resolver') is a cache that grows without bound{{.*}}[bloat-unbounded-cache]
}

// Positive: a list of callbacks, although `fire` reads it.
void Hooks::attach(std::function<void()> Hook) {
  Callbacks.push_back(std::move(Hook));
  // CHECK: :[[@LINE-1]]:3: warning: callbacks registered into 'Callbacks' (member of 'Hooks') are never removed{{.*}}[bloat-long-lived-capture]
}
void Hooks::fire() {
  for (auto &Callback : Callbacks)
    Callback();
}

// Positive: it reads its targets, but this TU makes one that lasts.
void Plan::want(int Target) { Targets.push_back(Target); }
// CHECK: :[[@LINE-1]]:31: warning: 'Targets' (member of 'Plan') grows without bound
bool Plan::wants(int Target) const {
  for (int Wanted : Targets)
    if (Wanted == Target)
      return true;
  return false;
}
Plan GlobalPlan;
