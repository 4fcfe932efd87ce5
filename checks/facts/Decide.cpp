//===--- Decide.cpp - which containers grow without bound -----------------===//

#include "facts/Decide.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <map>
#include <optional>

namespace bloat_facts {

namespace {

/// Why a function runs any number of times.
struct Cause {
  enum KindType { Root, InLoop, FromCaller, Entry, AsyncLoop } Kind;
  Location At;
  std::string Via; ///< the caller, for FromCaller; the root's kind for Root
};

std::string fileName(const Location &L) {
  return llvm::sys::path::filename(L.File).str() + ":" + std::to_string(L.Line);
}

/// A project's merged facts as evidence: a function repeats when its call
/// graph shows why, an owner lives as long as its instances, and code out of
/// sight is only what the facts do not define.
class ProjectEvidence : public Evidence {
public:
  ProjectEvidence(const Facts &F, const DecideOptions &Options)
      : Options(Options) {
    for (const Function &Fn : F.Functions)
      Functions[Fn.Key] = &Fn;
    for (const Call &C : F.Calls)
      CallsTo[C.Callee].push_back(&C);
    for (const Root &R : F.Roots)
      (R.Kind == "binding" ? BindingRoots : Roots).try_emplace(R.Function, &R);
    for (const Pass &P : F.Passes)
      PassesOf[P.Container].push_back(&P);
    for (const Escape &E : F.Escapes)
      EscapesOf[E.Container].push_back(&E);
    for (const AccessorUse &U : F.AccessorUses)
      UsesOf[U.Accessor].push_back(&U);
    for (const Instance &I : F.Instances) {
      InstancesOf[I.Class].push_back(&I);
      if (!I.ReplacedIn.empty())
        ReplacementsOf[I.Field].push_back(&I);
    }
    bool Program = llvm::any_of(F.Functions, [](const Function &Fn) {
      return Fn.Main && Fn.Defined;
    });
    UncalledAreEntries =
        Options.UncalledFunctions == DecideOptions::EntryPolicy::Always ||
        (Options.UncalledFunctions == DecideOptions::EntryPolicy::Auto &&
         !Program);
  }

  bool unseenMayShrink(const Container &C) override {
    // A local's verdict travels as its TU made it.
    return C.Owner != "local" && Options.UnseenCodeMayShrink &&
           unseenCodeMayShrink(C);
  }

  Lifetime ownerLifetime(const Container &C) override {
    return lifetimeOf(C.OwnerClass);
  }

  bool growthRepeats(const Container &C, const Site &S) override {
    if (onFreshInstancesOnly(S))
      return false;
    return C.Owner == "local" ? C.LocalUnbounded
                              : repeats(S.Function, S.OpenEndedLoop);
  }

  bool shrinkRepeats(const Container &C, const Site &S) override {
    return C.Owner != "local" && boundRepeats(S.Function, S.OpenEndedLoop);
  }

  bool shrunkByCallee(const Container &C) override {
    // A callee, in any TU, that shrinks its reference parameter.
    for (const Pass *P : PassesOf.lookup(C.Key)) {
      auto Callee = Functions.find(P->Callee);
      if (Callee != Functions.end() &&
          P->Param < static_cast<int>(Callee->second->Params.size()) &&
          Callee->second->Params[P->Param] == "shrinks" &&
          boundRepeats(P->Function, P->OpenEndedLoop))
        return true;
    }
    return false;
  }

  std::vector<const AccessorUse *>
  accessorGrowths(const Container &C) override {
    // Growth through an accessor's callers (`bus.handlers().push_back(h)`).
    std::vector<const AccessorUse *> Growths;
    for (const Escape *E : EscapesOf.lookup(C.Key))
      for (const AccessorUse *U : UsesOf.lookup(E->Function))
        if (U->Effect == "grows" && repeats(U->Function, U->OpenEndedLoop))
          Growths.push_back(U);
    return Growths;
  }

  bool shrunkThroughAccessor(const Container &C) override {
    // A caller of an accessor that returns it by reference.
    for (const Escape *E : EscapesOf.lookup(C.Key))
      for (const AccessorUse *U : UsesOf.lookup(E->Function))
        if (U->Effect == "shrinks" &&
            boundRepeats(U->Function, U->OpenEndedLoop))
          return true;
    return false;
  }

  std::string nameOf(const std::string &Function) const {
    // The calls through pointers of one type (FactsExport's PointerFlow).
    if (llvm::StringRef(Function).starts_with("ptr:"))
      return "a pointer of type '" + Function.substr(4) + "'";
    auto It = Functions.find(Function);
    if (It == Functions.end())
      return Function;
    if (llvm::StringRef(Function).starts_with("lambda@"))
      return "a lambda";
    return "'" + It->second->Name + "'";
  }

  /// Why \p Function repeats, or nothing; memoised, cycles add no reason.
  const std::optional<Cause> &causeOf(const std::string &Function) {
    static const std::optional<Cause> None;
    if (Function.empty())
      return None;
    auto [It, Inserted] = Causes.try_emplace(Function, std::nullopt);
    if (!Inserted)
      return It->second;
    std::optional<Cause> Best;
    if (auto Root = Roots.find(Function); Root != Roots.end())
      Best = Cause{Cause::Root, Root->second->At, Root->second->Kind};
    else if (CountBindings)
      if (auto Root = BindingRoots.find(Function); Root != BindingRoots.end())
        Best = Cause{Cause::Root, Root->second->At, "address"};
    // A call that runs once (a static local's initialiser) is a caller
    // too: the function is not an entry point.
    bool HasCallers = !CallsTo.lookup(Function).empty();
    if (!Best)
      for (const Call *C : CallsTo.lookup(Function)) {
        if (C->Once)
          continue;
        if (C->OpenEndedLoop) {
          Best = Cause{Cause::InLoop, C->At, C->Caller};
          break;
        }
      }
    if (!Best)
      for (const Call *C : CallsTo.lookup(Function))
        if (!C->Once && !C->Caller.empty() && causeOf(C->Caller)) {
          Best = Cause{Cause::FromCaller, C->At, C->Caller};
          break;
        }
    if (!Best)
      if (const Call *Rearm = rearmsItself(Function))
        Best = Cause{Cause::AsyncLoop, Rearm->At, Rearm->Caller};
    // No caller anywhere in the project: an entry point that code outside
    // it (a framework, a plugin host, a test) may call any number of times;
    // but set-up (`addRoute`, `loadConfig`) runs once, as in per-TU mode,
    // and a program (a project with `main`) has no caller outside it, but
    // for a virtual function called through its base class.
    if (!Best && !HasCallers)
      if (auto Fn = Functions.find(Function);
          Fn != Functions.end() && Fn->second->External &&
          !Fn->second->Main && !Fn->second->SetUp &&
          (UncalledAreEntries || Fn->second->Virtual))
        Best = Cause{Cause::Entry, Fn->second->Declared, ""};
    Causes[Function] = Best;
    return Causes[Function];
  }

  static bool isLambda(llvm::StringRef Function) {
    return Function.starts_with("lambda@");
  }

  /// The edge that gives a lambda on a cycle of calls through \p Function,
  /// if there is one: the function re-arms itself through a callback
  /// (`accept()` gives `async_accept` a lambda that calls `onAccept()`,
  /// which calls `accept()` again), an asynchronous loop that runs any
  /// number of times. A recursion without a lambda (a tree walk) is not.
  const Call *rearmsItself(const std::string &Function) {
    struct Step {
      std::string Name;
      const Call *Lambda;
    };
    std::vector<Step> Stack{{Function, nullptr}};
    llvm::StringMap<bool> Seen;
    for (unsigned Visits = 0; !Stack.empty() && Visits < 4096; ++Visits) {
      Step Current = std::move(Stack.back());
      Stack.pop_back();
      for (const Call *C : CallsTo.lookup(Current.Name)) {
        if (C->Caller.empty() || C->Once)
          continue;
        const Call *Lambda =
            Current.Lambda ? Current.Lambda
                           : (isLambda(C->Callee) ? C : nullptr);
        if (C->Caller == Function) {
          if (Lambda)
            return Lambda;
          continue;
        }
        // Visited with a lambda on the way is all that can matter.
        auto [It, New] = Seen.try_emplace(C->Caller, Lambda != nullptr);
        if (!New && (It->second || !Lambda))
          continue;
        It->second = It->second || Lambda;
        Stack.push_back({C->Caller, Lambda});
      }
    }
    return nullptr;
  }

  bool repeats(const std::string &Function, bool OpenEndedLoop) {
    return OpenEndedLoop || causeOf(Function).has_value();
  }

  /// For what bounds a container (a removal, a delete, a replaced
  /// instance): as repeats, but a script binding is a root, as without
  /// ScriptBindingFunctions. Scripts call the bindings that set up while they
  /// load, but may call the one that removes (`player:removeOutfit()`) at
  /// any time: the option must not turn a bounded container into a finding.
  bool boundRepeats(const std::string &Function, bool OpenEndedLoop) {
    if (OpenEndedLoop)
      return true;
    if (BindingRoots.empty())
      return causeOf(Function).has_value();
    std::swap(Causes, CausesCountingBindings);
    CountBindings = true;
    bool Repeats = causeOf(Function).has_value();
    CountBindings = false;
    std::swap(Causes, CausesCountingBindings);
    return Repeats;
  }

  void explain(const std::string &Function, std::vector<Note> &Notes,
               unsigned Depth = 0) {
    const std::optional<Cause> &Why = causeOf(Function);
    if (!Why || Depth > 4)
      return;
    std::string Name = nameOf(Function);
    switch (Why->Kind) {
    case Cause::Root:
      Notes.push_back({Why->At, Why->Via == "callback"
                                    ? "this lambda is stored as a long-lived "
                                      "callback and may run any number of "
                                      "times"
                                    : "the address of " + Name +
                                          " is taken here, so it may be "
                                          "called any number of times"});
      return;
    case Cause::InLoop:
      Notes.push_back({Why->At, Name + " is called inside a loop here"});
      return;
    case Cause::FromCaller:
      if (llvm::StringRef(Why->Via).starts_with("ptr:"))
        Notes.push_back({Why->At, "the address of " + Name +
                                      " is stored here; it is called through " +
                                      nameOf(Why->Via) +
                                      ", which happens on a repeating path"});
      else
        Notes.push_back({Why->At, Name + " is called from " +
                                      nameOf(Why->Via) +
                                      ", which runs on a repeating path"});
      explain(Why->Via, Notes, Depth + 1);
      return;
    case Cause::AsyncLoop:
      Notes.push_back(
          {Why->At, nameOf(Why->Via) + " gives a callback here that leads "
                                       "back to " +
                        (isLambda(Function) ? std::string("it") : Name) +
                        ": an asynchronous loop that runs any number of "
                        "times"});
      return;
    case Cause::Entry:
      Notes.push_back({Why->At, Name + " has no caller in the project and "
                                       "may be called from outside it any "
                                       "number of times"});
      return;
    }
  }

  Lifetime lifetimeOf(const std::string &Class, unsigned Depth = 0) {
    if (Class.empty() || Depth > 16)
      return Lifetime::Unknown;
    auto [It, Inserted] = Lifetimes.try_emplace(Class, Lifetime::Unknown);
    if (!Inserted)
      return It->second;
    const auto &Instances = InstancesOf.lookup(Class);
    // A program's class that the project never instantiates has no
    // instance at all (nothing outside a program makes one); a library's
    // users may make any.
    Lifetime Result = !Instances.empty() || !UncalledAreEntries
                          ? Lifetime::Short
                          : Lifetime::Unknown;
    for (const Instance *I : Instances) {
      Lifetime Of = Lifetime::Short;
      if (I->Kind == "global" || I->Kind == "static" ||
          (I->Kind == "heap" && !deletedOnRepeatingPath(Class)) ||
          (I->Kind == "local" && I->Lasting))
        Of = Lifetime::Lasting;
      else if (I->Kind == "member" && !replacedOnRepeatingPath(I->Field))
        Of = memberOfItself(Class, *I) ? Lifetime::Short
                                       : lifetimeOf(I->In, Depth + 1);
      if (Of == Lifetime::Lasting) {
        Result = Lifetime::Lasting;
        break;
      }
      if (Of == Lifetime::Unknown)
        Result = Lifetime::Unknown;
    }
    Lifetimes[Class] = Result;
    return Result;
  }

  /// Whether \p I is an instance of \p Class held by \p Class itself (a
  /// tree's `std::vector<Node> children`, a list's `next`): it lives as long
  /// as the node holding it, and so, down the tree, as the instances made
  /// elsewhere (a root that is a local, a member, a global); it adds no
  /// lifetime of its own.
  static bool memberOfItself(const std::string &Class, const Instance &I) {
    return I.Kind == "member" && I.In == Class;
  }

  /// Whether the project deletes instances of \p Class on a repeating path
  /// (`delete P` gives an edge to its destructor, FactsExport): then its heap
  /// instances are per-task objects, made and destroyed again and again, as
  /// a local of a function that returns is; a member of one grows for one
  /// task. Instances that are globals, statics or members of a lasting
  /// owner still make the class lasting (lifetimeOf).
  bool deletedOnRepeatingPath(const std::string &Class) {
    llvm::StringRef Qualified(Class);
    size_t Scope = Qualified.rfind("::");
    llvm::StringRef Name = Scope == llvm::StringRef::npos
                               ? Qualified.substr(Qualified.rfind('#') + 1)
                               : Qualified.substr(Scope + 2);
    std::string Destructor = Class + "::~" + Name.str() + "()";
    return llvm::any_of(CallsTo.lookup(Destructor), [&](const Call *C) {
      return !C->Caller.empty() && !C->Once &&
             boundRepeats(C->Caller, C->OpenEndedLoop);
    });
  }

  /// Whether growth \p S acts only on objects made just before by the
  /// function that grows them, or by every caller of the member function
  /// that grows `this` (Site::Receiver, Call::Receiver): each such object
  /// grows a bounded amount (a builder, a value filled and then copied),
  /// however often the function runs. A member function that is a root (a
  /// callback, an address handed on), virtual, uncalled, or called on any
  /// other object, or in a loop without a fixed trip count, does not
  /// qualify.
  bool onFreshInstancesOnly(const Site &S) {
    if (S.Receiver == "fresh")
      return true;
    return S.Receiver == "this" && !S.OpenEndedLoop &&
           calledOnFreshInstancesOnly(S.Function, 0);
  }
  bool calledOnFreshInstancesOnly(const std::string &Function, unsigned Depth) {
    auto Fn = Functions.find(Function);
    if (Depth > 4 || Fn == Functions.end() || Fn->second->Virtual ||
        Roots.count(Function))
      return false;
    const std::vector<const Call *> &Calls = CallsTo.lookup(Function);
    return !Calls.empty() && llvm::all_of(Calls, [&](const Call *C) {
      return C->Receiver == "fresh" ||
             (C->Receiver == "this" && !C->OpenEndedLoop &&
              calledOnFreshInstancesOnly(C->Caller, Depth + 1));
    });
  }

  /// Whether the member \p Field is given a new instance, replacing the one
  /// it held, on a repeating path: then each instance it holds lives for
  /// one task, however long the object holding the member lives.
  bool replacedOnRepeatingPath(const std::string &Field) {
    if (Field.empty())
      return false;
    return llvm::any_of(ReplacementsOf.lookup(Field), [&](const Instance *I) {
      return boundRepeats(I->ReplacedIn, I->ReplacedInLoop);
    });
  }

  /// Whether code the project does not show may shrink \p C.
  bool unseenCodeMayShrink(const Container &C) {
    for (const Pass *P : PassesOf.lookup(C.Key)) {
      auto Callee = Functions.find(P->Callee);
      if (Callee == Functions.end() || !Callee->second->Defined)
        return true; // Declared in the project, defined nowhere.
      const std::vector<std::string> &Params = Callee->second->Params;
      if (P->Param < static_cast<int>(Params.size()) &&
          Params[P->Param] == "unknown")
        return true;
    }
    for (const Escape *E : EscapesOf.lookup(C.Key)) {
      if (E->Function.empty())
        return true; // Through a pointer or an unresolved call.
      for (const AccessorUse *U : UsesOf.lookup(E->Function))
        if (U->Effect == "unknown")
          return true; // A caller keeps the reference.
    }
    return false;
  }

  /// The functions that return \p C by reference.
  std::vector<const Function *> accessorsOf(const Container &C) const {
    std::vector<const Function *> Accessors;
    for (const Escape *E : EscapesOf.lookup(C.Key))
      if (auto Fn = Functions.find(E->Function); Fn != Functions.end())
        Accessors.push_back(Fn->second);
    return Accessors;
  }

private:
  const DecideOptions &Options;
  bool UncalledAreEntries = true;
  llvm::StringMap<const Function *> Functions;
  llvm::StringMap<std::vector<const Call *>> CallsTo;
  llvm::StringMap<const Root *> Roots;
  /// Roots of kind "binding": counted by boundRepeats only.
  llvm::StringMap<const Root *> BindingRoots;
  bool CountBindings = false;
  llvm::StringMap<std::vector<const Pass *>> PassesOf;
  llvm::StringMap<std::vector<const Escape *>> EscapesOf;
  llvm::StringMap<std::vector<const AccessorUse *>> UsesOf;
  llvm::StringMap<std::vector<const Instance *>> InstancesOf;
  /// By field: the instances stored into it that replace the one it held.
  llvm::StringMap<std::vector<const Instance *>> ReplacementsOf;
  std::map<std::string, std::optional<Cause>> Causes, CausesCountingBindings;
  std::map<std::string, Lifetime> Lifetimes;
};

/// The decision for one container, given its sites and the evidence.
class Judge {
public:
  Judge(const Container &C, const std::vector<const Site *> &Growths,
        const std::vector<const Site *> &Shrinks, Evidence &E)
      : C(C), Growths(Growths), Shrinks(Shrinks), E(E) {}

  std::optional<Verdict> run() {
    if (E.unseenMayShrink(C))
      return std::nullopt;
    Verdict Out;
    Out.Subject = &C;
    // Shrinks first: a bounded container's growth need not be explained.
    // Keys that take few values keep the container itself small.
    bool OwnBounded =
        C.FiniteKeys || boundedByShrink(false, {}, Out.Idle, Out.GivenBack);
    std::vector<const Site *> Own, Elements;
    if (!OwnBounded) {
      Out.AccessorGrowths = E.accessorGrowths(C);
      Own = repeatingGrowths(/*Element=*/false);
    }
    if (Own.empty() && Out.AccessorGrowths.empty()) {
      // Its own size may be bounded while its elements grow.
      Elements = repeatingGrowths(/*Element=*/true);
      std::vector<const Site *> IdleElements;
      if (Elements.empty() ||
          boundedByShrink(true, Elements, IdleElements, Out.GivenBack))
        return std::nullopt;
      Out.Elements = true;
      Out.Idle = std::move(IdleElements);
    }
    // Asked last: per TU, it walks the TU for the instances of the class.
    if (C.Owner == "member" && E.ownerLifetime(C) == Lifetime::Short)
      return std::nullopt;
    Out.Sites = Out.Elements ? std::move(Elements) : std::move(Own);
    // The site to report at first, the others in their order.
    auto Best = Out.Sites.begin();
    for (auto It = Out.Sites.begin(); It != Out.Sites.end(); ++It)
      if (E.preference(**It) > E.preference(**Best))
        Best = It;
    if (Best != Out.Sites.end())
      std::rotate(Out.Sites.begin(), Best, std::next(Best));
    bool Cache = !Out.Elements && llvm::any_of(Out.Sites, [](const Site *S) {
      return S->CacheMiss;
    });
    // Each finding is one check's: a memo cache, then a list of callbacks,
    // then any other container.
    Out.Check = Cache                          ? "bloat-unbounded-cache"
                : !Out.Elements && C.Callbacks ? "bloat-long-lived-capture"
                                               : "bloat-unbounded-container";
    // What the user silenced stays silent.
    auto Silences = [&Out](const std::vector<std::string> &Checks) {
      return llvm::is_contained(Checks, "*") ||
             llvm::is_contained(Checks, Out.Check);
    };
    if (Silences(C.Suppressed) ||
        (!Out.Sites.empty() && Silences(Out.Sites.front()->Suppressed)))
      return std::nullopt;
    return Out;
  }

private:
  std::vector<const Site *> repeatingGrowths(bool Element) {
    std::vector<const Site *> Repeating;
    for (const Site *S : Growths)
      if (S->Element == Element && !S->Once && E.growthRepeats(C, *S))
        Repeating.push_back(S);
    return Repeating;
  }

  /// Whether a shrink of the container (or of its elements, with
  /// \p Elements) runs on a repeating path; the shrinks that do not are
  /// added to \p Idle.
  bool boundedByShrink(bool Elements,
                       const std::vector<const Site *> &ElementGrowths,
                       std::vector<const Site *> &Idle,
                       const Site *&GivenBack) {
    for (const Site *S : Shrinks) {
      if (S->GivenBack) {
        GivenBack = GivenBack ? GivenBack : S;
        continue;
      }
      bool Counts = E.shrinkRepeats(C, *S);
      if (Elements && !S->Element && !S->Whole)
        // Erasing an outer key bounds the elements only where they grow.
        Counts = llvm::any_of(ElementGrowths, [&](const Site *G) {
          return G->Function == S->Function;
        });
      else if (!Elements && S->Element)
        continue;
      if (Counts)
        return true;
      Idle.push_back(S);
    }
    return E.shrunkByCallee(C) || E.shrunkThroughAccessor(C);
  }

  const Container &C;
  const std::vector<const Site *> &Growths;
  const std::vector<const Site *> &Shrinks;
  Evidence &E;
};

std::string describeOwner(const Container &C) {
  if (C.Owner == "global")
    return "global";
  if (C.Owner == "namespace")
    return "global in namespace '" + C.OwnerScope + "'";
  if (C.Owner == "file-static")
    return "file-static";
  if (C.Owner == "static-member")
    return "static member of '" + C.OwnerScope + "'";
  if (C.Owner == "static-local")
    return "static local in '" + C.OwnerScope + "'";
  if (C.Owner == "member")
    return "member of '" + C.OwnerScope + "'";
  return "local in '" + C.OwnerScope + "'";
}

/// The words of a project's finding: what grows, where, why the path
/// repeats, and how to bound it.
Finding word(const Verdict &V, ProjectEvidence &Project) {
  const Container &C = *V.Subject;
  Finding Out;
  Out.Check = V.Check;
  bool Callbacks = V.Check == "bloat-long-lived-capture";
  bool Cache = V.Check == "bloat-unbounded-cache";
  std::string Subject = "'" + C.Name + "' (" + describeOwner(C) + ")";
  if (Callbacks)
    Out.Message = "callbacks registered into " + Subject +
                  " are never removed; each keeps what it captured alive";
  else if (V.Elements)
    Out.Message = Subject + " grows inside its elements ('" + C.Name +
                  "[...]' is appended to) on a repeating path, and nothing "
                  "there erases, clears or caps them";
  else if (Cache)
    Out.Message = Subject + " is a cache that grows without bound: entries "
                            "are added on a miss on a repeating path but "
                            "never evicted";
  else
    Out.Message = Subject + " grows without bound: " +
                  (C.Associative ? "inserted" : "appended") +
                  " on a repeating path but never erased, cleared or capped";
  const Site *Primary = V.Sites.empty() ? nullptr : V.Sites.front();
  Out.At = Primary ? Primary->At : V.AccessorGrowths.front()->At;
  Out.Notes.push_back({C.Declared, "'" + C.Name + "' is declared here"});
  for (const Site *S : V.Sites)
    if (S != Primary)
      Out.Notes.push_back(
          {S->At, S->At.File == Out.At.File
                      ? "'" + C.Name + "' also grows here"
                      : "'" + C.Name + "' also grows in " + fileName(S->At)});
  for (const AccessorUse *U : V.AccessorGrowths)
    Out.Notes.push_back({U->At, "'" + C.Name + "' grows here through " +
                                    Project.nameOf(U->Accessor)});
  if (V.GivenBack)
    Out.Notes.push_back({V.GivenBack->At,
                         "this removal does not bound it: the same key or "
                         "value is added again right after it"});
  for (const Site *S : V.Idle)
    Out.Notes.push_back(
        {S->At, "this removal does not bound it: " +
                    (S->Function.empty()
                         ? std::string("it runs once")
                         : Project.nameOf(S->Function) +
                               " does not run on a repeating path")});
  for (const Function *Accessor : Project.accessorsOf(C))
    Out.Notes.push_back({Accessor->Declared,
                         Project.nameOf(Accessor->Key) +
                             " returns it by reference; no caller in the "
                             "project shrinks it"});
  if (Primary) {
    if (Primary->OpenEndedLoop)
      Out.Notes.push_back({Primary->At, "the growth repeats in a loop "
                                        "without a fixed trip count"});
    else
      Project.explain(Primary->Function, Out.Notes);
  }
  Out.Notes.push_back(
      {C.Declared,
       Callbacks
           ? "remove a callback when its subscriber goes away (return a "
             "handle from the registration), or cap the number of callbacks"
       : V.Elements
           ? "bound it: cap each element (drop its oldest entries past a "
             "size limit), or remove elements on the path that fills them"
       : C.Owner == "local"
           ? "bound it: declare it inside the loop, or consume and clear "
             "it on every iteration"
       : C.Associative
           ? "bound it: evict entries past a size limit (LRU) or an age "
             "(TTL), or clear it once per request or frame"
           : "bound it: erase the oldest entries once it passes a size "
             "limit, keep it in a ring buffer such as "
             "boost::circular_buffer, or clear it once per request or "
             "frame"});
  return Out;
}

} // namespace

std::vector<Verdict> judge(const Facts &F, Evidence &E) {
  llvm::StringMap<std::vector<const Site *>> GrowthsOf, ShrinksOf;
  for (const Site &S : F.Growths)
    GrowthsOf[S.Container].push_back(&S);
  for (const Site &S : F.Shrinks)
    ShrinksOf[S.Container].push_back(&S);
  static const std::vector<const Site *> None;
  auto SitesOf = [](const auto &Map, const std::string &Key)
      -> const std::vector<const Site *> & {
    auto It = Map.find(Key);
    return It == Map.end() ? None : It->second;
  };
  std::vector<Verdict> Verdicts;
  for (const Container &C : F.Containers)
    if (std::optional<Verdict> V =
            Judge(C, SitesOf(GrowthsOf, C.Key), SitesOf(ShrinksOf, C.Key), E)
                .run())
      Verdicts.push_back(std::move(*V));
  return Verdicts;
}

std::vector<Finding> decide(const Facts &F, const DecideOptions &Options) {
  ProjectEvidence Project(F, Options);
  std::vector<Finding> Findings;
  for (const Verdict &V : judge(F, Project))
    Findings.push_back(word(V, Project));
  llvm::sort(Findings, [](const Finding &A, const Finding &B) {
    return std::make_tuple(A.At.tie(), A.Check) <
           std::make_tuple(B.At.tie(), B.Check);
  });
  return Findings;
}

} // namespace bloat_facts
