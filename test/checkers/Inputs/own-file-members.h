// Classes whose member functions bloat-unbounded-container-own-file.cpp
// defines: that test is their own .cpp.
#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

// Reads what it keeps (the destructor frees every block): a per-task arena
// and a process-long one look alike here.
class Arena {
public:
  ~Arena();
  char *allocate(std::size_t Bytes);

private:
  std::vector<char *> Blocks;
};

// Records every event and only ever counts them.
class EventLog {
public:
  void record(int Event);
  std::size_t count() const;

private:
  std::vector<int> Events;
};

// The same, but a member function this TU does not define may read them.
class Journal {
public:
  void record(int Event);
  int first() const;

private:
  std::vector<int> Events;
};

// The same, but it reads them back.
class Ledger {
public:
  void record(int Event);
  int sum() const;

private:
  std::vector<int> Events;
};

// Looked up, then filled on a miss: a memo cache.
class Resolver {
public:
  const std::string &resolve(const std::string &Host);

private:
  std::map<std::string, std::string> Cache;
};

// A list of callbacks.
class Hooks {
public:
  void attach(std::function<void()> Hook);
  void fire();

private:
  std::vector<std::function<void()>> Callbacks;
};

// Reads what it keeps, but this TU makes a global one.
class Plan {
public:
  void want(int Target);
  bool wants(int Target) const;

private:
  std::vector<int> Targets;
};
