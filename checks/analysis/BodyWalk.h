//===--- BodyWalk.h - walking a body with its ancestors ---------*- C++ -*-===//
//
// The checks need, for many statements, where the statement sits: its
// function or lambda, the loops around it, its parent past implicit nodes.
// ASTContext's parent map answers that, but building it costs a second
// traversal and a map entry for every node of the TU. Instead, each function
// body (and each initialiser of a global or a member) is walked once from the
// top, keeping the ancestors and the loops on a stack, so the answer is at
// hand for every node the walk visits.
//
//===----------------------------------------------------------------------===//

#ifndef BLOAT_TIDY_ANALYSIS_BODYWALK_H
#define BLOAT_TIDY_ANALYSIS_BODYWALK_H

#include "analysis/RepeatingPath.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTTypeTraits.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::bloat {

/// Where the statement being visited sits.
class WalkPosition {
public:
  /// The function whose body holds it (a lambda's call operator inside a
  /// lambda); null in the initialiser of a global or of a member.
  const FunctionDecl *function() const { return Function; }
  /// The innermost loop around it that repeats it, inside function().
  const Stmt *innermostLoop() const {
    return Loops.empty() ? nullptr : Loops.back();
  }
  /// Every loop around it that repeats it, inside function(), outermost
  /// first.
  llvm::ArrayRef<const Stmt *> loops() const { return Loops; }
  /// The statement (an if, or a `?:` as in assert) whose condition holds it,
  /// if it is inside a condition of the innermost such statement.
  const Stmt *conditionOwner(const Stmt &S) const;
  /// It runs once: in the initialiser of a global, a static local or a
  /// member.
  bool runsOnceAtInitialization() const { return RunsOnce; }
  /// The same, as a value to keep.
  StmtContext context() const;

  /// The first ancestor that is not an implicit or wrapping node (casts,
  /// parentheses, temporaries, constructor calls). \p OutermostConstruct
  /// receives the last constructor call climbed through, e.g. the conversion
  /// of a lambda into a std::function. Empty at the top.
  DynTypedNode parentThroughWrappers(
      const CXXConstructExpr **OutermostConstruct = nullptr) const;

private:
  friend class BodyWalker;
  const FunctionDecl *Function = nullptr;
  /// Outermost first.
  llvm::SmallVector<const Stmt *, 4> Loops;
  bool RunsOnce = false;
  /// The ancestors of the visited statement, outermost first: statements,
  /// and the VarDecl, FieldDecl or CXXCtorInitializer an initialiser
  /// belongs to.
  llvm::SmallVector<DynTypedNode, 32> Ancestors;
};

/// Walks a body once, handing every statement and its position to a visitor,
/// parents before children. Lambdas are walked with the body that holds them.
class BodyWalker {
public:
  using Visitor = llvm::function_ref<void(const Stmt &, const WalkPosition &)>;

  /// Hands a declaration inside a body other than a variable (a local
  /// class) to whoever walks its own bodies.
  using LocalDeclarationHandler = llvm::function_ref<void(const Decl &)>;

  BodyWalker(ASTContext &Context, Visitor Visit,
             LocalDeclarationHandler OnLocalDeclaration = nullptr)
      : Context(Context), Visit(Visit), OnLocalDeclaration(OnLocalDeclaration) {
  }

  /// A function's member initialisers and body.
  void walkFunction(const FunctionDecl &Function);
  /// The initialiser of a namespace-scope variable or a static data member.
  void walkInitializer(const VarDecl &Var);
  /// A default member initialiser.
  void walkInitializer(const FieldDecl &Field);

private:
  void walk(const Stmt *S);
  void walkChildren(const Stmt &S);
  void walkLambda(const LambdaExpr &Lambda);
  void walkDeclarations(const DeclStmt &Declarations);
  void walkUnder(DynTypedNode Parent, const Stmt *S);
  void walkLoopPart(const Stmt &Loop, bool Repeats, const Stmt *Child);

  ASTContext &Context;
  Visitor Visit;
  LocalDeclarationHandler OnLocalDeclaration;
  WalkPosition Position;
};

/// An analysis fed by a walk.
class WalkListener {
public:
  virtual ~WalkListener() = default;
  /// A body is about to be walked: a function's (\p Function), or a global's
  /// or a member's initialiser (null). Returns whether to visit it.
  virtual bool startBody(const FunctionDecl *Function, ASTContext &Context) {
    return true;
  }
  virtual void visit(const Stmt &S, const WalkPosition &Where) = 0;
};

/// What the walk needs to see of a TU: every function definition, global
/// variable and member with an initialiser outside system headers, except
/// lambdas' call operators (walked with what holds them).
///
/// With \p WholeTU, one matcher on the TranslationUnitDecl finds them all,
/// in one match: clang-tidy's profiling times every evaluation of every
/// matcher, and per-declaration matchers are evaluated on every function,
/// variable and field of the TU. Without it (clangd, which traverses only
/// the main file's top-level declarations and never the TU itself), each
/// body is matched on its own.
void addBodyWalkMatchers(ast_matchers::MatchFinder &Finder,
                         ast_matchers::MatchFinder::MatchCallback &Callback,
                         bool WholeTU);
/// Walks the body a match of addBodyWalkMatchers bound, if \p StartBody,
/// given its function (null for an initialiser), says so.
void walkMatchedBody(const ast_matchers::MatchFinder::MatchResult &Result,
                     llvm::function_ref<bool(const FunctionDecl *)> StartBody,
                     BodyWalker::Visitor Visit);

} // namespace clang::tidy::bloat

#endif // BLOAT_TIDY_ANALYSIS_BODYWALK_H
