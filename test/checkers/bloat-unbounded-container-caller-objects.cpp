// bloat-unbounded-container on a member grown in a header's member function,
// reached from a repeating function through an object that function was
// given (a parameter) or made for the call (an automatic local): this TU
// shows no object that grows again and again, only one per call (issue 11,
// cause "member of per-request object"). Whole-program mode decides those
// from the project's instances.
// RUN: %bloat_tidy -checks='-*,bloat-unbounded-container' -header-filter='.*' \
// RUN:   %s -- -std=c++17 -I %S/Inputs 2>&1 \
// RUN:   | FileCheck %s --check-prefix=SILENT --allow-empty --implicit-check-not='warning:'
// A loop around the growth in the function given the object repeats it on
// that one object.
// RUN: %bloat_tidy -checks='-*,bloat-unbounded-container' -header-filter='.*' \
// RUN:   %s -- -std=c++17 -I %S/Inputs -DLOOP 2>&1 \
// RUN:   | FileCheck %s --check-prefix=LOOP
// RUN: %bloat_tidy -checks='-*,bloat-unbounded-container' -header-filter='.*' \
// RUN:   %s -- -std=c++17 -I %S/Inputs -DREPLAY 2>&1 \
// RUN:   | FileCheck %s --check-prefix=REPLAY
// An object held by another (a member) is not made for the call.
// RUN: %bloat_tidy -checks='-*,bloat-unbounded-container' -header-filter='.*' \
// RUN:   %s -- -std=c++17 -I %S/Inputs -DMEMBER 2>&1 \
// RUN:   | FileCheck %s --check-prefix=MEMBER
// AssumeInstancesLiveLong reports them as if every instance lasted.
// RUN: %bloat_tidy -checks='-*,bloat-unbounded-container' -header-filter='.*' \
// RUN:   -config="{CheckOptions: {AssumeInstancesLiveLong: true}}" \
// RUN:   %s -- -std=c++17 -I %S/Inputs 2>&1 \
// RUN:   | FileCheck %s --check-prefix=LASTING

#include "caller-objects.h"

using Handler = void (*)();
void route(const char *Path, Handler H);
void routeResponse(const char *Path, void (*H)(Response *));

// Negative: a handler fills the response it is given, one per request,
// itself or through a helper it hands the response to.
void onRequest(Response *Resp) { Resp->contentType("text/html"); }
static void fill(Response &Out) { Out.header("Server", "test"); }
void onHead(Response *Resp) { fill(*Resp); }

// Negative: a response made for each call (in the header's serialise()).
void onPing() { serialise("pong"); }

void install() {
  routeResponse("/", onRequest);
  routeResponse("/head", onHead);
  route("/ping", onPing);
}

// SILENT-NOT: warning:
// LASTING: caller-objects.h:11:5: warning: 'Headers' (member of 'Response') grows without bound

#ifdef LOOP
void stream(Response &Resp) {
  for (;;)
    Resp.header("X-Chunk", "1");
}
// LOOP: caller-objects.h:11:5: warning: 'Headers' (member of 'Response') grows without bound
// LOOP: bloat-unbounded-container-caller-objects.cpp:[[@LINE-3]]:5: note: 'Response::header' is called inside a loop here
#endif

#ifdef REPLAY
// A handler given its object is also called in a loop on one object.
void replay(Response &Current) {
  for (;;)
    onRequest(&Current);
}
// REPLAY: caller-objects.h:11:5: warning: 'Headers' (member of 'Response') grows without bound
#endif

#ifdef MEMBER
struct Session {
  Response Last;
  void onTick() { Last.contentType("text/plain"); }
};
void every(void (Session::*Tick)());
void installTick() { every(&Session::onTick); }
// MEMBER: caller-objects.h:11:5: warning: 'Headers' (member of 'Response') grows without bound
#endif
