//===--- FactsExport.cpp - the TU's facts for whole-program mode ----------===//
//
// Turns what ContainerFacts collected while walking the TU into pure data
// (facts/Facts.h): containers, growth and shrink sites, passes, accessor
// calls, functions, calls, roots and the instances of every class, each
// named by a key that another TU computes alike.
//
//===----------------------------------------------------------------------===//

#include "analysis/Callbacks.h"
#include "analysis/ContainerFacts.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace clang::tidy::bloat {

namespace {

const CXXRecordDecl *patternOf(const CXXRecordDecl *Record) {
  if (const CXXRecordDecl *Pattern = Record->getTemplateInstantiationPattern())
    return Pattern;
  return Record;
}

class KeyMaker {
public:
  explicit KeyMaker(ASTContext &Context)
      : Context(Context), SM(Context.getSourceManager()) {}

  bloat_facts::Location location(SourceLocation Loc) {
    bloat_facts::Location Result;
    Loc = SM.getExpansionLoc(Loc);
    if (Loc.isInvalid())
      return Result;
    PresumedLoc Presumed = SM.getPresumedLoc(Loc);
    if (Presumed.isInvalid())
      return Result;
    Result.File = absolute(Presumed.getFilename());
    Result.Line = Presumed.getLine();
    Result.Column = Presumed.getColumn();
    return Result;
  }

  std::string absolute(llvm::StringRef File) {
    llvm::SmallString<256> Path(File);
    llvm::sys::fs::make_absolute(Path);
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    return std::string(Path);
  }

  // Entities no other TU can name carry the file they are declared in.
  std::string fileOf(const Decl &D) { return location(D.getLocation()).File; }

  std::string function(const FunctionDecl *F) {
    if (!F)
      return "";
    F = F->getCanonicalDecl();
    if (const auto *Method = dyn_cast<CXXMethodDecl>(F))
      if (Method->getParent()->isLambda()) {
        bloat_facts::Location L = location(Method->getParent()->getLocation());
        return "lambda@" + L.File + ":" + std::to_string(L.Line) + ":" +
               std::to_string(L.Column);
      }
    std::string Key;
    if (!F->isExternallyVisible())
      Key = fileOf(*F) + "#";
    Key += F->getQualifiedNameAsString() + "(";
    for (unsigned I = 0; I < F->getNumParams(); ++I) {
      if (I)
        Key += ",";
      Key += F->getParamDecl(I)->getType().getCanonicalType().getAsString(
          Context.getPrintingPolicy());
    }
    Key += ")";
    if (const auto *Method = dyn_cast<CXXMethodDecl>(F))
      if (Method->isConst())
        Key += " const";
    return Key;
  }

  std::string record(const CXXRecordDecl *Record) {
    Record = patternOf(Record);
    std::string Key;
    if (!Record->isExternallyVisible() || Record->isLocalClass())
      Key = fileOf(*Record) + "#";
    return Key + Record->getQualifiedNameAsString();
  }

  std::string container(const ValueDecl *D) {
    if (const auto *Field = dyn_cast<FieldDecl>(D)) {
      const auto *Parent = dyn_cast<CXXRecordDecl>(Field->getParent());
      return "field:" + (Parent ? record(Parent) : fileOf(*Field)) +
             "::" + Field->getNameAsString();
    }
    const auto *Var = cast<VarDecl>(D);
    if (Var->isStaticLocal())
      return "static:" +
             function(dyn_cast_or_null<FunctionDecl>(
                 Var->getParentFunctionOrMethod())) +
             "::" + Var->getNameAsString();
    if (Var->isLocalVarDecl()) {
      bloat_facts::Location L = location(Var->getLocation());
      return "local:" + L.File + ":" + std::to_string(L.Line) + ":" +
             std::to_string(L.Column);
    }
    std::string Key = "var:";
    if (!Var->isExternallyVisible())
      Key += fileOf(*Var) + "#";
    return Key + Var->getQualifiedNameAsString();
  }

private:
  ASTContext &Context;
  const SourceManager &SM;
};

const char *effectName(CallEffect Effect) {
  switch (Effect) {
  case CallEffect::Grows:
    return "grows";
  case CallEffect::Shrinks:
    return "shrinks";
  default:
    return "reads";
  }
}

// The type arguments of a specialization, a variadic pack's elements
// included (`std::tuple<A, B>`, `App<Cookies, Session<Store>>` are packs).
llvm::SmallVector<QualType, 4>
typeArguments(const ClassTemplateSpecializationDecl &Spec) {
  llvm::SmallVector<QualType, 4> Types;
  for (const TemplateArgument &Arg : Spec.getTemplateArgs().asArray()) {
    if (Arg.getKind() == TemplateArgument::Type)
      Types.push_back(Arg.getAsType());
    else if (Arg.getKind() == TemplateArgument::Pack)
      for (const TemplateArgument &Element : Arg.pack_elements())
        if (Element.getKind() == TemplateArgument::Type)
          Types.push_back(Element.getAsType());
  }
  return Types;
}

// The class an instance is of: `C`, `C[4]`, or held by a standard wrapper
// (`std::unique_ptr<C>`, `std::vector<C>`, `std::optional<C>`).
const CXXRecordDecl *instanceClass(QualType T, const SourceManager &SM) {
  T = T.getCanonicalType();
  while (const ArrayType *Array = T->getAsArrayTypeUnsafe())
    T = Array->getElementType().getCanonicalType();
  const CXXRecordDecl *Record = T->getAsCXXRecordDecl();
  if (!Record)
    return nullptr;
  if (!SM.isInSystemHeader(Record->getLocation()))
    return Record;
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record);
  if (!Spec)
    return nullptr;
  for (QualType Arg : typeArguments(*Spec))
    if (const CXXRecordDecl *Held = instanceClass(Arg, SM))
      return Held;
  return nullptr;
}

// The parent of each node of a function body that matters for how a value
// is used: parentheses and implicit casts are looked through.
void mapParents(const Stmt *S, const Stmt *Parent,
                llvm::DenseMap<const Stmt *, const Stmt *> &Parents) {
  if (!S)
    return;
  Parents[S] = Parent;
  bool Transparent = isa<ParenExpr, ImplicitCastExpr>(S);
  for (const Stmt *Child : S->children())
    mapParents(Child, Transparent ? Parent : S, Parents);
}

bool refersTo(const Expr *E, const ValueDecl *D) {
  if (!E)
    return false;
  E = E->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl() == D;
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return Member->getMemberDecl() == D;
  return false;
}

// Whether \p Body deletes \p D (a parameter), or `this` when \p D is null.
bool deletes(const Stmt *Body, const ValueDecl *D) {
  if (!Body)
    return false;
  if (const auto *Delete = dyn_cast<CXXDeleteExpr>(Body)) {
    const Expr *Arg = Delete->getArgument()->IgnoreParenImpCasts();
    if (D ? refersTo(Arg, D) : isa<CXXThisExpr>(Arg))
      return true;
  }
  for (const Stmt *Child : Body->children())
    if (deletes(Child, D))
      return true;
  return false;
}

bool definitionDeletes(const FunctionDecl *F, int Param) {
  const FunctionDecl *Definition = nullptr;
  if (!F || !F->isDefined(Definition) || !Definition->getBody())
    return false;
  if (Param < 0)
    return deletes(Definition->getBody(), nullptr);
  if (Param >= static_cast<int>(Definition->getNumParams()))
    return false;
  return deletes(Definition->getBody(), Definition->getParamDecl(Param));
}

// Whether \p Use (an expression naming a pointer or smart pointer) only
// tests it against null.
bool isNullTest(const Stmt *Use, const llvm::DenseMap<const Stmt *, const Stmt *> &Parents) {
  const Stmt *Parent = Parents.lookup(Use);
  if (!Parent)
    return false;
  if (const auto *Member = dyn_cast<MemberExpr>(Parent)) // `p.operator bool`
    return isa<CXXConversionDecl>(Member->getMemberDecl());
  if (const auto *Unary = dyn_cast<UnaryOperator>(Parent))
    return Unary->getOpcode() == UO_LNot;
  if (const auto *Binary = dyn_cast<BinaryOperator>(Parent))
    return Binary->isEqualityOp() || Binary->isLogicalOp();
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Parent))
    return Operator->getOperator() == OO_EqualEqual ||
           Operator->getOperator() == OO_ExclaimEqual;
  return isa<IfStmt, WhileStmt, ConditionalOperator>(Parent);
}

// The classes a project's own class template holds by its type arguments
// (`OrderedMultimap<FormField>`): an instance of it holds theirs.
// Nested: `App<Session<MemoryStore>>` holds a Session, which holds a
// MemoryStore.
llvm::SmallVector<const CXXRecordDecl *, 2>
heldByTemplate(const CXXRecordDecl *Class, const SourceManager &SM,
               unsigned Depth = 0) {
  llvm::SmallVector<const CXXRecordDecl *, 2> Held;
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(Class);
  if (!Spec || SM.isInSystemHeader(Spec->getLocation()) || Depth > 4)
    return Held;
  for (QualType Arg : typeArguments(*Spec))
    if (const CXXRecordDecl *Inner = instanceClass(Arg, SM)) {
      Held.push_back(Inner);
      Held.append(heldByTemplate(Inner, SM, Depth + 1));
    }
  return Held;
}

// Every place the TU makes an instance of a class of its own.
class InstanceCollector : public RecursiveASTVisitor<InstanceCollector> {
public:
  InstanceCollector(ASTContext &Context, KeyMaker &Keys,
                    std::vector<bloat_facts::Instance> &Out)
      : Context(Context), SM(Context.getSourceManager()), Keys(Keys),
        Out(Out) {}

  bool shouldVisitTemplateInstantiations() const { return false; }

  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    auto *Function = dyn_cast_or_null<FunctionDecl>(D);
    if (!Function || !Function->doesThisDeclarationHaveABody())
      return RecursiveASTVisitor::TraverseDecl(D);
    const FunctionDecl *Outer = Current;
    Current = Function;
    ParentsOf.reset();
    bool Result = RecursiveASTVisitor::TraverseDecl(D);
    Current = Outer;
    ParentsOf.reset();
    return Result;
  }

  bool VisitVarDecl(VarDecl *Var) {
    if (isa<ParmVarDecl>(Var) || Var->getType()->isReferenceType())
      return true;
    // A raw pointer may be handed on or returned: its `new` stays a heap
    // instance of unknown owner, unless the function deletes it or stores
    // it in a member (localPointer). A smart pointer owns what it is given.
    if (Var->getType()->isPointerType()) {
      if (const Expr *Allocation = allocationIn(Var->getInit()))
        localPointer(*Var, Allocation);
      return true;
    }
    const CXXRecordDecl *Class = instanceClass(Var->getType(), SM);
    if (const Expr *Allocation = allocationIn(Var->getInit()))
      Stored.insert(Allocation);
    if (!Class)
      return true;
    bloat_facts::Instance I;
    I.Class = Keys.record(Class);
    I.At = Keys.location(Var->getLocation());
    const auto *Function =
        dyn_cast_or_null<FunctionDecl>(Var->getParentFunctionOrMethod());
    if (Var->isLocalVarDecl() && !Var->isStaticLocal() &&
        Var->getTSCSpec() == TSCS_unspecified) {
      I.Kind = "local";
      I.In = Keys.function(Function);
      I.InName = Function ? Function->getQualifiedNameAsString() : "";
      I.Lasting = Function && (Function->isMain() ||
                               hasOpenEndedLoopAfter(Function->getBody(),
                                                     Var->getLocation(),
                                                     Context));
    } else {
      I.Kind = Var->hasGlobalStorage() && !Var->isStaticLocal() &&
                       !Var->isStaticDataMember()
                   ? "global"
                   : "static";
    }
    for (const CXXRecordDecl *Held : heldByTemplate(Class, SM)) {
      bloat_facts::Instance Element = I;
      Element.Class = Keys.record(Held);
      Out.push_back(std::move(Element));
    }
    Out.push_back(std::move(I));
    return true;
  }

  // `Rep_ = new Rep`, `Rep_(new Rep)`: stored in a member, the instance
  // lives as long as the object holding it, or until the member is given
  // another one.
  bool VisitBinaryOperator(BinaryOperator *Assign) {
    if (Assign->getOpcode() == BO_Assign)
      storedIn(Assign->getLHS(), Assign->getRHS());
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Call) {
    if (Call->getOperator() == OO_Equal && Call->getNumArgs() == 2)
      storedIn(Call->getArg(0), Call->getArg(1));
    return true;
  }
  bool VisitCXXConstructorDecl(CXXConstructorDecl *Constructor) {
    for (const CXXCtorInitializer *Init : Constructor->inits())
      if (const FieldDecl *Field = Init->getMember())
        storedInField(*Field, Init->getInit());
    return true;
  }

  bool VisitFieldDecl(FieldDecl *Field) {
    if (Field->getType()->isReferenceType() || Field->getType()->isPointerType())
      return true;
    const CXXRecordDecl *Class = instanceClass(Field->getType(), SM);
    const auto *Parent = dyn_cast<CXXRecordDecl>(Field->getParent());
    if (!Class || !Parent || Parent->isLambda())
      return true;
    bloat_facts::Instance I;
    I.Class = Keys.record(Class);
    I.Kind = "member";
    I.In = Keys.record(Parent);
    I.InName = patternOf(Parent)->getQualifiedNameAsString();
    I.At = Keys.location(Field->getLocation());
    I.Field = Keys.container(Field);
    // `std::unique_ptr<C> P = std::make_unique<C>();` is this instance.
    if (Field->hasInClassInitializer())
      if (const Expr *Allocation =
              allocationIn(Field->getInClassInitializer()))
        Stored.insert(Allocation);
    for (const CXXRecordDecl *Held : heldByTemplate(Class, SM)) {
      bloat_facts::Instance Element = I;
      Element.Class = Keys.record(Held);
      Out.push_back(std::move(Element));
    }
    Out.push_back(std::move(I));
    return true;
  }

  bool VisitCXXNewExpr(CXXNewExpr *New) {
    if (Stored.contains(New))
      return true;
    if (const CXXRecordDecl *Class = instanceClass(New->getAllocatedType(), SM))
      addHeap(*Class, New->getBeginLoc());
    return true;
  }

  // `std::make_unique<C>()`, `std::make_shared<C>()`.
  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || !Callee->getIdentifier() ||
        !Callee->getName().starts_with("make_") || Stored.contains(Call))
      return true;
    if (const TemplateArgumentList *Args =
            Callee->getTemplateSpecializationArgs())
      if (Args->size() > 0 && Args->get(0).getKind() == TemplateArgument::Type)
        if (const CXXRecordDecl *Class =
                instanceClass(Args->get(0).getAsType(), SM))
          addHeap(*Class, Call->getBeginLoc());
    return true;
  }

private:
  // The `new C` or `std::make_unique<C>()` that \p E is, through implicit
  // conversions and the smart pointer constructed from it.
  static const Expr *allocationIn(const Expr *E) {
    for (unsigned Depth = 0; E && Depth < 6; ++Depth) {
      E = E->IgnoreImplicit()->IgnoreParenImpCasts();
      if (isa<CXXNewExpr>(E))
        return E;
      // `std::unique_ptr<C>(new C)`.
      if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E)) {
        E = Cast->getSubExpr();
        continue;
      }
      // `P ? new C(P) : nullptr`: an allocation or nothing.
      if (const auto *Choice = dyn_cast<ConditionalOperator>(E)) {
        const Expr *Either = allocationIn(Choice->getTrueExpr());
        return Either ? Either : allocationIn(Choice->getFalseExpr());
      }
      if (const auto *Call = dyn_cast<CallExpr>(E)) {
        const FunctionDecl *Callee = Call->getDirectCallee();
        return Callee && Callee->getIdentifier() &&
                       Callee->getName().starts_with("make_")
                   ? E
                   : nullptr;
      }
      const auto *Construct = dyn_cast<CXXConstructExpr>(E);
      if (!Construct || Construct->getNumArgs() != 1)
        return nullptr;
      E = Construct->getArg(0);
    }
    return nullptr;
  }
  const CXXRecordDecl *allocatedClass(const Expr *Allocation) const {
    if (const auto *New = dyn_cast<CXXNewExpr>(Allocation))
      return instanceClass(New->getAllocatedType(), SM);
    const auto *Call = cast<CallExpr>(Allocation);
    if (const TemplateArgumentList *Args =
            Call->getDirectCallee()->getTemplateSpecializationArgs())
      if (Args->size() > 0 && Args->get(0).getKind() == TemplateArgument::Type)
        return instanceClass(Args->get(0).getAsType(), SM);
    return nullptr;
  }
  void storedIn(const Expr *Target, const Expr *Value) {
    const Expr *Allocation = allocationIn(Value);
    if (!Allocation)
      return;
    Target = Target->IgnoreParenImpCasts();
    if (const auto *Member = dyn_cast<MemberExpr>(Target))
      if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl()))
        storedInField(*Field, Value, Member);
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Target))
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
          Var && Var->isLocalVarDecl() && !Var->isStaticLocal() &&
          Var->getType()->isPointerType())
        localPointer(*Var, Allocation);
  }
  /// \p Store is the member expression assigned to, outside a
  /// constructor's initialiser list.
  void storedInField(const FieldDecl &Field, const Expr *Value,
                     const MemberExpr *Store = nullptr) {
    const Expr *Allocation = allocationIn(Value);
    const CXXRecordDecl *Class =
        Allocation ? allocatedClass(Allocation) : nullptr;
    if (!Class || !addMember(*Class, Field, Allocation->getBeginLoc(), Store))
      return;
    Stored.insert(Allocation);
  }
  bool addMember(const CXXRecordDecl &Class, const FieldDecl &Field,
                 SourceLocation At, const MemberExpr *Store) {
    const auto *Parent = dyn_cast<CXXRecordDecl>(Field.getParent());
    if (!Parent || Parent->isLambda())
      return false;
    bloat_facts::Instance I;
    I.Class = Keys.record(&Class);
    I.Kind = "member";
    I.In = Keys.record(Parent);
    I.InName = patternOf(Parent)->getQualifiedNameAsString();
    I.At = Keys.location(At);
    I.Field = Keys.container(&Field);
    if (Store && replacesOld(Field, *Store)) {
      I.ReplacedIn = Keys.function(Current);
      I.ReplacedInLoop = hasOpenEndedLoopAround(Store);
    }
    Out.push_back(std::move(I));
    return true;
  }

  const llvm::DenseMap<const Stmt *, const Stmt *> &parents() {
    if (!ParentsOf) {
      ParentsOf.emplace();
      if (Current)
        mapParents(Current->getBody(), nullptr, *ParentsOf);
    }
    return *ParentsOf;
  }

  bool hasOpenEndedLoopAround(const Stmt *S) {
    const auto &Parents = parents();
    for (const Stmt *P = Parents.lookup(S); P; P = Parents.lookup(P))
      if (isa<WhileStmt, DoStmt, ForStmt, CXXForRangeStmt>(P) &&
          isOpenEndedLoop(*P, Context))
        return true;
    return false;
  }

  // Whether storing into \p Field at \p Store (in Current, not a
  // constructor) replaces an instance the member held: its old value is
  // used before (deleted, handed on, called), or it is a smart pointer that
  // destroys the old one; a member first tested against null is filled
  // lazily, once.
  bool replacesOld(const FieldDecl &Field, const MemberExpr &Store) {
    if (!Current || isa<CXXConstructorDecl, CXXDestructorDecl>(Current))
      return false;
    const auto &Parents = parents();
    bool Used = false;
    for (auto [Node, Parent] : Parents) {
      const auto *Use = dyn_cast<MemberExpr>(Node);
      if (!Use || Use == &Store || Use->getMemberDecl() != &Field ||
          !SM.isBeforeInTranslationUnit(Use->getBeginLoc(),
                                        Store.getBeginLoc()))
        continue;
      if (isNullTest(Use, Parents))
        return false;
      if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(Parent);
          Assign && Assign->isAssignmentOp() &&
          Assign->getLHS()->IgnoreParenImpCasts() == Use)
        continue; // Another store.
      Used = true;
    }
    return Used || !Field.getType()->isPointerType();
  }

  // A `new` held in a local raw pointer \p Var of Current: stored in a
  // member (then it lives as that member's instances do), deleted in the
  // function (directly, by a callee that deletes that parameter, or by a
  // member function that deletes `this`: a local), or else of unknown
  // owner.
  void localPointer(const VarDecl &Var, const Expr *Allocation) {
    const CXXRecordDecl *Class = allocatedClass(Allocation);
    if (!Class || !Current)
      return;
    const auto &Parents = parents();
    bool Deleted = false, Escapes = false, Passed = false;
    llvm::SmallVector<const MemberExpr *, 2> Fields;
    for (auto [Node, Parent] : Parents) {
      const auto *Ref = dyn_cast<DeclRefExpr>(Node);
      if (!Ref || Ref->getDecl() != &Var || !Parent)
        continue;
      if (isa<CXXDeleteExpr>(Parent)) {
        Deleted = true;
      } else if (const auto *Member = dyn_cast<MemberExpr>(Parent)) {
        const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(
            Parents.lookup(Member));
        if (Call && definitionDeletes(Call->getMethodDecl(), -1))
          Deleted = true;
      } else if (const auto *Assign = dyn_cast<BinaryOperator>(Parent)) {
        if (!Assign->isAssignmentOp() ||
            Assign->getLHS()->IgnoreParenImpCasts() == Ref)
          continue;
        const auto *Target =
            dyn_cast<MemberExpr>(Assign->getLHS()->IgnoreParenImpCasts());
        if (Target && isa<FieldDecl>(Target->getMemberDecl()))
          Fields.push_back(Target);
        else
          Escapes = true;
      } else if (const auto *Call = dyn_cast<CallExpr>(Parent)) {
        if (Call->getCallee()->IgnoreParenImpCasts() == Ref)
          continue;
        int Index = -1;
        for (unsigned I = 0; I < Call->getNumArgs(); ++I)
          if (Call->getArg(I)->IgnoreParenImpCasts() == Ref)
            Index = static_cast<int>(I);
        if (const auto *Method = dyn_cast_or_null<CXXMethodDecl>(
                Call->getDirectCallee());
            Method && isa<CXXOperatorCallExpr>(Call) && Method->isInstance())
          --Index; // The object is argument 0 of a member operator.
        if (Index >= 0 && definitionDeletes(Call->getDirectCallee(), Index))
          Deleted = true;
        else
          Passed = true;
      } else if (isa<ReturnStmt, DeclStmt, InitListExpr, CXXConstructExpr,
                     LambdaExpr>(Parent) ||
                 (isa<UnaryOperator>(Parent) &&
                  cast<UnaryOperator>(Parent)->getOpcode() == UO_AddrOf)) {
        Escapes = true;
      }
    }
    if (!Deleted && Passed)
      Escapes = true;
    for (const MemberExpr *Target : Fields)
      addMember(*Class, *cast<FieldDecl>(Target->getMemberDecl()),
                Allocation->getBeginLoc(), Target);
    if (Escapes)
      return; // Also a heap instance of unknown owner.
    Stored.insert(Allocation);
    if (!Fields.empty() || !Deleted)
      return;
    bloat_facts::Instance I;
    I.Class = Keys.record(Class);
    I.Kind = "local";
    I.In = Keys.function(Current);
    I.InName = Current->getQualifiedNameAsString();
    I.Lasting = Current->isMain() ||
                hasOpenEndedLoopAfter(Current->getBody(),
                                      Allocation->getBeginLoc(), Context);
    I.At = Keys.location(Allocation->getBeginLoc());
    Out.push_back(std::move(I));
  }

  void addHeap(const CXXRecordDecl &Class, SourceLocation Loc) {
    bloat_facts::Instance I;
    I.Class = Keys.record(&Class);
    I.Kind = "heap";
    I.At = Keys.location(Loc);
    Out.push_back(std::move(I));
  }

  ASTContext &Context;
  const SourceManager &SM;
  KeyMaker &Keys;
  std::vector<bloat_facts::Instance> &Out;
  /// Allocations whose owner is known (a variable, a member).
  llvm::DenseSet<const Expr *> Stored;
  /// The function being walked, and its body's parents (made on demand).
  const FunctionDecl *Current = nullptr;
  std::optional<llvm::DenseMap<const Stmt *, const Stmt *>> ParentsOf;
};

// The functions behind `F`, `&F`, `&C::M`, through casts and `c ? f : g`.
void functionsIn(const Expr *E, llvm::SmallVectorImpl<const FunctionDecl *> &Out) {
  if (!E)
    return;
  E = E->IgnoreParenCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *F = dyn_cast<FunctionDecl>(Ref->getDecl()))
      Out.push_back(F->getCanonicalDecl());
    return;
  }
  if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
    if (Unary->getOpcode() == UO_AddrOf || Unary->getOpcode() == UO_Deref)
      functionsIn(Unary->getSubExpr(), Out);
    return;
  }
  if (const auto *Choice = dyn_cast<ConditionalOperator>(E)) {
    functionsIn(Choice->getTrueExpr(), Out);
    functionsIn(Choice->getFalseExpr(), Out);
  }
}

// Where the addresses of functions go, and the calls through pointers.
//
// An address passed to a call (a registration, `std::thread`, `signal`,
// a `std::function`), returned, or stored in a structure of a system header
// (a C library's table of callbacks) is handed to code that may call it any
// number of times. An address stored in the project's own data (a table of
// tools, a member, a global) is called only where the project calls through
// a pointer of its type: such a function repeats exactly when one of those
// calls does (whole-program mode links them by the pointer's type).
class PointerFlow : public RecursiveASTVisitor<PointerFlow> {
public:
  struct Stored {
    const FunctionDecl *Function;
    SourceLocation At;
  };
  struct IndirectCall {
    std::string Type;
    const FunctionDecl *Caller;
    const CallExpr *Call;
    bool OpenEndedLoop;
  };

  PointerFlow(ASTContext &Context, KeyMaker &Keys, RepeatingPaths &Paths)
      : Context(Context), SM(Context.getSourceManager()), Keys(Keys),
        Paths(Paths) {}

  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitLambdaBody() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    const auto *Function = dyn_cast_or_null<FunctionDecl>(D);
    if (!Function || !Function->doesThisDeclarationHaveABody())
      return RecursiveASTVisitor::TraverseDecl(D);
    return inFunction(Function, [&] {
      return RecursiveASTVisitor::TraverseDecl(D);
    });
  }
  bool TraverseLambdaExpr(LambdaExpr *Lambda) {
    return inFunction(Lambda->getCallOperator(), [&] {
      return RecursiveASTVisitor::TraverseLambdaExpr(Lambda);
    });
  }
#define BLOAT_LOOP(Kind)                                                       \
  bool Traverse##Kind(Kind *Loop) {                                            \
    Loops.insert(Loops.begin(), Loop);                                         \
    bool Result = RecursiveASTVisitor::Traverse##Kind(Loop);                   \
    Loops.erase(Loops.begin());                                                \
    return Result;                                                             \
  }
  BLOAT_LOOP(WhileStmt)
  BLOAT_LOOP(DoStmt)
  BLOAT_LOOP(ForStmt)
  BLOAT_LOOP(CXXForRangeStmt)
#undef BLOAT_LOOP

  bool VisitCallExpr(CallExpr *Call) {
    for (const Expr *Arg : Call->arguments())
      handed(Arg);
    // A lambda given to a call (not an assignment to a std::function): the
    // callee runs it while, or after, the function that gives it runs.
    const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Call);
    if (Current && !(Operator && Operator->isAssignmentOp()))
      for (const Expr *Arg : Call->arguments())
        if (const LambdaExpr *Lambda = lambdaIn(Arg))
          Given.push_back({Lambda->getCallOperator(), Current, Call,
                           Paths.openEndedLoopAmong(Loops, Context) != nullptr});
    if (Call->getDirectCallee() || !Current)
      return true;
    std::string Type = pointerTypeOfCallee(*Call);
    if (!Type.empty())
      Indirect.push_back({std::move(Type), Current, Call,
                          Paths.openEndedLoopAmong(Loops, Context) != nullptr});
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    for (const Expr *Arg : Construct->arguments())
      handed(Arg);
    return true;
  }
  // `delete p` runs the destructor of p's class: an edge, so that a removal
  // in a destructor (`~Container() { registry.erase(this); }`) runs as
  // often as the deletes do.
  bool VisitCXXDeleteExpr(CXXDeleteExpr *Delete) {
    const CXXRecordDecl *Class =
        Delete->getDestroyedType().isNull()
            ? nullptr
            : Delete->getDestroyedType()->getAsCXXRecordDecl();
    const CXXDestructorDecl *Destructor =
        Class && Class->hasDefinition() ? Class->getDestructor() : nullptr;
    if (Current && Destructor &&
        !SM.isInSystemHeader(SM.getExpansionLoc(Destructor->getLocation())))
      Deletes.push_back({Destructor, Current, Delete,
                         Paths.openEndedLoopAmong(Loops, Context) != nullptr});
    return true;
  }
  bool VisitReturnStmt(ReturnStmt *Return) {
    handed(Return->getRetValue());
    return true;
  }
  bool VisitVarDecl(VarDecl *Var) {
    if (Var->getInit() && !isa<ParmVarDecl>(Var))
      stored(Var->getInit(), Var->getType());
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *Assign) {
    if (Assign->getOpcode() != BO_Assign)
      return true;
    const Expr *Target = Assign->getLHS()->IgnoreParenImpCasts();
    QualType Holder = Target->getType();
    if (const auto *Member = dyn_cast<MemberExpr>(Target))
      if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl()))
        Holder = Context.getRecordType(Field->getParent());
    stored(Assign->getRHS(), Holder);
    return true;
  }
  bool VisitCXXConstructorDecl(CXXConstructorDecl *Constructor) {
    for (const CXXCtorInitializer *Init : Constructor->inits())
      if (Init->getMember())
        stored(Init->getInit(), Context.getRecordType(Constructor->getParent()));
    return true;
  }

  /// The pointer type a function's address has, as a key that a call
  /// through such a pointer computes alike.
  std::string typeKey(const FunctionDecl &F) {
    std::string Key = "ptr:";
    if (const auto *Method = dyn_cast<CXXMethodDecl>(&F);
        Method && Method->isInstance())
      Key += Keys.record(Method->getParent()) + "::*";
    return Key + F.getType().getCanonicalType().getAsString(
                     Context.getPrintingPolicy());
  }

  /// Functions whose address is stored in the project's data only, with
  /// the places it is stored.
  std::vector<Stored> onlyStored() const {
    std::vector<Stored> Result;
    for (const Stored &S : StoredSites)
      if (!Handed.contains(S.Function))
        Result.push_back(S);
    return Result;
  }
  bool isHanded(const FunctionDecl *F) const {
    return Handed.contains(F->getCanonicalDecl());
  }
  bool isStored(const FunctionDecl *F) const {
    return llvm::any_of(StoredSites, [&](const Stored &S) {
      return S.Function == F->getCanonicalDecl();
    });
  }
  const std::vector<IndirectCall> &indirectCalls() const { return Indirect; }

  /// A lambda given as an argument to a call, with the function giving it.
  struct GivenLambda {
    const FunctionDecl *CallOperator;
    const FunctionDecl *Giver;
    const CallExpr *Call;
    bool OpenEndedLoop;
  };
  const std::vector<GivenLambda> &givenLambdas() const { return Given; }
  struct DeleteSite {
    const FunctionDecl *Destructor;
    const FunctionDecl *Caller;
    const CXXDeleteExpr *Delete;
    bool OpenEndedLoop;
  };
  const std::vector<DeleteSite> &deletes() const { return Deletes; }
  bool isGiven(const FunctionDecl *CallOperator) const {
    return llvm::any_of(Given, [&](const GivenLambda &G) {
      return G.CallOperator->getCanonicalDecl() == CallOperator;
    });
  }

private:
  template <typename Walk> bool inFunction(const FunctionDecl *F, Walk W) {
    const FunctionDecl *Outer = Current;
    std::vector<const Stmt *> OuterLoops;
    std::swap(OuterLoops, Loops);
    Current = F;
    bool Result = W();
    Current = Outer;
    std::swap(OuterLoops, Loops);
    return Result;
  }

  // The lambda \p E is, through temporaries and the conversion to a
  // std::function.
  static const LambdaExpr *lambdaIn(const Expr *E) {
    for (unsigned Depth = 0; E && Depth < 6; ++Depth) {
      E = E->IgnoreImplicit()->IgnoreParenImpCasts();
      if (const auto *Lambda = dyn_cast<LambdaExpr>(E))
        return Lambda;
      const auto *Construct = dyn_cast<CXXConstructExpr>(E);
      if (!Construct || Construct->getNumArgs() != 1)
        return nullptr;
      E = Construct->getArg(0);
    }
    return nullptr;
  }

  void handed(const Expr *E) {
    llvm::SmallVector<const FunctionDecl *, 2> Functions;
    functionsIn(E, Functions);
    for (const FunctionDecl *F : Functions)
      Handed.insert(F);
  }

  // \p Holder is the type of what keeps the value: a variable, a record
  // whose field it initialises or is assigned to.
  void stored(const Expr *E, QualType Holder) {
    if (!E)
      return;
    E = E->IgnoreParenImpCasts();
    if (const auto *List = dyn_cast<InitListExpr>(E)) {
      QualType Inner = List->getType();
      for (const Expr *Init : List->inits())
        stored(Init, Inner->isRecordType() ? Inner : Holder);
      return;
    }
    llvm::SmallVector<const FunctionDecl *, 2> Functions;
    functionsIn(E, Functions);
    if (Functions.empty())
      return;
    QualType Element = Holder.getCanonicalType();
    while (const ArrayType *Array = Element->getAsArrayTypeUnsafe())
      Element = Array->getElementType().getCanonicalType();
    const CXXRecordDecl *Record = Element->getAsCXXRecordDecl();
    bool Unseen = Record && SM.isInSystemHeader(Record->getLocation());
    for (const FunctionDecl *F : Functions) {
      if (Unseen)
        Handed.insert(F);
      else
        StoredSites.push_back({F, E->getBeginLoc()});
    }
  }

  std::string pointerTypeOfCallee(const CallExpr &Call) {
    const Expr *Callee = Call.getCallee()->IgnoreParenImpCasts();
    if (const auto *Binary = dyn_cast<BinaryOperator>(Callee);
        Binary && Binary->isPtrMemOp()) {
      const auto *Pointer =
          Binary->getRHS()->getType()->getAs<MemberPointerType>();
      const CXXRecordDecl *Class =
          Pointer ? Pointer->getMostRecentCXXRecordDecl() : nullptr;
      if (!Class)
        return "";
      return "ptr:" + Keys.record(Class) + "::*" +
             Pointer->getPointeeType().getCanonicalType().getAsString(
                 Context.getPrintingPolicy());
    }
    QualType Type = Call.getCallee()->getType();
    if (const auto *Pointer = Type->getAs<PointerType>())
      Type = Pointer->getPointeeType();
    if (const auto *Reference = Type->getAs<ReferenceType>())
      Type = Reference->getPointeeType();
    if (!Type->isFunctionProtoType())
      return "";
    return "ptr:" +
           Type.getCanonicalType().getAsString(Context.getPrintingPolicy());
  }

  ASTContext &Context;
  const SourceManager &SM;
  KeyMaker &Keys;
  RepeatingPaths &Paths;
  const FunctionDecl *Current = nullptr;
  std::vector<const Stmt *> Loops; ///< Innermost first.
  llvm::DenseSet<const FunctionDecl *> Handed;
  std::vector<Stored> StoredSites;
  std::vector<IndirectCall> Indirect;
  std::vector<GivenLambda> Given;
  std::vector<DeleteSite> Deletes;
};

// Whose object a growth of a member, or a member function call, acts on
// (bloat_facts::Site::Receiver): "fresh" for an object the function made
// itself (an automatic local, or a local pointer initialised with `new`)
// when no loop without a fixed trip count lies between its declaration and
// the use (each time round such a loop it would be the same object); "this"
// for the object the member function runs on; "" for anything else. A
// member grown only on fresh objects grows a bounded amount per object: a
// builder (`auto *T = new Talk; T->addWord(W);`), a value filled and then
// copied (`Block B; B.types.push_back(T); spawns[Id] = B;`).
class ReceiverKinds {
public:
  explicit ReceiverKinds(ASTContext &Context) : Context(Context) {}

  /// \p Use, in \p Function, acts on the object \p Object is or is part of.
  std::string of(const Expr *Object, const FunctionDecl *Function,
                 const Stmt *Use) {
    for (unsigned Depth = 0; Object && Depth < 8; ++Depth) {
      Object = Object->IgnoreParenImpCasts();
      if (isa<CXXThisExpr>(Object))
        return "this";
      if (const auto *Member = dyn_cast<MemberExpr>(Object)) {
        if (!isa<FieldDecl>(Member->getMemberDecl()))
          return "";
        const Expr *Base = Member->getBase()->IgnoreParenImpCasts();
        // A part of the base object, or of the object it points to.
        Object = Base;
        continue;
      }
      // An object, or a pointer to the object (`P->add()`, `P->Items`).
      const auto *Ref = dyn_cast<DeclRefExpr>(Object);
      const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
      if (!Var || Var->getType()->isReferenceType() ||
          (Var->getType()->isPointerType() && !isNew(Var->getInit())))
        return "";
      return fresh(*Var, Function, Use) ? "fresh" : "";
    }
    return "";
  }

  /// The object a growth of \p Field at \p Growth acts on.
  std::string ofGrowth(const Expr *Growth, const ValueDecl *Field,
                       const FunctionDecl *Function) {
    if (!isa_and_nonnull<FieldDecl>(Field))
      return "";
    const MemberExpr *Member = memberIn(Growth, Field, 0);
    return Member ? of(Member, Function, Growth) : "";
  }

  /// The object a member function call is made on.
  std::string ofCall(const CallExpr *Call, const FunctionDecl *Caller) {
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      return of(Member->getImplicitObjectArgument(), Caller, Call);
    if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Call))
      if (const auto *Method =
              dyn_cast_or_null<CXXMethodDecl>(Operator->getDirectCallee());
          Method && Method->isInstance() && Operator->getNumArgs() > 0)
        return of(Operator->getArg(0), Caller, Call);
    return "";
  }

  /// Whether \p Call, in \p Caller, runs only the first time through a
  /// guard that tests and sets a lasting flag in one step:
  /// `if (started_.exchange(true) == false)`, `if (!Flag.test_and_set())`,
  /// `if (Started.getAndSet(1) == 0)`, `if (F.compare_exchange_strong(E, 1))`
  /// on a member or a global. The per-TU walk knows a flag checked and then
  /// set; this is its atomic form, which a TU cannot tell from a read.
  bool underFirstTimeGuard(const CallExpr *Call, const FunctionDecl *Caller) {
    const llvm::DenseMap<const Stmt *, const Stmt *> *Parents =
        parentsOf(Caller);
    if (!Parents)
      return false;
    const Stmt *Child = Call;
    for (const Stmt *P = Parents->lookup(Call); P;
         Child = P, P = Parents->lookup(P))
      if (const auto *If = dyn_cast<IfStmt>(P);
          If && If->getThen() == Child && isFirstTimeTest(If->getCond()))
        return true;
    return false;
  }

private:
  const llvm::DenseMap<const Stmt *, const Stmt *> *
  parentsOf(const FunctionDecl *Function) {
    const FunctionDecl *Definition = nullptr;
    if (!Function || !Function->isDefined(Definition) || !Definition->getBody())
      return nullptr;
    auto [It, Inserted] = ParentsOf.try_emplace(Definition);
    if (Inserted)
      mapParents(Definition->getBody(), nullptr, It->second);
    return &It->second;
  }

  // `F.exchange(true) == false`, `!F.test_and_set()`, `F.getAndSet(1) == 0`,
  // `F.compare_exchange_strong(E, true)`, on a lasting flag.
  static bool isFirstTimeTest(const Expr *Cond) {
    if (!Cond)
      return false;
    Cond = Cond->IgnoreParenImpCasts();
    if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
        Not && Not->getOpcode() == UO_LNot)
      return isSwap(Not->getSubExpr(), /*Exchange=*/true);
    if (const auto *Equal = dyn_cast<BinaryOperator>(Cond);
        Equal && Equal->getOpcode() == BO_EQ)
      return (isSwap(Equal->getLHS(), true) && isZero(Equal->getRHS())) ||
             (isSwap(Equal->getRHS(), true) && isZero(Equal->getLHS()));
    return isSwap(Cond, /*Exchange=*/false);
  }
  static bool isZero(const Expr *E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Bool = dyn_cast<CXXBoolLiteralExpr>(E))
      return !Bool->getValue();
    if (const auto *Int = dyn_cast<IntegerLiteral>(E))
      return Int->getValue().isZero();
    return false;
  }
  // A call that sets a member or global flag and returns its old value
  // (\p Exchange) or whether it was the one to set it.
  static bool isSwap(const Expr *E, bool Exchange) {
    const auto *Call = dyn_cast<CXXMemberCallExpr>(E->IgnoreParenImpCasts());
    const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
    if (!Method || !Method->getIdentifier())
      return false;
    llvm::StringRef Name = Method->getName();
    bool Named = Exchange ? (Name == "exchange" || Name == "test_and_set" ||
                             Name == "getAndSet" || Name == "fetch_or" ||
                             Name == "fetch_add")
                          : Name.starts_with("compare_exchange");
    if (!Named)
      return false;
    const Expr *Object =
        Call->getImplicitObjectArgument()->IgnoreParenImpCasts();
    if (const auto *Member = dyn_cast<MemberExpr>(Object))
      return isa<FieldDecl>(Member->getMemberDecl());
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Object))
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
        return Var->hasGlobalStorage();
    return false;
  }

  static bool isNew(const Expr *Init) {
    return Init &&
           isa<CXXNewExpr>(Init->IgnoreImplicit()->IgnoreParenImpCasts());
  }

  static const MemberExpr *memberIn(const Stmt *S, const ValueDecl *Field,
                                    unsigned Depth) {
    if (!S || Depth > 6 || isa<LambdaExpr>(S))
      return nullptr;
    if (const auto *Member = dyn_cast<MemberExpr>(S);
        Member && Member->getMemberDecl() == Field)
      return Member;
    for (const Stmt *Child : S->children())
      if (const MemberExpr *Found = memberIn(Child, Field, Depth + 1))
        return Found;
    return nullptr;
  }

  // A non-static automatic local of \p Function itself (not one a lambda
  // captured from its enclosing function), declared inside every loop
  // without a fixed trip count around \p Use.
  bool fresh(const VarDecl &Var, const FunctionDecl *Function,
             const Stmt *Use) {
    if (!Function || !Var.isLocalVarDecl() || Var.isStaticLocal() ||
        Var.getTSCSpec() != TSCS_unspecified)
      return false;
    const auto *Owner =
        dyn_cast_or_null<FunctionDecl>(Var.getParentFunctionOrMethod());
    if (!Owner || Owner->getCanonicalDecl() != Function->getCanonicalDecl())
      return false;
    const llvm::DenseMap<const Stmt *, const Stmt *> *Parents =
        parentsOf(Function);
    if (!Parents)
      return false;
    const SourceManager &SM = Context.getSourceManager();
    for (const Stmt *P = Parents->lookup(Use); P; P = Parents->lookup(P))
      if (isa<WhileStmt, DoStmt, ForStmt, CXXForRangeStmt>(P) &&
          isOpenEndedLoop(*P, Context) &&
          !(SM.isBeforeInTranslationUnit(P->getBeginLoc(), Var.getLocation()) &&
            SM.isBeforeInTranslationUnit(Var.getLocation(), P->getEndLoc())))
        return false;
    return true;
  }

  ASTContext &Context;
  llvm::DenseMap<const FunctionDecl *,
                 llvm::DenseMap<const Stmt *, const Stmt *>>
      ParentsOf;
};

// Pairs (virtual destructor of a base, destructor of a class derived from
// it) among the classes the TU defines, outside system headers.
class DerivedDestructors : public RecursiveASTVisitor<DerivedDestructors> {
public:
  explicit DerivedDestructors(const SourceManager &SM) : SM(SM) {}

  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitCXXRecordDecl(CXXRecordDecl *Record) {
    if (!Record->isThisDeclarationADefinition() || Record->isDependentContext())
      return true;
    const CXXDestructorDecl *Destructor = Record->getDestructor();
    if (!Destructor)
      return true;
    for (const CXXBaseSpecifier &Base : Record->bases()) {
      const CXXRecordDecl *BaseClass = Base.getType()->getAsCXXRecordDecl();
      if (!BaseClass || !BaseClass->hasDefinition())
        continue;
      const CXXDestructorDecl *BaseDestructor = BaseClass->getDestructor();
      if (BaseDestructor && BaseDestructor->isVirtual() &&
          !SM.isInSystemHeader(
              SM.getExpansionLoc(BaseDestructor->getLocation())))
        Edges.push_back({BaseDestructor, Destructor});
    }
    return true;
  }

  const std::vector<std::pair<const FunctionDecl *, const FunctionDecl *>> &
  edges() const {
    return Edges;
  }

private:
  const SourceManager &SM;
  std::vector<std::pair<const FunctionDecl *, const FunctionDecl *>> Edges;
};

} // namespace

bloat_facts::Facts ContainerFacts::exportFacts(const Suppressions &Silenced) {
  bloat_facts::Facts Out;
  if (!Context)
    return Out;
  const SourceManager &SM = Context->getSourceManager();
  KeyMaker Keys(*Context);
  if (OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID()))
    Out.Units.push_back(Keys.absolute(Main->getName()));
  // Every file the TU entered that is not a system header (files a
  // precompiled preamble brought in are not listed: clangd has no use for
  // them).
  for (unsigned I = 0, N = SM.local_sloc_entry_size(); I < N; ++I) {
    const SrcMgr::SLocEntry &Entry = SM.getLocalSLocEntry(I);
    if (!Entry.isFile() ||
        SrcMgr::isSystem(Entry.getFile().getFileCharacteristic()))
      continue;
    if (OptionalFileEntryRef File =
            Entry.getFile().getContentCache().OrigEntry)
      Out.Inputs.push_back(Keys.absolute(File->getName()));
  }

  llvm::DenseMap<const FunctionDecl *, bloat_facts::Function> Functions;
  ReceiverKinds Receivers(*Context);
  auto NoteFunction = [&](const FunctionDecl *F) -> std::string {
    if (!F)
      return "";
    F = F->getCanonicalDecl();
    auto [It, Inserted] = Functions.try_emplace(F);
    if (Inserted) {
      bloat_facts::Function &Entry = It->second;
      Entry.Key = Keys.function(F);
      Entry.Name = F->getQualifiedNameAsString();
      const FunctionDecl *Definition = nullptr;
      Entry.Defined = F->isDefined(Definition) &&
                      !SM.isInSystemHeader(Definition->getLocation());
      Entry.Declared = Keys.location((Definition ? Definition : F)->getLocation());
      Entry.External = RepeatingPaths::isExternallyCallable(*F) &&
                       !SM.isInSystemHeader(F->getLocation());
      Entry.Main = F->isMain();
      // A script binding runs while scripts load, as set-up does.
      Entry.SetUp = looksLikeSetUp(*F) || Paths.isScriptBinding(F);
      if (const auto *Method = dyn_cast<CXXMethodDecl>(F))
        Entry.Virtual = Method->isVirtual();
    }
    return It->second.Key;
  };

  for (auto &Entry : Records) {
    Record &R = Entry.second;
    if (SM.isInSystemHeader(R.Decl->getLocation()))
      continue;
    // A parameter: what its function does to what it is given.
    if (const auto *Param = dyn_cast<ParmVarDecl>(R.Decl)) {
      const auto *Function =
          dyn_cast_or_null<FunctionDecl>(Param->getDeclContext());
      if (!Function)
        continue;
      NoteFunction(Function);
      bloat_facts::Function &F = Functions[Function->getCanonicalDecl()];
      unsigned Index = Param->getFunctionScopeIndex();
      if (F.Params.size() <= Index)
        F.Params.resize(Index + 1);
      F.Params[Index] = !R.Shrinks.empty()        ? "shrinks"
                        : R.EscapesToUnseenCode   ? "unknown"
                        : R.ParameterGrown        ? "grows"
                                                  : "reads";
      continue;
    }
    if (!R.TheOwner || R.AlwaysBounded)
      continue;
    bloat_facts::Container C;
    C.Key = Keys.container(R.Decl);
    C.Name = R.Decl->getNameAsString();
    C.Qualified = R.Decl->getQualifiedNameAsString();
    C.Declared = Keys.location(R.Decl->getLocation());
    C.Owner = ownerKindName(R.TheOwner->Kind);
    if (R.TheOwner->Scope)
      C.OwnerScope = R.TheOwner->Scope->getNameAsString();
    if (const auto *Field = dyn_cast<FieldDecl>(R.Decl))
      if (const auto *Parent = dyn_cast<CXXRecordDecl>(Field->getParent()))
        C.OwnerClass = Keys.record(Parent);
    if (Silenced.ForContainer)
      C.Suppressed = Silenced.ForContainer(*R.Decl);
    C.Associative = R.Type.isAssociative();
    C.FiniteKeys = hasFiniteKeys(R);
    C.Callbacks = holdsCallables(R.Decl->getType());
    if (R.TheOwner->Kind == OwnerKind::Local) {
      // Only its own TU sees a local: its verdict travels as it is.
      C.LocalUnbounded = isJudgedUnbounded(R);
      if (!C.LocalUnbounded)
        continue;
    }
    siteFacts(
        R,
        [&](bloat_facts::Site S, const GrowthSite &G) {
          S.Container = C.Key;
          S.Function = NoteFunction(G.Context.Function);
          S.At = Keys.location(G.Loc);
          if (Silenced.ForSite)
            S.Suppressed = Silenced.ForSite(G.Loc);
          S.Receiver = Receivers.ofGrowth(dyn_cast_or_null<Expr>(G.Call),
                                          R.Decl, G.Context.Function);
          Out.Growths.push_back(std::move(S));
        },
        [&](bloat_facts::Site S, const ShrinkSite &Site) {
          S.Container = C.Key;
          S.Function = NoteFunction(Site.Function);
          S.At = Keys.location(Site.Loc);
          Out.Shrinks.push_back(std::move(S));
        });
    for (const Record::PassSite &Pass : R.Passes) {
      // Library functions were taken as shrinks where they are called.
      if (SM.isInSystemHeader(Pass.Callee->getLocation()))
        continue;
      bloat_facts::Pass P;
      P.Container = C.Key;
      P.Callee = NoteFunction(Pass.Callee);
      P.Param = Pass.Index;
      P.Function = NoteFunction(Pass.Caller);
      P.At = Keys.location(Pass.Loc);
      P.OpenEndedLoop = Pass.InOpenEndedLoop;
      Out.Passes.push_back(std::move(P));
    }
    for (const FunctionDecl *Accessor : R.ReturnedBy)
      Out.Escapes.push_back({C.Key, NoteFunction(Accessor)});
    if (R.Opaque)
      Out.Escapes.push_back({C.Key, ""});
    // Only a container that grows somewhere can be reported; its shrinks
    // and passes above count wherever it grows.
    if (!R.Growths.empty() || !R.ElementGrowths.empty())
      Out.Containers.push_back(std::move(C));
  }

  for (const AccessorCall &Call : AccessorCalls) {
    bloat_facts::AccessorUse U;
    U.Accessor = NoteFunction(Call.Accessor);
    U.Effect = Call.Unknown ? "unknown" : effectName(Call.Effect);
    U.Function = NoteFunction(Call.Caller);
    U.At = Keys.location(Call.Loc);
    U.OpenEndedLoop = Call.InOpenEndedLoop;
    Out.AccessorUses.push_back(std::move(U));
  }

  for (const RepeatingPaths::CallSiteView &Site : Paths.callSites()) {
    if (SM.isInSystemHeader(Site.Callee->getLocation()))
      continue;
    bloat_facts::Call C;
    C.Caller = NoteFunction(Site.Caller);
    C.Callee = NoteFunction(Site.Callee);
    C.At = Keys.location(Site.Call->getBeginLoc());
    C.OpenEndedLoop = Site.InLoop;
    C.Once =
        Site.RunsOnce || Receivers.underFirstTimeGuard(Site.Call, Site.Caller);
    C.Receiver = Receivers.ofCall(Site.Call, Site.Caller);
    Out.Calls.push_back(std::move(C));
  }
  // A program's `main`, even one that calls nothing the facts record:
  // whole-program mode tells a program from a library by it.
  for (const Decl *Top : Context->getTranslationUnitDecl()->decls())
    if (const auto *Main = dyn_cast<FunctionDecl>(Top);
        Main && Main->isMain() && Main->doesThisDeclarationHaveABody())
      NoteFunction(Main);

  PointerFlow Pointers(*Context, Keys, Paths);
  for (Decl *Top : Context->getTraversalScope())
    Pointers.TraverseDecl(Top);
  // An address kept only in the project's data: the function is "called"
  // by every call through a pointer of its type (an edge from the pointer
  // type), and repeats when one of those calls does.
  auto AddEdge = [&](std::string Caller, std::string Callee,
                     SourceLocation At, bool OpenEndedLoop) {
    bloat_facts::Call C;
    C.Caller = std::move(Caller);
    C.Callee = std::move(Callee);
    C.At = Keys.location(At);
    C.OpenEndedLoop = OpenEndedLoop;
    Out.Calls.push_back(std::move(C));
  };
  for (const PointerFlow::Stored &S : Pointers.onlyStored())
    AddEdge(Pointers.typeKey(*S.Function), NoteFunction(S.Function), S.At,
            /*OpenEndedLoop=*/false);
  for (const PointerFlow::IndirectCall &Call : Pointers.indirectCalls())
    AddEdge(NoteFunction(Call.Caller), Call.Type, Call.Call->getBeginLoc(),
            Call.OpenEndedLoop);
  // A lambda given to a call is run by the callee (an algorithm, a task
  // queue, an asynchronous operation) as often as the call is made: an edge
  // from the function that gives it. Stored by an assignment or an
  // initialiser instead, it stays a root that may run any number of times.
  for (const PointerFlow::GivenLambda &G : Pointers.givenLambdas())
    AddEdge(NoteFunction(G.Giver), NoteFunction(G.CallOperator),
            G.Call->getBeginLoc(), G.OpenEndedLoop);
  // `delete p` runs p's destructor: an edge from the deleting function.
  for (const PointerFlow::DeleteSite &D : Pointers.deletes())
    AddEdge(NoteFunction(D.Caller), NoteFunction(D.Destructor),
            D.Delete->getBeginLoc(), D.OpenEndedLoop);
  // `delete P` of a base with a virtual destructor runs the destructor of
  // the class P points to: an edge from each base's destructor to the
  // derived class's, so a class deleted through its base (a reference
  // count's `delete this` in the base) is deleted as often as the base is.
  DerivedDestructors Derived(Context->getSourceManager());
  for (Decl *Top : Context->getTraversalScope())
    Derived.TraverseDecl(Top);
  for (auto [Base, Destructor] : Derived.edges())
    AddEdge(NoteFunction(Base), NoteFunction(Destructor),
            Destructor->getCanonicalDecl()->getLocation(),
            /*OpenEndedLoop=*/false);
  for (auto [Function, Cause] : Paths.directCauses()) {
    if (Cause.Kind == RepeatCause::AddressTaken &&
        !Pointers.isHanded(Function) && Pointers.isStored(Function))
      continue; // Linked by its pointer type above.
    if (Cause.Kind == RepeatCause::StoredCallback &&
        Pointers.isGiven(Function->getCanonicalDecl()))
      continue; // Linked to the function that gives it above.
    bloat_facts::Root Root;
    Root.Function = NoteFunction(Function);
    Root.Kind =
        Cause.Kind == RepeatCause::StoredCallback ? "callback" : "address";
    Root.At = Keys.location(Cause.Site);
    Out.Roots.push_back(std::move(Root));
  }
  // A script binding registered here but defined in another TU: its entry
  // says set-up, which the merge keeps. Its address given to the
  // interpreter is a root only for what bounds a container.
  for (const FunctionDecl *Binding : Paths.scriptBindings())
    NoteFunction(Binding);
  for (auto [Function, Cause] : Paths.bindingCauses()) {
    bloat_facts::Root Root;
    Root.Function = NoteFunction(Function);
    Root.Kind = "binding";
    Root.At = Keys.location(Cause.Site);
    Out.Roots.push_back(std::move(Root));
  }

  InstanceCollector Instances(*Context, Keys, Out.Instances);
  for (Decl *Top : Context->getTraversalScope())
    Instances.TraverseDecl(Top);

  for (auto &Entry : Functions)
    Out.Functions.push_back(std::move(Entry.second));
  Out.normalize();
  return Out;
}

} // namespace clang::tidy::bloat
