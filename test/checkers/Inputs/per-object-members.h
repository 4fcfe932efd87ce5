// Classes whose growing member functions are defined in this header: a TU
// that includes it sees some of their callers and only its own instances.
#include <map>
#include <string>
#include <vector>

// Built per task by its users (a local of one call): a visited set.
class Collector {
public:
  void collect(int Node) { Visited.push_back(Node); }

private:
  std::vector<int> Visited;
};

// Kept for the whole run by the TU below (a global there).
class Journal {
public:
  void record(const std::string &Line) { Lines.push_back(Line); }

private:
  std::vector<std::string> Lines;
};

// Fed in an endless loop by the TU below.
class Mailbox {
public:
  void put(int Message) { Messages.push_back(Message); }

private:
  std::vector<int> Messages;
};

// Member functions defined in the TU below, the class's own.
class Builder {
public:
  void add(int Part);

private:
  std::vector<int> Parts;
};
class Tally {
public:
  void bump();

private:
  std::vector<int> Counts;
};
class Planner {
public:
  void plan(int Step);

private:
  std::vector<int> Steps;
};
class Driver {
public:
  Driver();

private:
  Planner ThePlanner;
};

// Fed through a helper that the TU below calls in an endless loop.
class Outbox {
public:
  void post(int Message) { Posted.push_back(Message); }

private:
  std::vector<int> Posted;
};
