//===--- Callbacks.cpp - where a lambda is kept ---------------------------===//

#include "analysis/Callbacks.h"

namespace clang::tidy::bloat {

namespace {

// `std::thread T([&] { ... })` runs the lambda once, on another thread.
bool runsCallableOnce(const CXXConstructExpr &Construct) {
  const CXXRecordDecl *Record = Construct.getConstructor()->getParent();
  return Record->isInStdNamespace() && Record->getIdentifier() &&
         (Record->getName() == "thread" || Record->getName() == "jthread");
}

bool isLongLived(const ValueDecl *D) {
  std::optional<Owner> O = D ? ContainerModel::ownerOf(*D) : std::nullopt;
  return O && O->Kind != OwnerKind::Local;
}

std::optional<CallbackStorage> storageInVariable(const ValueDecl *D) {
  if (!isLongLived(D))
    return std::nullopt;
  CallbackStorage Storage{isa<FieldDecl>(D)
                              ? CallbackStorage::Member
                              : CallbackStorage::LongLivedVariable};
  Storage.Holder = D;
  return Storage;
}

// `Item.OnRead`, `Item.Parts.OnRead`: a member of an automatic local object
// (not a reference, nor reached through a pointer).
bool isMemberOfLocalObject(const Expr *E) {
  const auto *Member = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
  while (Member && !Member->isArrow()) {
    const Expr *Base = Member->getBase()->IgnoreParenImpCasts();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Base)) {
      const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
      return Var && Var->hasLocalStorage() && !isa<ParmVarDecl>(Var) &&
             !Var->getType()->isReferenceType();
    }
    Member = dyn_cast<MemberExpr>(Base);
  }
  return false;
}

} // namespace

std::optional<CallbackStorage> storageOf(const LambdaExpr &Lambda,
                                         const WalkPosition &Where,
                                         const ContainerModel &Model) {
  const CXXConstructExpr *Conversion = nullptr;
  DynTypedNode Node = Where.parentThroughWrappers(&Conversion);
  if (Conversion && runsCallableOnce(*Conversion))
    return std::nullopt;

  std::optional<CallbackStorage> Result;
  const auto *StoringDecl = Node.get<Decl>();
  SourceLocation Site = StoringDecl ? StoringDecl->getLocation()
                                    : Node.getSourceRange().getBegin();
  if (const auto *Var = Node.get<VarDecl>()) {
    if (Var->hasGlobalStorage())
      Result = storageInVariable(Var);
  } else if (const auto *Field = Node.get<FieldDecl>()) {
    Result = storageInVariable(Field);
  } else if (const auto *Init = Node.get<CXXCtorInitializer>()) {
    if (Init->isAnyMemberInitializer())
      Result = storageInVariable(Init->getAnyMember());
    Site = Init->getSourceLocation();
  } else if (const auto *Call = Node.get<CallExpr>()) {
    std::optional<MemberCallView> View = ContainerModel::viewMemberCall(*Call);
    const ValueDecl *Target =
        View ? ContainerModel::referencedDecl(View->Object) : nullptr;
    std::optional<ContainerType> TargetType =
        Target ? Model.classify(Target->getType()) : std::nullopt;
    if (View && View->Method == "operator=") {
      // `OnTick = [..]{..};` or `Handlers[Name] = [..]{..};`
      const Expr *Assigned = View->Object->IgnoreParenImpCasts();
      if (const auto *Element = dyn_cast<CXXOperatorCallExpr>(Assigned)) {
        Result = CallbackStorage{CallbackStorage::ContainerElement};
        Result->Holder =
            Element->getNumArgs() > 0
                ? ContainerModel::referencedDecl(Element->getArg(0))
                : nullptr;
      } else {
        Result = storageInVariable(Target);
        if (Result && Result->Kind == CallbackStorage::Member)
          Result->InLocalObject = isMemberOfLocalObject(View->Object);
      }
    } else if (TargetType && Model.effectOfMethod(*TargetType, View->Method) ==
                                 CallEffect::Grows) {
      // `Listeners.push_back([..]{..});`
      if (isLongLived(Target)) {
        Result = CallbackStorage{CallbackStorage::CallbackContainer};
        Result->Holder = Target;
      }
    } else {
      Result = CallbackStorage{CallbackStorage::CallArgument};
      Result->Callee = Call->getDirectCallee();
    }
  }
  if (Result) {
    Result->ConvertedToCallbackObject = Conversion != nullptr;
    Result->Site = Site;
  }
  return Result;
}

bool holdsCallables(QualType ContainerType) {
  const CXXRecordDecl *Record =
      ContainerType.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition())
    return false;
  // What a map holds is its mapped_type; any other container's is its
  // value_type. Not every type argument: a comparator or a hasher has an
  // operator() too.
  ASTContext &Context = Record->getASTContext();
  QualType Element;
  for (llvm::StringRef Name : {"mapped_type", "value_type"}) {
    for (const NamedDecl *Found :
         Record->lookup(&Context.Idents.get(Name)))
      if (const auto *Alias = dyn_cast<TypedefNameDecl>(Found))
        Element = Alias->getUnderlyingType();
    if (!Element.isNull())
      break;
  }
  if (Element.isNull())
    return false;
  const CXXRecordDecl *ElementRecord =
      Element.getCanonicalType()->getAsCXXRecordDecl();
  if (!ElementRecord || !ElementRecord->hasDefinition())
    return false;
  DeclarationName Call =
      Context.DeclarationNames.getCXXOperatorName(OO_Call);
  return !ElementRecord->lookup(Call).empty();
}

} // namespace clang::tidy::bloat
