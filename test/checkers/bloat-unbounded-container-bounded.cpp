// bloat-unbounded-container: what bounds a container (then the check is
// silent), each beside a near miss that does not.
// RUN: %check_bloat_tidy %s bloat-unbounded-container %t -- -- -std=c++17

#include <deque>
#include <iostream>
#include <list>
#include <map>
#include <queue>
#include <set>
#include <string>
#include <utility>
#include <vector>

// ---- Shrinking calls ------------------------------------------------------

std::vector<int> Erased, Cleared, PoppedBack, Resized, SwappedMember,
    SwappedStd, AssignedEmpty, AssignedOther, Exchanged, Moved;
std::deque<int> PoppedFront;
std::queue<int> Popped;
std::set<int> Extracted;
std::list<int> Spliced, SpliceTarget;
std::string Line;

void growAll(int X) {
  Erased.push_back(X);
  Cleared.push_back(X);
  PoppedBack.push_back(X);
  Resized.push_back(X);
  SwappedMember.push_back(X);
  SwappedStd.push_back(X);
  AssignedEmpty.push_back(X);
  AssignedOther.push_back(X);
  Exchanged.push_back(X);
  Moved.push_back(X);
  PoppedFront.push_back(X);
  Popped.push(X);
  Extracted.insert(X);
  Spliced.push_back(X);
  Line += "x";
}

void shrinkAll() {
  Erased.erase(Erased.begin());
  Cleared.clear();
  PoppedBack.pop_back();
  Resized.resize(10);
  std::vector<int> Empty;
  SwappedMember.swap(Empty);
  std::swap(SwappedStd, Empty);
  AssignedEmpty = {};
  AssignedOther = Empty;
  (void)std::exchange(Exchanged, {});
  std::vector<int> Taken = std::move(Moved);
  PoppedFront.pop_front();
  Popped.pop();
  Extracted.extract(1);
  SpliceTarget.splice(SpliceTarget.end(), Spliced);
  std::getline(std::cin, Line);
}

// ---- Escapes that may shrink it ---------------------------------------------

void drain(std::vector<int> &Items);      // Body not visible.
void inspect(const std::vector<int> &Items); // Cannot change it.

std::vector<int> HandedToUnseen, HandedOutByReference, HandedToVisible;
std::vector<int> ReadByUnseen, HandedToKeeper, CopiedOut, ConstRefOut;

std::vector<int> &handedOut() { return HandedOutByReference; }
static void reset(std::vector<int> &Items) { Items.clear(); }
static void keep(std::vector<int> &Items) { (void)Items.size(); }
std::vector<int> copiedOut() { return CopiedOut; }
const std::vector<int> &constRefOut() { return ConstRefOut; }

void escapes(int X) {
  HandedToUnseen.push_back(X);
  drain(HandedToUnseen);
  HandedOutByReference.push_back(X);
  HandedToVisible.push_back(X);
  reset(HandedToVisible);
  ReadByUnseen.push_back(X);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ReadByUnseen' (global) grows without bound: {{.*}}
  inspect(ReadByUnseen);
  HandedToKeeper.push_back(X);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'HandedToKeeper' (global) grows without bound: {{.*}}
  keep(HandedToKeeper);
  CopiedOut.push_back(X);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'CopiedOut' (global) grows without bound: {{.*}}
  ConstRefOut.push_back(X);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ConstRefOut' (global) grows without bound: {{.*}}
}

// ---- Size guards --------------------------------------------------------------

constexpr std::size_t Limit = 1000;
std::vector<int> GuardedByIf, GuardedByReturn, ReadSizeOnly, GuardedElsewhere;

void guarded(int X) {
  if (GuardedByIf.size() < Limit)
    GuardedByIf.push_back(X);
}

void guardedEarly(int X) {
  if (GuardedByReturn.size() >= Limit)
    return;
  GuardedByReturn.push_back(X);
}

void sizeNotCompared(int X) {
  std::cout << ReadSizeOnly.size();
  ReadSizeOnly.push_back(X);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ReadSizeOnly' (global) grows without bound: {{.*}}
}

bool full() { return GuardedElsewhere.size() > Limit; }
void guardIsElsewhere(int X) {
  GuardedElsewhere.push_back(X);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'GuardedElsewhere' (global) grows without bound: {{.*}}
}

// ---- Keys with a finite domain ---------------------------------------------

enum class Level { Debug, Info, Error };
std::map<bool, int> ByFlag;
std::map<Level, std::string> ByLevel;
std::set<Level> LevelsSeen;
std::multimap<Level, std::string> AllByLevel;

void countKeys(bool Flag, Level L, const std::string &Message) {
  ++ByFlag[Flag];
  ByLevel[L] = Message;
  LevelsSeen.insert(L);
  AllByLevel.emplace(L, Message);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'AllByLevel' (global) grows without bound: inserted {{.*}}
}

// ---- Growth that runs once ------------------------------------------------

class Palette {
public:
  Palette() {
    Colors.push_back("red");
    Colors.push_back("green");
  }
  std::size_t count() const { return Colors.size(); }

private:
  std::vector<std::string> Colors;
};

const std::vector<int> &primes() {
  static const std::vector<int> Table = [] {
    std::vector<int> Result;
    Result.push_back(2);
    Result.push_back(3);
    return Result;
  }();
  return Table;
}

std::vector<int> RegisteredOnce;
static bool Registration = (RegisteredOnce.push_back(1), true);
