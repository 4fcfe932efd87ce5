//===--- BodyWalk.cpp - walking a body with its ancestors -----------------===//

#include "analysis/BodyWalk.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/SaveAndRestore.h"

using namespace clang::ast_matchers;

namespace clang::tidy::bloat {

namespace {

constexpr llvm::StringLiteral FunctionId = "walked-function";
constexpr llvm::StringLiteral VariableId = "walked-variable";
constexpr llvm::StringLiteral FieldId = "walked-field";
constexpr llvm::StringLiteral TranslationUnitId = "walked-tu";

bool isWrapper(const Expr &E) {
  return isa<ImplicitCastExpr, ParenExpr, MaterializeTemporaryExpr,
             CXXBindTemporaryExpr, ExprWithCleanups, CXXFunctionalCastExpr>(E);
}

} // namespace

StmtContext WalkPosition::context() const {
  StmtContext Result;
  Result.Function = Function;
  Result.Loops.assign(Loops.rbegin(), Loops.rend());
  Result.RunsOnceAtInitialization = RunsOnce;
  return Result;
}

DynTypedNode WalkPosition::parentThroughWrappers(
    const CXXConstructExpr **OutermostConstruct) const {
  for (const DynTypedNode &Node : llvm::reverse(Ancestors)) {
    const auto *E = Node.get<Expr>();
    if (!E)
      return Node;
    if (isWrapper(*E))
      continue;
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      if (OutermostConstruct)
        *OutermostConstruct = Construct;
      continue;
    }
    return Node;
  }
  return {};
}

const Stmt *WalkPosition::conditionOwner(const Stmt &S) const {
  const Stmt *Child = &S;
  for (const DynTypedNode &Node : llvm::reverse(Ancestors)) {
    const auto *Parent = Node.get<Stmt>();
    if (!Parent)
      return nullptr;
    if (const auto *If = dyn_cast<IfStmt>(Parent))
      return If->getCond() == Child ? If : nullptr;
    if (const auto *Conditional = dyn_cast<ConditionalOperator>(Parent))
      return Conditional->getCond() == Child ? Conditional : nullptr;
    if (!isa<Expr>(Parent))
      return nullptr;
    Child = Parent;
  }
  return nullptr;
}

void BodyWalker::walkFunction(const FunctionDecl &Function) {
  Position = WalkPosition();
  Position.Function = &Function;
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&Function))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      walkUnder(DynTypedNode::create(*Init), Init->getInit());
  walk(Function.getBody());
}

void BodyWalker::walkInitializer(const VarDecl &Var) {
  Position = WalkPosition();
  Position.RunsOnce = true;
  walkUnder(DynTypedNode::create(Var), Var.getInit());
}

void BodyWalker::walkInitializer(const FieldDecl &Field) {
  Position = WalkPosition();
  Position.RunsOnce = true;
  walkUnder(DynTypedNode::create(Field), Field.getInClassInitializer());
}

void BodyWalker::walkUnder(DynTypedNode Parent, const Stmt *S) {
  Position.Ancestors.push_back(Parent);
  walk(S);
  Position.Ancestors.pop_back();
}

void BodyWalker::walk(const Stmt *S) {
  if (!S)
    return;
  Visit(*S, Position);
  if (const auto *Lambda = dyn_cast<LambdaExpr>(S))
    return walkLambda(*Lambda);
  if (const auto *Declarations = dyn_cast<DeclStmt>(S))
    return walkDeclarations(*Declarations);
  walkChildren(*S);
}

void BodyWalker::walkChildren(const Stmt &S) {
  Position.Ancestors.push_back(DynTypedNode::create(S));
  if (isLoop(S)) {
    bool Repeats = mayRepeat(S, Context);
    for (const Stmt *Child : S.children())
      walkLoopPart(S, Repeats, Child);
  } else {
    for (const Stmt *Child : S.children())
      walk(Child);
  }
  Position.Ancestors.pop_back();
}

void BodyWalker::walkLoopPart(const Stmt &Loop, bool Repeats,
                              const Stmt *Child) {
  if (!Repeats || !isRepeatedPart(Loop, Child))
    return walk(Child);
  Position.Loops.push_back(&Loop);
  walk(Child);
  Position.Loops.pop_back();
}

void BodyWalker::walkLambda(const LambdaExpr &Lambda) {
  Position.Ancestors.push_back(DynTypedNode::create(Lambda));
  // Captures are initialised where the lambda is written...
  for (const Expr *Init : Lambda.capture_inits())
    walk(Init);
  // ...its body runs whenever whoever holds it calls it.
  {
    llvm::SaveAndRestore<const FunctionDecl *> SavedFunction(
        Position.Function, Lambda.getCallOperator());
    llvm::SaveAndRestore<llvm::SmallVector<const Stmt *, 4>> SavedLoops(
        Position.Loops, {});
    llvm::SaveAndRestore<bool> SavedRunsOnce(Position.RunsOnce, false);
    walk(Lambda.getBody());
  }
  Position.Ancestors.pop_back();
}

void BodyWalker::walkDeclarations(const DeclStmt &Declarations) {
  Position.Ancestors.push_back(DynTypedNode::create(Declarations));
  for (const Decl *D : Declarations.decls()) {
    const auto *Var = dyn_cast<VarDecl>(D);
    if (!Var) {
      if (OnLocalDeclaration)
        OnLocalDeclaration(*D);
      continue;
    }
    if (!Var->getInit())
      continue;
    // A static local is initialised once, however often its scope runs.
    llvm::SaveAndRestore<bool> SavedRunsOnce(
        Position.RunsOnce, Position.RunsOnce || Var->hasGlobalStorage());
    walkUnder(DynTypedNode::create(*Var), Var->getInit());
  }
  Position.Ancestors.pop_back();
}

namespace {

// Finds in a whole TU the bodies that the per-declaration matchers find, and
// walks them. Statements are left to the BodyWalker; the local classes it
// meets come back here.
class BodyFinder : public RecursiveASTVisitor<BodyFinder> {
public:
  BodyFinder(ASTContext &Context,
             llvm::function_ref<bool(const FunctionDecl *)> StartBody,
             BodyWalker::Visitor Visit)
      : Context(Context), SM(Context.getSourceManager()), StartBody(StartBody),
        Visit(Visit) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }

  bool TraverseStmt(Stmt *, DataRecursionQueue * = nullptr) { return true; }
  // No body is inside a type, a name or a template argument as written, and
  // walking them all is most of the cost of finding the bodies.
  bool TraverseTypeLoc(TypeLoc) { return true; }
  bool TraverseType(QualType) { return true; }
  bool TraverseNestedNameSpecifierLoc(NestedNameSpecifierLoc) { return true; }
  bool TraverseTemplateArgumentLoc(const TemplateArgumentLoc &) {
    return true;
  }
  bool TraverseDeclarationNameInfo(DeclarationNameInfo) { return true; }

  bool TraverseDecl(Decl *D) {
    if (!D || (!isa<TranslationUnitDecl>(D) &&
               SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation()))))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitFunctionDecl(FunctionDecl *Function) {
    if (!Function->isThisDeclarationADefinition())
      return true;
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Function))
      if (Method->getParent()->isLambda())
        return true;
    if (StartBody(Function))
      walk([&](BodyWalker &Walker) { Walker.walkFunction(*Function); });
    return true;
  }

  bool VisitVarDecl(VarDecl *Var) {
    if (Var->hasGlobalStorage() && !Var->isStaticLocal() && Var->getInit() &&
        StartBody(nullptr))
      walk([&](BodyWalker &Walker) { Walker.walkInitializer(*Var); });
    return true;
  }

  bool VisitFieldDecl(FieldDecl *Field) {
    if (Field->hasInClassInitializer() && Field->getInClassInitializer() &&
        StartBody(nullptr))
      walk([&](BodyWalker &Walker) { Walker.walkInitializer(*Field); });
    return true;
  }

private:
  void walk(llvm::function_ref<void(BodyWalker &)> Run) {
    std::vector<const Decl *> Local;
    auto KeepLocal = [&Local](const Decl &D) { Local.push_back(&D); };
    BodyWalker Walker(Context, Visit, KeepLocal);
    Run(Walker);
    // After the walk: a walker walks one body at a time.
    for (const Decl *D : Local)
      TraverseDecl(const_cast<Decl *>(D));
  }

  ASTContext &Context;
  const SourceManager &SM;
  llvm::function_ref<bool(const FunctionDecl *)> StartBody;
  BodyWalker::Visitor Visit;
};

} // namespace

void addBodyWalkMatchers(MatchFinder &Finder,
                         MatchFinder::MatchCallback &Callback, bool WholeTU) {
  if (WholeTU) {
    Finder.addMatcher(translationUnitDecl().bind(TranslationUnitId), &Callback);
    return;
  }
  auto InUserCode = unless(isExpansionInSystemHeader());
  Finder.addMatcher(functionDecl(isDefinition(), InUserCode,
                                 unless(cxxMethodDecl(ofClass(isLambda()))))
                        .bind(FunctionId),
                    &Callback);
  Finder.addMatcher(varDecl(hasGlobalStorage(), unless(isStaticLocal()),
                            hasInitializer(expr()), InUserCode)
                        .bind(VariableId),
                    &Callback);
  Finder.addMatcher(
      fieldDecl(hasInClassInitializer(expr()), InUserCode).bind(FieldId),
      &Callback);
}

void walkMatchedBody(const MatchFinder::MatchResult &Result,
                     llvm::function_ref<bool(const FunctionDecl *)> StartBody,
                     BodyWalker::Visitor Visit) {
  if (const auto *TU =
          Result.Nodes.getNodeAs<TranslationUnitDecl>(TranslationUnitId)) {
    BodyFinder(*Result.Context, StartBody, Visit)
        .TraverseDecl(const_cast<TranslationUnitDecl *>(TU));
    return;
  }
  BodyWalker Walker(*Result.Context, Visit);
  if (const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>(FunctionId)) {
    if (StartBody(Function))
      Walker.walkFunction(*Function);
  } else if (const auto *Var = Result.Nodes.getNodeAs<VarDecl>(VariableId)) {
    if (StartBody(nullptr))
      Walker.walkInitializer(*Var);
  } else if (const auto *Field = Result.Nodes.getNodeAs<FieldDecl>(FieldId)) {
    if (StartBody(nullptr))
      Walker.walkInitializer(*Field);
  }
}

} // namespace clang::tidy::bloat
