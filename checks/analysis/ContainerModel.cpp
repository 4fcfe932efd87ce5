//===--- ContainerModel.cpp - what a container is and what changes it -----===//

#include "analysis/ContainerModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::bloat {

namespace {

constexpr llvm::StringLiteral DefaultGrowMethods[] = {
    "push_back",   "emplace_back",  "push_front",       "emplace_front",
    "push",        "emplace",       "insert",           "emplace_hint",
    "try_emplace", "insert_or_assign", "append",        "insert_after",
    "emplace_after", "append_range", "prepend_range",   "insert_range"};

constexpr llvm::StringLiteral DefaultShrinkMethods[] = {
    "erase", "erase_after", "clear",   "pop_back", "pop_front",
    "pop",   "resize",      "swap",    "extract",  "assign",
    // std::list and std::forward_list remove elements by value.
    "remove", "remove_if",  "unique"};

// Associative lookups, which precede the insertion in a memo cache.
constexpr llvm::StringLiteral LookupMethods[] = {
    "find", "count", "contains", "at", "lower_bound", "upper_bound",
    "equal_range"};

// The member operators the model reasons about, by the name used for them.
llvm::StringRef operatorName(OverloadedOperatorKind Op) {
  switch (Op) {
  case OO_Subscript:
    return "operator[]";
  case OO_PlusEqual:
    return "operator+=";
  case OO_Equal:
    return "operator=";
  default:
    return "";
  }
}

llvm::StringRef methodNameOf(const FunctionDecl &F) {
  if (F.getDeclName().isIdentifier())
    return F.getName();
  return operatorName(F.getOverloadedOperator());
}

std::optional<ContainerFamily> stdFamily(llvm::StringRef Name) {
  static constexpr std::pair<llvm::StringLiteral, ContainerFamily> Families[] =
      {{"vector", ContainerFamily::Sequence},
       {"deque", ContainerFamily::Sequence},
       {"list", ContainerFamily::Sequence},
       {"forward_list", ContainerFamily::Sequence},
       {"basic_string", ContainerFamily::String},
       {"map", ContainerFamily::UniqueAssoc},
       {"set", ContainerFamily::UniqueAssoc},
       {"unordered_map", ContainerFamily::UniqueAssoc},
       {"unordered_set", ContainerFamily::UniqueAssoc},
       {"multimap", ContainerFamily::MultiAssoc},
       {"multiset", ContainerFamily::MultiAssoc},
       {"unordered_multimap", ContainerFamily::MultiAssoc},
       {"unordered_multiset", ContainerFamily::MultiAssoc},
       {"queue", ContainerFamily::Adaptor},
       {"stack", ContainerFamily::Adaptor},
       {"priority_queue", ContainerFamily::Adaptor}};
  for (const auto &[FamilyName, Family] : Families)
    if (Name == FamilyName)
      return Family;
  return std::nullopt;
}

// Whether \p Record declares or inherits a member named \p Name.
bool hasMemberNamed(const CXXRecordDecl *Record, llvm::StringRef Name,
                    unsigned Depth = 0) {
  if (!Record || !Record->hasDefinition() || Depth > 8)
    return false;
  Record = Record->getDefinition();
  IdentifierInfo &II = Record->getASTContext().Idents.get(Name);
  if (!Record->lookup(&II).empty())
    return true;
  return llvm::any_of(Record->bases(), [&](const CXXBaseSpecifier &Base) {
    return hasMemberNamed(Base.getType()->getAsCXXRecordDecl(), Name,
                          Depth + 1);
  });
}

// A key type with few values: bool, an enum, a narrow integer or character
// (std::byte is an enum), or a pair or tuple of such keys.
bool isFiniteKeyType(QualType Key, unsigned MaxBits, const ASTContext &Context,
                     unsigned Depth = 0) {
  Key = Key.getCanonicalType();
  if (Key->isBooleanType() || Key->isEnumeralType())
    return true;
  if (Key->isIntegerType())
    return Context.getTypeSize(Key) <= MaxBits;
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Key->getAsCXXRecordDecl());
  if (!Spec || Depth > 4 || !Spec->isInStdNamespace() ||
      !llvm::is_contained({llvm::StringRef("pair"), llvm::StringRef("tuple")},
                          Spec->getName()))
    return false;
  auto IsFinite = [&](const TemplateArgument &Arg) {
    return Arg.getKind() == TemplateArgument::Type &&
           isFiniteKeyType(Arg.getAsType(), MaxBits, Context, Depth + 1);
  };
  for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray()) {
    if (Arg.getKind() == TemplateArgument::Pack) {
      if (!llvm::all_of(Arg.pack_elements(), IsFinite))
        return false;
    } else if (!IsFinite(Arg)) {
      return false;
    }
  }
  return true;
}

} // namespace

ContainerModel::ContainerModel(ContainerModelOptions Options) {
  for (llvm::StringRef Name : DefaultGrowMethods)
    GrowMethods.insert(Name);
  for (llvm::StringRef Name : DefaultShrinkMethods)
    ShrinkMethods.insert(Name);
  for (const std::string &Name : Options.ExtraGrowMethods)
    GrowMethods.insert(Name);
  for (const std::string &Name : Options.ExtraShrinkMethods)
    ShrinkMethods.insert(Name);
  for (const std::string &Name : Options.ExtraContainerTypes)
    ExtraContainerTypes.insert(Name);
  for (const std::string &Name : Options.BoundedTypes)
    BoundedTypes.insert(Name);
  FiniteKeyMaxBits = Options.FiniteKeyMaxBits;
}

std::optional<ContainerType> ContainerModel::classify(QualType T) const {
  if (T.isNull())
    return std::nullopt;
  T = T.getNonReferenceType();
  if (const auto *Pointer = T->getAs<PointerType>())
    T = Pointer->getPointeeType();
  const Type *Canonical = T.getCanonicalType().getTypePtr();
  if (auto Known = Classified.find(Canonical); Known != Classified.end())
    return Known->second;
  // Not through an iterator: classifying a class asks about its bases.
  std::optional<ContainerType> Result =
      classifyCanonical(QualType(Canonical, 0));
  Classified.try_emplace(Canonical, Result);
  return Result;
}

std::optional<ContainerType>
ContainerModel::classifyCanonical(QualType T) const {
  const NamedDecl *Template = nullptr;
  llvm::ArrayRef<TemplateArgument> Args;
  const CXXRecordDecl *Record = nullptr;
  if (const auto *RT = T->getAs<RecordType>()) {
    Record = dyn_cast<CXXRecordDecl>(RT->getDecl());
    if (const auto *Spec =
            dyn_cast_or_null<ClassTemplateSpecializationDecl>(Record)) {
      Template = Spec->getSpecializedTemplate();
      Args = Spec->getTemplateArgs().asArray();
    } else {
      Template = Record; // A non-template custom container.
    }
  } else if (const auto *TST = T->getAs<TemplateSpecializationType>()) {
    Template = TST->getTemplateName().getAsTemplateDecl();
    Args = TST->template_arguments();
  }
  if (!Template || !Template->getIdentifier())
    return std::nullopt;

  std::string Name = userFacingQualifiedName(*Template);
  if (BoundedTypes.contains(Name))
    return std::nullopt;

  ContainerType Result;
  Result.TemplateName = Name;
  if (std::optional<ContainerFamily> Family =
          Template->getDeclContext()->isStdNamespace()
              ? stdFamily(Template->getName())
              : std::nullopt) {
    Result.Family = *Family;
    Result.SubscriptInserts = Template->getName() == "map" ||
                              Template->getName() == "unordered_map";
  } else if (ExtraContainerTypes.contains(Name)) {
    Result.Family = ContainerFamily::Custom;
    Result.SubscriptInserts = hasMemberNamed(Record, "mapped_type");
  } else {
    // `struct TraceLog : std::vector<std::string> {}` is a vector.
    if (Record && Record->hasDefinition())
      for (const CXXBaseSpecifier &Base : Record->getDefinition()->bases())
        if (Base.getAccessSpecifier() == AS_public)
          if (std::optional<ContainerType> BaseType = classify(Base.getType()))
            return BaseType;
    return std::nullopt;
  }

  if (Result.Family == ContainerFamily::UniqueAssoc && !Args.empty() &&
      Args.front().getKind() == TemplateArgument::Type)
    Result.KeyedByFiniteDomain =
        isFiniteKeyType(Args.front().getAsType(), FiniteKeyMaxBits,
                        Template->getASTContext());
  return Result;
}

CallEffect ContainerModel::effectOfMethod(const ContainerType &Type,
                                          llvm::StringRef Method) const {
  if (Method == "operator[]")
    return Type.SubscriptInserts ? CallEffect::Grows : CallEffect::None;
  if (Method == "operator+=")
    return CallEffect::Grows;
  if (Method == "operator=")
    return CallEffect::Shrinks;
  if (Method == "size" || Method == "empty")
    return CallEffect::Inspects;
  if (Type.isAssociative() && llvm::is_contained(LookupMethods, Method))
    return CallEffect::LooksUp;
  if (GrowMethods.contains(Method))
    return CallEffect::Grows;
  if (ShrinkMethods.contains(Method))
    return CallEffect::Shrinks;
  return CallEffect::None;
}

bool ContainerModel::isInserterFunction(const FunctionDecl &F) {
  static constexpr llvm::StringLiteral Inserters[] = {
      "back_inserter", "front_inserter", "inserter"};
  return F.isInStdNamespace() && F.getIdentifier() &&
         llvm::is_contained(Inserters, F.getName());
}

bool ContainerModel::isDrainingFunction(const FunctionDecl &F) {
  static constexpr llvm::StringLiteral Drainers[] = {"move", "exchange", "swap",
                                                     "erase", "erase_if"};
  return F.isInStdNamespace() && F.getIdentifier() &&
         llvm::is_contained(Drainers, F.getName());
}

std::vector<std::string> ContainerModel::growMethodNames() const {
  std::vector<std::string> Names;
  for (const auto &Entry : GrowMethods)
    Names.push_back(Entry.getKey().str());
  llvm::sort(Names);
  return Names;
}

std::vector<std::string> ContainerModel::shrinkMethodNames() const {
  std::vector<std::string> Names;
  for (const auto &Entry : ShrinkMethods)
    Names.push_back(Entry.getKey().str());
  llvm::sort(Names);
  return Names;
}

std::optional<Owner> ContainerModel::ownerOf(const ValueDecl &D) {
  // A pointer or a reference aliases a container someone else owns.
  if (D.getType()->isPointerType() || D.getType()->isReferenceType())
    return std::nullopt;
  if (const auto *Field = dyn_cast<FieldDecl>(&D))
    return Owner{OwnerKind::Member, Field->getParent()};
  const auto *Var = dyn_cast<VarDecl>(&D);
  if (!Var || isa<ParmVarDecl>(Var) || isa<DecompositionDecl>(Var) ||
      Var->getType()->isReferenceType())
    return std::nullopt;
  const auto *Function =
      dyn_cast_or_null<NamedDecl>(Var->getParentFunctionOrMethod());
  if (Var->isStaticDataMember())
    return Owner{OwnerKind::StaticMember,
                 dyn_cast<NamedDecl>(Var->getDeclContext())};
  if (Var->isStaticLocal())
    return Owner{OwnerKind::StaticLocal, Function};
  if (Var->hasGlobalStorage()) {
    const DeclContext *Context = Var->getDeclContext()->getRedeclContext();
    if (!Var->isExternallyVisible())
      return Owner{OwnerKind::FileStatic, nullptr};
    if (Context->isTranslationUnit())
      return Owner{OwnerKind::Global, nullptr};
    return Owner{OwnerKind::NamespaceScope, dyn_cast<NamedDecl>(Context)};
  }
  if (Var->isLocalVarDecl())
    return Owner{OwnerKind::Local, Function};
  return std::nullopt;
}

const ValueDecl *ContainerModel::referencedDecl(const Expr *E) {
  // A few hops cover `auto &A = g; auto *P = &A; P->push_back(x);`.
  for (unsigned Hops = 0; E && Hops < 8; ++Hops) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
      if (Unary->getOpcode() != UO_Deref && Unary->getOpcode() != UO_AddrOf)
        return nullptr;
      E = Unary->getSubExpr();
      continue;
    }
    if (const auto *Member = dyn_cast<MemberExpr>(E)) {
      const ValueDecl *D = Member->getMemberDecl();
      return isa<FieldDecl, VarDecl>(D) ? D : nullptr;
    }
    const auto *Ref = dyn_cast<DeclRefExpr>(E);
    if (!Ref)
      return nullptr;
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (!Var)
      return nullptr;
    bool IsAlias = !isa<ParmVarDecl>(Var) && !Var->hasGlobalStorage() &&
                   (Var->getType()->isReferenceType() ||
                    Var->getType()->isPointerType()) &&
                   Var->getInit();
    if (!IsAlias)
      return Var;
    E = Var->getInit();
  }
  return nullptr;
}

std::optional<MemberCallView>
ContainerModel::viewMemberCall(const CallExpr &Call) {
  llvm::ArrayRef<const Expr *> AllArgs(Call.getArgs(), Call.getNumArgs());
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (!Method)
      return std::nullopt;
    return MemberCallView{Member->getImplicitObjectArgument(),
                          methodNameOf(*Method), AllArgs};
  }
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(&Call)) {
    llvm::StringRef Name = operatorName(Operator->getOperator());
    if (Name.empty() || AllArgs.empty())
      return std::nullopt;
    // Only member operators act on the container itself; in a dependent
    // context the callee is not resolved yet and is taken as a member.
    const Decl *Callee = Operator->getCalleeDecl();
    if (Callee && !isa<CXXMethodDecl>(Callee))
      return std::nullopt;
    return MemberCallView{AllArgs.front(), Name, AllArgs.drop_front()};
  }
  const Expr *Callee = Call.getCallee();
  if (!Callee)
    return std::nullopt;
  Callee = Callee->IgnoreParenImpCasts();
  if (const auto *Dependent = dyn_cast<CXXDependentScopeMemberExpr>(Callee)) {
    const IdentifierInfo *Name = Dependent->getMember().getAsIdentifierInfo();
    if (Dependent->isImplicitAccess() || !Name)
      return std::nullopt;
    return MemberCallView{Dependent->getBase(), Name->getName(), AllArgs};
  }
  if (const auto *Unresolved = dyn_cast<UnresolvedMemberExpr>(Callee)) {
    const IdentifierInfo *Name =
        Unresolved->getMemberName().getAsIdentifierInfo();
    if (Unresolved->isImplicitAccess() || !Name)
      return std::nullopt;
    return MemberCallView{Unresolved->getBase(), Name->getName(), AllArgs};
  }
  return std::nullopt;
}

std::string userFacingQualifiedName(const NamedDecl &D) {
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  if (D.getIdentifier())
    Parts.push_back(D.getName());
  for (const DeclContext *Context = D.getDeclContext(); Context;
       Context = Context->getParent()) {
    if (const auto *Namespace = dyn_cast<NamespaceDecl>(Context)) {
      if (!Namespace->isInline() && !Namespace->isAnonymousNamespace())
        Parts.push_back(Namespace->getName());
    } else if (const auto *Record = dyn_cast<RecordDecl>(Context)) {
      if (Record->getIdentifier())
        Parts.push_back(Record->getName());
    } else if (isa<FunctionDecl>(Context)) {
      if (cast<FunctionDecl>(Context)->getIdentifier())
        Parts.push_back(cast<FunctionDecl>(Context)->getName());
    }
  }
  std::string Name;
  for (llvm::StringRef Part : llvm::reverse(Parts)) {
    if (!Name.empty())
      Name += "::";
    Name += Part;
  }
  return Name;
}

std::string describeOwner(const Owner &O) {
  std::string ScopeName = O.Scope ? O.Scope->getNameAsString() : "";
  switch (O.Kind) {
  case OwnerKind::Global:
    return "global";
  case OwnerKind::NamespaceScope:
    return "global in namespace '" + ScopeName + "'";
  case OwnerKind::FileStatic:
    return "file-static";
  case OwnerKind::StaticMember:
    return "static member of '" + ScopeName + "'";
  case OwnerKind::StaticLocal:
    return "static local in '" + ScopeName + "'";
  case OwnerKind::Member:
    return "member of '" + ScopeName + "'";
  case OwnerKind::Local:
    return "local in '" + ScopeName + "'";
  }
  llvm_unreachable("unknown owner kind");
}

} // namespace clang::tidy::bloat
