//===--- SizeFlow.cpp - where an allocation size comes from ---------------===//

#include "analysis/SizeFlow.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::bloat {

namespace {

const VarDecl *referencedVariable(const Expr *E) {
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(
          E ? E->IgnoreParenImpCasts() : nullptr))
    return dyn_cast<VarDecl>(Ref->getDecl());
  return nullptr;
}

bool isStdOrGlobalFunction(const FunctionDecl &F) {
  const DeclContext *Context = F.getDeclContext()->getRedeclContext();
  return Context->isTranslationUnit() || Context->isExternCContext() ||
         F.isInStdNamespace();
}

// std::min(N, Max), std::clamp(N, Lo, Hi): the result is bounded.
bool isClamp(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  return Callee && Callee->isInStdNamespace() && Callee->getIdentifier() &&
         (Callee->getName() == "min" || Callee->getName() == "clamp");
}

// The variables \p E reads, for finding what a comparison or a clamp
// bounds. A clamped value (std::min, std::clamp) carries no unbounded
// variable unless \p IntoClamps asks for the ones it bounds.
void collectVariables(const Expr *E,
                      llvm::SmallVectorImpl<const VarDecl *> &Out,
                      bool IntoClamps = false) {
  if (!E)
    return;
  E = E->IgnoreParenImpCasts();
  if (const VarDecl *Var = referencedVariable(E)) {
    Out.push_back(Var);
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (!IntoClamps && isClamp(*Call))
      return;
  for (const Stmt *Child : E->children())
    collectVariables(dyn_cast_or_null<Expr>(Child), Out, IntoClamps);
}

// `c.size()`, `s.length()`: the current size of something that exists.
bool isCurrentSize(const Expr *E) {
  const auto *Call = dyn_cast<CXXMemberCallExpr>(E->IgnoreParenImpCasts());
  const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
  return Method && Method->getIdentifier() &&
         (Method->getName() == "size" || Method->getName() == "length");
}

} // namespace

void SizeFlow::collectSizeLeaves(const Expr *E,
                                 llvm::SmallVectorImpl<SizeLeaf> &Out) {
  // Only what carries the value itself is followed: copies, casts and
  // arithmetic. A call's result is not its arguments
  // (`std::count(b, e, sep) + 1` does not grow with `sep`), and a
  // comparison yields a bool.
  if (!E)
    return;
  E = E->IgnoreParenImpCasts();
  if (const VarDecl *Var = referencedVariable(E)) {
    Out.push_back({Var, nullptr});
    return;
  }
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E)) {
    collectSizeLeaves(Cast->getSubExpr(), Out);
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    if (isInputConversion(*Call))
      Out.push_back({nullptr, Call});
    return;
  }
  if (const auto *Op = dyn_cast<BinaryOperator>(E)) {
    if (Op->getOpcode() == BO_Comma) {
      collectSizeLeaves(Op->getRHS(), Out);
      return;
    }
    // `c.size() - n` stays below a size that already exists: a truncation.
    if (Op->getOpcode() == BO_Sub && isCurrentSize(Op->getLHS()))
      return;
    if (Op->isAdditiveOp() || Op->isMultiplicativeOp() || Op->isShiftOp() ||
        Op->isBitwiseOp()) {
      collectSizeLeaves(Op->getLHS(), Out);
      collectSizeLeaves(Op->getRHS(), Out);
    }
    return;
  }
  if (const auto *Op = dyn_cast<UnaryOperator>(E)) {
    if ((Op->isArithmeticOp() && Op->getOpcode() != UO_LNot) ||
        Op->isIncrementDecrementOp())
      collectSizeLeaves(Op->getSubExpr(), Out);
    return;
  }
  if (const auto *Conditional = dyn_cast<AbstractConditionalOperator>(E)) {
    collectSizeLeaves(Conditional->getTrueExpr(), Out);
    collectSizeLeaves(Conditional->getFalseExpr(), Out);
  }
}

struct SizeFlow::FunctionFacts {
  /// Values each variable receives (initialiser, assignments).
  llvm::DenseMap<const VarDecl *, llvm::SmallVector<const Expr *, 2>> Defs;
  /// `In >> Var` reads.
  llvm::DenseMap<const VarDecl *, const Expr *> StreamReads;
  /// Where each variable is compared or clamped.
  llvm::DenseMap<const VarDecl *, llvm::SmallVector<SourceLocation, 2>> Bounds;
};

namespace {

// One pass over a function body, recording definitions, stream reads and
// bounds of every variable.
class FactsCollector : public ConstStmtVisitor<FactsCollector> {
public:
  explicit FactsCollector(SizeFlow::FunctionFacts &Facts) : Facts(Facts) {}

  void walk(const Stmt *S) {
    if (!S)
      return;
    Visit(S);
    for (const Stmt *Child : S->children())
      walk(Child);
  }

  void VisitDeclStmt(const DeclStmt *S) {
    for (const Decl *D : S->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D))
        if (const Expr *Init = Var->getInit())
          Facts.Defs[Var].push_back(Init);
  }

  void VisitBinaryOperator(const BinaryOperator *Op) {
    if (Op->isAssignmentOp()) {
      if (const VarDecl *Var = referencedVariable(Op->getLHS()))
        Facts.Defs[Var].push_back(Op->getRHS());
      return;
    }
    if (Op->isRelationalOp())
      addBounds(Op, Op->getBeginLoc());
  }

  void VisitCXXOperatorCallExpr(const CXXOperatorCallExpr *Op) {
    if (Op->getOperator() == OO_GreaterGreater && Op->getNumArgs() == 2) {
      if (const VarDecl *Var = referencedVariable(Op->getArg(1)))
        if (Var->getType()->isIntegerType())
          Facts.StreamReads.try_emplace(Var, Op);
      return;
    }
    if (Op->isComparisonOp() && Op->getOperator() != OO_EqualEqual &&
        Op->getOperator() != OO_ExclaimEqual)
      addBounds(Op, Op->getBeginLoc());
  }

  void VisitCallExpr(const CallExpr *Call) {
    if (isClamp(*Call))
      addBounds(Call, Call->getBeginLoc());
  }

private:
  void addBounds(const Expr *E, SourceLocation Where) {
    llvm::SmallVector<const VarDecl *, 2> Vars;
    for (const Stmt *Child : E->children())
      collectVariables(dyn_cast_or_null<Expr>(Child), Vars,
                       /*IntoClamps=*/true);
    for (const VarDecl *Var : Vars)
      Facts.Bounds[Var].push_back(Where);
  }

  SizeFlow::FunctionFacts &Facts;
};

} // namespace

SizeFlow::SizeFlow() = default;
SizeFlow::~SizeFlow() = default;

void SizeFlow::clear() { Facts.clear(); }

bool SizeFlow::isInputConversion(const CallExpr &Call) {
  static constexpr llvm::StringLiteral Conversions[] = {
      "stoi",  "stol",    "stoll",   "stoul",  "stoull", "atoi",
      "atol",  "atoll",   "strtol",  "strtoll", "strtoul", "strtoull",
      "strtoimax", "strtoumax"};
  const FunctionDecl *Callee = Call.getDirectCallee();
  return Callee && Callee->getIdentifier() && isStdOrGlobalFunction(*Callee) &&
         llvm::is_contained(Conversions, Callee->getName());
}

const SizeFlow::FunctionFacts &
SizeFlow::factsFor(const FunctionDecl &Function) {
  std::unique_ptr<FunctionFacts> &Entry = Facts[&Function];
  if (!Entry) {
    Entry = std::make_unique<FunctionFacts>();
    FactsCollector(*Entry).walk(Function.getBody());
  }
  return *Entry;
}

bool SizeFlow::isBoundedBefore(const VarDecl *Var, const Stmt &Use,
                               const FunctionFacts &FnFacts) const {
  auto It = FnFacts.Bounds.find(Var);
  if (It == FnFacts.Bounds.end())
    return false;
  const SourceManager &SM = Var->getASTContext().getSourceManager();
  SourceLocation UseLoc = SM.getExpansionLoc(Use.getBeginLoc());
  return llvm::any_of(It->second, [&](SourceLocation Bound) {
    SourceLocation BoundLoc = SM.getExpansionLoc(Bound);
    return BoundLoc == UseLoc || SM.isBeforeInTranslationUnit(BoundLoc, UseLoc);
  });
}

std::optional<SizeSource>
SizeFlow::sourceOf(const Expr *E, const FunctionFacts &FnFacts,
                   const FunctionDecl &Function, bool ParamsAreSources,
                   unsigned Depth) {
  if (!E || Depth > 4)
    return std::nullopt;
  llvm::SmallVector<SizeLeaf, 2> Leaves;
  collectSizeLeaves(E, Leaves);
  for (const SizeLeaf &Leaf : Leaves) {
    if (Leaf.Read)
      return SizeSource{SizeSource::Input, nullptr, nullptr, Leaf.Read};
    const VarDecl *Var = Leaf.Var;
    if (!Var->getType()->isIntegerType() || Var->hasGlobalStorage())
      continue;
    std::optional<SizeSource> Found;
    if (const auto *Param = dyn_cast<ParmVarDecl>(Var)) {
      if (ParamsAreSources)
        Found = SizeSource{SizeSource::Parameter, Param, Param, nullptr};
    } else if (auto Read = FnFacts.StreamReads.find(Var);
               Read != FnFacts.StreamReads.end()) {
      Found = SizeSource{SizeSource::Input, Var, nullptr, Read->second};
    } else if (auto Defs = FnFacts.Defs.find(Var);
               Defs != FnFacts.Defs.end()) {
      for (const Expr *Def : Defs->second)
        if ((Found = sourceOf(Def, FnFacts, Function, ParamsAreSources,
                              Depth + 1)))
          break;
      if (Found)
        Found->Variable = Var;
    }
    if (Found && !isBoundedBefore(Var, *E, FnFacts) &&
        !(Found->Param && isBoundedBefore(Found->Param, *E, FnFacts)))
      return Found;
  }
  return std::nullopt;
}

std::optional<SizeSource>
SizeFlow::uncheckedSource(const Expr &Size, const Stmt &Use,
                          const FunctionDecl &Function,
                          bool ParamsAreSources) {
  if (!Function.hasBody() || Size.isValueDependent())
    return std::nullopt;
  const FunctionFacts &FnFacts = factsFor(Function);
  std::optional<SizeSource> Source =
      sourceOf(&Size, FnFacts, Function, ParamsAreSources, 0);
  if (!Source)
    return std::nullopt;
  // The bound must come before the allocation itself, not only before the
  // size expression's own variables.
  const VarDecl *Carrier = Source->Variable ? Source->Variable : Source->Param;
  if (Carrier && isBoundedBefore(Carrier, Use, FnFacts))
    return std::nullopt;
  return Source;
}

} // namespace clang::tidy::bloat
