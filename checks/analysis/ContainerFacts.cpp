//===--- ContainerFacts.cpp - what the TU does to each container ----------===//

#include "analysis/ContainerFacts.h"
#include "analysis/BodyWalk.h"
#include "analysis/Callbacks.h"
#include "facts/Decide.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/CharInfo.h"
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

// The implicit or defaulted copy or move of a whole object assigns each of
// its members: that copies a container, it does not bound the one it reads
// from, nor the one it overwrites in a way the program relies on.
bool isMemberwiseCopy(const FunctionDecl *F) {
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(F);
  return Method && (Method->isImplicit() || Method->isDefaulted()) &&
         (Method->isCopyAssignmentOperator() ||
          Method->isMoveAssignmentOperator());
}

const VarDecl *referencedVar(const Expr *E) {
  if (!E)
    return nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
    return dyn_cast<VarDecl>(Ref->getDecl());
  return nullptr;
}

// The key or value an erase removes: `K` in `M.erase(K)`, in
// `auto It = M.find(K); M.erase(It)` and in
// `V.erase(std::remove(B, E, K), E)`.
const VarDecl *removedKey(const Expr *Arg) {
  if (!Arg)
    return nullptr;
  Arg = Arg->IgnoreImplicit()->IgnoreParenImpCasts();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Arg))
    if (Construct->getNumArgs() == 1)
      Arg = Construct->getArg(0)->IgnoreImplicit()->IgnoreParenImpCasts();
  const VarDecl *Var = referencedVar(Arg);
  const Expr *Finder = Arg;
  if (Var && Var->isLocalVarDecl() && Var->getInit() &&
      !Var->getType()->isIntegralOrEnumerationType() &&
      !Var->getType()->isPointerType())
    Finder = Var->getInit()->IgnoreImplicit()->IgnoreParenImpCasts();
  else if (Var)
    return Var;
  if (const auto *Call = dyn_cast<CallExpr>(Finder)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    llvm::StringRef Name =
        Callee && Callee->getIdentifier() ? Callee->getName() : "";
    if (Name == "find" && isa<CXXMemberCallExpr>(Call) &&
        Call->getNumArgs() == 1)
      return referencedVar(Call->getArg(0));
    if ((Name == "find" || Name == "remove") && Call->getNumArgs() == 3)
      return referencedVar(Call->getArg(2));
  }
  return Var;
}

// The key or value a growth adds, when it is a variable: `M[K]`,
// `M.emplace(K, ...)`, `V.push_back(K)`.
const VarDecl *addedKey(const Expr *Growth) {
  if (const auto *Operator = dyn_cast_or_null<CXXOperatorCallExpr>(Growth))
    return Operator->getNumArgs() == 2 ? referencedVar(Operator->getArg(1))
                                       : nullptr;
  if (const auto *Member = dyn_cast_or_null<CXXMemberCallExpr>(Growth))
    return Member->getNumArgs() >= 1 ? referencedVar(Member->getArg(0))
                                     : nullptr;
  return nullptr;
}

// Whether \p Arg is a constant: a literal, a constant expression, or an
// object built from one (`std::string` from "name").
bool isConstantArgument(const Expr *Arg, const ASTContext &Context) {
  for (unsigned Depth = 0; Arg && Depth < 4; ++Depth) {
    Arg = Arg->IgnoreImplicit()->IgnoreParenImpCasts();
    const auto *Construct = dyn_cast<CXXConstructExpr>(Arg);
    if (!Construct)
      break;
    // The other arguments may only be defaults (an allocator).
    if (Construct->getNumArgs() == 0 ||
        !llvm::all_of(llvm::drop_begin(Construct->arguments()),
                      [](const Expr *E) { return isa<CXXDefaultArgExpr>(E); }))
      return false;
    Arg = Construct->getArg(0);
  }
  if (!Arg || Arg->isValueDependent() || Arg->isTypeDependent())
    return false;
  return isa<StringLiteral>(Arg) || Arg->isEvaluatable(Context);
}

// Where \p S is evaluated in \p Graph: its block and its place there.
std::optional<std::pair<const CFGBlock *, unsigned>>
positionIn(const CFG &Graph, const Stmt *S) {
  for (const CFGBlock *Block : Graph) {
    unsigned Index = 0;
    for (const CFGElement &Element : *Block) {
      if (std::optional<CFGStmt> Statement = Element.getAs<CFGStmt>())
        if (Statement->getStmt() == S)
          return std::make_pair(Block, Index);
      ++Index;
    }
  }
  return std::nullopt;
}

bool reachableAfter(const CFG &Graph, const Stmt *From, const Stmt *To) {
  auto Start = positionIn(Graph, From);
  auto End = positionIn(Graph, To);
  if (!Start || !End)
    return false;
  if (Start->first == End->first && End->second > Start->second)
    return true;
  llvm::SmallVector<const CFGBlock *, 16> Worklist;
  llvm::DenseSet<const CFGBlock *> Seen;
  auto Push = [&](const CFGBlock *Block) {
    for (const CFGBlock::AdjacentBlock &Next : Block->succs())
      if (const CFGBlock *Reachable = Next.getReachableBlock())
        if (Seen.insert(Reachable).second)
          Worklist.push_back(Reachable);
  };
  Push(Start->first);
  while (!Worklist.empty()) {
    const CFGBlock *Block = Worklist.pop_back_val();
    if (Block == End->first)
      return true;
    Push(Block);
  }
  return false;
}

bool isOwnSize(const Expr *E, const ValueDecl *Container, unsigned Depth);

// `C.size() + N`, `Old + N` with `Old = C.size()`: a new size above the
// current one.
bool growsFromOwnSize(const Expr *Size, const ValueDecl *Container,
                      unsigned Depth = 0) {
  if (!Size || Depth > 4)
    return false;
  Size = Size->IgnoreParenImpCasts();
  if (const auto *Binary = dyn_cast<BinaryOperator>(Size)) {
    if (Binary->getOpcode() != BO_Add && Binary->getOpcode() != BO_Mul)
      return false;
    return growsFromOwnSize(Binary->getLHS(), Container, Depth + 1) ||
           growsFromOwnSize(Binary->getRHS(), Container, Depth + 1) ||
           isOwnSize(Binary->getLHS(), Container, Depth) ||
           isOwnSize(Binary->getRHS(), Container, Depth);
  }
  return false;
}

bool isOwnSize(const Expr *E, const ValueDecl *Container, unsigned Depth) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E))
    if (const CXXMethodDecl *Method = Call->getMethodDecl())
      return Method->getIdentifier() && Method->getName() == "size" &&
             ContainerModel::referencedDecl(
                 Call->getImplicitObjectArgument()) == Container;
  if (const VarDecl *Var = referencedVar(E))
    if (Var->isLocalVarDecl() && Var->getInit() && Depth < 4)
      return isOwnSize(Var->getInit(), Container, Depth + 1);
  return false;
}

// Whether \p F is dependent code of a template that the TU instantiates.
bool isResolvedInInstantiations(const FunctionDecl *F) {
  if (!F || !F->isDependentContext())
    return false;
  if (const FunctionTemplateDecl *Template = F->getDescribedFunctionTemplate())
    if (!Template->specializations().empty())
      return true;
  for (const DeclContext *Context = F->getDeclContext(); Context;
       Context = Context->getParent())
    if (const auto *Record = dyn_cast<CXXRecordDecl>(Context))
      if (const ClassTemplateDecl *Template = Record->getDescribedClassTemplate())
        return !Template->specializations().empty();
  return false;
}

// Leaves the function or the loop: `return`, `throw`, `break`, `continue`,
// alone or somewhere at the top level of a block.
bool isExitBranch(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *Compound = dyn_cast<CompoundStmt>(S))
    return llvm::any_of(Compound->body(), [](const Stmt *Child) {
      return isa<ReturnStmt, BreakStmt, ContinueStmt, CXXThrowExpr>(Child);
    });
  return isa<ReturnStmt, BreakStmt, ContinueStmt, CXXThrowExpr>(S);
}

// `Flag` or `!Flag` for a bool variable or member: the declaration.
const ValueDecl *testedFlag(const Expr *Cond) {
  if (!Cond)
    return nullptr;
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond))
    if (Not->getOpcode() == UO_LNot)
      Cond = Not->getSubExpr()->IgnoreParenImpCasts();
  const ValueDecl *D = nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Cond))
    D = Ref->getDecl();
  else if (const auto *Member = dyn_cast<MemberExpr>(Cond))
    D = Member->getMemberDecl();
  if (!D || !isa<VarDecl, FieldDecl>(D) ||
      !D->getType().getNonReferenceType()->isBooleanType())
    return nullptr;
  return cast<ValueDecl>(D->getCanonicalDecl());
}

// Calls \p Found with every class \p T names: itself, through pointers,
// references and arrays, and as a template argument (`std::vector<C>`,
// `unique_ptr<C>`), each as its template pattern.
template <typename Callback>
void forEachMentionedClass(QualType T, const Callback &Found,
                           unsigned Depth = 0) {
  if (T.isNull() || Depth > 8)
    return;
  T = T.getCanonicalType();
  while (true) {
    if (T->isPointerType() || T->isReferenceType())
      T = T->getPointeeType().getCanonicalType();
    else if (const ArrayType *Array = T->getAsArrayTypeUnsafe())
      T = Array->getElementType().getCanonicalType();
    else
      break;
  }
  const CXXRecordDecl *Record = T->getAsCXXRecordDecl();
  if (!Record)
    return;
  Found(templatePatternOf(Record));
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record);
  if (!Spec)
    return;
  for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray()) {
    if (Arg.getKind() == TemplateArgument::Type)
      forEachMentionedClass(Arg.getAsType(), Found, Depth + 1);
    if (Arg.getKind() == TemplateArgument::Pack)
      for (const TemplateArgument &Element : Arg.pack_elements())
        if (Element.getKind() == TemplateArgument::Type)
          forEachMentionedClass(Element.getAsType(), Found, Depth + 1);
  }
}

// Whether the bodies it walks use member \p Field only to grow it, shrink it
// or count its entries (`size()`, `empty()`): then nothing ever reads what
// it keeps back. Any other use (an element, an iterator, a lookup, a copy,
// a pass or a return) is a read.
class RecordOnlyUseFinder : public RecursiveASTVisitor<RecordOnlyUseFinder> {
public:
  RecordOnlyUseFinder(const FieldDecl &Field, const ContainerType &Type,
                      const ContainerModel &Model)
      : Field(Field.getCanonicalDecl()), Type(Type), Model(Model) {}

  bool shouldVisitLambdaBodies() const { return true; }

  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    const auto *Method = Call->getMethodDecl();
    if (Method && Method->getIdentifier())
      accountFor(Call->getImplicitObjectArgument(), Method->getName());
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Call) {
    if (Call->getNumArgs() > 0)
      accountFor(Call->getArg(0),
                 Call->getOperator() == OO_PlusEqual ? "operator+="
                 : Call->getOperator() == OO_Equal   ? "operator="
                                                     : "");
    return true;
  }
  bool VisitCXXDependentScopeMemberExpr(CXXDependentScopeMemberExpr *Member) {
    if (!Member->isImplicitAccess() && Member->getMember().isIdentifier())
      accountFor(Member->getBase(), Member->getMember().getAsString());
    return true;
  }
  bool VisitMemberExpr(MemberExpr *Member) {
    if (Member->getMemberDecl()->getCanonicalDecl() == Field &&
        !Accounted.contains(Member))
      Read = true;
    return !Read;
  }

  bool Read = false;

private:
  void accountFor(const Expr *Object, llvm::StringRef Method) {
    const auto *Member = dyn_cast_or_null<MemberExpr>(
        Object ? Object->IgnoreParenImpCasts() : nullptr);
    if (!Member || Member->getMemberDecl()->getCanonicalDecl() != Field)
      return;
    CallEffect Effect = Model.effectOfMethod(Type, Method);
    // `M[K]` both adds an entry and hands it out to be read.
    if (Method != "operator[]" &&
        (Effect == CallEffect::Grows || Effect == CallEffect::Shrinks ||
         Effect == CallEffect::Inspects))
      Accounted.insert(Member);
  }

  const Decl *Field;
  const ContainerType &Type;
  const ContainerModel &Model;
  llvm::DenseSet<const MemberExpr *> Accounted;
};

// Looks, in one walk of the TU, for the instances of the candidate classes
// (each in the file that defines it, which alone may hold all of them): one
// that may outlive the call that makes it (a global or static, a member of
// another class, a lambda capture, a heap allocation, a derived class), and
// any instance at all.
class InstanceFinder : public RecursiveASTVisitor<InstanceFinder> {
public:
  struct Facts {
    FileID File;
    /// An instance that may outlive its scope, or whose scope lasts.
    bool LongLived = false;
    /// Any instance at all.
    bool Constructed = false;
  };

  InstanceFinder(llvm::DenseMap<const CXXRecordDecl *, Facts> &Classes,
                 llvm::DenseSet<const CXXRecordDecl *> &LastingInMainFile,
                 ASTContext &Context, RepeatingPaths &Paths)
      : Classes(Classes), LastingInMainFile(LastingInMainFile),
        Context(Context), SM(Context.getSourceManager()), Paths(Paths) {
    for (auto &[Class, Fact] : Classes)
      Files.insert(Fact.File);
    Files.insert(SM.getMainFileID());
  }

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitLambdaBody() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (!D || isa<TranslationUnitDecl>(D) || !D->getLocation().isValid())
      return RecursiveASTVisitor::TraverseDecl(D);
    // Only the files that define a candidate may hold its instances.
    FileID File = SM.getFileID(SM.getExpansionLoc(D->getLocation()));
    if (!Files.contains(File))
      return true;
    FileID Outer = Current;
    Current = File;
    bool Result = RecursiveASTVisitor::TraverseDecl(D);
    Current = Outer;
    return Result;
  }

  bool VisitVarDecl(VarDecl *Var) {
    bool Automatic = isa<ParmVarDecl>(Var) ||
                     (Var->isLocalVarDecl() && !Var->isStaticLocal() &&
                      Var->getTSCSpec() == TSCS_unspecified);
    std::optional<bool> Lasting;
    auto IsLasting = [&] {
      if (!Lasting)
        Lasting = !Automatic || livesAsLongAsTheProcess(*Var);
      return *Lasting;
    };
    forEachCandidate(Var->getType(), [&](Facts &Fact) {
      if (!Fact.LongLived && IsLasting())
        Fact.LongLived = true;
    });
    // A global, a static, or a local of main or of an endless loop in the
    // main file: an instance this TU shows living as long as the process.
    if (Current == SM.getMainFileID() && !isa<ParmVarDecl>(Var))
      forEachMentionedClass(Var->getType(), [&](const CXXRecordDecl *Class) {
        if (IsLasting())
          LastingInMainFile.insert(Class);
      });
    return true;
  }
  // `Builder::Builder() : plan_(this)`: a member or base subobject lives as
  // long as the object around it.
  bool TraverseConstructorInitializer(CXXCtorInitializer *Init) {
    if (const FieldDecl *Field = Init->getAnyMember())
      markLongLived(Field->getType());
    else if (const Type *Base = Init->getBaseClass())
      markLongLived(QualType(Base, 0));
    return RecursiveASTVisitor::TraverseConstructorInitializer(Init);
  }
  // An automatic local or a temporary: an instance that dies with its scope.
  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    if (const CXXRecordDecl *Record = Construct->getType()->getAsCXXRecordDecl())
      if (Facts *Fact = candidate(templatePatternOf(Record)))
        Fact->Constructed = true;
    return true;
  }
  // `std::make_unique<C>()`, `std::make_shared<C>()`: on the heap.
  bool VisitCallExpr(CallExpr *Call) {
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      if (const TemplateArgumentList *Args =
              Callee->getTemplateSpecializationArgs())
        for (const TemplateArgument &Arg : Args->asArray())
          if (Arg.getKind() == TemplateArgument::Type)
            markLongLived(Arg.getAsType());
    return true;
  }
  bool VisitFieldDecl(FieldDecl *Field) {
    const auto *Parent = dyn_cast<CXXRecordDecl>(Field->getParent());
    const CXXRecordDecl *Own = Parent ? templatePatternOf(Parent) : nullptr;
    forEachCandidate(Field->getType(), [&](Facts &Fact) { Fact.LongLived = true; },
                     Own);
    return true;
  }
  bool VisitCXXNewExpr(CXXNewExpr *New) {
    markLongLived(New->getAllocatedType());
    return true;
  }
  bool VisitCXXRecordDecl(CXXRecordDecl *Record) {
    if (Record->hasDefinition())
      for (const CXXBaseSpecifier &Base : Record->getDefinition()->bases())
        forEachCandidate(Base.getType(),
                         [&](Facts &Fact) { Fact.LongLived = true; },
                         Record);
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *Lambda) {
    for (const LambdaCapture &Capture : Lambda->captures())
      if (Capture.capturesVariable() &&
          Capture.getCaptureKind() == LCK_ByCopy)
        if (const auto *Var = dyn_cast<VarDecl>(Capture.getCapturedVar()))
          markLongLived(Var->getType());
    return true;
  }

private:
  // The facts of \p Class if it is a candidate defined in the file walked.
  Facts *candidate(const CXXRecordDecl *Class) {
    auto It = Classes.find(Class);
    if (It == Classes.end() || It->second.File != Current)
      return nullptr;
    return &It->second;
  }
  template <typename Callback>
  void forEachCandidate(QualType T, const Callback &Apply,
                        const CXXRecordDecl *Except = nullptr) {
    forEachMentionedClass(T, [&](const CXXRecordDecl *Class) {
      if (Class != Except)
        if (Facts *Fact = candidate(Class))
          Apply(*Fact);
    });
  }
  void markLongLived(QualType T) {
    forEachCandidate(T, [](Facts &Fact) { Fact.LongLived = true; });
  }
  // A local of main, or of a function with an endless loop (a worker, an
  // event loop), lives as long as the program does.
  bool livesAsLongAsTheProcess(const VarDecl &Var) {
    const auto *Function =
        dyn_cast_or_null<FunctionDecl>(Var.getParentFunctionOrMethod());
    if (!Function || isa<ParmVarDecl>(Var))
      return false;
    return Function->isMain() ||
           Paths.hasOpenEndedLoopAfter(Function->getBody(), Var.getLocation(),
                                       Context);
  }

  llvm::DenseMap<const CXXRecordDecl *, Facts> &Classes;
  llvm::DenseSet<const CXXRecordDecl *> &LastingInMainFile;
  llvm::DenseSet<FileID> Files;
  FileID Current;
  ASTContext &Context;
  const SourceManager &SM;
  RepeatingPaths &Paths;
};

} // namespace

const char *ownerKindName(OwnerKind Kind) {
  switch (Kind) {
  case OwnerKind::Global:
    return "global";
  case OwnerKind::NamespaceScope:
    return "namespace";
  case OwnerKind::FileStatic:
    return "file-static";
  case OwnerKind::StaticMember:
    return "static-member";
  case OwnerKind::StaticLocal:
    return "static-local";
  case OwnerKind::Member:
    return "member";
  case OwnerKind::Local:
    return "local";
  }
  return "";
}

ContainerFacts::ContainerFacts(ContainerModel Model,
                               ContainerFactsOptions Options)
    : Model(std::move(Model)), Options(Options),
      Paths(this->Options.ScriptBindingFunctions) {}
ContainerFacts::ContainerFacts(ContainerFacts &&) = default;
ContainerFacts &ContainerFacts::operator=(ContainerFacts &&) = default;
ContainerFacts::~ContainerFacts() = default;

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
                  {Construct->getArgs(), Construct->getNumArgs()}, Where);
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
    else if (Binary->getOpcode() == BO_Assign)
      onAssignment(*Binary, Where);
  } else if (const auto *If = dyn_cast<IfStmt>(&S)) {
    onCondition(*If, Where);
  }
}

void ContainerFacts::onCondition(const IfStmt &If, const WalkPosition &Where) {
  const FunctionDecl *F = Where.function();
  if (!F || !isExitBranch(If.getThen()))
    return;
  if (const ValueDecl *Flag = testedFlag(If.getCond()))
    CheckedFlags.insert({F->getCanonicalDecl(), Flag});
}

void ContainerFacts::onAssignment(const BinaryOperator &Assign,
                                  const WalkPosition &Where) {
  const FunctionDecl *F = Where.function();
  const auto *Value =
      dyn_cast<CXXBoolLiteralExpr>(Assign.getRHS()->IgnoreParenImpCasts());
  if (!F || !Value || !Value->getValue())
    return;
  if (const ValueDecl *Flag = testedFlag(Assign.getLHS()))
    SetFlags.insert({F->getCanonicalDecl(), Flag});
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
  SizeCaps.clear();
  CheckedFlags.clear();
  SetFlags.clear();
  ShortLivedClasses.clear();
  LastingInMainFile.clear();
  ProgramPrivate.clear();
  InstancesFound = false;
  CFGs.clear();
  Judged.reset();
  CallsByCallee.reset();
  IndirectlyCalled.clear();
  AccessorCalls.clear();
  Paths = RepeatingPaths(Options.ScriptBindingFunctions);
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
    // A parameter of a function template (`C &Items`) is a container in
    // the instantiations that share its location.
    if (!D->getType()->isDependentType())
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
    onArguments(Callee, View->Args, Where);
  } else if (Callee && ContainerModel::isInserterFunction(*Callee)) {
    if (!Args.empty())
      if (const ValueDecl *D = ContainerModel::referencedDecl(Args.front()))
        addGrowth(*D, Call, Args.front(), Where);
  } else if (isa<CXXOperatorCallExpr>(Call) &&
             isa_and_nonnull<CXXMethodDecl>(Callee)) {
    onArguments(Callee, Args.drop_front(), Where); // Args[0] is the object.
  } else {
    onArguments(Callee, Args, Where);
  }

  if (Callee)
    Paths.addCallSite(*Callee, Call, Where.function(), Where.loops(),
                      Where.runsOnceAtInitialization(), *Context);

  // An accessor's reference kept or passed on (`auto &H = Bus.handlers();`):
  // whole-program mode cannot follow it. A call made on it directly is an
  // accessor call (onAccessorCall).
  if (Callee && isMutableReferenceOrPointer(Callee->getReturnType()) &&
      !Where.parentThroughWrappers().get<MemberExpr>() &&
      Model.classify(Callee->getReturnType()))
    AccessorCalls.push_back({Callee->getCanonicalDecl(), CallEffect::None,
                             /*Unknown=*/true, Where.function(),
                             Call.getBeginLoc(), false});
}

void ContainerFacts::onMemberCall(const CallExpr &Call,
                                  const MemberCallView &View,
                                  const WalkPosition &Where) {
  const ValueDecl *D = ContainerModel::referencedDecl(View.Object);
  // `It->second` is an element of the container It points into, not a
  // member of std::pair.
  if (D && isa<FieldDecl>(D) && Context->getSourceManager().isInSystemHeader(
                                    D->getLocation()))
    D = nullptr;
  Record *R = recordFor(D);
  if (!R) {
    onAccessorCall(View, Where);
    return onElementCall(Call, View, Where);
  }
  CallEffect Effect = Model.effectOfMethod(R->Type, View.Method);
  // `V.resize(V.size() + N)` appends N elements.
  if (View.Method == "resize" && !View.Args.empty() &&
      growsFromOwnSize(View.Args.front(), D))
    Effect = CallEffect::Grows;
  switch (Effect) {
  case CallEffect::Grows:
    if (View.Method == "operator[]" && reachesElementToShrink(Call, Where))
      return;
    addGrowth(*D, Call, View.Object, Where);
    return;
  case CallEffect::Shrinks:
    if (!isMemberwiseCopy(Where.function())) {
      bool Whole = View.Method == "clear" || View.Method == "operator=" ||
                   View.Method == "swap" || View.Method == "assign";
      addShrink(*R, Call.getBeginLoc(), Where, Whole);
      R->Shrinks.back().Call = &Call;
      if (!View.Args.empty())
        R->Shrinks.back().Key = removedKey(View.Args.front());
    }
    return;
  case CallEffect::Inspects: {
    const FunctionDecl *F = Where.function();
    if (!F)
      return;
    const Stmt *Condition = Where.conditionOwner(Call);
    if (View.Method == "empty") {
      // "Filled once": `if (!C.empty()) return;`, `assert(C.empty())`.
      const auto *If = dyn_cast_or_null<IfStmt>(Condition);
      if ((If && isExitBranch(If->getThen())) ||
          isa_and_nonnull<ConditionalOperator>(Condition))
        R->GuardedIn.insert(F->getCanonicalDecl());
      return;
    }
    // `if (c.size() < Max) c.push_back(x);`, `if (c.size() >= Max) return;`
    if (!isComparison(Where.parentThroughWrappers()))
      return;
    R->GuardedIn.insert(F->getCanonicalDecl());
    // A cap that leaves the function caps whatever grows after it.
    if (const auto *If = dyn_cast_or_null<IfStmt>(Condition))
      if (isExitBranch(If->getThen()))
        SizeCaps.push_back({F->getCanonicalDecl(), Call.getBeginLoc()});
    return;
  }
  case CallEffect::LooksUp:
    if (const FunctionDecl *F = Where.function())
      R->Lookups.push_back({&Call, F->getCanonicalDecl()});
    return;
  case CallEffect::None:
    return;
  }
}

bool ContainerFacts::reachesElementToShrink(const CallExpr &Subscript,
                                            const WalkPosition &Where) {
  const auto *Member = Where.parentThroughWrappers().get<MemberExpr>();
  const auto *Method =
      Member ? dyn_cast<CXXMethodDecl>(Member->getMemberDecl()) : nullptr;
  if (!Method || !Method->getIdentifier())
    return false;
  std::optional<ContainerType> ElementType =
      Model.classify(Subscript.getType().getNonReferenceType());
  return ElementType && Model.effectOfMethod(*ElementType, Method->getName()) ==
                            CallEffect::Shrinks;
}

void ContainerFacts::onAccessorCall(const MemberCallView &View,
                                    const WalkPosition &Where) {
  const auto *Call = dyn_cast_or_null<CallExpr>(
      View.Object ? View.Object->IgnoreParenImpCasts() : nullptr);
  const FunctionDecl *Accessor = Call ? Call->getDirectCallee() : nullptr;
  if (!Accessor || !isMutableReferenceOrPointer(Accessor->getReturnType()))
    return;
  std::optional<ContainerType> Type =
      Model.classify(Accessor->getReturnType());
  if (!Type)
    return;
  AccessorCalls.push_back(
      {Accessor->getCanonicalDecl(), Model.effectOfMethod(*Type, View.Method),
       /*Unknown=*/false, Where.function(), Call->getBeginLoc(),
       Paths.openEndedLoopAmong(Where.loops(), *Context) != nullptr});
}

ContainerFacts::Record *ContainerFacts::elementOwner(const Expr *Element,
                                                    std::string &Path) {
  if (!Element)
    return nullptr;
  Element = Element->IgnoreParenImpCasts();
  const Expr *Outer = nullptr;
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Element)) {
    // `M[K]`
    if (Operator->getOperator() == OO_Subscript && Operator->getNumArgs() == 2)
      Outer = Operator->getArg(0);
  } else if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Element)) {
    // `M.at(K)`, `V.back()`
    if (const CXXMethodDecl *Method = Member->getMethodDecl())
      if (Method->getIdentifier() &&
          llvm::is_contained({llvm::StringRef("at"), llvm::StringRef("back"),
                              llvm::StringRef("front")},
                             Method->getName()))
        Outer = Member->getImplicitObjectArgument();
  } else if (const auto *Field = dyn_cast<MemberExpr>(Element)) {
    // `It->second` for `auto It = M.find(K)`.
    const auto *Second = dyn_cast<FieldDecl>(Field->getMemberDecl());
    const auto *Ref =
        dyn_cast<DeclRefExpr>(Field->getBase()->IgnoreParenImpCasts());
    if (const auto *Deref =
            dyn_cast<CXXOperatorCallExpr>(Field->getBase()->IgnoreParenImpCasts()))
      if (Deref->getNumArgs() >= 1)
        Ref = dyn_cast<DeclRefExpr>(Deref->getArg(0)->IgnoreParenImpCasts());
    const auto *Iterator = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (Second && Second->getName() == "second" && Iterator &&
        Iterator->isLocalVarDecl() && Iterator->getInit())
      if (const auto *Init = dyn_cast<CXXMemberCallExpr>(
              Iterator->getInit()->IgnoreImplicit()->IgnoreParenImpCasts()))
        Outer = Init->getImplicitObjectArgument();
  }
  const ValueDecl *D = ContainerModel::referencedDecl(Outer);
  Record *R = recordFor(D);
  if (!R || !R->TheOwner)
    return nullptr;
  Path = D->getName().str() + "[...]";
  return R;
}

void ContainerFacts::onElementCall(const CallExpr &Call,
                                   const MemberCallView &View,
                                   const WalkPosition &Where) {
  std::optional<ContainerType> ElementType =
      View.Object ? Model.classify(View.Object->getType()) : std::nullopt;
  if (!ElementType)
    return;
  std::string Path;
  Record *R = elementOwner(View.Object, Path);
  if (!R)
    return;
  switch (Model.effectOfMethod(*ElementType, View.Method)) {
  case CallEffect::Grows:
    if (llvm::none_of(R->ElementGrowths, [&](const GrowthSite &Site) {
          return Site.Loc == Call.getBeginLoc();
        }))
      R->ElementGrowths.push_back(makeSite(Call, Where));
    R->ElementPath = Path;
    return;
  case CallEffect::Shrinks: {
    ShrinkSite Site;
    Site.Function = Where.function();
    Site.Loc = Call.getBeginLoc();
    Site.InOpenEndedLoop =
        Paths.openEndedLoopAmong(Where.loops(), *Context) != nullptr;
    R->ElementShrinks.push_back(Site);
    return;
  }
  default:
    return;
  }
}

bool ContainerFacts::isGivenBack(const Record &R, const ShrinkSite &Site) {
  if (!Site.Key || !Site.Call || !Site.Function || !Site.Function->hasBody())
    return false;
  for (const GrowthSite &Growth : R.Growths) {
    if (!Growth.Context.Function ||
        Growth.Context.Function->getCanonicalDecl() !=
            Site.Function->getCanonicalDecl() ||
        addedKey(Growth.Call) != Site.Key)
      continue;
    std::unique_ptr<CFG> &Graph = CFGs[Site.Function->getCanonicalDecl()];
    if (!Graph) {
      CFG::BuildOptions Options;
      Options.setAllAlwaysAdd();
      Graph = CFG::buildCFG(Site.Function, Site.Function->getBody(), Context,
                            Options);
    }
    if (Graph && reachableAfter(*Graph, Site.Call, Growth.Call))
      return true;
  }
  return false;
}

GrowthSite ContainerFacts::makeSite(const Expr &Call,
                                    const WalkPosition &Where) {
  GrowthSite Site;
  Site.Call = &Call;
  Site.Loc = Call.getBeginLoc();
  Site.Context = Where.context();
  Site.OpenEndedLoop = Paths.openEndedLoopAmong(Where.loops(), *Context);
  return Site;
}

void ContainerFacts::addShrink(Record &R, SourceLocation Loc,
                               const WalkPosition &Where, bool Whole) {
  ShrinkSite Site;
  Site.Whole = Whole;
  Site.Function = Where.function();
  Site.Loc = Loc;
  Site.InOpenEndedLoop =
      Paths.openEndedLoopAmong(Where.loops(), *Context) != nullptr;
  R.Shrinks.push_back(Site);
}

void ContainerFacts::onArguments(const FunctionDecl *Callee,
                                 llvm::ArrayRef<const Expr *> Args,
                                 const WalkPosition &Where) {
  for (auto [Index, Arg] : llvm::enumerate(Args)) {
    const ValueDecl *D = ContainerModel::referencedDecl(Arg);
    Record *R = recordFor(D);
    if (!R)
      continue;
    // An unresolved call (dependent, or through a pointer) may do anything,
    // unless it is in a template the TU instantiates: the instantiations
    // resolve it, and their walk sees what the callee does.
    if (!Callee) {
      if (!isResolvedInInstantiations(Where.function())) {
        R->EscapesToUnseenCode = true;
        R->Opaque = true;
      }
      continue;
    }
    if (ContainerModel::isDrainingFunction(*Callee)) {
      if (!isMemberwiseCopy(Where.function()))
        addShrink(*R, Arg->getBeginLoc(), Where);
      continue;
    }
    if (Index >= Callee->getNumParams())
      continue; // A C variadic argument is a copy.
    if (!isMutableReferenceOrPointer(Callee->getParamDecl(Index)->getType()))
      continue;
    R->Passes.push_back(
        {Callee->getCanonicalDecl(), static_cast<unsigned>(Index),
         Where.function(), Arg->getBeginLoc(),
         Paths.openEndedLoopAmong(Where.loops(), *Context) != nullptr});
    // Libraries change what they are given as documented (swap, getline,
    // splice, ...); they are not analysed, so it counts as a shrink.
    const FunctionDecl *Definition = nullptr;
    if (isLibraryFunction(*Callee))
      addShrink(*R, Arg->getBeginLoc(), Where);
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
  if (R && !R->TheOwner && isa<ParmVarDecl>(D))
    R->ParameterGrown = true;
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
  Site.OpenEndedLoop = Paths.openEndedLoopAmong(Where.loops(), *Context);
  // `M[K]` that is not assigned to may be a read after a lookup.
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(&Call))
    if (Operator->getOperator() == OO_Subscript) {
      const auto *Assign = Where.parentThroughWrappers().get<BinaryOperator>();
      const auto *AssignCall =
          Where.parentThroughWrappers().get<CXXOperatorCallExpr>();
      bool Assigned =
          (Assign && Assign->isAssignmentOp()) ||
          (AssignCall && AssignCall->isAssignmentOp() &&
           AssignCall->getArg(0)->IgnoreParenImpCasts() == Operator);
      Site.MayOnlyRead = !Assigned;
    }
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
    R->AlwaysBounded = true;
    return;
  }
  // A long-lived container handed out by mutable reference may be drained
  // by whoever holds the reference.
  const FunctionDecl *Function = Where.function();
  if (Function && isMutableReferenceOrPointer(Function->getReturnType())) {
    R->EscapesToUnseenCode = true;
    R->ReturnedBy.push_back(Function->getCanonicalDecl());
  }
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

bool ContainerFacts::shrinkRepeats(const ShrinkSite &Site) {
  if (Site.InOpenEndedLoop)
    return true;
  // A lambda that is not kept runs where it is written: it repeats when the
  // function around it does.
  for (const FunctionDecl *F = Site.Function; F;) {
    // A script may call a binding that removes at any time.
    if (Paths.causeCountingBindings(F))
      return true;
    const auto *Method = dyn_cast<CXXMethodDecl>(F);
    if (!Method || !Method->getParent()->isLambda())
      return false;
    F = dyn_cast_or_null<FunctionDecl>(
        Method->getParent()->getDeclContext()->getNonClosureAncestor());
  }
  return false;
}

bool ContainerFacts::hasFiniteKeys(const Record &R) {
  if (R.Type.KeyedByFiniteDomain)
    return true;
  if (!R.Type.isAssociative() || R.Growths.empty())
    return false;
  // Each key a parameter, unchanged, that every call gives a constant.
  return llvm::all_of(R.Growths, [&](const GrowthSite &Site) {
    const auto *Param = dyn_cast_or_null<ParmVarDecl>(addedKey(Site.Call));
    const FunctionDecl *Function = Site.Context.Function;
    if (!Param || !Function || Param->getDeclContext() != Function)
      return false;
    QualType Type = Param->getType();
    if (Type->isReferenceType())
      Type = Type->getPointeeType();
    return Type.isConstQualified() &&
           everyCallPassesConstant(*Function, Param->getFunctionScopeIndex());
  });
}

bool ContainerFacts::everyCallPassesConstant(const FunctionDecl &Function,
                                             unsigned Index) {
  // Only direct calls in this TU can reach a function other TUs cannot
  // call and whose address is not kept anywhere.
  const auto *Method = dyn_cast<CXXMethodDecl>(&Function);
  if (RepeatingPaths::isExternallyCallable(Function) ||
      (Method && (Method->isVirtual() || Method->getParent()->isLambda())))
    return false;
  if (!CallsByCallee) {
    CallsByCallee.emplace();
    for (const RepeatingPaths::CallSiteView &Site : Paths.callSites())
      (*CallsByCallee)[Site.Callee->getCanonicalDecl()].push_back(Site.Call);
    for (const auto &[Kept, Cause] : Paths.directCauses())
      IndirectlyCalled.insert(Kept->getCanonicalDecl());
  }
  const FunctionDecl *Canonical = Function.getCanonicalDecl();
  if (IndirectlyCalled.contains(Canonical))
    return false;
  auto Calls = CallsByCallee->find(Canonical);
  if (Calls == CallsByCallee->end() || Calls->second.empty())
    return false;
  return llvm::all_of(Calls->second, [&](const CallExpr *Call) {
    return Index < Call->getNumArgs() &&
           isConstantArgument(Call->getArg(Index), *Context);
  });
}

bool ContainerFacts::runsOnce(const Record &R, const GrowthSite &Site) const {
  const FunctionDecl *F = Site.Context.Function;
  return Site.Context.RunsOnceAtInitialization ||
         isa_and_nonnull<CXXConstructorDecl>(F) ||
         (F && R.GuardedIn.contains(F->getCanonicalDecl())) ||
         isCappedOrOnce(Site);
}

bool ContainerFacts::isReadAfterLookup(const Record &R,
                                       const GrowthSite &Site) const {
  return Site.MayOnlyRead && cacheLookupFor(R, Site);
}

bool ContainerFacts::isCappedOrOnce(const GrowthSite &Site) const {
  const FunctionDecl *F = Site.Context.Function;
  if (!F)
    return false;
  F = F->getCanonicalDecl();
  const SourceManager &SM = Context->getSourceManager();
  for (auto [Function, Loc] : SizeCaps)
    if (Function == F && SM.isBeforeInTranslationUnit(Loc, Site.Loc))
      return true;
  for (auto [Function, Flag] : CheckedFlags)
    if (Function == F && SetFlags.contains({F, Flag}))
      return true;
  return false;
}

// Only a class no other TU can name has all its instances in this one: a
// local class, one in an anonymous namespace, or one declared only in the
// main file, not in a header.
static const CXXRecordDecl *classSeenWhole(const ValueDecl *D,
                                           const SourceManager &SM) {
  const auto *Field = dyn_cast<FieldDecl>(D);
  if (!Field)
    return nullptr;
  const auto *Class = dyn_cast<CXXRecordDecl>(Field->getParent());
  if (!Class)
    return nullptr;
  Class = templatePatternOf(Class);
  auto InMainFile = [&SM](const Decl *Redecl) {
    return SM.isInMainFile(SM.getExpansionLoc(Redecl->getLocation()));
  };
  if (Class->isLocalClass() || !Class->isExternallyVisible() ||
      llvm::all_of(Class->redecls(), InMainFile))
    return Class;
  return nullptr;
}

void ContainerFacts::findInstances() {
  if (InstancesFound)
    return;
  // One walk of the TU answers for every class.
  InstancesFound = true;
  const SourceManager &SM = Context->getSourceManager();
  llvm::DenseMap<const CXXRecordDecl *, InstanceFinder::Facts> Classes;
  // A class no other TU can name is looked for in its own file; any other
  // in the main file, the only one whose instances this TU sees whole.
  for (const auto &Entry : Records) {
    if (!Entry.second.TheOwner ||
        Entry.second.TheOwner->Kind != OwnerKind::Member)
      continue;
    if (const CXXRecordDecl *Candidate = classSeenWhole(Entry.second.Decl, SM))
      Classes.try_emplace(Candidate,
                          InstanceFinder::Facts{SM.getFileID(
                              SM.getExpansionLoc(Candidate->getLocation()))});
    else if (const auto *Class = dyn_cast<CXXRecordDecl>(
                 cast<FieldDecl>(Entry.second.Decl)->getParent()))
      Classes.try_emplace(templatePatternOf(Class),
                          InstanceFinder::Facts{SM.getMainFileID()});
  }
  InstanceFinder Finder(Classes, LastingInMainFile, *Context, Paths);
  for (Decl *Top : Context->getTraversalScope())
    Finder.TraverseDecl(Top);
  bool DefinesMain = llvm::any_of(
      Context->getTranslationUnitDecl()->decls(), [&SM](const Decl *Top) {
        const auto *Function = dyn_cast<FunctionDecl>(Top);
        return Function && Function->isMain() &&
               Function->doesThisDeclarationHaveABody() &&
               SM.isInMainFile(SM.getExpansionLoc(Function->getLocation()));
      });
  // In a program's main file, the classes only it can name are called only
  // from it, unless a virtual member is called through a base class. (The
  // members of a class template's instantiations are other functions than
  // the pattern's that the growth is found in: left to the usual rules.)
  if (DefinesMain)
    for (const auto &[Candidate, Fact] : Classes)
      if (Candidate->hasDefinition() &&
          !Candidate->getDefinition()->isPolymorphic() &&
          !Candidate->getDescribedClassTemplate() &&
          !Candidate->isDependentContext()) {
        ProgramPrivate.insert(Candidate);
        Paths.addProgramPrivateClass(Candidate);
      }
  // With no instance in sight the TU cannot tell: report as before.
  for (const auto &[Candidate, Fact] : Classes)
    ShortLivedClasses[Candidate] = Fact.Constructed && !Fact.LongLived;
}

bool ContainerFacts::ownerIsShortLived(const Record &R) {
  const CXXRecordDecl *Class =
      classSeenWhole(R.Decl, Context->getSourceManager());
  if (!Class)
    return false;
  findInstances();
  return ShortLivedClasses.lookup(Class);
}

bool ContainerFacts::mainFileMakesOnlyShortLived(const Record &R) {
  const auto *Field = dyn_cast<FieldDecl>(R.Decl);
  const auto *Class =
      Field ? dyn_cast<CXXRecordDecl>(Field->getParent()) : nullptr;
  if (!Class)
    return false;
  findInstances();
  return ShortLivedClasses.lookup(templatePatternOf(Class));
}

bool ContainerFacts::onlyRecorded(const Record &R) {
  const auto *Field = dyn_cast<FieldDecl>(R.Decl);
  if (!Field)
    return false;
  auto [It, Inserted] =
      RecordOnly.try_emplace(Field->getCanonicalDecl(), false);
  if (!Inserted)
    return It->second;
  // Only the class's own member functions may read a private member (no
  // friend does): each must have its body in this TU.
  const auto *Class =
      dyn_cast_or_null<CXXRecordDecl>(Field->getParent()->getDefinition());
  if (!Class || Field->getAccess() != AS_private || !Class->friends().empty())
    return false;
  RecordOnlyUseFinder Finder(*Field, R.Type, Model);
  for (const CXXMethodDecl *Method : Class->methods()) {
    if (Method->isImplicit())
      continue;
    const FunctionDecl *Definition = nullptr;
    if (!Method->hasBody(Definition))
      return false;
    Finder.TraverseDecl(const_cast<FunctionDecl *>(Definition));
    if (Finder.Read)
      return false;
  }
  RecordOnly[Field->getCanonicalDecl()] = true;
  return true;
}

std::optional<bool>
ContainerFacts::memberRepeats(const Record &R, const GrowthSite &Site,
                              RepeatEvidence::ChainKind &Chain) {
  if (Options.AssumeUnseenCodeDoesNotShrink ||
      Options.AssumeInstancesLiveLong || R.TheOwner->Kind != OwnerKind::Member)
    return std::nullopt;
  // `Global.Member.push_back(X)`: the object is a global.
  auto ThroughGlobal = [](const GrowthSite &Growth) {
    return Growth.ThroughGlobalObject;
  };
  if (llvm::any_of(R.Growths, ThroughGlobal) ||
      llvm::any_of(R.ElementGrowths, ThroughGlobal))
    return std::nullopt;
  const FunctionDecl *Function = Site.Context.Function;
  const SourceManager &SM = Context->getSourceManager();
  findInstances();
  // In a program's main file, a class no other TU can name has every
  // caller of its member functions in sight.
  if (const CXXRecordDecl *Class = classSeenWhole(R.Decl, SM))
    if (ProgramPrivate.contains(Class)) {
      Chain = RepeatEvidence::CallersInProgram;
      return Paths.causeInProgram(Function) != nullptr;
    }
  // A class whose every instance this TU makes is an automatic variable or
  // a temporary (a builder, a visited set, a response of one call) is a
  // per-task object here: the TU shows no object that lasts.
  if (mainFileMakesOnlyShortLived(R))
    return false;
  // A TU sees some of the class's callers and none of its instances but its
  // own: it reports when it shows an instance that lasts (a global, a
  // static, a local of main), or the repetition itself. Whole-program mode
  // decides the rest from the project's instances.
  const auto *Class =
      dyn_cast<CXXRecordDecl>(cast<FieldDecl>(R.Decl)->getParent());
  if (Class && LastingInMainFile.contains(templatePatternOf(Class)))
    return std::nullopt;
  // The class's own .cpp, which defines the growing member function, cannot
  // tell a per-task object (a builder, an arena, a plan) from a
  // process-long one either. It reports as if one instance lasted only a
  // container whose shape is a leak's whatever the owner: a memo cache
  // filled on a miss, a list of callbacks, or entries that are recorded and
  // never read back.
  while (const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Function)) {
    if (!Method->getParent()->isLambda())
      break;
    Function = dyn_cast_or_null<FunctionDecl>(
        Method->getParent()->getDeclContext()->getNonClosureAncestor());
  }
  if (Function &&
      SM.isInMainFile(SM.getExpansionLoc(Function->getLocation())) &&
      (cacheLookupFor(R, Site) || holdsCallables(R.Decl->getType()) ||
       onlyRecorded(R)))
    return std::nullopt;
  Chain = RepeatEvidence::CallersSeenInTU;
  const RepeatCause *Cause = Paths.causeSeenInTU(Site.Context.Function);
  return Cause && !grownOnCallersObject(R, Site);
}

namespace {
/// What an expression of a caller names as the object a call acts on: its
/// `this`, one of its parameters, an automatic local made for the call, or
/// anything else (a member, a global, a capture).
struct CallObject {
  enum KindType { This, Parameter, Local, Other } Kind = Other;
  unsigned Index = 0; ///< the parameter's
};

CallObject objectNamedBy(const Expr *Object) {
  if (!Object)
    return {};
  Object = Object->IgnoreParenImpCasts();
  if (const auto *Deref = dyn_cast<UnaryOperator>(Object))
    if (Deref->getOpcode() == UO_Deref || Deref->getOpcode() == UO_AddrOf)
      Object = Deref->getSubExpr()->IgnoreParenImpCasts();
  if (isa<CXXThisExpr>(Object))
    return {CallObject::This};
  const auto *Ref = dyn_cast<DeclRefExpr>(Object);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || Ref->refersToEnclosingVariableOrCapture())
    return {};
  if (const auto *Param = dyn_cast<ParmVarDecl>(Var))
    return {CallObject::Parameter, Param->getFunctionScopeIndex()};
  if (Var->hasLocalStorage() && !Var->getType()->isReferenceType() &&
      !Var->getType()->isPointerType())
    return {CallObject::Local};
  return {};
}

/// The object \p Call hands to its callee as `this` (\p Param < 0) or as
/// parameter \p Param.
CallObject objectPassedBy(const CallExpr &Call, int Param) {
  if (Param < 0) {
    const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
    return Member ? objectNamedBy(Member->getImplicitObjectArgument())
                  : CallObject{};
  }
  if (isa<CXXOperatorCallExpr>(Call) ||
      static_cast<unsigned>(Param) >= Call.getNumArgs())
    return {};
  return objectNamedBy(Call.getArg(Param));
}

} // namespace

bool ContainerFacts::grownOnCallersObject(const Record &R,
                                          const GrowthSite &Site) {
  // Growth on `this`, in a member function of the container's class.
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Site.Context.Function);
  const auto *Field = dyn_cast<FieldDecl>(R.Decl);
  if (!Method || !Field || Method->getParent()->isLambda() ||
      templatePatternOf(Method->getParent()) !=
          templatePatternOf(dyn_cast<CXXRecordDecl>(Field->getParent())))
    return false;
  if (!CallersGrouped) {
    CallersGrouped = true;
    for (const RepeatingPaths::CallSiteView &View : Paths.callSites())
      CallersOf[View.Callee->getCanonicalDecl()].push_back(View);
    for (const auto &[Function, Cause] : Paths.directCauses())
      RepeatsItself.insert(Function->getCanonicalDecl());
  }
  return !repeatsOnSharedObject(Method, /*Param=*/-1, 0);
}

bool ContainerFacts::repeatsOnSharedObject(const FunctionDecl *Function,
                                           int Param, unsigned Depth) {
  Function = Function->getCanonicalDecl();
  // A function that repeats of itself (a stored callback, an address taken)
  // acts on the same `this` every time, as far as this TU shows; its
  // parameters are whatever each call gives (a request, a message), so only
  // the callers this TU shows can make one repeat.
  if (Param < 0 && RepeatsItself.contains(Function))
    return true;
  if (Depth > 16)
    return true;
  auto [It, Inserted] =
      SharedObjectAnswers.try_emplace(std::make_pair(Function, Param), false);
  if (!Inserted)
    return It->second;
  bool Shared = false;
  for (const RepeatingPaths::CallSiteView &View : CallersOf.lookup(Function)) {
    if (View.RunsOnce)
      continue;
    // A loop without a fixed trip count calls it again and again on what
    // the caller holds.
    if (View.InLoop) {
      Shared = true;
      break;
    }
    if (!View.Caller || !Paths.causeSeenInTU(View.Caller))
      continue;
    // Up the callers while the object is the caller's `this` or one of its
    // parameters; an automatic local is made anew for each call.
    CallObject Object = objectPassedBy(*View.Call, Param);
    if (Object.Kind == CallObject::Local)
      continue;
    if (Object.Kind == CallObject::Other ||
        repeatsOnSharedObject(View.Caller,
                              Object.Kind == CallObject::This
                                  ? -1
                                  : static_cast<int>(Object.Index),
                              Depth + 1)) {
      Shared = true;
      break;
    }
  }
  SharedObjectAnswers[std::make_pair(Function, Param)] = Shared;
  return Shared;
}

std::optional<RepeatEvidence>
ContainerFacts::whyRepeats(const Record &R, const GrowthSite &Site) {
  const FunctionDecl *Function = Site.Context.Function;
  if (!Function || runsOnce(R, Site))
    return std::nullopt;

  if (R.TheOwner->Kind == OwnerKind::Local) {
    // A local outlives only the loops of its own function that it is
    // declared outside of.
    if (R.Decl->getDeclContext() != Function)
      return std::nullopt;
    const SourceManager &SM = Context->getSourceManager();
    // A count parsed from the input repeats what the loop calls, but a
    // local filled in the loop holds one entry per count and dies with the
    // call: `for (I = 0; I < atoi(Argv[1]); ++I) Threads.push_back(...)`.
    for (const Stmt *Loop : Site.Context.Loops)
      if (SM.isBeforeInTranslationUnit(R.Decl->getLocation(),
                                       Loop->getBeginLoc()) &&
          Paths.isOpenEnded(*Loop, *Context) && !countsToParsedNumber(*Loop))
        return RepeatEvidence{RepeatEvidence::LocalAcrossLoop, Loop, Function};
    return std::nullopt;
  }
  // A loop with a fixed trip count multiplies the growth by a finite
  // factor: only a loop without one, or the function itself repeating,
  // makes it unbounded.
  if (Site.OpenEndedLoop)
    return RepeatEvidence{RepeatEvidence::InsideLoop, Site.OpenEndedLoop,
                          Function};
  // A member grows once per object. When only callers in other TUs would
  // repeat the growth, this TU cannot tell whether they call it on one
  // long-lived object or on a fresh one per request or task (a builder, a
  // parser's state, a response): only a repetition this TU shows counts.
  RepeatEvidence::ChainKind Chain = RepeatEvidence::AnyCallers;
  if (std::optional<bool> Repeats = memberRepeats(R, Site, Chain)) {
    if (*Repeats)
      return RepeatEvidence{RepeatEvidence::FunctionRepeats, nullptr,
                            Function, Chain};
    return std::nullopt;
  }
  // A lookup before the growth makes it a cache filled on a miss, which no
  // name makes set-up.
  // A loader (`loadChannels`, `setupTiles`) that looks each entry up in a
  // loop with a fixed trip count skips duplicates of what it reads: that
  // is set-up too, whatever it looks up.
  if (Paths.looksLikeSetUp(*Function) &&
      (!cacheLookupFor(R, Site) || !Site.Context.Loops.empty())) {
    // Registration (`addRoute`, `setHandler`, `onEvent`) is set-up: only a
    // visible caller on a repeating path makes it repeat.
    if (Paths.visibleCauseOf(Function))
      return RepeatEvidence{RepeatEvidence::FunctionRepeats, nullptr,
                            Function};
    return std::nullopt;
  }
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

/// The TU's containers as facts, the site each fact stands for, and the
/// decision's answers.
struct ContainerFacts::Judgement {
  bloat_facts::Facts Facts;
  /// By index in Facts.Containers, Facts.Growths and Facts.Shrinks.
  std::vector<const Record *> Containers;
  std::vector<const GrowthSite *> Growths;
  std::vector<const ShrinkSite *> Shrinks;
  /// Why each growth the decision asked about repeats.
  llvm::DenseMap<const GrowthSite *, RepeatEvidence> Why;
  std::vector<bloat_facts::Verdict> Verdicts;

  const Record &record(const bloat_facts::Container &C) const {
    return *Containers[&C - Facts.Containers.data()];
  }
  const GrowthSite &growth(const bloat_facts::Site &S) const {
    return *Growths[&S - Facts.Growths.data()];
  }
  const ShrinkSite &shrink(const bloat_facts::Site &S) const {
    return *Shrinks[&S - Facts.Shrinks.data()];
  }
};

/// The TU as the decision's evidence: a site repeats when the TU's call
/// graph and loops show it (whyRepeats), unseen code is whatever the TU
/// cannot see of a class or a function, and a member's owner is short-lived
/// when the TU sees all of its instances and each is automatic.
class ContainerFacts::TUEvidence : public bloat_facts::Evidence {
public:
  TUEvidence(ContainerFacts &Facts, Judgement &J) : Facts(Facts), J(J) {}

  bool unseenMayShrink(const bloat_facts::Container &C) override {
    return Facts.mayBeShrunkElsewhere(J.record(C));
  }

  bloat_facts::Lifetime
  ownerLifetime(const bloat_facts::Container &C) override {
    return Facts.ownerIsShortLived(J.record(C))
               ? bloat_facts::Lifetime::Short
               : bloat_facts::Lifetime::Unknown;
  }

  bool growthRepeats(const bloat_facts::Container &C,
                     const bloat_facts::Site &S) override {
    const GrowthSite &Growth = J.growth(S);
    std::optional<RepeatEvidence> Why = Facts.whyRepeats(J.record(C), Growth);
    if (Why)
      J.Why[&Growth] = *Why;
    return Why.has_value();
  }

  bool shrinkRepeats(const bloat_facts::Container &C,
                     const bloat_facts::Site &S) override {
    // A local may be drained anywhere in its function.
    return isLocal(J.record(C)) || Facts.shrinkRepeats(J.shrink(S));
  }

  bool shrunkByCallee(const bloat_facts::Container &C) override {
    const Record &Root = J.record(C);
    bool Local = isLocal(Root);
    // Every parameter it is passed to, transitively: a parameter's record
    // gathers what its function does to what it is given.
    llvm::SmallVector<const Record *, 4> Worklist = {&Root};
    llvm::DenseSet<const Record *> Seen = {&Root};
    while (!Worklist.empty()) {
      const Record *Current = Worklist.pop_back_val();
      if (Current != &Root) {
        if (Current->AlwaysBounded || Facts.mayBeShrunkElsewhere(*Current))
          return true;
        for (const ShrinkSite &Site : Current->Shrinks)
          if ((Local || Facts.shrinkRepeats(Site)) &&
              !Facts.isGivenBack(*Current, Site))
            return true;
      }
      for (const ParmVarDecl *Param : Current->PassedTo) {
        auto It = Facts.Records.find(Param->getCanonicalDecl()->getLocation());
        if (It != Facts.Records.end() && Seen.insert(&It->second).second)
          Worklist.push_back(&It->second);
      }
    }
    return false;
  }

  // Accessors that hand a container out by reference make it unseen code's
  // (mayBeShrunkElsewhere): no accessor growth or shrink is weighed per TU.
  std::vector<const bloat_facts::AccessorUse *>
  accessorGrowths(const bloat_facts::Container &) override {
    return {};
  }
  bool shrunkThroughAccessor(const bloat_facts::Container &) override {
    return false;
  }

  int preference(const bloat_facts::Site &S) override {
    // The main file first, then a site that certainly inserts.
    const GrowthSite &Growth = J.growth(S);
    const SourceManager &SM = Facts.Context->getSourceManager();
    return (SM.isInMainFile(SM.getExpansionLoc(Growth.Loc)) ? 2 : 0) +
           (Growth.MayOnlyRead ? 0 : 1);
  }

private:
  static bool isLocal(const Record &R) {
    return R.TheOwner && R.TheOwner->Kind == OwnerKind::Local;
  }

  ContainerFacts &Facts;
  Judgement &J;
};

void ContainerFacts::siteFacts(
    const Record &R,
    llvm::function_ref<void(bloat_facts::Site, const GrowthSite &)> Growth,
    llvm::function_ref<void(bloat_facts::Site, const ShrinkSite &)> Shrink) {
  auto GrowthFact = [&](const GrowthSite &Site, bool Element) {
    bloat_facts::Site S;
    S.OpenEndedLoop = Site.OpenEndedLoop != nullptr;
    S.Once = runsOnce(R, Site);
    S.Element = Element;
    S.CacheMiss = !Element && cacheLookupFor(R, Site) != nullptr;
    Growth(std::move(S), Site);
  };
  for (const GrowthSite &Site : R.Growths)
    // `if (!M.count(K)) K = Default; return M[K];` reads: a subscript whose
    // value is only read, after a lookup, is no growth of its own.
    if (!isReadAfterLookup(R, Site))
      GrowthFact(Site, false);
  for (const GrowthSite &Site : R.ElementGrowths)
    GrowthFact(Site, true);
  auto ShrinkFact = [&](const ShrinkSite &Site, bool Element) {
    bloat_facts::Site S;
    S.OpenEndedLoop = Site.InOpenEndedLoop;
    S.Whole = Site.Whole;
    S.Element = Element;
    S.GivenBack = !Element && isGivenBack(R, Site);
    Shrink(std::move(S), Site);
  };
  for (const ShrinkSite &Site : R.Shrinks)
    ShrinkFact(Site, false);
  for (const ShrinkSite &Site : R.ElementShrinks)
    ShrinkFact(Site, true);
}

const ContainerFacts::Judgement &ContainerFacts::judgement() {
  if (Judged)
    return *Judged;
  Judged = std::make_unique<Judgement>();
  Judgement &J = *Judged;
  if (!Context)
    return J;
  const SourceManager &SM = Context->getSourceManager();
  auto Before = [&SM](const auto &A, const auto &B) {
    return SM.isBeforeInTranslationUnit(SM.getExpansionLoc(A.Loc),
                                        SM.getExpansionLoc(B.Loc));
  };
  // Functions are told apart by their canonical declaration: the decision
  // compares them, never names them.
  auto FunctionKey = [](const FunctionDecl *F) {
    return F ? std::to_string(reinterpret_cast<uintptr_t>(
                   F->getCanonicalDecl()))
             : std::string();
  };
  for (auto &Entry : Records) {
    Record &R = Entry.second;
    if (!R.TheOwner || R.AlwaysBounded ||
        (R.Growths.empty() && R.ElementGrowths.empty()))
      continue;
    bloat_facts::Container C;
    C.Key = std::to_string(J.Containers.size());
    C.Owner = ownerKindName(R.TheOwner->Kind);
    C.Associative = R.Type.isAssociative();
    C.FiniteKeys = hasFiniteKeys(R);
    C.Callbacks = holdsCallables(R.Decl->getType());
    // Reported at the first site in source order that the evidence prefers.
    llvm::sort(R.Growths, Before);
    llvm::sort(R.ElementGrowths, Before);
    siteFacts(
        R,
        [&](bloat_facts::Site S, const GrowthSite &Site) {
          S.Container = C.Key;
          S.Function = FunctionKey(Site.Context.Function);
          J.Facts.Growths.push_back(std::move(S));
          J.Growths.push_back(&Site);
        },
        [&](bloat_facts::Site S, const ShrinkSite &Site) {
          S.Container = C.Key;
          S.Function = FunctionKey(Site.Function);
          J.Facts.Shrinks.push_back(std::move(S));
          J.Shrinks.push_back(&Site);
        });
    J.Facts.Containers.push_back(std::move(C));
    J.Containers.push_back(&R);
  }
  TUEvidence Evidence(*this, J);
  J.Verdicts = bloat_facts::judge(J.Facts, Evidence);
  return J;
}

bool ContainerFacts::isJudgedUnbounded(const Record &R) {
  const Judgement &J = judgement();
  return llvm::any_of(J.Verdicts, [&](const bloat_facts::Verdict &V) {
    return !V.Elements && &J.record(*V.Subject) == &R;
  });
}

std::vector<UnboundedContainer>
ContainerFacts::unboundedContainers(const SourceManager &SM) {
  std::vector<UnboundedContainer> Findings;
  const Judgement &J = judgement();
  for (const bloat_facts::Verdict &V : J.Verdicts) {
    if (V.Sites.empty())
      continue;
    const Record &R = J.record(*V.Subject);
    UnboundedContainer Finding{R.Decl, *R.TheOwner, R.Type, nullptr, {},
                               {},     nullptr,     {},     {},      V.Check};
    for (const bloat_facts::Site *S : V.Sites) {
      const GrowthSite &Site = J.growth(*S);
      if (!Finding.Primary)
        Finding.Primary = &Site;
      else
        Finding.OtherSites.push_back(&Site);
      // A memo cache fills its own entries, not their insides.
      if (!Finding.CacheLookup && !V.Elements)
        Finding.CacheLookup = cacheLookupFor(R, Site);
    }
    Finding.Why = J.Why.lookup(Finding.Primary);
    if (V.Elements)
      Finding.ElementPath = R.ElementPath;
    if (V.GivenBack)
      Finding.GivenBackRemoval = J.shrink(*V.GivenBack).Loc;
    Findings.push_back(std::move(Finding));
  }
  llvm::sort(Findings,
             [&](const UnboundedContainer &A, const UnboundedContainer &B) {
               return SM.isBeforeInTranslationUnit(
                   SM.getExpansionLoc(A.Primary->Loc),
                   SM.getExpansionLoc(B.Primary->Loc));
             });
  return Findings;
}

} // namespace clang::tidy::bloat
