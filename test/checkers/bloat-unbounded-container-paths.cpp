// Which paths repeat: loops, callers inside loops, stored lambdas, functions
// other translation units may call, and functions whose address escapes.
// RUN: %check_bloat_tidy %s bloat-unbounded-container %t -- -- -std=c++17

#include <functional>
#include <string>
#include <vector>

bool nextRequest(int &Id);
void registerHandler(void (*Handler)(int));
void subscribe(std::function<void(int)> Callback);

// ---- Growth inside a loop ----------------------------------------------

// A loop without a fixed trip count repeats the growth any number of times.
static std::vector<int> LoopLog;
static void drainOnce(int N) {
  int Id = 0;
  while (nextRequest(Id)) {
    LoopLog.push_back(Id);
  }
}
// CHECK-NOTES: :[[@LINE-3]]:5: warning: 'LoopLog' (file-static) grows without bound: appended on a repeating path but never erased, cleared or capped [bloat-unbounded-container]
// CHECK-NOTES: :[[@LINE-8]]:25: note: 'LoopLog' is declared here
// CHECK-NOTES: :[[@LINE-6]]:3: note: the growth repeats in this loop
// CHECK-NOTES: :[[@LINE-10]]:25: note: bound it: erase the oldest entries once it passes a size limit, keep it in a ring buffer such as boost::circular_buffer, or clear it once per request or frame

// A counting loop multiplies the growth by a finite factor: in a function
// that runs a bounded number of times (from main, below), it is bounded.
static std::vector<int> CountedLog;
static void fillCounted(int N) {
  for (int I = 0; I < N; ++I)
    CountedLog.push_back(I);
}

// `do { ... } while (0)` is not a loop, and a function called once from
// main does not repeat.
static std::vector<std::string> Config;
static void loadConfig() {
  do {
    Config.push_back("verbose");
  } while (0);
}

// ---- Called inside a loop, directly or through other functions ----------

static std::vector<int> Seen;
static void remember(int Id) {
  Seen.push_back(Id);
}
static void handle(int Id) { remember(Id); }
// CHECK-NOTES: :[[@LINE-3]]:3: warning: 'Seen' (file-static) grows without bound: appended on a repeating path but never erased, cleared or capped [bloat-unbounded-container]
// CHECK-NOTES: :[[@LINE-6]]:25: note: 'Seen' is declared here
// CHECK-NOTES: :[[@LINE-3]]:30: note: 'remember' is called from 'handle', which runs on a repeating path
// CHECK-NOTES: :[[@LINE+136]]:5: note: 'handle' is called inside a loop here
// CHECK-NOTES: :[[@LINE-9]]:25: note: bound it: {{.*}}

static std::vector<int> Totals;
static void addTotal(int T) {
  Totals.push_back(T);
}

// ---- Stored lambdas ----------------------------------------------------

static std::vector<std::string> Clicks;
static std::function<void(int)> OnClick = [](int X) {
  Clicks.push_back(std::to_string(X));
};
// CHECK-NOTES: :[[@LINE-2]]:3: warning: 'Clicks' (file-static) grows without bound: appended on a repeating path but never erased, cleared or capped [bloat-unbounded-container]
// CHECK-NOTES: :[[@LINE-5]]:33: note: 'Clicks' is declared here
// CHECK-NOTES: :[[@LINE-5]]:43: note: this lambda is stored as a long-lived callback and may run any number of times
// CHECK-NOTES: :[[@LINE-7]]:33: note: bound it: {{.*}}

static std::vector<int> Published;
static void wireUp() {
  subscribe([](int X) { Published.push_back(X); });
}
// CHECK-NOTES: :[[@LINE-2]]:25: warning: 'Published' (file-static) grows without bound: {{.*}}
// CHECK-NOTES: :[[@LINE-5]]:25: note: 'Published' is declared here
// CHECK-NOTES: :[[@LINE-4]]:13: note: this lambda is stored as a long-lived callback and may run any number of times
// CHECK-NOTES: :[[@LINE-7]]:25: note: bound it: {{.*}}

// A lambda handed to an algorithm runs there and then.
static std::vector<int> Sorted;
static void sortOnce(std::vector<int> &Input) {
  std::for_each(Input.begin(), Input.end(), [](int X) { Sorted.push_back(X); });
}

// ---- Address taken -----------------------------------------------------

static std::vector<int> Handled;
static void onEvent(int X) { Handled.push_back(X); }
static void install() { registerHandler(&onEvent); }
// CHECK-NOTES: :[[@LINE-2]]:30: warning: 'Handled' (file-static) grows without bound: {{.*}}
// CHECK-NOTES: :[[@LINE-4]]:25: note: 'Handled' is declared here
// CHECK-NOTES: :[[@LINE-3]]:42: note: the address of 'onEvent' is taken here, so it may be called any number of times
// CHECK-NOTES: :[[@LINE-6]]:25: note: bound it: {{.*}}

// ---- Callable from other translation units -------------------------------

std::vector<std::string> Journal;
void appendJournal(const std::string &Line) {
  Journal.push_back(Line);
}
// CHECK-NOTES: :[[@LINE-2]]:3: warning: 'Journal' (global) grows without bound: {{.*}}
// CHECK-NOTES: :[[@LINE-5]]:26: note: 'Journal' is declared here
// CHECK-NOTES: :[[@LINE-5]]:6: note: 'appendJournal' can be called from other translation units any number of times
// CHECK-NOTES: :[[@LINE-7]]:26: note: bound it: {{.*}}

// ---- Locals that outlive the iterations of an endless loop ---------------

int compute();
extern bool Running;

void worker() {
  std::vector<int> Results;
  while (Running) {
    Results.push_back(compute());
  }
}
// CHECK-NOTES: :[[@LINE-3]]:5: warning: 'Results' (local in 'worker') grows without bound: appended on a repeating path but never erased, cleared or capped [bloat-unbounded-container]
// CHECK-NOTES: :[[@LINE-6]]:20: note: 'Results' is declared here
// CHECK-NOTES: :[[@LINE-6]]:3: note: this loop has no fixed trip count and 'Results' outlives its iterations
// CHECK-NOTES: :[[@LINE-8]]:20: note: bound it: declare it inside the loop, or consume and clear it on every iteration

void server() {
  std::vector<int> Ids;
  int Id = 0;
  while (nextRequest(Id))
    Ids.push_back(Id);
}
// CHECK-NOTES: :[[@LINE-2]]:5: warning: 'Ids' (local in 'server') grows without bound: {{.*}}
// CHECK-NOTES: :[[@LINE-6]]:20: note: 'Ids' is declared here
// CHECK-NOTES: :[[@LINE-5]]:3: note: this loop has no fixed trip count and 'Ids' outlives its iterations
// CHECK-NOTES: :[[@LINE-8]]:20: note: bound it: {{.*}}

void spin() {
  std::string Trace;
  for (;;) {
    Trace += "tick";
  }
}
// CHECK-NOTES: :[[@LINE-3]]:5: warning: 'Trace' (local in 'spin') grows without bound: {{.*}}
// CHECK-NOTES: :[[@LINE-6]]:15: note: 'Trace' is declared here
// CHECK-NOTES: :[[@LINE-6]]:3: note: this loop has no fixed trip count and 'Trace' outlives its iterations
// CHECK-NOTES: :[[@LINE-8]]:15: note: bound it: {{.*}}

// A counting loop has a fixed trip count.
void fill() {
  std::vector<int> Squares;
  for (int I = 0; I < 100; ++I)
    Squares.push_back(I * I);
}

// Declared inside the loop: each iteration starts empty.
void perIteration() {
  while (true) {
    std::vector<int> Batch;
    Batch.push_back(compute());
    if (Batch.front() < 0)
      break;
  }
}

// A loop that drains a container stops when it is empty.
void breadthFirst(std::vector<int> Start) {
  std::vector<int> Visited;
  while (!Start.empty()) {
    Visited.push_back(Start.back());
    Start.pop_back();
  }
}

// A local that is returned leaves with its caller.
std::vector<int> readAll() {
  std::vector<int> All;
  int Id = 0;
  while (nextRequest(Id))
    All.push_back(Id);
  return All;
}

// ---- main: runs once, but its loops repeat --------------------------------

int main() {
  loadConfig();
  wireUp();
  install();
  int Id = 0;
  while (nextRequest(Id)) {
    handle(Id);
  }
  std::vector<int> Input;
  sortOnce(Input);
  for (int I = 0; I < 3; ++I)
    drainOnce(I);
  fillCounted(3);
  addTotal(1); // Called once, outside any loop.
  return 0;
}

// ---- Member functions of a local class are analysed too ------------------

static std::vector<int> LocalSeen;
static std::vector<int> LocalCapped;
void collectLocally(const std::vector<int> &Ids) {
  struct Collector {
    void collect(const std::vector<int> &Ids) {
      for (int Id : Ids)
        LocalSeen.push_back(Id);
      for (int Id : Ids)
        if (LocalCapped.size() < 100)
          LocalCapped.push_back(Id);
    }
  };
  Collector().collect(Ids);
}
// CHECK-NOTES: :[[@LINE-8]]:9: warning: 'LocalSeen' (file-static) grows without bound: {{.*}}
// CHECK-NOTES: :[[@LINE-15]]:25: note: 'LocalSeen' is declared here
// CHECK-NOTES: :[[@LINE-4]]:3: note: 'collectLocally(const std::vector<int> &)::Collector::collect' is called from 'collectLocally', which runs on a repeating path
// CHECK-NOTES: :[[@LINE-15]]:6: note: 'collectLocally' can be called from other translation units any number of times
// CHECK-NOTES: :[[@LINE-18]]:25: note: bound it: {{.*}}

// A walk along a linked structure ends with it: the condition is a pointer.
struct ListNode {
  int Value;
  ListNode *Next;
};
void collectList(ListNode *Head) {
  std::vector<int> Values;
  for (ListNode *N = Head; N; N = N->Next)
    Values.push_back(N->Value);
  while (Head) {
    Values.push_back(Head->Value);
    Head = Head->Next;
  }
}
