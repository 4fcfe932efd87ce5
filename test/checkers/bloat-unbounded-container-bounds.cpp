// bloat-unbounded-container judges a removal by its effect (issue 10): an
// erase that gives the key straight back, a dedup, a shrink that never runs
// on a repeating path, a resize that grows, or a copy of the whole owner do
// not bound a container. Each rule has a case the old analysis got wrong
// (marked "was silent") and a negative case that stays silent.
// RUN: %check_bloat_tidy %s bloat-unbounded-container %t -- -- -std=c++17
// A list of callbacks is bloat-long-lived-capture's to report (rule 7's
// std::function slots).
// RUN: %check_bloat_tidy -check-suffix=CALLBACKS %s bloat-long-lived-capture \
// RUN:   %t -- -- -std=c++17

#include <algorithm>
#include <functional>
#include <map>
#include <string>
#include <vector>

bool nextEvent(int &Id);

// ---- Rule 1: erase then re-insert ------------------------------------------

std::map<int, long> LastSeen; // Was silent: the erase exists.
void leave(int Id, long Now) {
  if (LastSeen.erase(Id) == 0)
    return;
  LastSeen[Id] = Now; // The same key comes back.
}
// CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'LastSeen' (global) grows without bound: {{.*}}
// CHECK-MESSAGES: :[[@LINE-5]]:7: note: this removal does not bound it: the same key or value is added again right after it

std::map<int, long> Renamed; // A rename, and a real removal elsewhere.
void rename(int Old, int New, long Now) {
  Renamed.erase(Old);
  Renamed[New] = Now;
}
void forget(int Id) { Renamed.erase(Id); }

// ---- Rule 2: dedup is not a bound ------------------------------------------

std::vector<std::string> Recent; // Was silent: move-to-front.
void touch(const std::string &Name) {
  Recent.erase(std::remove(Recent.begin(), Recent.end(), Name), Recent.end());
  Recent.push_back(Name);
}
// CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'Recent' (global) grows without bound: {{.*}}

std::vector<std::string> RecentCapped; // The same dedup, plus a real cap.
void touchCapped(const std::string &Name) {
  auto It = std::find(RecentCapped.begin(), RecentCapped.end(), Name);
  if (It != RecentCapped.end())
    RecentCapped.erase(It);
  RecentCapped.push_back(Name);
  if (RecentCapped.size() > 16)
    RecentCapped.erase(RecentCapped.begin());
}

// ---- Rule 3: shrinks that never run on a repeating path --------------------

class Journal {
public:
  ~Journal() { Lines.clear(); } // Was silent: only in the destructor.
  void write(const std::string &Line) { Lines.push_back(Line); }

private:
  std::vector<std::string> Lines;
};
Journal TheJournal;
// CHECK-MESSAGES: :[[@LINE-6]]:41: warning: 'Lines' (member of 'Journal') grows without bound: {{.*}}

static std::vector<int> Loaded; // Was silent: reset() is never called.
static void reset() { Loaded.clear(); }
void keep(int X) { Loaded.push_back(X); }
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'Loaded' (file-static) grows without bound: {{.*}}

class Trimmed {
public:
  void write(const std::string &Line) { Lines.push_back(Line); }
  void trim() { Lines.clear(); } // Others may call it any number of times.

private:
  std::vector<std::string> Lines;
};
Trimmed TheTrimmed;

// ---- Rule 4: a resize that grows is growth ---------------------------------

std::vector<char> Buffer; // Was silent: resize counted as a shrink.
void appendBytes(const char *Data, unsigned N) {
  std::size_t Old = Buffer.size();
  Buffer.resize(Old + N);
  std::copy(Data, Data + N, Buffer.data() + Old);
}
// CHECK-MESSAGES: :[[@LINE-3]]:3: warning: 'Buffer' (global) grows without bound: {{.*}}

std::vector<int> Window; // Appended, then cut back to a maximum.
void push(int X) {
  Window.push_back(X);
  if (Window.size() > 64)
    Window.resize(64);
}

// ---- Rule 5: copying the whole owner is not a shrink -----------------------

class Game {
public:
  void click(int X) { History.push_back(X); }

private:
  std::vector<int> History; // Was silent: `Saved = Current` copies it.
};
Game Current, Saved;
void save() { Saved = Current; }
void play(int X) { Current.click(X); } // Other TUs may call it: repeats.
// CHECK-MESSAGES: :[[@LINE-8]]:23: warning: 'History' (member of 'Game') grows without bound: {{.*}}

class Fresh {
public:
  void click(int X) { History.push_back(X); }
  void restart() { History = {}; }

private:
  std::vector<int> History; // Assigned itself: bounded.
};
Fresh TheFresh;
void playFresh(int X) { TheFresh.click(X); }
void restartFresh() { TheFresh.restart(); }

// ---- Rule 6: growth inside elements ---------------------------------------

class Store {
public:
  void record(int Sensor, double Sample) { Series[Sensor].push_back(Sample); }
  void unplug(int Sensor) { Series.erase(Sensor); } // A rare path.

private:
  std::map<int, std::vector<double>> Series;
};
Store TheStore;
void sample(int Sensor, double V) { TheStore.record(Sensor, V); }
void unplugSensor(int Sensor) { TheStore.unplug(Sensor); }
// CHECK-MESSAGES: :[[@LINE-9]]:44: warning: 'Series' (member of 'Store') grows inside its elements ('Series[...]' is appended to) on a repeating path, and nothing there erases, clears or caps them [bloat-unbounded-container]

class CappedStore {
public:
  void record(int Sensor, double Sample) {
    auto It = Series.find(Sensor);
    if (It == Series.end())
      return;
    It->second.push_back(Sample);
    if (It->second.size() > 100)
      It->second.erase(It->second.begin());
  }

private:
  std::map<int, std::vector<double>> Series;
};
CappedStore TheCappedStore;
void sampleCapped(int Sensor, double V) { TheCappedStore.record(Sensor, V); }

// ---- Rule 7: tombstones stay growth ----------------------------------------

std::vector<std::function<void()>> Slots;
std::vector<int *> Pointers;
void subscribe(std::function<void()> F) { Slots.push_back(std::move(F)); }
void own(int *P) { Pointers.push_back(P); }
void cancel(unsigned I) { Slots[I] = nullptr; }
void release(unsigned I) {
  delete Pointers[I];
  Pointers[I] = nullptr;
}
// CHECK-MESSAGES-CALLBACKS: :[[@LINE-7]]:43: warning: callbacks registered into 'Slots' (global) are never removed; {{.*}}
// CHECK-MESSAGES: :[[@LINE-7]]:20: warning: 'Pointers' (global) grows without bound: {{.*}}

// ---- Rule 8: generic helpers -----------------------------------------------

template <class C> void dropAll(C &Items) { Items.clear(); }
std::vector<int> Drained; // Was reported: the template's parameter was
void fill(int X) {        // taken for opaque.
  Drained.push_back(X);
  dropAll(Drained);
}

// Was silent: the dependent call of a visible helper was taken for a drain.
template <class T> class Recorder {
public:
  void record(T X) {
    Items.push_back(X);
    inspect(Items);
  }

private:
  void inspect(std::vector<T> &Seen) { (void)Seen.size(); }
  std::vector<T> Items;
};
Recorder<int> TheRecorder;
// CHECK-MESSAGES: :[[@LINE-9]]:5: warning: 'Items' (member of 'Recorder') grows without bound: {{.*}}

template <class T> class Compactor { // The helper really drains it.
public:
  void record(T X) {
    Items.push_back(X);
    compact(Items);
  }

private:
  void compact(std::vector<T> &Seen) { Seen.clear(); }
  std::vector<T> Items;
};
Compactor<int> TheCompactor;

struct TraceLog : std::vector<std::string> {};
TraceLog Trace; // Was silent: not seen as a vector.
void trace(const std::string &Line) { Trace.push_back(Line); }
// CHECK-MESSAGES: :[[@LINE-1]]:39: warning: 'Trace' (global) grows without bound: {{.*}}

int main() {
  int Id = 0;
  while (nextEvent(Id))
    TheJournal.write("x");
}
