//===--- Decide.h - which containers grow without bound ---------*- C++ -*-===//
//
// The one decision of both modes, a pure function over facts
// (facts/Facts.h): a container is unbounded when it grows on a repeating
// path, no shrink that runs on a repeating path can reach it (itself, its
// elements, through a callee that shrinks its reference parameter, or
// through an accessor's callers), and its owner is not short-lived. What a
// site's repetition, an owner's lifetime and unseen code are, the Evidence
// says: one TU's AST per TU, the merged facts for a project.
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

/// How long the instances of a member's class live.
enum class Lifetime { Lasting, Short, Unknown };

/// What the decision asks of what it does not read itself: how often a site
/// runs, what code out of sight may do, how long an owner lives. Per TU, the
/// TU's AST and call graph answer (analysis/ContainerFacts.cpp); for a
/// project, its merged facts do (decide() below).
class Evidence {
public:
  virtual ~Evidence() = default;
  /// Code the decision cannot see may shrink \p C: it stays silent.
  virtual bool unseenMayShrink(const Container &C) = 0;
  /// How long the object holding member \p C lives; Short silences it.
  virtual Lifetime ownerLifetime(const Container &C) = 0;
  /// Whether the growth \p S of \p C runs any number of times.
  virtual bool growthRepeats(const Container &C, const Site &S) = 0;
  /// Whether the shrink \p S of \p C runs any number of times.
  virtual bool shrinkRepeats(const Container &C, const Site &S) = 0;
  /// Whether a function that \p C is handed to shrinks it on a repeating
  /// path.
  virtual bool shrunkByCallee(const Container &C) = 0;
  /// The calls on what an accessor returns (`Bus.handlers()`) that grow
  /// \p C on a repeating path, and whether one shrinks it on one.
  virtual std::vector<const AccessorUse *>
  accessorGrowths(const Container &C) = 0;
  virtual bool shrunkThroughAccessor(const Container &C) = 0;
  /// Of the growth sites that repeat, the one with the highest preference
  /// is reported (the first of them in the facts' order on a tie).
  virtual int preference(const Site &) { return 0; }
};

/// A container that grows without bound, and why: the decision's answer,
/// before any wording.
struct Verdict {
  const Container *Subject = nullptr;
  /// The check whose finding it is: a memo cache is bloat-unbounded-cache's,
  /// a list of callbacks bloat-long-lived-capture's, any other container
  /// bloat-unbounded-container's.
  std::string Check;
  /// Its elements grow (`M[K].push_back(X)`), not the container itself.
  bool Elements = false;
  /// The growth sites that repeat, the one to report at first; empty when
  /// it grows only through an accessor's callers.
  std::vector<const Site *> Sites;
  std::vector<const AccessorUse *> AccessorGrowths;
  /// A removal that gives back what it removed (erase, then re-insert).
  const Site *GivenBack = nullptr;
  /// Removals that do not run on a repeating path.
  std::vector<const Site *> Idle;
};

/// The one decision, per TU and for a project: every container of \p F
/// that grows on a repeating path with nothing that runs on one (itself,
/// its elements, a callee, an accessor's caller) to shrink it, whose owner
/// is not short-lived and that no unseen code may shrink; in the order of
/// F.Containers.
std::vector<Verdict> judge(const Facts &F, Evidence &E);

/// Every container of the project \p F that grows without bound, in
/// location order, worded: judge() with the project's facts as evidence.
std::vector<Finding> decide(const Facts &F, const DecideOptions &Options);

} // namespace bloat_facts

#endif // BLOAT_TIDY_FACTS_DECIDE_H
