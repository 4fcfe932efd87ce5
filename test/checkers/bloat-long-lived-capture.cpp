// bloat-long-lived-capture: lambdas kept somewhere long-lived that copy large
// objects into themselves.
// RUN: %check_bloat_tidy %s bloat-long-lived-capture %t -- -- -std=c++17 -pthread
// RUN: %check_bloat_tidy -check-suffix=OPTS %s bloat-long-lived-capture %t \
// RUN:   -- -config="{CheckOptions: {bloat-long-lived-capture.SizeThreshold: 8192, bloat-long-lived-capture.RegistrationFunctions: '^listen$'}}" \
// RUN:   -- -std=c++17 -pthread
// With bloat-unbounded-container enabled too, this check still reports the
// callback containers, and that one stays silent on them: the same findings
// whichever other checks run.
// RUN: %check_bloat_tidy -check-suffix=BOTH %s \
// RUN:   bloat-long-lived-capture,bloat-unbounded-container %t -- -- -std=c++17 -pthread

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

void subscribe(std::function<void()> Callback);
void listen(std::function<void()> Callback);
void runNow(std::function<void()> Callback);

struct Frame {
  char Pixels[4096];
};
struct Small {
  int A, B;
};

// ---- Where lambdas are kept ---------------------------------------------------

static std::function<void()> OnTick;
std::map<std::string, std::function<void()>> Handlers;

void attach(const std::vector<int> &Table, const std::string &Name,
            const Frame &Last, std::shared_ptr<std::vector<int>> Shared,
            std::shared_ptr<int> Counter) {
  OnTick = [Table] { (void)Table.size(); };
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: lambda stored in 'OnTick' (file-static) captures 'Table' (std::vector<int>, a container) by value; the copy lives as long as the callback [bloat-long-lived-capture]
  // CHECK-MESSAGES-OPTS: :[[@LINE-2]]:13: warning: lambda stored in 'OnTick' (file-static) captures 'Table' {{.*}}
  // CHECK-MESSAGES-BOTH: :[[@LINE-3]]:13: warning: lambda stored in 'OnTick' (file-static) captures 'Table' {{.*}}

  Handlers[Name] = [Name] { (void)Name.size(); };
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: callbacks registered into 'Handlers' (global) are never removed; each keeps what it captured alive [bloat-long-lived-capture]
  // CHECK-MESSAGES-OPTS: :[[@LINE-2]]:3: warning: callbacks registered into 'Handlers' (global) {{.*}}
  // CHECK-MESSAGES-BOTH: :[[@LINE-3]]:3: warning: callbacks registered into 'Handlers' (global) are never removed; {{.*}} [bloat-long-lived-capture]
  // CHECK-MESSAGES: :[[@LINE-4]]:21: warning: lambda stored in an element of 'Handlers' (global) captures 'Name' (std::string, a container) by value{{.*}}
  // CHECK-MESSAGES-OPTS: :[[@LINE-5]]:21: warning: lambda stored in an element of 'Handlers' {{.*}}
  // CHECK-MESSAGES-BOTH: :[[@LINE-6]]:21: warning: lambda stored in an element of 'Handlers' {{.*}}

  subscribe([=] { (void)Last.Pixels[0]; });
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: lambda registered with 'subscribe' captures 'Last' (Frame, 4096 bytes) by value{{.*}}
  // CHECK-MESSAGES-BOTH: :[[@LINE-2]]:25: warning: lambda registered with 'subscribe' captures 'Last' {{.*}}

  subscribe([Copy = Table] { (void)Copy.size(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: lambda registered with 'subscribe' captures 'Copy' (std::vector<int>, a container) by value{{.*}}
  // CHECK-MESSAGES-BOTH: :[[@LINE-2]]:14: warning: lambda registered with 'subscribe' captures 'Copy' {{.*}}

  subscribe([Shared] { (void)Shared->size(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: lambda registered with 'subscribe' captures 'Shared' (std::shared_ptr<std::vector<int>>, shared ownership of a container) by value{{.*}}
  // CHECK-MESSAGES-BOTH: :[[@LINE-2]]:14: warning: lambda registered with 'subscribe' captures 'Shared' {{.*}}

  listen([Table] { (void)Table.size(); });
  // CHECK-MESSAGES-OPTS: :[[@LINE-1]]:11: warning: lambda registered with 'listen' captures 'Table' {{.*}}

  // Small captures, references and `this`-free pointers are fine.
  Small S{1, 2};
  subscribe([S, Counter] { (void)S.A; (void)*Counter; });
  subscribe([&Table] { (void)Table.size(); });
  // A function that is not a registration may call it on the spot.
  runNow([Table] { (void)Table.size(); });
}

class Widget {
public:
  Widget(std::vector<int> Data) : OnResize([Data] { (void)Data; }) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: lambda stored in 'OnResize' (member of 'Widget') captures 'Data' {{.*}}
  // CHECK-MESSAGES-OPTS: :[[@LINE-2]]:45: warning: lambda stored in 'OnResize' (member of 'Widget') captures 'Data' {{.*}}
  // CHECK-MESSAGES-BOTH: :[[@LINE-3]]:45: warning: lambda stored in 'OnResize' (member of 'Widget') captures 'Data' {{.*}}
  void arm() {
    OnClose = [*this] { (void)Buffer[0]; };
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: lambda stored in 'OnClose' (member of 'Widget') captures '*this' (Widget, {{[0-9]+}} bytes) by value{{.*}}
    // CHECK-MESSAGES-OPTS: :[[@LINE-2]]:16: warning: lambda stored in 'OnClose' (member of 'Widget') captures '*this' {{.*}}
    // CHECK-MESSAGES-BOTH: :[[@LINE-3]]:16: warning: lambda stored in 'OnClose' (member of 'Widget') captures '*this' {{.*}}
    OnOpen = [this] { (void)Buffer[0]; };
  }

private:
  std::function<void()> OnResize, OnClose, OnOpen;
  char Buffer[8192];
};

// ---- Not kept: run here or once -------------------------------------------------

void localOnly(std::vector<int> Table) {
  auto Sum = [Table] { return Table.size(); };
  (void)Sum();
  std::for_each(Table.begin(), Table.end(), [Table](int) {});
  std::thread Worker([Table] { (void)Table.size(); });
  Worker.join();
}

// ---- Callback containers that only grow ---------------------------------------

class Signal {
public:
  void connect(std::function<void()> Listener) {
    Listeners.push_back(std::move(Listener));
  }
  void emit() {
    for (auto &L : Listeners)
      L();
  }

private:
  std::vector<std::function<void()>> Listeners;
};
// CHECK-MESSAGES: :[[@LINE-10]]:5: warning: callbacks registered into 'Listeners' (member of 'Signal') are never removed; each keeps what it captured alive [bloat-long-lived-capture]
// CHECK-MESSAGES-OPTS: :[[@LINE-11]]:5: warning: callbacks registered into 'Listeners' {{.*}}
// CHECK-MESSAGES-BOTH: :[[@LINE-12]]:5: warning: callbacks registered into 'Listeners' (member of 'Signal') are never removed; {{.*}} [bloat-long-lived-capture]

class Removable {
public:
  void connect(std::function<void()> Listener) {
    Listeners.push_back(std::move(Listener));
  }
  void removeAll() { Listeners.clear(); }

private:
  std::vector<std::function<void()>> Listeners;
};

// Templates and macros do not confuse it.
template <typename T> void keep(T Value) {
  subscribe([Value] { (void)Value; });
}
void useKeep() { keep(1); }
#define KEEP(X) subscribe([X] { (void)X.size(); })
void viaMacro(std::string Text) { KEEP(Text); }
// CHECK-MESSAGES: :[[@LINE-1]]:40: warning: lambda registered with 'subscribe' captures 'Text' {{.*}}
// CHECK-MESSAGES-BOTH: :[[@LINE-2]]:40: warning: lambda registered with 'subscribe' captures 'Text' {{.*}}
