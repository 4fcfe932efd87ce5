//===--- RepeatingPath.cpp - does this code run again and again? ----------===//

#include "analysis/RepeatingPath.h"
#include "Compat.h"
#include "clang/AST/DeclFriend.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/SmallPtrSet.h"

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

// Looks through C++20's rewritten comparisons (`It != End` spelt with only an
// operator== declared) to the comparison as written.
const Expr *asWritten(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Rewritten = dyn_cast<CXXRewrittenBinaryOperator>(E))
    return Rewritten->getSemanticForm()->IgnoreParenImpCasts();
  return E;
}

bool isCountingCondition(const Expr *Cond) {
  if (const auto *Rewritten =
          dyn_cast<CXXRewrittenBinaryOperator>(Cond->IgnoreParenImpCasts())) {
    BinaryOperatorKind Op = Rewritten->getOperator();
    return BinaryOperator::isRelationalOp(Op) || Op == BO_NE ||
           Op == BO_Cmp;
  }
  Cond = asWritten(Cond);
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

// The name of the function \p E calls, if it is a call.
llvm::StringRef calleeName(const Expr *E) {
  const auto *Call = dyn_cast_or_null<CallExpr>(E);
  if (!Call)
    return "";
  if (const FunctionDecl *Callee = Call->getDirectCallee())
    if (Callee->getIdentifier())
      return Callee->getName();
  return "";
}

// Reading the next record of finite input: a file, a buffer, a parser.
bool isReadLikeName(llvm::StringRef Name) {
  std::string Lower = Name.lower();
  llvm::StringRef L(Lower);
  return L.contains("read") || L.contains("parse") || L.contains("scan") ||
         L.contains("getline") || L.contains("fgets") || L == "getc" ||
         L == "fgetc" || L.starts_with("lex") || L == "va_arg";
}

// Asking a cursor whether it has more: `It.hasNext()`, `!It.AtEnd()`,
// `Iter->Valid()`, `Parser.advance()`.
bool isCursorPredicateName(llvm::StringRef Name) {
  static constexpr llvm::StringLiteral Names[] = {
      "hasnext", "has_next", "hasmore", "has_more", "valid",  "isvalid",
      "is_valid", "good",    "advance", "atend",    "at_end", "done",
      "isdone",  "is_done",  "eof",     "finished", "more"};
  std::string Lower = Name.lower();
  return llvm::is_contained(Names, llvm::StringRef(Lower));
}

bool containsVAArg(const Stmt *S);
bool mentionsReadLikeCall(const Stmt *S);

// `std::cin`, `stdin`: a terminal or a pipe that a session keeps open; a
// loop reading it is an interactive loop, not a walk over finite input.
bool readsInteractiveInput(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      if (Var->getIdentifier() &&
          llvm::is_contained({llvm::StringRef("cin"), llvm::StringRef("wcin"),
                              llvm::StringRef("stdin")},
                             Var->getName()))
        return true;
  return llvm::any_of(S->children(), readsInteractiveInput);
}

bool isWalkCondition(const Expr *Cond) {
  if (readsInteractiveInput(Cond))
    return false;
  const Expr *Tested = asWritten(Cond);
  if (const auto *Not = dyn_cast<UnaryOperator>(Tested))
    if (Not->getOpcode() == UO_LNot)
      Tested = asWritten(Not->getSubExpr());
  // `while (Node)`, `for (P = Head; P; P = P->Next)`: a walk along a linked
  // structure ends with it. `while (*P)` walks a terminated array.
  if (Tested->getType()->isPointerType() &&
      isa<DeclRefExpr, MemberExpr>(Tested))
    return true;
  if (const auto *Deref = dyn_cast<UnaryOperator>(Tested))
    if (Deref->getOpcode() == UO_Deref)
      return true;
  llvm::StringRef Name = calleeName(Tested);
  if (!Name.empty() && (isCursorPredicateName(Name) || isReadLikeName(Name)))
    return true;
  // `Result->next()`, `It.advance()`: a cursor stepping through rows or
  // tokens. `Queue.next(Job)` fills an out-parameter: a worker's wait.
  if (const auto *Step = dyn_cast<CXXMemberCallExpr>(Tested))
    if (Step->getNumArgs() == 0 &&
        llvm::is_contained({llvm::StringRef("next"), llvm::StringRef("Next"),
                            llvm::StringRef("moveNext"),
                            llvm::StringRef("MoveNext"),
                            llvm::StringRef("step"), llvm::StringRef("Step")},
                           Name))
      return true;
  // `while ((W = va_arg(Ap, const char *)))`, `while ((N = read(...)))`.
  return containsVAArg(Tested) || mentionsReadLikeCall(Tested);
}

bool containsVAArg(const Stmt *S) {
  if (!S)
    return false;
  if (isa<VAArgExpr>(S))
    return true;
  return llvm::any_of(S->children(), containsVAArg);
}

bool mentionsReadLikeCall(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *E = dyn_cast<Expr>(S))
    if (isReadLikeName(calleeName(E->IgnoreParenImpCasts())))
      return true;
  return llvm::any_of(S->children(), mentionsReadLikeCall);
}

// A number read from text: `atol(argv[1])`, `std::stoul(Arg)`, ...
bool parsesNumber(const Stmt *S, unsigned Depth = 0) {
  if (!S || Depth > 6)
    return false;
  if (const auto *E = dyn_cast<Expr>(S)) {
    static constexpr llvm::StringLiteral Parsers[] = {
        "atoi",  "atol",  "atoll",   "strtol", "strtoul", "strtoll",
        "strtoull", "stoi", "stol",  "stoll",  "stoul",   "stoull"};
    if (llvm::is_contained(Parsers, calleeName(E->IgnoreParenImpCasts())))
      return true;
  }
  return llvm::any_of(S->children(), [Depth](const Stmt *Child) {
    return parsesNumber(Child, Depth + 1);
  });
}

// `I < N` (or `I <= N`, `N > I`) where N is a local initialised from a
// parsed number.
bool conditionCountsToParsedNumber(const Expr *Cond) {
  const auto *Binary = dyn_cast<BinaryOperator>(Cond->IgnoreParenImpCasts());
  if (!Binary || !Binary->isRelationalOp())
    return false;
  for (const Expr *Side : {Binary->getLHS(), Binary->getRHS()})
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Side->IgnoreParenImpCasts()))
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
        if (Var->isLocalVarDecl() && Var->getInit() &&
            parsesNumber(Var->getInit()))
          return true;
  return false;
}

// A return anywhere in \p S, but in a lambda.
bool containsReturn(const Stmt *S) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (isa<ReturnStmt>(S))
    return true;
  return llvm::any_of(S->children(), containsReturn);
}

bool isExit(const Stmt *S) {
  if (const auto *Compound = dyn_cast_or_null<CompoundStmt>(S))
    S = Compound->size() == 1 ? Compound->body_front() : nullptr;
  return isa_and_nonnull<BreakStmt, ReturnStmt>(S);
}

// `Idx == S.npos`, `Pos != std::string::npos`: a search that found nothing.
bool testsNotFound(const Stmt *S) {
  if (!S)
    return false;
  const NamedDecl *Named = nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    Named = Ref->getDecl();
  else if (const auto *Member = dyn_cast<MemberExpr>(S))
    Named = Member->getMemberDecl();
  if (Named && Named->getIdentifier() && Named->getName() == "npos")
    return true;
  return llvm::any_of(S->children(), testsNotFound);
}

// A block that leaves the loop once it is done: `{ finish(); break; }`.
bool endsInExit(const Stmt *S) {
  if (const auto *Compound = dyn_cast_or_null<CompoundStmt>(S))
    S = Compound->body_empty() ? nullptr : Compound->body_back();
  return isa_and_nonnull<BreakStmt, ReturnStmt>(S);
}

// The pointer variable \p Cond tests for null: `!P`, `P == nullptr`,
// `nullptr != P`, `P == NULL`.
const VarDecl *nullTestedPointer(const Expr *Cond) {
  auto PointerVar = [](const Expr *E) -> const VarDecl * {
    const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    return Var && Var->getType()->isPointerType() ? Var : nullptr;
  };
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond))
    return Not->getOpcode() == UO_LNot ? PointerVar(Not->getSubExpr())
                                       : nullptr;
  const auto *Equal = dyn_cast<BinaryOperator>(Cond);
  if (!Equal || Equal->getOpcode() != BO_EQ)
    return nullptr;
  for (auto [Side, Other] : {std::pair(Equal->getLHS(), Equal->getRHS()),
                             std::pair(Equal->getRHS(), Equal->getLHS())})
    if (const VarDecl *Tested = PointerVar(Side))
      if (Other->isNullPointerConstant(Tested->getASTContext(),
                                       Expr::NPC_ValueDependentIsNotNull))
        return Tested;
  return nullptr;
}

// What \p Body gives each variable: its initialisers in the body and the
// values assigned to it (`V = E`), lambdas aside.
using AssignedValues =
    llvm::DenseMap<const VarDecl *, llvm::SmallVector<const Expr *, 2>>;
void collectAssignments(const Stmt *S, AssignedValues &Values) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (const auto *Declared = dyn_cast<DeclStmt>(S))
    for (const Decl *D : Declared->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D))
        if (Var->getInit())
          Values[Var].push_back(Var->getInit());
  if (const auto *Assign = dyn_cast<BinaryOperator>(S))
    if (Assign->getOpcode() == BO_Assign)
      if (const auto *Ref =
              dyn_cast<DeclRefExpr>(Assign->getLHS()->IgnoreParenImpCasts()))
        if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
          Values[Var].push_back(Assign->getRHS());
  for (const Stmt *Child : S->children())
    collectAssignments(Child, Values);
}

// Whether \p E reads \p Target, directly or through variables that the loop
// body computes from it (`Next = P->next(); Tile = at(Next); P = Tile->p;`).
bool derivesFrom(const Stmt *E, const VarDecl *Target,
                 const AssignedValues &Values,
                 llvm::SmallPtrSetImpl<const VarDecl *> &Followed) {
  if (!E || isa<LambdaExpr>(E))
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl())) {
      if (Var == Target)
        return true;
      auto It = Values.find(Var);
      if (It != Values.end() && Followed.insert(Var).second)
        for (const Expr *Value : It->second)
          if (derivesFrom(Value, Target, Values, Followed))
            return true;
      return false;
    }
  return llvm::any_of(E->children(), [&](const Stmt *Child) {
    return derivesFrom(Child, Target, Values, Followed);
  });
}

// `while (true) { Next = At->next(); if (!Next) break; At = Next; }`: an
// endless-looking loop that follows a chain of links, each found from the
// one before, and leaves at the first missing link. It walks a finite
// structure, as `while (Node)` does. A pointer that is not found from its
// previous value (`Job = Queue.pop(); if (!Job) break;`) is a worker's wait.
// \p Values caches what the body assigns, for the loop's other exits.
bool followsChainUntilNull(const Expr *Cond, const Stmt &Body,
                           std::optional<AssignedValues> &Values) {
  const VarDecl *Link = nullTestedPointer(Cond);
  if (!Link)
    return false;
  if (!Values)
    collectAssignments(&Body, Values.emplace());
  auto It = Values->find(Link);
  if (It == Values->end())
    return false;
  return llvm::any_of(It->second, [&](const Expr *Value) {
    // `P = P` steps nowhere.
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Value->IgnoreParenImpCasts()))
      if (Ref->getDecl() == Link)
        return false;
    llvm::SmallPtrSet<const VarDecl *, 8> Followed;
    return derivesFrom(Value, Link, *Values, Followed);
  });
}

// `for (;;) { N = read(...); if (N <= 0) break; ... }`: every way out of an
// endless-looking loop is input running out.
bool exitsWhenInputEnds(const Stmt &Loop) {
  const Stmt *Body = nullptr;
  if (const auto *For = dyn_cast<ForStmt>(&Loop))
    Body = For->getBody();
  else if (const auto *While = dyn_cast<WhileStmt>(&Loop))
    Body = While->getBody();
  else if (const auto *Do = dyn_cast<DoStmt>(&Loop))
    Body = Do->getBody();
  const auto *Compound = dyn_cast_or_null<CompoundStmt>(Body);
  if (!Compound || readsInteractiveInput(Compound))
    return false;
  if (containsVAArg(Compound))
    return true;
  bool ReadSeen = false;
  std::optional<AssignedValues> Assigned;
  for (const Stmt *S : Compound->body()) {
    if (const auto *If = dyn_cast<IfStmt>(S)) {
      if (isExit(If->getThen()) && !If->getElse() &&
          (ReadSeen || mentionsReadLikeCall(If->getCond()) ||
           followsChainUntilNull(If->getCond(), *Compound, Assigned)))
        return true;
      // `Idx = Text.find(Tag, Pos); if (Idx == npos) { ...; break; }`: a
      // scan that leaves when the search finds nothing more.
      if (!If->getElse() && testsNotFound(If->getCond()) &&
          endsInExit(If->getThen()))
        return true;
    }
    if (mentionsReadLikeCall(S))
      ReadSeen = true;
  }
  // A parser's `for (;;) { Token T = Lexer.ReadToken(); switch (T) { case
  // TEOF: return true; ... } }`: it reads, and returns from inside.
  return ReadSeen && containsReturn(Compound);
}

// A function, a pointer to one, std::function or another class with an
// operator(), or a template parameter (a callable of any type).
bool isCallable(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isFunctionPointerType() || T->isFunctionType() ||
      T->isTemplateTypeParmType())
    return true;
  const CXXRecordDecl *Record = T->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition())
    return false;
  return llvm::any_of(Record->getDefinition()->methods(),
                      [](const CXXMethodDecl *Method) {
                        return Method->getOverloadedOperator() == OO_Call;
                      });
}

} // namespace

/// hasOpenEndedLoopAfter, with \p IsOpenEnded answering for each loop.
static bool
anyLoopAfter(const Stmt *Body, SourceLocation Declared, ASTContext &Context,
             llvm::function_ref<bool(const Stmt &)> IsOpenEnded) {
  if (!Body)
    return false;
  if (isLoop(*Body) &&
      Context.getSourceManager().isBeforeInTranslationUnit(
          Declared, Body->getBeginLoc()) &&
      IsOpenEnded(*Body))
    return true;
  return llvm::any_of(Body->children(), [&](const Stmt *Child) {
    return anyLoopAfter(Child, Declared, Context, IsOpenEnded);
  });
}

bool hasOpenEndedLoopAfter(const Stmt *Body, SourceLocation Declared,
                           ASTContext &Context) {
  return anyLoopAfter(Body, Declared, Context, [&](const Stmt &Loop) {
    return isOpenEndedLoop(Loop, Context);
  });
}

/// Registration and start-up by the function's name.
static bool namedLikeSetUp(const FunctionDecl &F) {
  llvm::StringRef Name = F.getName();
  for (llvm::StringRef Prefix :
       {"add", "set", "register", "route", "on", "load", "init", "initialize",
        "setup", "start", "configure", "install", "Add", "Set", "Register",
        "Route", "On", "Load", "Init", "Initialize", "Setup", "Start",
        "Configure", "Install"}) {
    if (!Name.starts_with(Prefix))
      continue;
    llvm::StringRef Rest = Name.drop_front(Prefix.size());
    if (!Rest.empty() && Rest.front() != '_' && !isUppercase(Rest.front()))
      continue;
    // `onMessage(const Message &)` handles every message; `onMessage(F)`
    // registers a handler.
    if (Prefix.equals_insensitive("on"))
      return llvm::any_of(F.parameters(), [](const ParmVarDecl *Param) {
        return isCallable(Param->getType());
      });
    return true;
  }
  return false;
}

namespace {

/// Looks through parentheses, implicit casts and temporaries.
const Expr *stripped(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreParens()->IgnoreImplicit();
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

/// `*this`.
bool isDereferencedThis(const Expr *E) {
  const auto *Deref = dyn_cast_or_null<UnaryOperator>(stripped(E));
  return Deref && Deref->getOpcode() == UO_Deref &&
         isa<CXXThisExpr>(stripped(Deref->getSubExpr()));
}

/// `Field` or `this->Field`: a data member of the object itself.
const FieldDecl *ownField(const Expr *E) {
  const auto *Member = dyn_cast_or_null<MemberExpr>(stripped(E));
  if (!Member || !isa<CXXThisExpr>(stripped(Member->getBase())))
    return nullptr;
  return dyn_cast<FieldDecl>(Member->getMemberDecl());
}

/// The standard containers' members that insert an element.
bool isInsertingMethod(llvm::StringRef Name) {
  return llvm::is_contained(
      {"push_back", "emplace_back", "push_front", "emplace_front", "push",
       "emplace", "insert", "emplace_hint", "try_emplace", "insert_or_assign",
       "insert_after", "emplace_after"},
      Name);
}

/// The member container an element access or insertion is made on:
/// `C.back()` and `C.front()`, `C[K]`, `C.emplace_back(...)`,
/// `C.emplace(...)`. \p Inserts tells whether the access inserts itself.
const FieldDecl *containerAccessed(const Expr *E, bool &Inserts) {
  E = stripped(E);
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (!Method || !Method->getIdentifier())
      return nullptr;
    llvm::StringRef Name = Method->getName();
    Inserts = isInsertingMethod(Name);
    if (!Inserts && Name != "back" && Name != "front")
      return nullptr;
    return ownField(Call->getImplicitObjectArgument());
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
    if (Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2) {
      Inserts = false;
      return ownField(Op->getArg(0));
    }
  return nullptr;
}

/// The member container whose element \p E refers to, looking through
/// what leads from a container to one element: `*It`, `It->`, `.first`,
/// `.second` (`*C.emplace(K, V).first`, `C.back().second`).
const FieldDecl *containerOfElement(const Expr *E, bool &Inserts) {
  for (unsigned Depth = 0; E && Depth < 8; ++Depth) {
    E = stripped(E);
    if (const FieldDecl *Container = containerAccessed(E, Inserts))
      return Container;
    if (const auto *Deref = dyn_cast<UnaryOperator>(E);
        Deref && Deref->getOpcode() == UO_Deref)
      E = Deref->getSubExpr();
    else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
             Op && (Op->getOperator() == OO_Star ||
                    Op->getOperator() == OO_Arrow) &&
             Op->getNumArgs() == 1)
      E = Op->getArg(0);
    else if (const auto *Member = dyn_cast<MemberExpr>(E);
             Member && !isa<CXXThisExpr>(stripped(Member->getBase())))
      E = Member->getBase();
    else
      return nullptr;
  }
  return nullptr;
}

/// What a fluent function's body shows: its returns, and the member
/// containers it inserts into.
struct FluentBody {
  llvm::SmallVector<const ReturnStmt *, 4> Returns;
  llvm::SmallPtrSet<const FieldDecl *, 4> Grown;

  void walk(const Stmt *S) {
    if (!S)
      return;
    // A lambda's returns are its own.
    if (isa<LambdaExpr>(S))
      return;
    if (const auto *Return = dyn_cast<ReturnStmt>(S))
      Returns.push_back(Return);
    noteGrowth(S);
    for (const Stmt *Child : S->children())
      walk(Child);
  }

  void noteGrowth(const Stmt *S) {
    const auto *E = dyn_cast<Expr>(S);
    bool Inserts = false;
    if (const FieldDecl *Container = E ? containerAccessed(E, Inserts) : nullptr)
      if (Inserts)
        Grown.insert(Container);
    // `C[K] = V`.
    const Expr *Assigned = nullptr;
    if (const auto *Assign = dyn_cast<BinaryOperator>(S);
        Assign && Assign->getOpcode() == BO_Assign)
      Assigned = Assign->getLHS();
    else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
             Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
      Assigned = Op->getArg(0);
    if (const auto *Subscript =
            dyn_cast_or_null<CXXOperatorCallExpr>(stripped(Assigned)))
      if (Subscript->getOperator() == OO_Subscript)
        if (const FieldDecl *Container = ownField(Subscript->getArg(0)))
          Grown.insert(Container);
  }
};

/// A fluent configuration method: a member function returning an lvalue
/// reference, whose every `return` gives `*this` (`Svr.Get(...).Post(...)`)
/// or the element it has just added to a member container it grows
/// (`C.push_back(X); return C.back();`, `return *C.emplace(K, V).first;`).
/// A bare `return C[K];` is an accessor, not configuration. Returning what
/// another set-up function returns forwards to it (`return Handler->prefix(
/// P);`), up to \p Depth forwards deep.
bool isFluentConfiguration(const FunctionDecl &F, unsigned Depth);

/// looksLikeSetUp, at most \p Depth forwards deep.
bool looksLikeSetUpWithin(const FunctionDecl &F, unsigned Depth) {
  if (!F.getIdentifier())
    return false;
  // The name first: it costs nothing, the body walk a little.
  return namedLikeSetUp(F) || isFluentConfiguration(F, Depth);
}

bool isFluentConfiguration(const FunctionDecl &F, unsigned Depth) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&F);
  if (!Method || !Method->isInstance() || Method->isConst() ||
      !F.getIdentifier() || !F.getReturnType()->isLValueReferenceType())
    return false;
  const FunctionDecl *Definition = F.getDefinition();
  const Stmt *Body = Definition ? Definition->getBody() : nullptr;
  if (!Body)
    return false;
  FluentBody Shown;
  Shown.walk(Body);
  if (Shown.Returns.empty())
    return false;
  return llvm::all_of(Shown.Returns, [&](const ReturnStmt *Return) {
    const Expr *Value = Return->getRetValue();
    if (isDereferencedThis(Value))
      return true;
    if (const auto *Call = dyn_cast_or_null<CallExpr>(stripped(Value)))
      if (const FunctionDecl *Callee = Call->getDirectCallee())
        if (Depth > 0 && Callee->getCanonicalDecl() != F.getCanonicalDecl() &&
            looksLikeSetUpWithin(*Callee, Depth - 1))
          return true;
    bool Inserts = false;
    const FieldDecl *Container = containerOfElement(Value, Inserts);
    return Container && (Inserts || Shown.Grown.contains(Container));
  });
}

} // namespace


bool looksLikeSetUp(const FunctionDecl &F) {
  // A forward to a forward is as far as configuration APIs go.
  return looksLikeSetUpWithin(F, 2);
}

bool isLoop(const Stmt &S) {
  return isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S);
}

bool mayRepeat(const Stmt &Loop, ASTContext &Context) {
  const Expr *Cond = loopCondition(Loop);
  bool Value = true;
  return !(Cond && !Cond->isValueDependent() &&
           Cond->EvaluateAsBooleanCondition(Value, Context) && !Value);
}

bool isRepeatedPart(const Stmt &Loop, const Stmt *Child) {
  if (const auto *For = dyn_cast<ForStmt>(&Loop))
    return Child != For->getInit();
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(&Loop))
    return Child == Range->getBody() || Child == Range->getLoopVarStmt() ||
           Child == Range->getInc() || Child == Range->getCond();
  return true;
}

bool isOpenEndedLoop(const Stmt &Loop, ASTContext &Context) {
  if (isa<CXXForRangeStmt>(Loop))
    return false;
  const Expr *Cond = loopCondition(Loop);
  // `for (long I = 0; I < Requests; ++I)` with `Requests = atol(argv[1])`:
  // the input decides how often it runs, which is any number of times.
  if (Cond && conditionCountsToParsedNumber(Cond))
    return true;
  // `for (Init; Cond; Step)` steps towards an end: a counter, an iterator,
  // a cursor (`Iter->Next()`).
  if (const auto *For = dyn_cast<ForStmt>(&Loop))
    if (Cond && For->getInc())
      return false;
  if (Cond && Cond->isValueDependent())
    return false;
  bool Value = true;
  if (Cond && !Cond->EvaluateAsBooleanCondition(Value, Context))
    return !isWalkCondition(Cond) && !isCountingCondition(Cond) &&
           !mentionsSizeQuery(Cond) && !exitsWhenInputEnds(Loop);
  // No condition, or a constant one.
  return Value && !exitsWhenInputEnds(Loop);
}

bool countsToParsedNumber(const Stmt &Loop) {
  const Expr *Cond = loopCondition(Loop);
  return Cond && conditionCountsToParsedNumber(Cond);
}

/// Whether every member function of \p Record that \p Counts is defined in
/// this TU (implicit, deleted, defaulted and pure ones have nothing to see).
static bool
memberFunctionsDefined(const CXXRecordDecl &Record,
                       llvm::function_ref<bool(const FunctionDecl &)> Counts) {
  const CXXRecordDecl *Definition = Record.getDefinition();
  if (!Definition)
    return false;
  return llvm::all_of(Definition->decls(), [&](const Decl *Member) {
    const FunctionDecl *Function = Member->getAsFunction();
    if (!Function || Function->isImplicit() || Function->isDeleted() ||
        Function->isDefaulted() || compat::isPureVirtual(*Function) ||
        !Counts(*Function))
      return true;
    return Function->isDefined();
  });
}

/// A member function that may modify its object.
static bool isMutator(const FunctionDecl &F) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&F);
  return !Method || !Method->isConst();
}

bool allMutatorsVisible(const CXXRecordDecl &Record) {
  const CXXRecordDecl *Definition = Record.getDefinition();
  if (!Definition || !Definition->friends().empty())
    return false;
  return memberFunctionsDefined(*Definition, isMutator);
}

/// Whether the body of every friend of \p Record is in this TU: a friend
/// function that is defined here, a friend class whose member functions all
/// are. A private member function is then called only from code this TU
/// shows, as when the class has no friends.
static bool allFriendsVisible(const CXXRecordDecl &Record) {
  return llvm::all_of(Record.friends(), [](const FriendDecl *Friend) {
    if (const NamedDecl *Named = Friend->getFriendDecl()) {
      const FunctionDecl *Function = Named->getAsFunction();
      return Function && Function->isDefined();
    }
    const TypeSourceInfo *Type = Friend->getFriendType();
    const CXXRecordDecl *Class =
        Type ? Type->getType()->getAsCXXRecordDecl() : nullptr;
    return Class && memberFunctionsDefined(
                        *Class, [](const FunctionDecl &) { return true; });
  });
}

bool RepeatingPaths::isExternallyCallable(const FunctionDecl &Function) {
  if (Function.isMain())
    return false;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&Function)) {
    const CXXRecordDecl *Record = Method->getParent();
    // A lambda runs when its owner calls it; constructors and destructors
    // act on a new object each time.
    if (Record->isLambda() ||
        isa<CXXConstructorDecl, CXXDestructorDecl>(Method))
      return false;
    if (Method->isVirtual())
      return true;
    // Only the class and its friends call a private member function: when
    // this TU shows all of them, it shows every call.
    if (Method->getAccess() == AS_private) {
      const CXXRecordDecl *Definition = Record->getDefinition();
      if (Definition && allFriendsVisible(*Definition) &&
          memberFunctionsDefined(*Definition, isMutator))
        return false;
    }
    return Record->isExternallyVisible();
  }
  return Function.isExternallyVisible();
}

const FunctionDecl *RepeatingPaths::key(const FunctionDecl *F) {
  return F ? F->getCanonicalDecl() : nullptr;
}

bool RepeatingPaths::isOpenEnded(const Stmt &Loop, ASTContext &Context) {
  auto [It, Inserted] = OpenEnded.try_emplace(&Loop, false);
  if (Inserted)
    It->second = isOpenEndedLoop(Loop, Context);
  return It->second;
}

const Stmt *
RepeatingPaths::openEndedLoopAmong(llvm::ArrayRef<const Stmt *> Loops,
                                   ASTContext &Context) {
  for (const Stmt *Loop : Loops)
    if (isOpenEnded(*Loop, Context))
      return Loop;
  return nullptr;
}

bool RepeatingPaths::hasOpenEndedLoopAfter(const Stmt *Body,
                                           SourceLocation Declared,
                                           ASTContext &Context) {
  return anyLoopAfter(Body, Declared, Context, [&](const Stmt &Loop) {
    return isOpenEnded(Loop, Context);
  });
}

void RepeatingPaths::addCallSite(const FunctionDecl &Callee,
                                 const CallExpr &Site,
                                 const FunctionDecl *Caller,
                                 llvm::ArrayRef<const Stmt *> Loops,
                                 bool RunsOnceAtInitialization,
                                 ASTContext &Context) {
  bool InLoop = openEndedLoopAmong(Loops, Context) != nullptr;
  if (ScriptBindingFunctions)
    noteScriptBindingArguments(Callee, Site);
  CallSites.push_back({key(&Callee), &Site, key(Caller),
                       static_cast<unsigned>(CallSites.size()), InLoop,
                       RunsOnceAtInitialization});
  Grouped = false;
}

void RepeatingPaths::noteScriptBindingArguments(const FunctionDecl &Callee,
                                                const CallExpr &Call) {
  // Given to a call, not assigned to a std::function (as FactsExport's
  // given lambdas).
  const auto *Operator = dyn_cast<CXXOperatorCallExpr>(&Call);
  if (!Operator || !Operator->isAssignmentOp())
    for (const Expr *Arg : Call.arguments())
      CallArguments.insert(Arg->getBeginLoc());
  const IdentifierInfo *Name = Callee.getIdentifier();
  if (!Name ||
      !(ScriptBindingFunctions->match(Name->getName()) ||
        ScriptBindingFunctions->match(Callee.getQualifiedNameAsString())))
    return;
  for (const Expr *Arg : Call.arguments()) {
    // `luaGameLoadMap`, `&Lua::gameLoadMap`, `(lua_CFunction)luaLoad`.
    const Expr *E = Arg->IgnoreParenCasts();
    if (const auto *AddressOf = dyn_cast<UnaryOperator>(E);
        AddressOf && AddressOf->getOpcode() == UO_AddrOf)
      E = AddressOf->getSubExpr()->IgnoreParenCasts();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      if (const auto *Function = dyn_cast<FunctionDecl>(Ref->getDecl())) {
        BindingArguments.insert(Ref->getBeginLoc());
        ScriptBindings.insert(key(Function));
      }
  }
}

bool RepeatingPaths::isScriptBinding(const FunctionDecl *Function) const {
  return !CountingBindings && ScriptBindings.contains(key(Function));
}

bool RepeatingPaths::repeatsFromOutside(const FunctionDecl &F) const {
  return isExternallyCallable(F) && !isScriptBinding(&F);
}

const RepeatCause *
RepeatingPaths::causeCountingBindings(const FunctionDecl *Function) {
  if (ScriptBindings.empty())
    return causeOf(Function);
  std::swap(Causes, CausesCountingBindings);
  CountingBindings = true;
  const RepeatCause *Cause = causeOf(Function);
  CountingBindings = false;
  std::swap(Causes, CausesCountingBindings);
  // The answer lives on in CausesCountingBindings' buckets, swapped back.
  return Cause;
}

const RepeatCause *RepeatingPaths::directCauseOf(const FunctionDecl *F) const {
  auto It = DirectCauses.find(key(F));
  if (It == DirectCauses.end()) {
    if (CountingBindings)
      if (auto Binding = BindingCauses.find(key(F));
          Binding != BindingCauses.end())
        return &Binding->second;
    return nullptr;
  }
  // A lambda a binding gives to a call (a task for the dispatcher) runs as
  // often as the binding: whole-program facts link it to its giver alike.
  if (It->second.Kind == RepeatCause::StoredCallback &&
      GivenLambdas.contains(key(F)))
    if (const auto *CallOperator = dyn_cast<CXXMethodDecl>(F))
      if (const auto *Enclosing = dyn_cast<FunctionDecl>(
              CallOperator->getParent()->getDeclContext()))
        if (isScriptBinding(Enclosing))
          return nullptr;
  return &It->second;
}

std::vector<RepeatingPaths::CallSiteView> RepeatingPaths::callSites() const {
  std::vector<CallSiteView> Views;
  for (const CallSite &Site : CallSites)
    Views.push_back(
        {Site.Callee, Site.Call, Site.Caller, Site.InLoop, Site.RunsOnce});
  return Views;
}

std::vector<std::pair<const FunctionDecl *, RepeatCause>>
RepeatingPaths::directCauses() const {
  std::vector<std::pair<const FunctionDecl *, RepeatCause>> Causes;
  for (const auto &Entry : DirectCauses)
    if (const RepeatCause *Cause = directCauseOf(Entry.first))
      Causes.emplace_back(Entry.first, *Cause);
  return Causes;
}

void RepeatingPaths::groupCallSites() {
  if (Grouped)
    return;
  // A callee's sites stay in walk order, so answers are the same from run
  // to run although pointers order the groups.
  llvm::sort(CallSites, [](const CallSite &A, const CallSite &B) {
    if (A.Callee != B.Callee)
      return std::less<const FunctionDecl *>()(A.Callee, B.Callee);
    return A.Order < B.Order;
  });
  Grouped = true;
}

void RepeatingPaths::addStoredCallback(const FunctionDecl *CallOperator,
                                       SourceLocation Site) {
  if (CallArguments.contains(Site))
    GivenLambdas.insert(key(CallOperator));
  offerDirectCause(CallOperator, {RepeatCause::StoredCallback, Site, nullptr});
}

void RepeatingPaths::addAddressTaken(const FunctionDecl *Function,
                                     SourceLocation Site) {
  // Given to the interpreter: scripts call it while they load.
  if (BindingArguments.contains(Site)) {
    BindingCauses.try_emplace(key(Function),
                              RepeatCause{RepeatCause::AddressTaken, Site});
    return;
  }
  offerDirectCause(Function, {RepeatCause::AddressTaken, Site, nullptr});
}

// Keeps the most telling cause: the enum is ordered by preference.
void RepeatingPaths::offerDirectCause(const FunctionDecl *F,
                                      RepeatCause Cause) {
  auto [It, Inserted] = DirectCauses.try_emplace(key(F), Cause);
  if (!Inserted && Cause.Kind < It->second.Kind)
    It->second = Cause;
}

const RepeatCause *RepeatingPaths::causeOf(const FunctionDecl *Function) {
  if (!Function)
    return nullptr;
  groupCallSites();
  computeCause(key(Function), 0);
  return knownCauseOf(Function);
}

const RepeatCause *
RepeatingPaths::knownCauseOf(const FunctionDecl *Function) const {
  auto It = Causes.find(key(Function));
  return It == Causes.end() || !It->second ? nullptr : &*It->second;
}

std::optional<RepeatCause> RepeatingPaths::causeFromSites(
    const FunctionDecl *F,
    std::vector<std::pair<const CallExpr *, const FunctionDecl *>> &Callers) {
  std::optional<RepeatCause> Best;
  if (const RepeatCause *Direct = directCauseOf(F))
    Best = *Direct;
  auto Site = llvm::partition_point(CallSites, [F](const CallSite &S) {
    return std::less<const FunctionDecl *>()(S.Callee, F);
  });
  for (; Site != CallSites.end() && Site->Callee == F; ++Site) {
    if (Site->RunsOnce)
      continue;
    if (Site->InLoop) {
      if (!Best || RepeatCause::CalledInLoop < Best->Kind)
        Best = RepeatCause{RepeatCause::CalledInLoop, Site->Call->getBeginLoc(),
                           Site->Caller};
    } else if (Site->Caller) {
      Callers.emplace_back(Site->Call, Site->Caller);
    }
  }
  return Best;
}

std::optional<RepeatCause> RepeatingPaths::computeCause(const FunctionDecl *F,
                                                        unsigned Depth) {
  auto [It, Inserted] = Causes.try_emplace(F, std::nullopt);
  // Known, or being worked out further up a recursive chain of calls.
  if (!Inserted)
    return It->second;

  // A cause of its own: a call inside a loop, a stored lambda, an address
  // taken, callers in other TUs; then callers that repeat themselves.
  std::vector<std::pair<const CallExpr *, const FunctionDecl *>> Callers;
  std::optional<RepeatCause> Best = causeFromSites(F, Callers);
  if (!Best && repeatsFromOutside(*F))
    Best =
        RepeatCause{RepeatCause::ExternallyCallable, F->getLocation(), nullptr};
  // Deep chains are cut short: a caller that far away explains little.
  if (!Best && Depth < 256)
    for (auto [Call, Caller] : Callers)
      if (computeCause(Caller, Depth + 1)) {
        Best = RepeatCause{RepeatCause::CalledFromRepeating,
                           Call->getBeginLoc(), Caller};
        break;
      }
  // The map may have grown while callers were worked out: look F up again.
  Causes[F] = Best;
  return Best;
}

bool RepeatingPaths::looksLikeSetUp(const FunctionDecl &Function) {
  auto [It, Inserted] = SetUp.try_emplace(key(&Function), false);
  if (Inserted)
    It->second = bloat::looksLikeSetUp(Function);
  return It->second;
}

std::optional<RepeatCause>
RepeatingPaths::visibleCauseOf(const FunctionDecl *Function) {
  if (!Function)
    return std::nullopt;
  groupCallSites();
  const FunctionDecl *F = key(Function);
  // A cycle of set-up functions adds no reason.
  if (!VisibleInProgress.insert(F).second)
    return std::nullopt;
  auto Done = llvm::make_scope_exit([&] { VisibleInProgress.erase(F); });
  std::vector<std::pair<const CallExpr *, const FunctionDecl *>> Callers;
  if (std::optional<RepeatCause> Own = causeFromSites(F, Callers)) {
    Causes[F] = Own;
    return Own;
  }
  // A set-up caller (`ServiceManager::add` calling `addService`) is itself
  // judged by its visible callers.
  for (auto [Call, Caller] : Callers)
    if (Caller != F && (looksLikeSetUp(*Caller) ? visibleCauseOf(Caller).has_value()
                                               : computeCause(Caller, 1).has_value())) {
      // Notes explain this cause, not the callers in other TUs.
      RepeatCause Cause{RepeatCause::CalledFromRepeating, Call->getBeginLoc(),
                        Caller};
      Causes[F] = Cause;
      return Cause;
    }
  return std::nullopt;
}

const RepeatCause *RepeatingPaths::causeShown(const FunctionDecl *Function,
                                              bool ProgramCallers) {
  if (!Function)
    return nullptr;
  groupCallSites();
  const std::optional<RepeatCause> &Shown =
      computeSeenCause(key(Function), 0, ProgramCallers);
  return Shown ? &*Shown : nullptr;
}

const RepeatCause *RepeatingPaths::knownShownCauseOf(const FunctionDecl *Function,
                                                     bool ProgramCallers) const {
  const auto &Memo = ProgramCallers ? ProgramCauses : SeenCauses;
  auto It = Memo.find(key(Function));
  return It == Memo.end() || !It->second ? nullptr : &*It->second;
}

const RepeatCause *
RepeatingPaths::causeSeenInTU(const FunctionDecl *Function) {
  return causeShown(Function, /*ProgramCallers=*/false);
}

void RepeatingPaths::addProgramPrivateClass(const CXXRecordDecl *Class) {
  ProgramPrivateClasses.insert(Class);
  ProgramCauses.clear();
}

const RepeatCause *
RepeatingPaths::causeInProgram(const FunctionDecl *Function) {
  return causeShown(Function, /*ProgramCallers=*/true);
}

const std::optional<RepeatCause> &
RepeatingPaths::computeSeenCause(const FunctionDecl *F, unsigned Depth,
                                 bool ProgramCallers) {
  auto &Memo = ProgramCallers ? ProgramCauses : SeenCauses;
  auto [It, Inserted] = Memo.try_emplace(F, std::nullopt);
  // Known, or being worked out further up a recursive chain of calls.
  if (!Inserted)
    return It->second;
  std::vector<std::pair<const CallExpr *, const FunctionDecl *>> Callers;
  std::optional<RepeatCause> Shown = causeFromSites(F, Callers);
  if (!Shown && ProgramCallers && repeatsFromOutside(*F)) {
    const auto *Method = dyn_cast<CXXMethodDecl>(F);
    const CXXRecordDecl *Class = Method ? Method->getParent() : nullptr;
    if (Class && Class->getTemplateInstantiationPattern())
      Class = Class->getTemplateInstantiationPattern();
    if (!Class || !ProgramPrivateClasses.contains(Class))
      Shown = RepeatCause{RepeatCause::ExternallyCallable, F->getLocation(),
                          nullptr};
  }
  if (!Shown && Depth < 256)
    for (auto [Call, Caller] : Callers)
      if (Caller != F && computeSeenCause(Caller, Depth + 1, ProgramCallers)) {
        Shown = RepeatCause{RepeatCause::CalledFromRepeating,
                            Call->getBeginLoc(), Caller};
        break;
      }
  It->second = Shown;
  return It->second;
}

} // namespace clang::tidy::bloat
