// Long-lived sequences for the "bound it" cap of bloat-unbounded-container.
// The ones marked FIX get a cap from --fix-notes; the ones marked NO FIX keep
// their finding, because no cap could be spelled that surely compiles.
#include <deque>
#include <list>
#include <map>
#include <string>
#include <vector>

#define RECORD(c, x) (c).push_back(x)

// FIX: a member vector grown at the back drops its first element.
class Session {
public:
  void onMessage(const std::string &Text) {
    Log.push_back(Text);
  }
  void onBinary(const std::string &Bytes) {
    Log.emplace_back(Bytes);
  }

private:
  std::vector<std::string> Log;
};

// FIX: a global deque drops its front.
std::deque<int> g_samples;
void sample(int X) { g_samples.push_back(X); }

// FIX: a list grown at the front drops its back.
class Recent {
public:
  void touch(int Id) {
    Ids.push_front(Id);
  }

private:
  std::list<int> Ids;
};

// FIX: a public member grown from outside its class: the limit is qualified.
struct Stats {
  std::vector<double> Latencies;
};
Stats g_stats;
void record(double Ms) {
  g_stats.Latencies.push_back(Ms);
}

// NO FIX: the growth is in a macro.
std::vector<int> g_macro;
void viaMacro(int X) { RECORD(g_macro, X); }

// NO FIX: the growth is not a statement of its own.
std::vector<int> g_unbraced;
void unbraced(int X) {
  if (X > 0)
    g_unbraced.push_back(X);
}

// NO FIX: a member of a class template.
template <typename T> class Journal {
public:
  void append(const T &V) { Entries.push_back(V); }

private:
  std::vector<T> Entries;
};
template class Journal<int>;

// NO FIX: a map has no oldest element.
std::map<int, int> g_counts;
void count(int K) { g_counts[K] = 1; }

// NO FIX: growth in the middle is neither end.
std::vector<int> g_middle;
void middle(int X) { g_middle.insert(g_middle.begin() + 1, X); }

// NO FIX: the name the limit would take is already spelled in the TU.
int kMaxTaken = 3;
std::vector<int> g_taken;
void take(int X) { g_taken.push_back(X); }
