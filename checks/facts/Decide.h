//===--- Decide.h - which containers of a project grow without bound ------===//
//
// The decision of whole-program mode: pure functions over merged facts
// (facts/Facts.h). A container is unbounded when it grows on a repeating
// path, no shrink that runs on a repeating path can reach it anywhere in the
// project (itself, its elements, through a callee that shrinks its reference
// parameter, or through an accessor's callers), and its owner is not
// short-lived (every instance an automatic local of a function that returns).
//
//===----------------------------------------------------------------------===//

#ifndef BLOAT_TIDY_FACTS_DECIDE_H
#define BLOAT_TIDY_FACTS_DECIDE_H

#include "facts/Facts.h"
#include <string>
#include <vector>

namespace bloat_facts {

struct Note {
  Location At;
  std::string Message;
};

struct Finding {
  std::string Check;
  Location At;
  std::string Message;
  std::vector<Note> Notes;
};

struct DecideOptions {
  /// Code outside the compile database (a function declared in the project
  /// but defined in no TU, a call through a pointer, a reference to the
  /// container kept by a caller) may shrink what it is given: stay silent.
  /// False reports such containers anyway.
  bool UnseenCodeMayShrink = true;
  /// Whether a function with no caller in the project is an entry point
  /// that code outside it may call any number of times. Auto: yes for a
  /// library; no when the project defines `main` (a program: nothing outside
  /// it calls in, so an uncalled function is dead code, a test's helper or
  /// set-up reached through a call the facts do not resolve). A virtual
  /// function stays an entry point either way.
  enum class EntryPolicy { Auto, Always, Never };
  EntryPolicy UncalledFunctions = EntryPolicy::Auto;
};

/// Every container of \p F that grows without bound, in location order.
std::vector<Finding> decide(const Facts &F, const DecideOptions &Options);

} // namespace bloat_facts

#endif // BLOAT_TIDY_FACTS_DECIDE_H
