// bloat-unbounded-container: evidence the loop classification gathers (issue
// 11, per-TU false alarms whose cause is evidence, not the container
// decision). Each section names the cause it covers and has a negative case
// (silent) next to a positive one that stays reported.
// RUN: %check_bloat_tidy %s bloat-unbounded-container %t -- -- -std=c++17
// RUN: %check_bloat_tidy %s bloat-unbounded-container %t -- -- -std=c++20

#include <algorithm>
#include <vector>

// ---- Cause: walk over finite input (a chain followed until a link is null) --

struct Position {
  int X, Y;
  bool operator==(const Position &Other) const {
    return X == Other.X && Y == Other.Y;
  }
};
struct Portal;
struct Tile {
  Portal *portal() const;
};
struct Portal {
  Position destination() const;
};
const Tile *tileAt(const Position &At);

// Negative: `while (true)` follows the chain of portals, each found from the
// one before, and leaves at the first tile without one (or on a cycle). The
// local holds one entry per link of a finite chain.
bool chainIsFinite(Portal *Next, const Position &Start) {
  std::vector<Position> Seen = {Start};
  while (true) {
    const Position &To = Next->destination();
    if (std::find(Seen.begin(), Seen.end(), To) != Seen.end())
      return false;
    const Tile *T = tileAt(To);
    if (!T)
      break;
    Next = T->portal();
    if (Next == nullptr)
      break;
    Seen.push_back(To);
  }
  return true;
}

// Negative: the link is stepped at the end of the body, tested first.
struct Node {
  Node *Next;
  int Value;
};
int sumChain(Node *At) {
  std::vector<int> Values;
  for (;;) {
    if (!At)
      break;
    Values.push_back(At->Value);
    At = At->Next;
  }
  return static_cast<int>(Values.size());
}

// Positive: a pointer that is not found from its previous value is a
// worker's wait for the next job, not a walk: the local outlives every job.
struct Job {
  int Id;
};
struct JobQueue {
  Job *pop();
};
void work(JobQueue &Queue) {
  std::vector<int> Done;
  for (;;) {
    Job *Next = Queue.pop();
    if (!Next)
      break;
    Done.push_back(Next->Id);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Done' (local in 'work') grows without bound: {{.*}}
  }
}

// Positive: `P = P` steps nowhere; the loop waits on something else.
bool poll();
void spin(Node *Head) {
  std::vector<int> Ticks;
  while (true) {
    Head = Head;
    if (Head == nullptr)
      break;
    if (poll())
      Ticks.push_back(1);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'Ticks' (local in 'spin') grows without bound: {{.*}}
  }
}
