//===--- RepeatingPath.cpp - does this code run again and again? ----------===//

#include "analysis/RepeatingPath.h"
#include "Compat.h"
#include "clang/AST/DeclFriend.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::bloat {

namespace {

const Expr *loopCondition(const Stmt &Loop) {
  if (const auto *For = dyn_cast<ForStmt>(&Loop))
    return For->getCond();
  if (const auto *While = dyn_cast<WhileStmt>(&Loop))
    return While->getCond();
  if (const auto *Do = dyn_cast<DoStmt>(&Loop))
    return Do->getCond();
  return nullptr;
}

bool isLoop(const Stmt &S) {
  return isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S);
}

// `do { ... } while (0)` is how macros make a statement, not a loop.
bool neverRepeats(const Stmt &Loop, ASTContext &Context) {
  const Expr *Cond = loopCondition(Loop);
  bool Value = true;
  return Cond && !Cond->isValueDependent() &&
         Cond->EvaluateAsBooleanCondition(Value, Context) && !Value;
}

// Whether \p Child is a part of \p Loop that runs on every iteration (not the
// init-statement or the range of a range-for, which run once).
bool isRepeatedPart(const Stmt &Loop, const Stmt *Child) {
  if (const auto *For = dyn_cast<ForStmt>(&Loop))
    return Child != For->getInit();
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(&Loop))
    return Child == Range->getBody() || Child == Range->getLoopVarStmt() ||
           Child == Range->getInc() || Child == Range->getCond();
  return true;
}

bool mentionsSizeQuery(const Expr *E) {
  if (!E)
    return false;
  E = E->IgnoreParenImpCasts();
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E))
    if (const CXXMethodDecl *Method = Call->getMethodDecl())
      if (Method->getIdentifier() &&
          (Method->getName() == "empty" || Method->getName() == "size"))
        return true;
  return llvm::any_of(E->children(), [](const Stmt *Child) {
    return mentionsSizeQuery(dyn_cast_or_null<Expr>(Child));
  });
}

bool isCountingCondition(const Expr *Cond) {
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *Binary = dyn_cast<BinaryOperator>(Cond)) {
    if (Binary->isRelationalOp() || Binary->getOpcode() == BO_NE)
      return true;
    if (Binary->getOpcode() == BO_LAnd)
      return isCountingCondition(Binary->getLHS()) ||
             isCountingCondition(Binary->getRHS());
  }
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Cond))
    return Operator->isComparisonOp() &&
           Operator->getOperator() != OO_EqualEqual;
  return false;
}

} // namespace

StmtContext contextOf(const Stmt &S, ASTContext &Context) {
  StmtContext Result;
  DynTypedNode Node = DynTypedNode::create(S);
  const Stmt *Child = &S;
  // The depth of an AST is small; the bound only guards against a cycle.
  for (unsigned Depth = 0; Depth < 4096; ++Depth) {
    DynTypedNodeList Parents = Context.getParents(Node);
    if (Parents.empty())
      break;
    Node = Parents[0];
    if (const auto *Parent = Node.get<Stmt>()) {
      if (const auto *Lambda = dyn_cast<LambdaExpr>(Parent)) {
        Result.Function = Lambda->getCallOperator();
        return Result;
      }
      if (isLoop(*Parent) && isRepeatedPart(*Parent, Child) &&
          !neverRepeats(*Parent, Context))
        Result.Loops.push_back(Parent);
      Child = Parent;
      continue;
    }
    Child = nullptr;
    if (const auto *Function = Node.get<FunctionDecl>()) {
      Result.Function = Function;
      return Result;
    }
    if (const auto *Var = Node.get<VarDecl>()) {
      if (Var->hasGlobalStorage())
        Result.RunsOnceAtInitialization = true;
    } else if (Node.get<FieldDecl>()) {
      Result.RunsOnceAtInitialization = true;
    }
  }
  return Result;
}

bool isOpenEndedLoop(const Stmt &Loop, ASTContext &Context) {
  if (isa<CXXForRangeStmt>(Loop))
    return false;
  const Expr *Cond = loopCondition(Loop);
  if (!Cond)
    return true;
  if (Cond->isValueDependent())
    return false;
  bool Value = false;
  if (Cond->EvaluateAsBooleanCondition(Value, Context))
    return Value;
  return !isCountingCondition(Cond) && !mentionsSizeQuery(Cond);
}

bool allMutatorsVisible(const CXXRecordDecl &Record) {
  const CXXRecordDecl *Definition = Record.getDefinition();
  if (!Definition || !Definition->friends().empty())
    return false;
  return llvm::all_of(Definition->decls(), [](const Decl *Member) {
    const FunctionDecl *Function = Member->getAsFunction();
    if (!Function || Function->isImplicit() || Function->isDeleted() ||
        Function->isDefaulted() || compat::isPureVirtual(*Function))
      return true;
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Function))
      if (Method->isConst())
        return true;
    return Function->isDefined();
  });
}

bool RepeatingPaths::isExternallyCallable(const FunctionDecl &Function) {
  if (Function.isMain())
    return false;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&Function)) {
    const CXXRecordDecl *Record = Method->getParent();
    // A lambda runs when its owner calls it; constructors and destructors
    // act on a new object each time.
    if (Record->isLambda() || isa<CXXConstructorDecl, CXXDestructorDecl>(Method))
      return false;
    if (Method->isVirtual())
      return true;
    if (Method->getAccess() == AS_private && allMutatorsVisible(*Record))
      return false;
    return Record->isExternallyVisible();
  }
  return Function.isExternallyVisible();
}

const FunctionDecl *RepeatingPaths::key(const FunctionDecl *F) {
  return F ? F->getCanonicalDecl() : nullptr;
}

void RepeatingPaths::addCallSite(const FunctionDecl &Callee,
                                 const CallExpr &Site) {
  CallSites[key(&Callee)].push_back(&Site);
}

void RepeatingPaths::addStoredCallback(const FunctionDecl *CallOperator,
                                       SourceLocation Site) {
  offerDirectCause(CallOperator, {RepeatCause::StoredCallback, Site, nullptr});
}

void RepeatingPaths::addAddressTaken(const FunctionDecl *Function,
                                     SourceLocation Site) {
  offerDirectCause(Function, {RepeatCause::AddressTaken, Site, nullptr});
}

// Keeps the most telling cause: the enum is ordered by preference.
void RepeatingPaths::offerDirectCause(const FunctionDecl *F,
                                      RepeatCause Cause) {
  auto [It, Inserted] = DirectCauses.try_emplace(key(F), Cause);
  if (!Inserted && Cause.Kind < It->second.Kind)
    It->second = Cause;
}

const RepeatCause *RepeatingPaths::causeOf(const FunctionDecl *Function,
                                           ASTContext &Context) {
  if (!Function)
    return nullptr;
  computeCause(key(Function), Context, 0);
  return knownCauseOf(Function);
}

const RepeatCause *
RepeatingPaths::knownCauseOf(const FunctionDecl *Function) const {
  auto It = Causes.find(key(Function));
  return It == Causes.end() || !It->second ? nullptr : &*It->second;
}

std::optional<RepeatCause>
RepeatingPaths::computeCause(const FunctionDecl *F, ASTContext &Context,
                             unsigned Depth) {
  auto [It, Inserted] = Causes.try_emplace(F, std::nullopt);
  // Known, or being worked out further up a recursive chain of calls.
  if (!Inserted)
    return It->second;

  // A cause of its own: a call inside a loop, a stored lambda, an address
  // taken, callers in other TUs; then callers that repeat themselves.
  std::optional<RepeatCause> Best;
  if (auto Direct = DirectCauses.find(F); Direct != DirectCauses.end())
    Best = Direct->second;
  std::vector<std::pair<const CallExpr *, const FunctionDecl *>> Callers;
  for (const CallExpr *Site : CallSites.lookup(F)) {
    StmtContext Where = contextOf(*Site, Context);
    if (!Where.Loops.empty() && !Where.RunsOnceAtInitialization) {
      if (!Best || RepeatCause::CalledInLoop < Best->Kind)
        Best = RepeatCause{RepeatCause::CalledInLoop, Site->getBeginLoc(),
                           key(Where.Function)};
    } else if (Where.Function && !Where.RunsOnceAtInitialization) {
      Callers.emplace_back(Site, key(Where.Function));
    }
  }
  if (!Best && isExternallyCallable(*F))
    Best = RepeatCause{RepeatCause::ExternallyCallable, F->getLocation(),
                       nullptr};
  // Deep chains are cut short: a caller that far away explains little.
  if (!Best && Depth < 256)
    for (auto [Site, Caller] : Callers)
      if (computeCause(Caller, Context, Depth + 1)) {
        Best = RepeatCause{RepeatCause::CalledFromRepeating, Site->getBeginLoc(),
                           Caller};
        break;
      }
  // The map may have grown while callers were worked out: look F up again.
  Causes[F] = Best;
  return Best;
}

} // namespace clang::tidy::bloat
