// bloat-long-lived-capture: how long the holder of a stored lambda keeps it
// (issue 11, per-TU false alarms whose cause is evidence, not the container
// decision). Each section names the cause it covers and has a negative case
// (silent) next to a positive one that stays reported.
// RUN: %check_bloat_tidy %s bloat-long-lived-capture %t -- -- -std=c++17

#include <functional>
#include <memory>
#include <string>
#include <vector>

// ---- Cause: lambda stored in a member of a local (per-call) object ---------

struct Part {
  std::string Name;
  std::function<bool(std::size_t)> Provider;
};

// Negative: the lambda lives in a member of `Made`, an automatic local that
// this call builds and returns: the callback lives as long as that object,
// as it would in a local std::function.
Part makeFilePart(const std::string &Name, const std::string &Path) {
  Part Made;
  Made.Name = Name;
  Made.Provider = [Path](std::size_t Offset) { return Offset < Path.size(); };
  return Made;
}

// Positive: the same member of an object reached through a reference (or a
// pointer) may belong to anything long-lived.
void fillPart(Part &Into, const std::string &Path) {
  Into.Provider = [Path](std::size_t Offset) { return Offset < Path.size(); };
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: lambda stored in 'Provider' (member of 'Part') captures 'Path' (std::string, a container) by value; the copy lives as long as the callback [bloat-long-lived-capture]
}

// ---- Cause: a callback the TU releases (`Holder = nullptr`) ----------------

struct Response {
  std::function<bool()> IsAlive;
  std::function<void()> OnComplete;
  std::function<void()> OnClose;
};

struct Session : std::enable_shared_from_this<Session> {
  // Negative: IsAlive and OnComplete capture the session, and the TU empties
  // both when the request completes: they keep it only for one request.
  void handle() {
    Res.OnComplete = nullptr;
    auto Self = shared_from_this();
    Res.IsAlive = [Self] { return Self->Buffer.empty(); };
    Res.OnComplete = [Self] { Self->Buffer.clear(); };
  }
  void completed() {
    Res.IsAlive = nullptr;
    Res.OnComplete = {};
  }

  // Positive: OnClose is emptied only before the lambda is stored, which
  // releases the previous callback, not this one.
  void watch() {
    Res.OnClose = nullptr;
    auto Self = shared_from_this();
    Res.OnClose = [Self] { Self->Buffer.clear(); };
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: lambda stored in 'OnClose' (member of 'Response') captures 'Self' (shared_ptr<Session>, shared ownership of {{[0-9]+}} bytes) by value; the copy lives as long as the callback [bloat-long-lived-capture]
  }

  Response Res;
  std::vector<char> Buffer;
  char Scratch[4096];
};

// Positive: a holder that is only ever given callbacks keeps the last one.
std::function<void()> OnShutdown;
void atShutdown(const std::vector<int> &Table) {
  OnShutdown = [Table] { (void)Table.size(); };
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda stored in 'OnShutdown' (global) captures 'Table' {{.*}}
}

// Negative: a global callback emptied once it has run.
std::function<void()> OnStart;
void atStart(const std::vector<int> &Table) {
  OnStart = [Table] { (void)Table.size(); };
}
void started() {
  if (OnStart)
    OnStart();
  OnStart = std::function<void()>();
}

// Negative: the same in a class template, whose release the TU shows in the
// template even where no instantiation calls it.
template <typename Socket>
struct Connection : std::enable_shared_from_this<Connection<Socket>> {
  void handle() {
    auto Self = this->shared_from_this();
    Res.IsAlive = [Self] { return Self->Scratch[0] != 0; };
  }
  void completed() { Res.IsAlive = nullptr; }
  Response Res;
  char Scratch[4096];
};
void serve() { std::make_shared<Connection<int>>()->handle(); }
