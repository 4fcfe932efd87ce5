//===--- ContainerFacts.h - what the TU does to each container -*- C++ -*-===//
//
// Collects, while clang-tidy matches, every growth, shrink, escape and size
// guard of every container, plus the call graph that makes paths repeat; then,
// once at the end of the TU, asks the one decision (facts/Decide.h) which
// containers grow without bound, with the TU as its evidence. Every bloat
// check reads its findings from here instead of re-deriving them.
//
//===----------------------------------------------------------------------===//

#ifndef BLOAT_TIDY_ANALYSIS_CONTAINERFACTS_H
#define BLOAT_TIDY_ANALYSIS_CONTAINERFACTS_H

#include "analysis/BodyWalk.h"
#include "analysis/Callbacks.h"
#include "analysis/ContainerModel.h"
#include "analysis/RepeatingPath.h"
#include "facts/Facts.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <functional>
#include <map>
#include <vector>

namespace clang::tidy::bloat {

/// One place that grows a container.
struct GrowthSite {
  const Expr *Call = nullptr;
  SourceLocation Loc;
  StmtContext Context;
  /// Reached as `global.member`: a public member of a global object.
  bool ThroughGlobalObject = false;
  /// `M[K]` read after a successful lookup may insert nothing: the report
  /// prefers a site that certainly inserts.
  bool MayOnlyRead = false;
  /// The innermost loop around it without a fixed trip count, if any.
  const Stmt *OpenEndedLoop = nullptr;
};

/// One place that removes from a container (or replaces its contents).
struct ShrinkSite {
  /// Null in an initialiser.
  const FunctionDecl *Function = nullptr;
  SourceLocation Loc;
  /// Inside a loop without a fixed trip count.
  bool InOpenEndedLoop = false;
  /// Empties or replaces the whole container (clear, assignment, swap), as
  /// opposed to removing some elements (erase, pop).
  bool Whole = false;
  /// The call, and the variable holding the key or value it removes, if
  /// it names one: `M.erase(K)`, `M.erase(M.find(K))`,
  /// `V.erase(std::remove(B, E, K), E)`.
  const Expr *Call = nullptr;
  const VarDecl *Key = nullptr;
};

/// Why a growth site runs again and again.
struct RepeatEvidence {
  enum KindType {
    InsideLoop,      ///< Loop around the site
    LocalAcrossLoop, ///< Loop without a fixed trip count around a local
    FunctionRepeats, ///< Function repeats: see Chain
  } Kind;
  const Stmt *Loop = nullptr;
  const FunctionDecl *Function = nullptr;
  /// Which callers showed that Function repeats: any
  /// (RepeatingPaths::causeOf), those this TU shows (causeSeenInTU), or
  /// those of the program (causeInProgram). The notes explain that chain.
  enum ChainKind { AnyCallers, CallersSeenInTU, CallersInProgram };
  ChainKind Chain = AnyCallers;
};

/// A container that grows on a repeating path and is never bounded.
struct UnboundedContainer {
  const ValueDecl *Decl;
  Owner TheOwner;
  ContainerType Type;
  /// The site to report at, and why it repeats.
  const GrowthSite *Primary;
  RepeatEvidence Why;
  /// Every other growth site, in source order.
  std::vector<const GrowthSite *> OtherSites;
  /// A lookup that precedes a repeating growth in the same function: the
  /// container is a memo or lookup cache that inserts on a miss.
  const Expr *CacheLookup = nullptr;
  /// Set when the growth is inside its elements (`M[K].push_back(X)`): how
  /// the element is reached, e.g. "series_[...]".
  std::string ElementPath;
  /// A removal that does not bound it because the same key or value is
  /// added right back (erase then re-insert, dedup then append).
  SourceLocation GivenBackRemoval;
  /// The check whose finding it is (bloat_facts::Verdict::Check).
  std::string Check;
};

/// The owner kind's name in facts (facts/Facts.h's Container::Owner).
const char *ownerKindName(OwnerKind Kind);

/// A lambda kept somewhere (stored, registered or passed to a call).
struct StoredLambda {
  const LambdaExpr *Lambda;
  CallbackStorage Storage;
};

struct ContainerFactsOptions {
  /// Code the TU cannot see (functions without a body, members of classes
  /// not fully visible, public members) is assumed not to shrink anything.
  bool AssumeUnseenCodeDoesNotShrink = false;
  /// An object's member grown in a member function defined in a header
  /// repeats its growth when code in other TUs may call that function any
  /// number of times, as if every instance lived as long as the process.
  /// Off: a TU that only includes the header reports such a member when it
  /// shows the repetition (a loop, a stored callback, an address taken), an
  /// instance that lasts, or reaches it through a global object;
  /// whole-program mode decides the rest from the instances. (The class's
  /// own .cpp reports its members as if one instance lasted.)
  /// AssumeUnseenCodeDoesNotShrink implies it.
  bool AssumeInstancesLiveLong = false;
  /// ScriptBindingFunctions: the functions that hand a function to a script
  /// interpreter. A function whose address is passed to one is set-up code
  /// (RepeatingPaths), in per-TU and whole-program mode alike. Null: none.
  std::shared_ptr<const llvm::Regex> ScriptBindingFunctions;
};

class ContainerFacts : public WalkListener {
public:
  ContainerFacts(ContainerModel Model, ContainerFactsOptions Options);
  ContainerFacts(ContainerFacts &&);
  ContainerFacts &operator=(ContainerFacts &&);
  ~ContainerFacts() override;

  /// Fed by a walk of every body of the TU (analysis/BodyWalk.h).
  bool startBody(const FunctionDecl *Function, ASTContext &Context) override;
  void visit(const Stmt &S, const WalkPosition &Where) override;

  /// Which containers grow without bound: the decision of facts/Decide.h
  /// over the TU's containers, made once per TU.
  std::vector<UnboundedContainer> unboundedContainers(const SourceManager &SM);

  /// The call graph, for explaining a FunctionRepeats cause.
  const RepeatingPaths &paths() const { return Paths; }

  /// Every lambda the TU keeps somewhere, in walk order.
  llvm::ArrayRef<StoredLambda> lambdas() const { return Lambdas; }

  /// Forgets the TU (facts hold AST pointers).
  void clear();

  /// What the user silenced, for whole-program facts: the checks silenced
  /// for a container, and for a growth site.
  struct Suppressions {
    std::function<std::vector<std::string>(const ValueDecl &)> ForContainer;
    std::function<std::vector<std::string>(SourceLocation)> ForSite;
  };

  /// The TU's facts for whole-program mode (facts/Facts.h): pure data.
  bloat_facts::Facts exportFacts(const Suppressions &Silenced = {});

private:
  struct Record {
    const ValueDecl *Decl = nullptr;
    /// Empty for a parameter: it only forwards shrinks to what it aliases.
    std::optional<Owner> TheOwner;
    ContainerType Type;
    std::vector<GrowthSite> Growths;
    /// Shrinks on some path; they bound it only if one repeats.
    std::vector<ShrinkSite> Shrinks;
    /// Growth and shrinks of its elements, when they are containers:
    /// `M[K].push_back(X)`, `It->second.clear()`.
    std::vector<GrowthSite> ElementGrowths;
    std::vector<ShrinkSite> ElementShrinks;
    std::string ElementPath;
    /// For a parameter: the function it belongs to grows what it is given.
    bool ParameterGrown = false;
    /// Passed to a call the TU cannot resolve (through a pointer, or still
    /// dependent).
    bool Opaque = false;
    /// Every pass by non-const reference or pointer, for whole-program mode.
    struct PassSite {
      const FunctionDecl *Callee;
      unsigned Index;
      const FunctionDecl *Caller;
      SourceLocation Loc;
      bool InOpenEndedLoop;
    };
    std::vector<PassSite> Passes;
    /// Functions that return it by non-const reference or pointer.
    llvm::SmallVector<const FunctionDecl *, 1> ReturnedBy;
    /// Certainly bounded: a returned local, ...
    bool AlwaysBounded = false;
    bool EscapesToUnseenCode = false;
    /// Functions that compare its size().
    llvm::DenseSet<const FunctionDecl *> GuardedIn;
    /// find(), count(), ... calls and their (canonical) functions, for
    /// telling caches apart.
    std::vector<std::pair<const CallExpr *, const FunctionDecl *>> Lookups;
    /// Parameters (of functions defined in the TU) it is passed to by
    /// non-const reference or pointer; they may shrink it.
    llvm::SmallVector<const ParmVarDecl *, 2> PassedTo;
  };

  void onCall(const CallExpr &Call, const WalkPosition &Where);
  void onLambda(const LambdaExpr &Lambda, const WalkPosition &Where);
  void onFunctionReference(const DeclRefExpr &Ref, const FunctionDecl &Function,
                           const WalkPosition &Where);
  void onReturn(const ReturnStmt &Return, const WalkPosition &Where);
  void onDependentOperator(const Stmt &Operator, const WalkPosition &Where);

  void onMemberCall(const CallExpr &Call, const MemberCallView &View,
                    const WalkPosition &Where);
  void onArguments(const FunctionDecl *Callee,
                   llvm::ArrayRef<const Expr *> Args, const WalkPosition &Where);
  void onCondition(const IfStmt &If, const WalkPosition &Where);
  void onAssignment(const BinaryOperator &Assign, const WalkPosition &Where);
  void addShrink(Record &R, SourceLocation Loc, const WalkPosition &Where,
                 bool Whole = true);
  /// For `M[K].push_back(X)` and the like: the record of `M`, and how the
  /// element is reached.
  Record *elementOwner(const Expr *Element, std::string &Path);
  void onElementCall(const CallExpr &Call, const MemberCallView &View,
                     const WalkPosition &Where);
  void onAccessorCall(const MemberCallView &View, const WalkPosition &Where);
  /// `M[K].erase(X)`: the subscript reaches an element to shrink it, on a
  /// removal path where the key is there already; it is no growth of `M`.
  bool reachesElementToShrink(const CallExpr &Subscript,
                              const WalkPosition &Where);
  GrowthSite makeSite(const Expr &Call, const WalkPosition &Where);
  /// Whether growth with the same key is reachable, in \p Site's function,
  /// right after \p Site: the entry comes back (erase then re-insert, or
  /// remove duplicates then append), so the removal bounds nothing.
  bool isGivenBack(const Record &R, const ShrinkSite &Site);
  void addGrowth(const ValueDecl &D, const Expr &Call, const Expr *Object,
                 const WalkPosition &Where);

  /// The record for \p D if it holds (or refers to) a container; parameters
  /// get records too, to learn whether a callee shrinks what it is given.
  Record *recordFor(const ValueDecl *D);
  bool mayBeShrunkElsewhere(const Record &R) const;
  /// Whether \p R's keys take few values: a narrow key type, or
  /// `static void note(const std::string &Name) { Seen.insert(Name); }` when
  /// every call of `note` (which no other TU can call and whose address is
  /// not kept) passes a constant: one key per call site.
  bool hasFiniteKeys(const Record &R);
  bool everyCallPassesConstant(const FunctionDecl &Function, unsigned Index);
  /// The TU's direct calls by callee, and the functions called otherwise
  /// (an address taken, a callback): built on first use.
  std::optional<llvm::DenseMap<const FunctionDecl *,
                               llvm::SmallVector<const CallExpr *, 2>>>
      CallsByCallee;
  llvm::DenseSet<const FunctionDecl *> IndirectlyCalled;
  /// Whether \p Site runs any number of times.
  bool shrinkRepeats(const ShrinkSite &Site);
  /// Whether the growth at \p Site comes after a check that stops it: a
  /// size() cap on a container grown in lockstep, a "filled once" flag.
  bool isCappedOrOnce(const GrowthSite &Site) const;
  /// Whether \p Site runs once whatever calls it: in an initialiser or a
  /// constructor, after a size guard of \p R, a sibling cap or a flag.
  bool runsOnce(const Record &R, const GrowthSite &Site) const;
  /// `if (!M.count(K)) K = Default; return M[K];`: a subscript whose value
  /// is only read, after a lookup in the same function, adds nothing.
  bool isReadAfterLookup(const Record &R, const GrowthSite &Site) const;
  /// Whether every instance of the class holding member \p R lives in an
  /// automatic variable or a temporary of this TU, which sees them all.
  bool ownerIsShortLived(const Record &R);
  const Expr *cacheLookupFor(const Record &R, const GrowthSite &Growth) const;
  std::optional<RepeatEvidence> whyRepeats(const Record &R,
                                           const GrowthSite &Site);
  /// For an object's member \p R grown at \p Site, whether the growth
  /// repeats, when the instances' lifetimes decide it
  /// (ContainerFactsOptions::AssumeInstancesLiveLong); std::nullopt when
  /// the usual rules do.
  std::optional<bool> memberRepeats(const Record &R, const GrowthSite &Site,
                                    RepeatEvidence::ChainKind &Chain);
  /// Whether every repeating path this TU shows to member \p R's growth at
  /// \p Site (on `this`) reaches it through an object that a repeating
  /// caller was given or made for the call.
  bool grownOnCallersObject(const Record &R, const GrowthSite &Site);
  /// Whether a repeating path this TU shows calls \p Function again and
  /// again on one object: its `this` (\p Param < 0) or parameter \p Param.
  bool repeatsOnSharedObject(const FunctionDecl *Function, int Param,
                             unsigned Depth);
  /// Whether the class's member functions, all defined in this TU, only
  /// grow, shrink or count private member \p R (entries recorded, never
  /// read back).
  bool onlyRecorded(const Record &R);
  /// Whether every instance of \p R's class that the main file makes is an
  /// automatic variable or a temporary (and it makes one).
  bool mainFileMakesOnlyShortLived(const Record &R);
  /// Walks the TU once for the instances of its classes: fills
  /// ShortLivedClasses and LastingInMainFile.
  void findInstances();

  /// The TU as evidence for the decision, and the decision's answers.
  class TUEvidence;
  struct Judgement;
  /// Judges the TU's containers once: facts/Decide.h's judge() over their
  /// sites, with this TU's AST and call graph as the evidence.
  const Judgement &judgement();
  /// Whether the decision found \p R's own growth unbounded.
  bool isJudgedUnbounded(const Record &R);
  /// Every growth and shrink of \p R and of its elements, as the decision
  /// reads them: whether each runs once, follows a lookup, gives back what
  /// was removed (the container, function and location left for the caller
  /// to name). Facts files and the per-TU decision take them from here alike.
  void siteFacts(
      const Record &R,
      llvm::function_ref<void(bloat_facts::Site, const GrowthSite &)> Growth,
      llvm::function_ref<void(bloat_facts::Site, const ShrinkSite &)> Shrink);
  std::unique_ptr<Judgement> Judged;

  ContainerModel Model;
  ContainerFactsOptions Options;
  RepeatingPaths Paths;
  /// Keyed by the canonical declaration's location, so that a member of a
  /// class template and its instantiations share one record.
  llvm::DenseMap<SourceLocation, Record> Records;
  /// Declarations already classified as not containers.
  llvm::DenseSet<SourceLocation> NotContainers;
  std::vector<StoredLambda> Lambdas;
  /// `if (V.size() >= Max) return;`: every growth after it in the function
  /// is capped, whichever container it grows.
  std::vector<std::pair<const FunctionDecl *, SourceLocation>> SizeCaps;
  /// `if (Started) return; ... Started = true;`: a function that runs its
  /// body once, by a flag it checks and then sets.
  llvm::DenseSet<std::pair<const FunctionDecl *, const ValueDecl *>>
      CheckedFlags, SetFlags;
  /// Control-flow graphs built for isGivenBack, by function.
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<CFG>> CFGs;
  /// A call made on what an accessor returns (`Bus.handlers().clear()`).
  struct AccessorCall {
    const FunctionDecl *Accessor;
    CallEffect Effect;
    /// The reference is kept or passed on: anything may happen to it.
    bool Unknown;
    const FunctionDecl *Caller;
    SourceLocation Loc;
    bool InOpenEndedLoop;
  };
  std::vector<AccessorCall> AccessorCalls;
  /// Answers of ownerIsShortLived, by class (for a class other TUs can
  /// name, about the instances the main file makes).
  llvm::DenseMap<const Decl *, bool> ShortLivedClasses;
  /// Classes with an instance in the main file that lives as long as the
  /// process: a global, a static, a local of main or of an endless loop.
  llvm::DenseSet<const CXXRecordDecl *> LastingInMainFile;
  /// Classes no other TU can name, in a program's main file (it defines
  /// main()), without virtual members: every caller is in this TU.
  llvm::DenseSet<const CXXRecordDecl *> ProgramPrivate;
  /// For grownOnCallersObject: the TU's call sites by canonical callee, the
  /// functions that repeat of themselves, and the answers so far.
  bool CallersGrouped = false;
  llvm::DenseMap<const FunctionDecl *,
                 llvm::SmallVector<RepeatingPaths::CallSiteView, 2>>
      CallersOf;
  llvm::DenseSet<const FunctionDecl *> RepeatsItself;
  std::map<std::pair<const FunctionDecl *, int>, bool> SharedObjectAnswers;
  /// onlyRecorded's answers, by canonical field.
  llvm::DenseMap<const Decl *, bool> RecordOnly;
  /// Whether ShortLivedClasses holds the answers of this TU's one walk.
  bool InstancesFound = false;
  ASTContext *Context = nullptr;
};

} // namespace clang::tidy::bloat

#endif // BLOAT_TIDY_ANALYSIS_CONTAINERFACTS_H
