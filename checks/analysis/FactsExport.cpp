//===--- FactsExport.cpp - the TU's facts for whole-program mode ----------===//
//
// Turns what ContainerFacts collected while walking the TU into pure data
// (facts/Facts.h): containers, growth and shrink sites, passes, accessor
// calls, functions, calls, roots and the instances of every class, each
// named by a key that another TU computes alike.
//
//===----------------------------------------------------------------------===//

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

const char *ownerName(OwnerKind Kind) {
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
  for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
    if (Arg.getKind() == TemplateArgument::Type)
      if (const CXXRecordDecl *Held = instanceClass(Arg.getAsType(), SM))
        return Held;
  return nullptr;
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
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitVarDecl(VarDecl *Var) {
    if (isa<ParmVarDecl>(Var) || Var->getType()->isReferenceType())
      return true;
    // A raw pointer may be handed on or returned: its `new` stays a heap
    // instance of unknown owner. A smart pointer owns what it is given.
    if (Var->getType()->isPointerType())
      return true;
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
    Out.push_back(std::move(I));
    return true;
  }

  // `Rep_ = new Rep`, `Rep_(new Rep)`: stored in a member, the instance
  // lives as long as the object holding it.
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
        storedInField(*Field, Value);
  }
  void storedInField(const FieldDecl &Field, const Expr *Value) {
    const Expr *Allocation = allocationIn(Value);
    const auto *Parent = dyn_cast<CXXRecordDecl>(Field.getParent());
    const CXXRecordDecl *Class =
        Allocation ? allocatedClass(Allocation) : nullptr;
    if (!Class || !Parent || Parent->isLambda())
      return;
    Stored.insert(Allocation);
    bloat_facts::Instance I;
    I.Class = Keys.record(Class);
    I.Kind = "member";
    I.In = Keys.record(Parent);
    I.InName = patternOf(Parent)->getQualifiedNameAsString();
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
      Entry.SetUp = looksLikeSetUp(*F);
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
    C.Owner = ownerName(R.TheOwner->Kind);
    if (R.TheOwner->Scope)
      C.OwnerScope = R.TheOwner->Scope->getNameAsString();
    if (const auto *Field = dyn_cast<FieldDecl>(R.Decl))
      if (const auto *Parent = dyn_cast<CXXRecordDecl>(Field->getParent()))
        C.OwnerClass = Keys.record(Parent);
    if (Silenced.ForContainer)
      C.Suppressed = Silenced.ForContainer(*R.Decl);
    C.Associative = R.Type.isAssociative();
    C.FiniteKeys = R.Type.KeyedByFiniteDomain;
    if (R.TheOwner->Kind == OwnerKind::Local) {
      // Only its own TU sees a local: its verdict travels as it is.
      C.LocalUnbounded =
          !isBounded(R) && llvm::any_of(R.Growths, [&](const GrowthSite &G) {
            return whyRepeats(R, G).has_value();
          });
      if (!C.LocalUnbounded)
        continue;
    }
    auto Growth = [&](const GrowthSite &G, bool Element) {
      bloat_facts::Site S;
      S.Container = C.Key;
      S.Function = NoteFunction(G.Context.Function);
      S.At = Keys.location(G.Loc);
      S.OpenEndedLoop = G.OpenEndedLoop != nullptr;
      S.Once = runsOnce(R, G);
      S.Element = Element;
      S.CacheMiss = !Element && cacheLookupFor(R, G) != nullptr;
      if (Silenced.ForSite)
        S.Suppressed = Silenced.ForSite(G.Loc);
      Out.Growths.push_back(std::move(S));
    };
    for (const GrowthSite &G : R.Growths)
      // A subscript only read after a lookup adds nothing (as per TU).
      if (!isReadAfterLookup(R, G))
        Growth(G, false);
    for (const GrowthSite &G : R.ElementGrowths)
      Growth(G, true);
    auto Shrink = [&](const ShrinkSite &Site, bool Element) {
      bloat_facts::Site S;
      S.Container = C.Key;
      S.Function = NoteFunction(Site.Function);
      S.At = Keys.location(Site.Loc);
      S.OpenEndedLoop = Site.InOpenEndedLoop;
      S.Whole = Site.Whole;
      S.Element = Element;
      S.GivenBack = !Element && isGivenBack(R, Site);
      Out.Shrinks.push_back(std::move(S));
    };
    for (const ShrinkSite &Site : R.Shrinks)
      Shrink(Site, false);
    for (const ShrinkSite &Site : R.ElementShrinks)
      Shrink(Site, true);
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
    C.Once = Site.RunsOnce;
    Out.Calls.push_back(std::move(C));
  }
  for (auto [Function, Cause] : Paths.directCauses()) {
    bloat_facts::Root Root;
    Root.Function = NoteFunction(Function);
    Root.Kind =
        Cause.Kind == RepeatCause::StoredCallback ? "callback" : "address";
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
