//===--- RepeatingPath.h - does this code run again and again? -*- C++ -*-===//
//
// Growth only bloats when the code that grows runs any number of times. This
// file answers "why may this statement run repeatedly?" for every check: the
// loops around it, and for its function a small call graph of the TU (called
// inside a loop, called from a repeating caller, stored as a callback, callable
// from other translation units, address taken).
//
//===----------------------------------------------------------------------===//

#ifndef BLOAT_TIDY_ANALYSIS_REPEATINGPATH_H
#define BLOAT_TIDY_ANALYSIS_REPEATINGPATH_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Regex.h"
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace clang::tidy::bloat {

/// Where a statement sits.
struct StmtContext {
  /// The function whose body holds it; a lambda's call operator for a lambda
  /// body. Null at namespace scope.
  const FunctionDecl *Function = nullptr;
  /// The loops around it inside Function that repeat it, innermost first.
  llvm::SmallVector<const Stmt *, 2> Loops;
  /// It runs once: in the initialiser of a static or global variable, or in
  /// a default member initialiser.
  bool RunsOnceAtInitialization = false;
};

/// A for, while, do or range-for statement.
bool isLoop(const Stmt &S);
/// Whether \p Loop may run its body more than once: not the
/// `do { ... } while (0)` that macros use to make a statement.
bool mayRepeat(const Stmt &Loop, ASTContext &Context);
/// Whether \p Child of \p Loop runs on every iteration (not a for's
/// init-statement, nor the range of a range-for, which run once).
bool isRepeatedPart(const Stmt &Loop, const Stmt *Child);

/// A loop without a fixed trip count: `while (true)`, `for (;;)`,
/// `while (running)`, `while (next(x))`. Counting loops, range-for, loops
/// that drain a container (`while (!q.empty())`) and walks along a linked
/// structure (`while (node)`) have one.
bool isOpenEndedLoop(const Stmt &Loop, ASTContext &Context);

/// `for (I = 0; I < N; ++I)` with `N = atol(Argv[1])`: a loop counting to a
/// number parsed from the input. It repeats what it calls (a driver of
/// requests), but a local filled in it holds at most one entry per count.
bool countsToParsedNumber(const Stmt &Loop);

/// Whether \p Body has a loop without a fixed trip count that starts after
/// \p Declared: a local declared there outlives the loop's iterations (a
/// worker's state, an event loop's); one declared inside it dies with each.
bool hasOpenEndedLoopAfter(const Stmt *Body, SourceLocation Declared,
                           ASTContext &Context);

/// Registration, configuration and start-up: `add`, `set`, `register`,
/// `route`, `load`, `init`, `initialize`, `setup`, `start`, `configure`,
/// `install` (any case of the first letter), alone or followed by a capital
/// letter or `_`; `on…` only when it takes a callable (it registers a
/// handler; `onMessage(Msg)` handles one). Whatever its name, a fluent
/// configuration method too: a non-const member function returning an lvalue
/// reference whose every `return` gives `*this` (`Svr.Get(...).Post(...)`) or
/// the element it has just added to a member container it grows (`C.back()`,
/// `C.back().second`, `*C.emplace(K, V).first`, `C.emplace_back(...)`, `C[K]`
/// after inserting K) or what another set-up function returns (a forward:
/// `return Handler->prefix(P);`). Such a function is set-up: callers in other TUs are not
/// assumed to repeat it. The body is walked only for member functions that
/// return an lvalue reference and are not named like set-up.
bool looksLikeSetUp(const FunctionDecl &F);

/// Whether the check can see every member function that could modify the
/// class: all non-const member functions are defined here and it has no
/// friends.
bool allMutatorsVisible(const CXXRecordDecl &Record);

/// Why a function may run any number of times.
struct RepeatCause {
  enum KindType {
    CalledInLoop,        ///< a call site inside a loop (Site, Via = caller)
    StoredCallback,      ///< a lambda stored somewhere long-lived (Site)
    AddressTaken,        ///< its address escapes (Site)
    CalledFromRepeating, ///< called (Site) from Via, which repeats
    ExternallyCallable,  ///< callers outside this TU may call it (Site = decl)
  } Kind;
  SourceLocation Site;
  const FunctionDecl *Via = nullptr;
};

/// The TU's call graph, reduced to what makes a function repeat. A call site
/// costs one entry in a flat list while walking; the list is grouped by
/// callee only when causeOf is first asked, and causes are worked out only
/// for the functions asked about and their callers.
class RepeatingPaths {
public:
  RepeatingPaths() = default;
  /// \p ScriptBindingFunctions (the ScriptBindingFunctions option; null for
  /// none) matches the functions that hand a function to a script
  /// interpreter (`registerMethod(L, "Game", "loadMap", luaGameLoadMap)`).
  /// A function whose address is passed to one is a script binding: scripts
  /// call it while they load, so it is set-up code, not a root. The address
  /// given there is no cause, and callers outside the TU are not assumed to
  /// repeat it; a loop or another root still makes it repeat.
  explicit RepeatingPaths(
      std::shared_ptr<const llvm::Regex> ScriptBindingFunctions)
      : ScriptBindingFunctions(std::move(ScriptBindingFunctions)) {}

  /// A call of \p Callee from \p Caller (null in a global's initialiser);
  /// \p Loops are the loops around it inside Caller, innermost first. Only a
  /// loop without a fixed trip count makes the callee repeat: a bounded loop
  /// multiplies what it does by a finite factor.
  void addCallSite(const FunctionDecl &Callee, const CallExpr &Site,
                   const FunctionDecl *Caller, llvm::ArrayRef<const Stmt *> Loops,
                   bool RunsOnceAtInitialization, ASTContext &Context);

  /// The innermost of \p Loops without a fixed trip count, if any.
  const Stmt *openEndedLoopAmong(llvm::ArrayRef<const Stmt *> Loops,
                                 ASTContext &Context);
  /// isOpenEndedLoop, worked out once per loop of the TU: the walk questions
  /// it asks (reads, returns, va_arg) scan the loop's body.
  bool isOpenEnded(const Stmt &Loop, ASTContext &Context);
  /// hasOpenEndedLoopAfter, with each loop's answer cached as above.
  bool hasOpenEndedLoopAfter(const Stmt *Body, SourceLocation Declared,
                             ASTContext &Context);

  /// Why \p Function repeats, counting only callers this TU can see: for a
  /// set-up style function (`addRoute`, `registerHandler`) that other TUs may
  /// call, but whose visible callers all run once.
  std::optional<RepeatCause> visibleCauseOf(const FunctionDecl *Function);
  /// looksLikeSetUp, worked out once per function of the TU (a fluent
  /// method's body is walked).
  bool looksLikeSetUp(const FunctionDecl &Function);
  void addStoredCallback(const FunctionDecl *CallOperator, SourceLocation Site);
  void addAddressTaken(const FunctionDecl *Function, SourceLocation Site);

  /// Why \p Function repeats, or null if it does not (for example a
  /// file-static function called once from main). \p Context is the TU's.
  const RepeatCause *causeOf(const FunctionDecl *Function);
  /// Why \p Function repeats, counting only what this TU shows: a loop, a
  /// stored callback, an address taken, and callers that repeat for one of
  /// those reasons; not callers in other TUs.
  const RepeatCause *causeSeenInTU(const FunctionDecl *Function);

  /// Like causeOf, but the member functions of the classes given to
  /// addProgramPrivateClass count as called only from this TU: classes no
  /// other TU can name, in a program's main file.
  const RepeatCause *causeInProgram(const FunctionDecl *Function);
  void addProgramPrivateClass(const CXXRecordDecl *Class);

  /// The answer causeOf gave before, for explaining it.
  const RepeatCause *knownCauseOf(const FunctionDecl *Function) const;
  /// The answer causeSeenInTU (or, with \p ProgramCallers, causeInProgram)
  /// gave before, for explaining it.
  const RepeatCause *knownShownCauseOf(const FunctionDecl *Function,
                                       bool ProgramCallers) const;

  /// Whether code outside this TU may call \p Function any number of times.
  static bool isExternallyCallable(const FunctionDecl &Function);

  /// Whether \p Function's address is passed to a function matching
  /// ScriptBindingFunctions in this TU.
  bool isScriptBinding(const FunctionDecl *Function) const;
  const llvm::DenseSet<const FunctionDecl *> &scriptBindings() const {
    return ScriptBindings;
  }
  /// The addresses given to the interpreter, one per binding: no cause for
  /// growth, but what bounds a container counts them (causeCountingBindings).
  std::vector<std::pair<const FunctionDecl *, RepeatCause>>
  bindingCauses() const {
    return {BindingCauses.begin(), BindingCauses.end()};
  }
  /// causeOf as if ScriptBindingFunctions were unset: for a removal, which
  /// a script may make at any time (`player:removeOutfit()`).
  const RepeatCause *causeCountingBindings(const FunctionDecl *Function);

  /// For whole-program facts: every call site, and the direct causes.
  struct CallSiteView {
    const FunctionDecl *Callee;
    const CallExpr *Call;
    const FunctionDecl *Caller;
    bool InLoop;
    bool RunsOnce;
  };
  std::vector<CallSiteView> callSites() const;
  std::vector<std::pair<const FunctionDecl *, RepeatCause>>
  directCauses() const;

private:
  static const FunctionDecl *key(const FunctionDecl *F);
  /// Notes the function references and lambdas that \p Call passes when
  /// ScriptBindingFunctions is set.
  void noteScriptBindingArguments(const FunctionDecl &Callee,
                                  const CallExpr &Call);
  /// The cause of \p F known while matching, but for a lambda given to a
  /// call inside a script binding: it runs as often as the binding does.
  const RepeatCause *directCauseOf(const FunctionDecl *F) const;
  /// Whether callers outside this TU may repeat \p F: externally callable
  /// and not a script binding.
  bool repeatsFromOutside(const FunctionDecl &F) const;
  void offerDirectCause(const FunctionDecl *F, RepeatCause Cause);
  std::optional<RepeatCause> computeCause(const FunctionDecl *F,
                                          unsigned Depth);
  void groupCallSites();
  /// The causes from \p F's own call sites; \p Callers receives the
  /// callers that do not repeat it by themselves.
  std::optional<RepeatCause> causeFromSites(
      const FunctionDecl *F,
      std::vector<std::pair<const CallExpr *, const FunctionDecl *>> &Callers);

  struct CallSite {
    const FunctionDecl *Callee;
    const CallExpr *Call;
    const FunctionDecl *Caller;
    unsigned Order;
    bool InLoop;
    bool RunsOnce;
  };
  /// In walk order until grouped: then sorted by callee, stably.
  std::vector<CallSite> CallSites;
  bool Grouped = false;
  /// isOpenEndedLoop, asked once per loop.
  llvm::DenseMap<const Stmt *, bool> OpenEnded;
  /// causeSeenInTU, or with \p ProgramCallers causeInProgram.
  const RepeatCause *causeShown(const FunctionDecl *Function,
                                bool ProgramCallers);
  const std::optional<RepeatCause> &
  computeSeenCause(const FunctionDecl *F, unsigned Depth, bool ProgramCallers);
  /// Answers of causeSeenInTU and causeInProgram (std::nullopt also while
  /// being worked out); std::map, so that an answer stays put while the
  /// recursion adds others.
  std::map<const FunctionDecl *, std::optional<RepeatCause>> SeenCauses,
      ProgramCauses;
  llvm::DenseSet<const CXXRecordDecl *> ProgramPrivateClasses;
  /// Answers of looksLikeSetUp.
  llvm::DenseMap<const FunctionDecl *, bool> SetUp;
  /// Set-up functions whose visible causes are being worked out.
  llvm::DenseSet<const FunctionDecl *> VisibleInProgress;
  /// Causes known while matching: stored callbacks, addresses taken.
  llvm::DenseMap<const FunctionDecl *, RepeatCause> DirectCauses;
  std::shared_ptr<const llvm::Regex> ScriptBindingFunctions;
  /// Where a function reference passed to a ScriptBindingFunctions call
  /// starts. The walk visits a call before its arguments, so an address
  /// taken there is known to be a binding's when it is offered.
  llvm::DenseSet<SourceLocation> BindingArguments;
  llvm::DenseSet<const FunctionDecl *> ScriptBindings;
  llvm::DenseMap<const FunctionDecl *, RepeatCause> BindingCauses;
  /// Set while causeCountingBindings works, with its own answers swapped
  /// into Causes.
  bool CountingBindings = false;
  llvm::DenseMap<const FunctionDecl *, std::optional<RepeatCause>>
      CausesCountingBindings;
  /// Where each argument of a call starts (only with ScriptBindingFunctions
  /// set): a stored lambda that starts there is given to a call.
  llvm::DenseSet<SourceLocation> CallArguments;
  /// The call operators of lambdas given to a call.
  llvm::DenseSet<const FunctionDecl *> GivenLambdas;
  /// Answers of causeOf; std::nullopt for "does not repeat" or "being
  /// worked out" (a recursive call adds no reason of its own).
  llvm::DenseMap<const FunctionDecl *, std::optional<RepeatCause>> Causes;
};

} // namespace clang::tidy::bloat

#endif // BLOAT_TIDY_ANALYSIS_REPEATINGPATH_H
