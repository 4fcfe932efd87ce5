// bloat-unbounded-container: a fluent configuration method is set-up
// registration whatever its name (issue 11, rule 4 "Set-up registration"). A
// member function that returns an lvalue reference, `*this`, the element it
// has just added to the container it grows, or what another such method
// returns, is configuration: its growth repeats only when a caller on a
// repeating path is visible. Shapes of cpp-httplib (Server::WebSocket, an
// out-of-line Get) and crow (CORSHandler::prefix, forwarded by
// CORSRules::prefix).
//
// Negative: every fluent method is called once, in main before the server
// loop; only the lookalikes are reported.
// RUN: %bloat_tidy -checks='-*,bloat-unbounded-container,bloat-unbounded-cache' -header-filter='.*' \
// RUN:   %s -- -std=c++17 -I %S/Inputs 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=LOOKALIKE --implicit-check-not='warning:'
// Positive: the same methods called in the server loop, or from a request
// handler on the lasting server, are reported.
// RUN: %bloat_tidy -checks='-*,bloat-unbounded-container,bloat-unbounded-cache' -header-filter='.*' \
// RUN:   %s -- -std=c++17 -I %S/Inputs -DREPEATED 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=LOOKALIKE,REPEATED --implicit-check-not='warning:'

#include "fluent-setup.h"

bool running();
int nextRequest();
void echo(int) {}

// LOOKALIKE-DAG: fluent-setup.h:{{[0-9]+}}:{{[0-9]+}}: warning: 'Upgrades' (member of 'Server') grows without bound
// LOOKALIKE-DAG: fluent-setup.h:{{[0-9]+}}:{{[0-9]+}}: warning: 'Lines' (member of 'Server') grows without bound
// LOOKALIKE-DAG: fluent-setup.h:{{[0-9]+}}:{{[0-9]+}}: warning: 'Slots' (member of 'Cors') grows without bound
// LOOKALIKE-DAG: fluent-setup.h:{{[0-9]+}}:{{[0-9]+}}: warning: 'Cache' (member of 'Cors') is a cache

// REPEATED-DAG: fluent-setup.h:{{[0-9]+}}:{{[0-9]+}}: warning: 'Gets' (member of 'Server') grows without bound
// REPEATED-DAG: fluent-setup.h:{{[0-9]+}}:{{[0-9]+}}: warning: 'Sockets' (member of 'Server') grows without bound
// REPEATED-DAG: fluent-setup.h:{{[0-9]+}}:{{[0-9]+}}: warning: 'Mounts' (member of 'Server') grows without bound
// REPEATED-DAG: fluent-setup.h:{{[0-9]+}}:{{[0-9]+}}: warning: 'ByPrefix' (member of 'Cors') grows without bound
// REPEATED-DAG: fluent-setup.h:{{[0-9]+}}:{{[0-9]+}}: warning: 'ByArea' (member of 'Cors') grows without bound
// REPEATED-DAG: fluent-setup.h:{{[0-9]+}}:{{[0-9]+}}: warning: 'ByHost' (member of 'Cors') grows without bound
// REPEATED-DAG: fluent-setup.h:{{[0-9]+}}:{{[0-9]+}}: warning: 'Tags' (member of 'Cors') grows without bound
// REPEATED-DAG: fluent-setup.h:{{[0-9]+}}:{{[0-9]+}}: warning: 'ByMethod' (member of 'Cors') grows without bound

// A lasting middleware, configured once; the server is a local of main.
Cors TheCors;
Rules *ApiRules;

// Called by the server for every request: a repeating path in other TUs.
void handleRequest(int Request) {
#ifdef REPEATED
  // Configuration done per request, on the lasting middleware; ByPrefix
  // through the rule that forwards to it.
  ApiRules->prefix("/v2").Flags = Request;
  TheCors.area("a").Flags = Request;
  TheCors.host("h").Flags = Request;
  TheCors.tag("t");
#endif
}

int main() {
  Server Svr;
  // Set-up, chained as a fluent API is: once, before the loop.
  Svr.Get("/", echo).WebSocket("/ws", echo).Mount("/www");
  Svr.Upgrade("/ws");
  Svr.Log("started");
  ApiRules = &TheCors.prefix("/api");
  ApiRules->prefix("/api/v1").Flags = 1;
  TheCors.area("a").Flags = 2;
  TheCors.host("example.org").Flags = 3;
  TheCors.tag("public");
  TheCors.method("GET").Flags = 4;
  // Not configuration, although called in set-up only: an accessor that
  // inserts on a miss, and a cache filled after a lookup (what separates a
  // cache from loading). Other TUs may call them any number of times.
  TheCors.slot("last").Flags = 5;
  TheCors.cached("seen").Flags = 6;
  while (running()) {
    int Request = nextRequest();
    handleRequest(Request);
#ifdef REPEATED
    // Configuration done again and again in the server loop.
    Svr.Get("/", echo).WebSocket("/ws", echo).Mount("/www");
    TheCors.method("GET").Flags = Request;
#endif
  }
  Svr.listen();
}
