//===--- Facts.h - what one TU, or a project, does to its containers ------===//
//
// Whole-program mode (docs/wholeprogram.md): each TU yields facts, pure data
// with no warning in them; facts of many TUs merge into the project's facts;
// one decision over the merged facts finds the containers that grow without
// bound. Entities are named by stable keys (qualified names, with the file for
// internal linkage), so the same container or function seen by two TUs is one
// entry after the merge.
//
// This file depends on LLVM's Support library only, so that the bloat-facts
// tool can read, merge and decide without Clang.
//
//===----------------------------------------------------------------------===//

#ifndef BLOAT_TIDY_FACTS_FACTS_H
#define BLOAT_TIDY_FACTS_FACTS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <tuple>
#include <vector>

namespace bloat_facts {

/// Bumped whenever a field changes meaning; a file of another version is
/// refused, never misread.
constexpr int FactsVersion = 4;

struct Location {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
  auto tie() const { return std::tie(File, Line, Column); }
};

/// A container that lives somewhere: a global, a static, a member.
struct Container {
  std::string Key;
  std::string Name;      ///< `history`
  std::string Qualified; ///< `GameState::history`
  Location Declared;
  /// global, namespace, file-static, static-member, static-local, member,
  /// local.
  std::string Owner;
  std::string OwnerScope; ///< `GameState`, for messages
  std::string OwnerClass; ///< key of the class, for a member
  bool Associative = false;
  bool FiniteKeys = false;
  /// Holds callables (std::function, any class with an operator()): a list
  /// of callbacks, bloat-long-lived-capture's to report.
  bool Callbacks = false;
  /// For a local: the TU's own decision (a local is never seen elsewhere).
  bool LocalUnbounded = false;
  /// Checks the user silenced for it (NOLINT on its declaration; "*" for
  /// IgnoredNames).
  std::vector<std::string> Suppressed;
  auto tie() const {
    return std::tie(Key, Name, Qualified, Declared.File, Declared.Line,
                    Declared.Column, Owner, OwnerScope, OwnerClass,
                    Associative, FiniteKeys, Callbacks, LocalUnbounded,
                    Suppressed);
  }
};

/// A growth (or a shrink) of a container, or of its elements.
struct Site {
  std::string Container;
  std::string Function; ///< key; empty in an initialiser
  Location At;
  /// Inside a loop of Function without a fixed trip count.
  bool OpenEndedLoop = false;
  /// Runs once whatever calls it: a constructor, an initialiser, after a
  /// "filled once" guard or a size cap (growth only).
  bool Once = false;
  /// Of an element (`M[K].push_back(X)`), not of the container itself.
  bool Element = false;
  /// Growth: after a lookup of the same container (a cache filled on a miss).
  bool CacheMiss = false;
  /// Shrink: empties the whole container (clear, assignment, swap).
  bool Whole = false;
  /// Shrink: the same key is added right back (erase then re-insert).
  bool GivenBack = false;
  /// Growth: checks a NOLINT on its line silences.
  std::vector<std::string> Suppressed;
  /// Growth of a member: the object it acts on. "fresh": one the function
  /// made itself (an automatic local, or a local pointer given a `new`),
  /// with no loop without a fixed trip count between its declaration and
  /// the growth; "this": the object the member function runs on; ""
  /// otherwise (a parameter, a global, what a call returned).
  std::string Receiver;
  auto tie() const {
    return std::tie(Container, Function, At.File, At.Line, At.Column,
                    OpenEndedLoop, Once, Element, CacheMiss, Whole, GivenBack,
                    Suppressed, Receiver);
  }
};

/// A container passed by non-const reference or pointer to a function.
struct Pass {
  std::string Container;
  std::string Callee;
  int Param = 0;
  std::string Function; ///< the caller
  Location At;
  bool OpenEndedLoop = false;
  auto tie() const {
    return std::tie(Container, Callee, Param, Function, At.File, At.Line,
                    At.Column, OpenEndedLoop);
  }
};

/// A call made on what an accessor returns: `Bus.callbacks().clear()`.
struct AccessorUse {
  std::string Accessor;
  std::string Effect; ///< grows, shrinks, reads
  std::string Function;
  Location At;
  bool OpenEndedLoop = false;
  auto tie() const {
    return std::tie(Accessor, Effect, Function, At.File, At.Line, At.Column,
                    OpenEndedLoop);
  }
};

/// A function that hands out a container by non-const reference or pointer.
struct Escape {
  std::string Container;
  std::string Function;
  auto tie() const { return std::tie(Container, Function); }
};

struct Function {
  std::string Key;
  std::string Name; ///< qualified, for messages
  Location Declared;
  /// Defined in this TU (after a merge: in some TU).
  bool Defined = false;
  /// Code outside the project may call it: external linkage, virtual.
  bool External = false;
  bool Main = false;
  /// Registration or start-up by its name, or a fluent configuration method
  /// (looksLikeSetUp): with no caller in the project it is not taken as an
  /// entry point that repeats.
  bool SetUp = false;
  /// A virtual member function: called through its base class's entry,
  /// which the call graph does not link to it.
  bool Virtual = false;
  /// For a definition: what it does to each reference parameter that holds
  /// a container, by index: grows, shrinks, reads, unknown ("" otherwise).
  std::vector<std::string> Params;
  auto tie() const {
    return std::tie(Key, Name, Declared.File, Declared.Line, Declared.Column,
                    Defined, External, Main, SetUp, Virtual, Params);
  }
};

struct Call {
  std::string Caller; ///< empty in an initialiser
  std::string Callee;
  Location At;
  bool OpenEndedLoop = false;
  bool Once = false;
  /// A member function call: the object it is called on, as a growth's
  /// Receiver ("fresh", "this" or "").
  std::string Receiver;
  auto tie() const {
    return std::tie(Caller, Callee, At.File, At.Line, At.Column, OpenEndedLoop,
                    Once, Receiver);
  }
};

/// A function that runs any number of times by itself: a stored callback,
/// an address taken (a thread entry, a handler). "binding": the address of a
/// script binding given to the interpreter (ScriptBindingFunctions): no root
/// for growth (set-up), but a removal it makes counts as repeating, as it
/// would without the option.
struct Root {
  std::string Function;
  std::string Kind; ///< callback, address, binding
  Location At;
  auto tie() const {
    return std::tie(Function, Kind, At.File, At.Line, At.Column);
  }
};

/// Where an instance of a class is made and how long it lives.
struct Instance {
  std::string Class;
  /// global, static, member, local, heap.
  std::string Kind;
  /// The class it is a member of, or the function it is a local of.
  std::string In;
  std::string InName; ///< readable
  /// A local of main or of a function with an endless loop: it lasts.
  bool Lasting = false;
  /// A member: the key of the field that holds it (a member object, or a
  /// pointer the instance is stored in).
  std::string Field;
  /// Stored into Field by this function (not a constructor), replacing the
  /// instance the field held: a field replaced on a repeating path holds
  /// one instance per task (a memtable swapped on every compaction).
  std::string ReplacedIn;
  /// The replacement is inside a loop without a fixed trip count.
  bool ReplacedInLoop = false;
  Location At;
  auto tie() const {
    return std::tie(Class, Kind, In, InName, Lasting, Field, ReplacedIn,
                    ReplacedInLoop, At.File, At.Line, At.Column);
  }
};

/// The facts of one TU, or of many merged.
struct Facts {
  std::vector<std::string> Units;
  std::vector<std::string> Inputs;
  std::vector<Container> Containers;
  std::vector<Site> Growths;
  std::vector<Site> Shrinks;
  std::vector<Pass> Passes;
  std::vector<AccessorUse> AccessorUses;
  std::vector<Escape> Escapes;
  std::vector<Function> Functions;
  std::vector<Call> Calls;
  std::vector<Root> Roots;
  std::vector<Instance> Instances;

  /// Sorts every list and drops duplicates; merges the entries of one
  /// function seen by several TUs (defined wins, parameter effects join).
  void normalize();
  /// Adds \p Other: associative and commutative after normalize().
  void merge(Facts Other);
  /// Adds \p Other without normalizing: for merging many files, normalize
  /// once at the end (linear in the facts, not quadratic).
  void append(Facts Other);
};

/// Deterministic JSON: sorted keys, normalized lists.
std::string toJSON(const Facts &F);
llvm::Expected<Facts> fromJSON(llvm::StringRef Text);

/// Reads a facts file; a file of another version is an error.
llvm::Expected<Facts> readFactsFile(llvm::StringRef Path);
/// Writes a facts file atomically (a temporary file, then a rename).
llvm::Error writeFactsFile(llvm::StringRef Path, const Facts &F);

} // namespace bloat_facts

#endif // BLOAT_TIDY_FACTS_FACTS_H
