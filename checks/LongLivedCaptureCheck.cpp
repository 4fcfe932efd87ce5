//===--- LongLivedCaptureCheck.cpp - bloat-long-lived-capture -------------===//

#include "LongLivedCaptureCheck.h"
#include "utils/FindingNotes.h"
#include "utils/OptionParsing.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::bloat {

namespace {

constexpr llvm::StringLiteral RegistrationFunctionsOption =
    "RegistrationFunctions";
constexpr llvm::StringLiteral SizeThresholdOption = "SizeThreshold";
// Callees that keep the callback they are given.
constexpr llvm::StringLiteral DefaultRegistrationFunctions =
    "^(subscribe|connect|on|on_.+|on[A-Z].*|add_?[Ll]istener|[Rr]egister.*|"
    "set_?[Cc]allback|add_?[Cc]allback|add_?[Hh]andler|[Ww]atch)$";
constexpr unsigned DefaultSizeThreshold = 1024;

// The T of a std::shared_ptr<T>: a copy of the pointer keeps T alive.
QualType sharedPointee(QualType Type) {
  const auto *Record = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Type->getAsCXXRecordDecl());
  if (!Record || !Record->isInStdNamespace() || !Record->getIdentifier() ||
      Record->getName() != "shared_ptr" ||
      Record->getTemplateArgs().size() < 1 ||
      Record->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return QualType();
  return Record->getTemplateArgs()[0].getAsType();
}

// `nullptr`, `{}`, `std::function<void()>()`: a value that holds no
// callback.
bool isEmptyCallback(const Expr *E, ASTContext &Context) {
  E = E->IgnoreImplicit()->IgnoreParens()->IgnoreImplicit();
  if (E->isNullPointerConstant(Context, Expr::NPC_ValueDependentIsNotNull))
    return true;
  if (const auto *List = dyn_cast<InitListExpr>(E))
    return List->getNumInits() == 0;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    return Construct->getNumArgs() == 0 ||
           (Construct->getNumArgs() == 1 &&
            isa<CXXDefaultArgExpr>(Construct->getArg(0)));
  return false;
}

// The function whose body holds \p Lambda (an enclosing lambda's call
// operator when it is nested), null at namespace scope.
const FunctionDecl *functionHolding(const LambdaExpr &Lambda) {
  const DeclContext *Scope = Lambda.getLambdaClass()->getParent();
  while (Scope && !isa<FunctionDecl>(Scope))
    Scope = Scope->getParent();
  return dyn_cast_or_null<FunctionDecl>(Scope);
}

} // namespace

LongLivedCaptureCheck::LongLivedCaptureCheck(StringRef Name,
                                             ClangTidyContext *Context,
                                             std::shared_ptr<AnalysisHub> Hub)
    : ContainerFactsCheck(Name, Context, Hub), WalkHub(std::move(Hub)),
      TidyContext(*Context),
      RegistrationFunctions(Options.get(RegistrationFunctionsOption,
                                        DefaultRegistrationFunctions)),
      SizeThreshold(Options.get(SizeThresholdOption, DefaultSizeThreshold)),
      Model(ModelOptions.makeModel()) {
  RegistrationRegex = parseRegexOption(
      (Name + "." + RegistrationFunctionsOption).str(), RegistrationFunctions,
      DefaultRegistrationFunctions,
      [this](StringRef Message) { configurationDiag(Message); });
}

LongLivedCaptureCheck::~LongLivedCaptureCheck() {
  if (Walk)
    Walk->removeListener(*this);
}

void LongLivedCaptureCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, RegistrationFunctionsOption, RegistrationFunctions);
  Options.store(Opts, SizeThresholdOption, SizeThreshold);
  ContainerFactsCheck::storeOptions(Opts);
}

void LongLivedCaptureCheck::registerMatchers(
    ast_matchers::MatchFinder *Finder) {
  ContainerFactsCheck::registerMatchers(Finder);
  Walk = SharedBodyWalk::get(*WalkHub, *Finder, TidyContext);
  Walk->addListener(*this);
}

void LongLivedCaptureCheck::onEndOfTranslationUnit() {
  ContainerFactsCheck::onEndOfTranslationUnit();
  Releases.clear();
}

std::optional<LongLivedCaptureCheck::HolderKey>
LongLivedCaptureCheck::holderKey(const ValueDecl &Holder) {
  const IdentifierInfo *Name = Holder.getIdentifier();
  if (!Name)
    return std::nullopt;
  // A member of a class template's instantiation is keyed by the template's
  // own class, so that a release in one instantiation (or in the pattern)
  // counts for all.
  if (const auto *Field = dyn_cast<FieldDecl>(&Holder)) {
    const auto *Class = dyn_cast<CXXRecordDecl>(Field->getParent());
    if (!Class)
      return std::nullopt;
    if (const CXXRecordDecl *Pattern = Class->getTemplateInstantiationPattern())
      Class = Pattern;
    return HolderKey(Class->getCanonicalDecl(), Name);
  }
  if (const auto *Var = dyn_cast<VarDecl>(&Holder)) {
    if (const VarDecl *Pattern = Var->getTemplateInstantiationPattern())
      Var = Pattern;
    return HolderKey(Var->getCanonicalDecl(), Name);
  }
  return std::nullopt;
}

void LongLivedCaptureCheck::visit(const Stmt &S, const WalkPosition &Where) {
  // `OnDone = nullptr;`, `Res.OnDone = {};`: the callback and what it
  // captured are released here.
  const auto *Assign = dyn_cast<CXXOperatorCallExpr>(&S);
  if (!Assign || Assign->getOperator() != OO_Equal || Assign->getNumArgs() != 2)
    return;
  const ValueDecl *Holder = ContainerModel::referencedDecl(Assign->getArg(0));
  if (!Holder || !isa<FieldDecl, VarDecl>(Holder))
    return;
  const FunctionDecl *Function = Where.function();
  if (!isEmptyCallback(Assign->getArg(1), Holder->getASTContext()))
    return;
  if (std::optional<HolderKey> Key = holderKey(*Holder))
    Releases[*Key].push_back({Function ? Function->getCanonicalDecl() : nullptr,
                              Assign->getBeginLoc()});
}

bool LongLivedCaptureCheck::isReleased(const ValueDecl &Holder,
                                       const LambdaExpr &Lambda) const {
  std::optional<HolderKey> Key = holderKey(Holder);
  auto It = Key ? Releases.find(*Key) : Releases.end();
  if (It == Releases.end())
    return false;
  const FunctionDecl *Storing = functionHolding(Lambda);
  if (Storing)
    Storing = Storing->getCanonicalDecl();
  const SourceManager &SM = Holder.getASTContext().getSourceManager();
  // Emptied before the lambda is stored, in the same function, it releases
  // the callback before this one, not this one.
  return llvm::any_of(It->second, [&](const Release &R) {
    return R.Function != Storing ||
           SM.isBeforeInTranslationUnit(Lambda.getEndLoc(), R.Loc);
  });
}

std::optional<std::string>
LongLivedCaptureCheck::whyLarge(QualType Type,
                                const ASTContext &Context) const {
  Type = Type.getNonReferenceType();
  if (Type->isDependentType())
    return std::nullopt;
  if (QualType Pointee = sharedPointee(Type); !Pointee.isNull())
    if (std::optional<std::string> Why = whyLarge(Pointee, Context))
      return "shared ownership of " + *Why;
  if (Model.classify(Type) && !Type->isPointerType())
    return std::string("a container");
  if (Type->isIncompleteType() || Type->isPointerType())
    return std::nullopt;
  uint64_t Bytes = Context.getTypeSizeInChars(Type).getQuantity();
  if (Bytes <= SizeThreshold)
    return std::nullopt;
  return std::to_string(Bytes) + " bytes";
}

std::optional<std::string>
LongLivedCaptureCheck::describeStorage(const CallbackStorage &Storage) {
  auto Named = [](const ValueDecl *D) {
    std::string Text = "'" + D->getNameAsString() + "'";
    if (std::optional<Owner> O = ContainerModel::ownerOf(*D))
      Text += " (" + describeOwner(*O) + ")";
    return Text;
  };
  switch (Storage.Kind) {
  case CallbackStorage::LongLivedVariable:
  case CallbackStorage::Member:
    return "stored in " + Named(Storage.Holder);
  case CallbackStorage::ContainerElement:
    return Storage.Holder ? "stored in an element of " + Named(Storage.Holder)
                          : std::string("stored in a container element");
  case CallbackStorage::CallbackContainer:
    return "added to " + Named(Storage.Holder);
  case CallbackStorage::CallArgument:
    // Only registration calls are known to keep what they are given.
    if (!Storage.Callee || !Storage.Callee->getIdentifier() ||
        !RegistrationRegex ||
        !RegistrationRegex->match(Storage.Callee->getName()))
      return std::nullopt;
    return "registered with '" + Storage.Callee->getQualifiedNameAsString() +
           "'";
  }
  llvm_unreachable("unknown storage kind");
}

void LongLivedCaptureCheck::reportStoredLambda(const StoredLambda &Stored) {
  const LambdaExpr &Lambda = *Stored.Lambda;
  const CallbackStorage &Storage = Stored.Storage;
  const ASTContext &Context = Lambda.getCallOperator()->getASTContext();
  std::optional<std::string> Where = describeStorage(Storage);
  if (!Where)
    return;
  // A callback kept in a member of a local object lives as long as that
  // object, as it would in a local std::function.
  if (Storage.InLocalObject)
    return;
  // A holder the TU empties after storing the lambda (`OnDone = nullptr;`
  // when a request completes) keeps the capture only until then: the
  // release the last note of a finding asks for is already there.
  if ((Storage.Kind == CallbackStorage::Member ||
       Storage.Kind == CallbackStorage::LongLivedVariable) &&
      Storage.Holder && isReleased(*Storage.Holder, Lambda))
    return;
  for (const LambdaCapture &Capture : Lambda.captures()) {
    QualType Type;
    std::string Name;
    if (Capture.capturesThis()) {
      if (Capture.getCaptureKind() != LCK_StarThis)
        continue;
      // The class whose member function holds the lambda.
      const DeclContext *Scope = Lambda.getLambdaClass()->getParent();
      while (Scope && !isa<CXXRecordDecl>(Scope))
        Scope = Scope->getParent();
      const auto *Enclosing = dyn_cast_or_null<CXXRecordDecl>(Scope);
      if (!Enclosing)
        continue;
      // The closure holds the copy as a member of the enclosing class type.
      for (const FieldDecl *Field : Lambda.getLambdaClass()->fields())
        if (Field->getType()->getAsCXXRecordDecl() == Enclosing)
          Type = Field->getType();
      if (Type.isNull())
        continue;
      Name = "*this";
    } else if (Capture.capturesVariable() &&
               Capture.getCaptureKind() == LCK_ByCopy) {
      const ValueDecl *Var = Capture.getCapturedVar();
      Type = Var->getType();
      Name = Var->getNameAsString();
    } else {
      continue;
    }
    std::optional<std::string> Why = whyLarge(Type, Context);
    if (!Why)
      continue;
    diag(Capture.getLocation(),
         "lambda %0 captures '%1' (%2, %3) by value; the copy lives as long "
         "as the callback")
        << *Where << Name
        << Type.getNonReferenceType().getUnqualifiedType().getAsString(
               Context.getPrintingPolicy())
        << *Why;
    diag(Storage.Site, "the lambda is kept here", DiagnosticIDs::Note);
    diag(Capture.getLocation(),
         "capture a reference or a handle instead, move in only what the "
         "callback needs, or unregister the callback when it is no longer "
         "needed",
         DiagnosticIDs::Note);
  }
}

void LongLivedCaptureCheck::report(const UnboundedContainer &Finding) {
  diag(Finding.Primary->Loc,
       "callbacks registered into %0 (%1) are never removed; each keeps "
       "what it captured alive")
      << Finding.Decl << describeOwner(Finding.TheOwner);
  noteDeclarationAndGrowth(*this, Finding);
  noteWhyRepeats(*this, facts().paths(), Finding);
  diag(Finding.Decl->getLocation(),
       "remove a callback when its subscriber goes away (return a handle "
       "from the registration), or cap the number of callbacks",
       DiagnosticIDs::Note);
}

} // namespace clang::tidy::bloat
