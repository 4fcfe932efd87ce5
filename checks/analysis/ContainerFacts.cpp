//===--- ContainerFacts.cpp - what the TU does to each container ----------===//

#include "analysis/ContainerFacts.h"
#include "analysis/BodyWalk.h"
#include "analysis/Callbacks.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::bloat {

namespace {

bool isMutableReferenceOrPointer(QualType T) {
  if (T->isRValueReferenceType())
    return true;
  if (T->isLValueReferenceType() || T->isPointerType())
    return !T->getPointeeType().isConstQualified();
  return false;
}

bool isComparison(const DynTypedNode &Node) {
  if (const auto *Binary = Node.get<BinaryOperator>())
    return Binary->isComparisonOp();
  if (const auto *Operator = Node.get<CXXOperatorCallExpr>())
    return Operator->isComparisonOp();
  return false;
}

// Declared by the standard library or another system header.
bool isLibraryFunction(const FunctionDecl &F) {
  return F.getASTContext().getSourceManager().isInSystemHeader(F.getLocation());
}

const CXXRecordDecl *templatePatternOf(const CXXRecordDecl *Record) {
  if (const CXXRecordDecl *Pattern = Record->getTemplateInstantiationPattern())
    return Pattern;
  return Record;
}

} // namespace

ContainerFacts::ContainerFacts(ContainerModel Model,
                               ContainerFactsOptions Options)
    : Model(std::move(Model)), Options(Options) {}

bool ContainerFacts::startBody(const FunctionDecl *, ASTContext &Ctx) {
  Context = &Ctx;
  return true;
}

void ContainerFacts::visit(const Stmt &S, const WalkPosition &Where) {
  if (const auto *Call = dyn_cast<CallExpr>(&S)) {
    onCall(*Call, Where);
  } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S)) {
    if (Construct->getNumArgs() > 0)
      onArguments(Construct->getConstructor(),
                  {Construct->getArgs(), Construct->getNumArgs()});
  } else if (const auto *Lambda = dyn_cast<LambdaExpr>(&S)) {
    onLambda(*Lambda, Where);
  } else if (const auto *Ref = dyn_cast<DeclRefExpr>(&S)) {
    if (const auto *Function = dyn_cast<FunctionDecl>(Ref->getDecl()))
      onFunctionReference(*Ref, *Function, Where);
  } else if (const auto *Return = dyn_cast<ReturnStmt>(&S)) {
    if (Return->getRetValue())
      onReturn(*Return, Where);
  } else if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(&S)) {
    // In a template, `Cache[Key]` and `Text += S` on a container of
    // dependent type are not calls yet.
    if (Subscript->getLHS()->isTypeDependent())
      onDependentOperator(S, Where);
  } else if (const auto *Binary = dyn_cast<BinaryOperator>(&S)) {
    if (Binary->getOpcode() == BO_AddAssign &&
        Binary->getLHS()->isTypeDependent())
      onDependentOperator(S, Where);
  }
}

void ContainerFacts::onDependentOperator(const Stmt &Operator,
                                         const WalkPosition &Where) {
  const Expr *Object = nullptr;
  llvm::StringRef Method;
  if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(&Operator)) {
    // getBase() guesses from the index type, unknown here: the object is
    // what is written first.
    Object = Subscript->getLHS();
    Method = "operator[]";
  } else if (const auto *Binary = dyn_cast<BinaryOperator>(&Operator)) {
    Object = Binary->getLHS();
    Method = "operator+=";
  }
  const ValueDecl *D = ContainerModel::referencedDecl(Object);
  if (Record *R = recordFor(D))
    if (Model.effectOfMethod(R->Type, Method) == CallEffect::Grows)
      addGrowth(*D, cast<Expr>(Operator), Object, Where);
}

void ContainerFacts::clear() {
  Records.clear();
  NotContainers.clear();
  Lambdas.clear();
  Paths = RepeatingPaths();
  Context = nullptr;
}

ContainerFacts::Record *ContainerFacts::recordFor(const ValueDecl *D) {
  if (!D)
    return nullptr;
  const auto *Canonical = cast<ValueDecl>(D->getCanonicalDecl());
  SourceLocation Loc = Canonical->getLocation();
  if (Loc.isInvalid())
    return nullptr;
  // Most declarations are seen many times: classify each once.
  if (auto It = Records.find(Loc); It != Records.end())
    return &It->second;
  if (NotContainers.contains(Loc))
    return nullptr;
  std::optional<ContainerType> Type = Model.classify(D->getType());
  if (!Type) {
    NotContainers.insert(Loc);
    return nullptr;
  }
  Record &R = Records[Loc];
  R.Decl = Canonical;
  R.TheOwner = ContainerModel::ownerOf(*Canonical);
  R.Type = *Type;
  return &R;
}

void ContainerFacts::onCall(const CallExpr &Call, const WalkPosition &Where) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  llvm::ArrayRef<const Expr *> Args(Call.getArgs(), Call.getNumArgs());
  if (std::optional<MemberCallView> View =
          ContainerModel::viewMemberCall(Call)) {
    onMemberCall(Call, *View, Where);
    onArguments(Callee, View->Args);
  } else if (Callee && ContainerModel::isInserterFunction(*Callee)) {
    if (!Args.empty())
      if (const ValueDecl *D = ContainerModel::referencedDecl(Args.front()))
        addGrowth(*D, Call, Args.front(), Where);
  } else if (isa<CXXOperatorCallExpr>(Call) &&
             isa_and_nonnull<CXXMethodDecl>(Callee)) {
    onArguments(Callee, Args.drop_front()); // Args[0] is the object.
  } else {
    onArguments(Callee, Args);
  }

  if (Callee)
    Paths.addCallSite(*Callee, Call, Where.function(), Where.innermostLoop(),
                      Where.runsOnceAtInitialization());
}

void ContainerFacts::onMemberCall(const CallExpr &Call,
                                  const MemberCallView &View,
                                  const WalkPosition &Where) {
  const ValueDecl *D = ContainerModel::referencedDecl(View.Object);
  Record *R = recordFor(D);
  if (!R)
    return;
  switch (Model.effectOfMethod(R->Type, View.Method)) {
  case CallEffect::Grows:
    addGrowth(*D, Call, View.Object, Where);
    return;
  case CallEffect::Shrinks:
    R->Shrunk = true;
    return;
  case CallEffect::Inspects:
    // `if (c.size() < Max) c.push_back(x);`, `if (c.size() >= Max) return;`
    if (isComparison(Where.parentThroughWrappers()))
      if (const FunctionDecl *F = Where.function())
        R->GuardedIn.insert(F->getCanonicalDecl());
    return;
  case CallEffect::LooksUp:
    if (const FunctionDecl *F = Where.function())
      R->Lookups.push_back({&Call, F->getCanonicalDecl()});
    return;
  case CallEffect::None:
    return;
  }
}

void ContainerFacts::onArguments(const FunctionDecl *Callee,
                                 llvm::ArrayRef<const Expr *> Args) {
  for (auto [Index, Arg] : llvm::enumerate(Args)) {
    const ValueDecl *D = ContainerModel::referencedDecl(Arg);
    Record *R = recordFor(D);
    if (!R)
      continue;
    // An unresolved call (dependent, or through a pointer) may do anything.
    if (!Callee) {
      R->EscapesToUnseenCode = true;
      continue;
    }
    if (ContainerModel::isDrainingFunction(*Callee)) {
      R->Shrunk = true;
      continue;
    }
    if (Index >= Callee->getNumParams())
      continue; // A C variadic argument is a copy.
    if (!isMutableReferenceOrPointer(Callee->getParamDecl(Index)->getType()))
      continue;
    // Libraries change what they are given as documented (swap, getline,
    // splice, ...); they are not analysed, so it counts as a shrink.
    const FunctionDecl *Definition = nullptr;
    if (isLibraryFunction(*Callee))
      R->Shrunk = true;
    else if (Callee->isDefined(Definition) &&
             Index < Definition->getNumParams())
      R->PassedTo.push_back(Definition->getParamDecl(Index));
    else
      R->EscapesToUnseenCode = true;
  }
}

void ContainerFacts::addGrowth(const ValueDecl &D, const Expr &Call,
                               const Expr *Object, const WalkPosition &Where) {
  Record *R = recordFor(&D);
  if (!R || !R->TheOwner)
    return; // Parameters and references are not owners.
  SourceLocation Loc = Call.getBeginLoc();
  // A template and its instantiations share the site.
  if (llvm::any_of(R->Growths,
                   [&](const GrowthSite &Site) { return Site.Loc == Loc; }))
    return;
  GrowthSite Site;
  Site.Call = &Call;
  Site.Loc = Loc;
  Site.Context = Where.context();
  if (const auto *Member = dyn_cast_or_null<MemberExpr>(
          Object ? Object->IgnoreParenImpCasts() : nullptr))
    if (const auto *Base = dyn_cast_or_null<VarDecl>(
            ContainerModel::referencedDecl(Member->getBase())))
      Site.ThroughGlobalObject = Base->hasGlobalStorage();
  R->Growths.push_back(std::move(Site));
}

void ContainerFacts::onLambda(const LambdaExpr &Lambda,
                              const WalkPosition &Where) {
  std::optional<CallbackStorage> Storage = storageOf(Lambda, Where, Model);
  if (!Storage)
    return;
  if (Storage->isCertainlyStored())
    Paths.addStoredCallback(Lambda.getCallOperator(), Lambda.getBeginLoc());
  Lambdas.push_back({&Lambda, *Storage});
}

void ContainerFacts::onFunctionReference(const DeclRefExpr &Ref,
                                         const FunctionDecl &Function,
                                         const WalkPosition &Where) {
  if (const auto *Call = Where.parentThroughWrappers().get<CallExpr>())
    if (Call->getCallee()->IgnoreParenImpCasts() == &Ref)
      return; // A direct call, already an edge of the call graph.
  Paths.addAddressTaken(&Function, Ref.getBeginLoc());
}

void ContainerFacts::onReturn(const ReturnStmt &Return,
                              const WalkPosition &Where) {
  const Expr *Value = Return.getRetValue()->IgnoreParenImpCasts();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Value))
    if (Construct->getNumArgs() == 1)
      Value = Construct->getArg(0);
  const ValueDecl *D = ContainerModel::referencedDecl(Value);
  Record *R = recordFor(D);
  if (!R || !R->TheOwner)
    return;
  // A returned local ends its life here: the caller owns what it became.
  if (R->TheOwner->Kind == OwnerKind::Local) {
    R->Shrunk = true;
    return;
  }
  // A long-lived container handed out by mutable reference may be drained
  // by whoever holds the reference.
  const FunctionDecl *Function = Where.function();
  if (Function && isMutableReferenceOrPointer(Function->getReturnType()))
    R->EscapesToUnseenCode = true;
}

bool ContainerFacts::mayBeShrunkElsewhere(const Record &R) const {
  if (Options.AssumeUnseenCodeDoesNotShrink)
    return false;
  if (R.EscapesToUnseenCode)
    return true;
  if (const auto *Field = dyn_cast<FieldDecl>(R.Decl)) {
    const auto *Class = dyn_cast<CXXRecordDecl>(Field->getParent());
    if (!Class || !allMutatorsVisible(*templatePatternOf(Class)))
      return true;
    // A public member can be changed from anywhere, unless it is reached
    // through a global object, which makes it as visible as a global.
    bool ThroughGlobal = llvm::any_of(R.Growths, [](const GrowthSite &Site) {
      return Site.ThroughGlobalObject;
    });
    if (Field->getAccess() == AS_public && !ThroughGlobal)
      return true;
  }
  return false;
}

bool ContainerFacts::isBounded(const Record &R) const {
  if (R.Type.KeyedByFiniteDomain)
    return true;
  // The container itself, then every parameter it is passed to, transitively.
  llvm::SmallVector<const Record *, 4> Worklist = {&R};
  llvm::DenseSet<const Record *> Seen = {&R};
  while (!Worklist.empty()) {
    const Record *Current = Worklist.pop_back_val();
    if (Current->Shrunk || mayBeShrunkElsewhere(*Current))
      return true;
    for (const ParmVarDecl *Param : Current->PassedTo) {
      auto It = Records.find(Param->getCanonicalDecl()->getLocation());
      if (It != Records.end() && Seen.insert(&It->second).second)
        Worklist.push_back(&It->second);
    }
  }
  return false;
}

std::optional<RepeatEvidence>
ContainerFacts::whyRepeats(const Record &R, const GrowthSite &Site) {
  const FunctionDecl *Function = Site.Context.Function;
  if (Site.Context.RunsOnceAtInitialization || !Function ||
      isa<CXXConstructorDecl>(Function) ||
      R.GuardedIn.contains(Function->getCanonicalDecl()))
    return std::nullopt;

  if (R.TheOwner->Kind == OwnerKind::Local) {
    // A local outlives only the loops of its own function that it is
    // declared outside of.
    if (R.Decl->getDeclContext() != Function)
      return std::nullopt;
    const SourceManager &SM = Context->getSourceManager();
    for (const Stmt *Loop : Site.Context.Loops)
      if (SM.isBeforeInTranslationUnit(R.Decl->getLocation(),
                                       Loop->getBeginLoc()) &&
          isOpenEndedLoop(*Loop, *Context))
        return RepeatEvidence{RepeatEvidence::LocalAcrossLoop, Loop, Function};
    return std::nullopt;
  }
  if (!Site.Context.Loops.empty())
    return RepeatEvidence{RepeatEvidence::InsideLoop,
                          Site.Context.Loops.front(), Function};
  if (Paths.causeOf(Function))
    return RepeatEvidence{RepeatEvidence::FunctionRepeats, nullptr, Function};
  return std::nullopt;
}

// A miss path is approximated by "a lookup earlier in the same function".
const Expr *ContainerFacts::cacheLookupFor(const Record &R,
                                           const GrowthSite &Growth) const {
  const SourceManager &SM = Context->getSourceManager();
  for (auto [Lookup, Function] : R.Lookups)
    if (Growth.Context.Function &&
        Function == Growth.Context.Function->getCanonicalDecl() &&
        SM.isBeforeInTranslationUnit(Lookup->getBeginLoc(), Growth.Loc))
      return Lookup;
  return nullptr;
}

std::vector<UnboundedContainer>
ContainerFacts::unboundedContainers(const SourceManager &SM) {
  std::vector<UnboundedContainer> Findings;
  if (!Context)
    return Findings;
  auto Before = [&SM](SourceLocation A, SourceLocation B) {
    return SM.isBeforeInTranslationUnit(SM.getExpansionLoc(A),
                                        SM.getExpansionLoc(B));
  };
  for (auto &Entry : Records) {
    Record &R = Entry.second;
    if (R.Growths.empty() || !R.TheOwner || isBounded(R))
      continue;
    llvm::sort(R.Growths, [&](const GrowthSite &A, const GrowthSite &B) {
      return Before(A.Loc, B.Loc);
    });
    const GrowthSite *Primary = nullptr;
    std::optional<RepeatEvidence> Why;
    for (const GrowthSite &Site : R.Growths) {
      std::optional<RepeatEvidence> SiteWhy = whyRepeats(R, Site);
      if (!SiteWhy)
        continue;
      bool InMainFile = SM.isInMainFile(SM.getExpansionLoc(Site.Loc));
      if (!Primary ||
          (InMainFile && !SM.isInMainFile(SM.getExpansionLoc(Primary->Loc)))) {
        Primary = &Site;
        Why = SiteWhy;
      }
    }
    if (!Primary)
      continue;
    UnboundedContainer Finding{R.Decl, *R.TheOwner, R.Type, Primary, *Why, {}};
    for (const GrowthSite &Site : R.Growths) {
      if (&Site != Primary)
        Finding.OtherSites.push_back(&Site);
      if (!Finding.CacheLookup)
        Finding.CacheLookup = cacheLookupFor(R, Site);
    }
    Findings.push_back(std::move(Finding));
  }
  llvm::sort(Findings,
             [&](const UnboundedContainer &A, const UnboundedContainer &B) {
               return Before(A.Primary->Loc, B.Primary->Loc);
             });
  return Findings;
}

} // namespace clang::tidy::bloat
