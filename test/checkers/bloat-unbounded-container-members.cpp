// bloat-unbounded-container on data members: "never shrunk" is only claimed
// when the TU sees every non-const member function and the member is not
// public; AssumeUnseenCodeDoesNotShrink reports the rest too.
// RUN: %check_bloat_tidy %s bloat-unbounded-container %t -- -- -std=c++17
// RUN: %check_bloat_tidy -check-suffix=STRICT %s bloat-unbounded-container %t \
// RUN:   -- -config="{CheckOptions: {bloat-unbounded-container.AssumeUnseenCodeDoesNotShrink: true}}" \
// RUN:   -- -std=c++17

#include <string>
#include <vector>

// Every member function is defined here and `Log` is private: reported.
class Session {
public:
  void record(const std::string &Line);
  std::size_t size() const { return Log.size(); }

private:
  std::vector<std::string> Log;
};

void Session::record(const std::string &Line) {
  Log.push_back(Line);
}
// CHECK-NOTES: :[[@LINE-2]]:3: warning: 'Log' (member of 'Session') grows without bound: appended on a repeating path but never erased, cleared or capped [bloat-unbounded-container]
// CHECK-NOTES: :[[@LINE-7]]:28: note: 'Log' is declared here
// CHECK-NOTES: :[[@LINE-12]]:8: note: 'Session::record' can be called from other translation units any number of times
// CHECK-NOTES: :[[@LINE-9]]:28: note: bound it: erase the oldest entries once it passes a size limit, keep it in a ring buffer such as boost::circular_buffer, or clear it once per request or frame
// CHECK-MESSAGES-STRICT: :[[@LINE-6]]:3: warning: 'Log' (member of 'Session') grows {{.*}}

// `trim` is declared but defined in another TU: it may shrink `Events`.
class Partial {
public:
  void log(int E) { Events.push_back(E); }
  void trim();

private:
  std::vector<int> Events;
};
// CHECK-MESSAGES-STRICT: :[[@LINE-6]]:21: warning: 'Events' (member of 'Partial') grows {{.*}}

// A friend may shrink it.
class Befriended {
  friend void resetAll(Befriended &);

public:
  void log(int E) { Events.push_back(E); }

private:
  std::vector<int> Events;
};
// CHECK-MESSAGES-STRICT: :[[@LINE-5]]:21: warning: 'Events' (member of 'Befriended') grows {{.*}}

// A public member may be shrunk by anyone.
struct Open {
  void log(int E) { Events.push_back(E); }
  std::vector<int> Events;
};
// CHECK-MESSAGES-STRICT: :[[@LINE-3]]:21: warning: 'Events' (member of 'Open') grows {{.*}}

// Const member functions cannot shrink it, so they need not be visible.
class ConstOnly {
public:
  void log(int E) { Events.push_back(E); }
  std::size_t count() const;

private:
  std::vector<int> Events;
};
// CHECK-NOTES: :[[@LINE-6]]:21: warning: 'Events' (member of 'ConstOnly') grows without bound: {{.*}}
// CHECK-NOTES: :[[@LINE-3]]:20: note: 'Events' is declared here
// CHECK-NOTES: :[[@LINE-8]]:8: note: 'ConstOnly::log' can be called from other translation units any number of times
// CHECK-NOTES: :[[@LINE-5]]:20: note: bound it: {{.*}}
// CHECK-MESSAGES-STRICT: :[[@LINE-10]]:21: warning: 'Events' (member of 'ConstOnly') grows {{.*}}
// The global instance is what reports it: without one, its own .cpp cannot
// tell a lasting object from a per-task one that `count()` reads.
ConstOnly Journal;

// A member function that shrinks it bounds it.
class Bounded {
public:
  void log(int E) {
    Events.push_back(E);
    if (Events.size() > 100)
      Events.erase(Events.begin());
  }

private:
  std::vector<int> Events;
};

// A private member function called only from a constructor never repeats.
class Setup {
public:
  Setup() { fill(); }

private:
  void fill() { Defaults.push_back(1); }
  std::vector<int> Defaults;
};

// A class in an anonymous namespace: all callers are in this TU.
namespace {
class Local {
public:
  void log(int E) { Events.push_back(E); }

private:
  std::vector<int> Events;
};
void useLocalOnce() {
  Local L;
  L.log(1);
}
} // namespace
