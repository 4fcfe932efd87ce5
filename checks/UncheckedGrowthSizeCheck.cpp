//===--- UncheckedGrowthSizeCheck.cpp - bloat-unchecked-growth-size -------===//

#include "UncheckedGrowthSizeCheck.h"
#include "analysis/BodyWalk.h"
#include "analysis/RepeatingPath.h"
#include "utils/OptionParsing.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"

using namespace clang::ast_matchers;

namespace clang::tidy::bloat {

namespace {

constexpr llvm::StringLiteral AllocatorFunctionNamesOption =
    "AllocatorFunctionNames";
constexpr llvm::StringLiteral IgnoredFunctionsOption = "IgnoredFunctions";
// Functions whose contract is to allocate (or cut to) what they are asked
// for: allocators, sizing methods and setters, array factories. Anchored,
// and matched word by word: a name starts with the verb (`growBuffer`,
// `set_capacity`) or ends in an allocator (`arenaAlloc`), so that
// `handleAssignment` or `loadFileOfAnySize` are not allocators.
constexpr llvm::StringLiteral DefaultAllocatorFunctionNames =
    "^(([Rr]e|[Dd]e|[Pp]re_?|[XxZz])?[Aa]lloc(ate)?|"
    "[a-z0-9]*_?(x|z|[mc]|re)alloc|"
    "[A-Za-z0-9_]*[a-z0-9](Alloc|Allocate|Malloc|Realloc)|"
    "[Rr]eserve|[Rr]esize|[Gg]row|[Ee]nsure_?[Cc]apacity|[Aa]ssign|[Aa]ppend|"
    "[Rr]eset|[Tt]runcate|[Ss]hrink|[Mm]ake_(unique|shared)|"
    "[Ss]et_?([A-Z][a-z0-9]*|[a-z0-9]+_)*"
    "([Ss]ize|[Cc]apacity|[Dd]imensions?|[Ll]ength))"
    "([A-Z_][A-Za-z0-9_]*)?$";

// The methods that take a count first: resize(n), reserve(n),
// assign(n, v), append(n, c).
constexpr llvm::StringLiteral SizingMethods[] = {"resize", "reserve", "assign",
                                                 "append"};

bool takesCountFirst(const FunctionDecl &F) {
  return F.getNumParams() > 0 && F.getParamDecl(0)->getType()->isIntegerType();
}

// A member of a class template, or of one of its instantiations.
bool isInClassTemplate(const CXXRecordDecl &Record) {
  return Record.getDescribedClassTemplate() ||
         isa<ClassTemplateSpecializationDecl>(Record) ||
         Record.isDependentContext() ||
         Record.getTemplateInstantiationPattern();
}

// `(const T *p, size_t n)`, `(size_t n, char buf[])`: the size describes
// memory the caller already has, not an amount to allocate.
bool describesExistingMemory(const ParmVarDecl &Param) {
  const auto *Function = dyn_cast<FunctionDecl>(Param.getDeclContext());
  if (!Function)
    return false;
  unsigned Index = Param.getFunctionScopeIndex();
  auto IsBuffer = [&](unsigned I) {
    if (I >= Function->getNumParams())
      return false;
    // The type as written: an array parameter has decayed to a pointer.
    QualType Type = Function->getParamDecl(I)->getOriginalType();
    if (Type->isArrayType())
      return true;
    return Type->isPointerType() && !Type->isFunctionPointerType();
  };
  return (Index > 0 && IsBuffer(Index - 1)) || IsBuffer(Index + 1);
}

// Whether \p S mentions \p Param, or (\p FollowLocals) a local initialised
// from an expression that does (`Rows = Length`).
bool mentionsParameter(const Stmt *S, const ParmVarDecl &Param,
                       bool FollowLocals = true) {
  if (!S)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
    if (Ref->getDecl() == &Param)
      return true;
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      return FollowLocals && Var->isLocalVarDecl() && Var->getInit() &&
             mentionsParameter(Var->getInit(), Param, false);
  }
  return llvm::any_of(S->children(), [&](const Stmt *Child) {
    return mentionsParameter(Child, Param, FollowLocals);
  });
}

// Whether \p S appends to or inserts into \p Container.
bool growsContainer(const Stmt *S, const ValueDecl &Container,
                    const ContainerModel &Model) {
  if (!S)
    return false;
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S))
    if (const CXXMethodDecl *Method = Call->getMethodDecl())
      if (Method->getIdentifier() &&
          ContainerModel::referencedDecl(Call->getImplicitObjectArgument()) ==
              &Container)
        if (std::optional<ContainerType> Type =
                Model.classify(Call->getImplicitObjectArgument()->getType()))
          if (Model.effectOfMethod(*Type, Method->getName()) ==
              CallEffect::Grows)
            return true;
  return llvm::any_of(S->children(), [&](const Stmt *Child) {
    return growsContainer(Child, Container, Model);
  });
}

// `C.reserve(N); for (I = 0; I < N; ++I) C.push_back(...)`: the reserve
// only pre-sizes what a loop counting to the same parameter then adds one
// element at a time. N is an amount of work the caller asks for (threads to
// start, rows of an area to build), not a size allocated at once.
bool reservesWhatALoopFills(const CXXMemberCallExpr &Reserve,
                            const ParmVarDecl &Param,
                            const FunctionDecl &Function,
                            const ContainerModel &Model) {
  const ValueDecl *Container =
      ContainerModel::referencedDecl(Reserve.getImplicitObjectArgument());
  if (!Container || !Function.getBody())
    return false;
  const SourceManager &SM = Function.getASTContext().getSourceManager();
  llvm::SmallVector<const Stmt *, 16> Work = {Function.getBody()};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S || isa<LambdaExpr>(S))
      continue;
    if (const auto *For = dyn_cast<ForStmt>(S))
      if (For->getCond() && For->getInc() &&
          SM.isBeforeInTranslationUnit(Reserve.getBeginLoc(),
                                       For->getBeginLoc()) &&
          mentionsParameter(For->getCond(), Param) &&
          growsContainer(For->getBody(), *Container, Model))
        return true;
    llvm::append_range(Work, S->children());
  }
  return false;
}

} // namespace

UncheckedGrowthSizeCheck::UncheckedGrowthSizeCheck(
    StringRef Name, ClangTidyContext *Context, std::shared_ptr<AnalysisHub> Hub)
    : ClangTidyCheck(Name, Context), Hub(std::move(Hub)), TidyContext(*Context),
      AllocatorFunctionNames(Options.get(AllocatorFunctionNamesOption,
                                         DefaultAllocatorFunctionNames)),
      IgnoredFunctions(Options.get(IgnoredFunctionsOption, "")),
      ModelOptions(Options, Name,
                   [this](StringRef Message) { configurationDiag(Message); }),
      Model(ModelOptions.makeModel()) {
  auto Report = [this](StringRef Message) { configurationDiag(Message); };
  AllocatorFunctionsRegex = parseRegexOption(
      (Name + "." + AllocatorFunctionNamesOption).str(), AllocatorFunctionNames,
      DefaultAllocatorFunctionNames, Report);
  IgnoredFunctionsRegex = parseRegexOption(
      (Name + "." + IgnoredFunctionsOption).str(), IgnoredFunctions, Report);
}

void UncheckedGrowthSizeCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, AllocatorFunctionNamesOption, AllocatorFunctionNames);
  Options.store(Opts, IgnoredFunctionsOption, IgnoredFunctions);
  ModelOptions.store(Options, Opts);
}

UncheckedGrowthSizeCheck::~UncheckedGrowthSizeCheck() {
  if (Walk)
    Walk->removeListener(*this);
}

void UncheckedGrowthSizeCheck::registerMatchers(MatchFinder *Finder) {
  Walk = SharedBodyWalk::get(*Hub, *Finder, TidyContext);
  Walk->addListener(*this);
  registerEndOfTUMatcher(*Finder, *this);
}

void UncheckedGrowthSizeCheck::check(const MatchFinder::MatchResult &) {
  // The shared walk does the matching; this check reports at the TU's end.
}

bool UncheckedGrowthSizeCheck::parametersAreSources(
    const FunctionDecl &Function) const {
  // Parameters of a function only this TU calls are checked by its callers;
  // an allocator's contract is to allocate what it is asked for.
  if (!RepeatingPaths::isExternallyCallable(Function))
    return false;
  // The compiler passes operator new the size of the object.
  OverloadedOperatorKind Operator = Function.getOverloadedOperator();
  if (Operator == OO_New || Operator == OO_Array_New)
    return false;
  // A private member of a class template is called only by its class, whose
  // members this TU sees, even when it instantiates only some of them.
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&Function))
    if (Method->getAccess() == AS_private &&
        isInClassTemplate(*Method->getParent()))
      return false;
  return !(Function.getIdentifier() && AllocatorFunctionsRegex &&
           AllocatorFunctionsRegex->match(Function.getName()));
}

bool UncheckedGrowthSizeCheck::startBody(const FunctionDecl *Function,
                                         ASTContext &) {
  // Allocations in a global's initialiser run once, with constant sizes.
  return Function &&
         !(IgnoredFunctionsRegex &&
           IgnoredFunctionsRegex->match(Function->getQualifiedNameAsString()));
}

void UncheckedGrowthSizeCheck::visit(const Stmt &S, const WalkPosition &Where) {
  if (const auto *E = dyn_cast<Expr>(&S))
    checkAllocation(*E, *Where.function());
}

void UncheckedGrowthSizeCheck::checkAllocation(const Expr &E,
                                               const FunctionDecl &Function) {
  auto HasCountFirst = [](const auto &Call) {
    return Call.getNumArgs() > 0 && Call.getArg(0)->getType()->isIntegerType();
  };
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&E)) {
    // The count constructors: string(n, c) and vector(n) / vector(n, v).
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    if (!HasCountFirst(*Construct) || !takesCountFirst(*Ctor) ||
        Ctor->isCopyOrMoveConstructor())
      return;
    std::optional<ContainerType> Type = Model.classify(Construct->getType());
    if (!Type)
      return;
    bool IsString = Type->Family == ContainerFamily::String;
    if ((IsString && Construct->getNumArgs() < 2) ||
        (!IsString && Type->Family != ContainerFamily::Sequence))
      return;
    // std::basic_string is what users write as std::string.
    std::string Name =
        IsString ? std::string("std::string") : Type->TemplateName;
    checkSize(*Construct->getArg(0), *Construct,
              IsString ? Name + "(count, ch)" : Name + "(count)", Function);
    return;
  }
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(&E)) {
    // C.resize(n), C.reserve(n), C.assign(n, v), C.append(n, c)
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (!Method || !Method->getIdentifier() ||
        !llvm::is_contained(SizingMethods, Method->getName()) ||
        !HasCountFirst(*Call) || !takesCountFirst(*Method) ||
        !Model.classify(Call->getImplicitObjectArgument()->getType()))
      return;
    checkSize(*Call->getArg(0), *Call, (Method->getName() + "()").str(),
              Function);
    return;
  }
  if (const auto *New = dyn_cast<CXXNewExpr>(&E)) {
    if (std::optional<const Expr *> Size = New->getArraySize(); Size && *Size)
      checkSize(**Size, *New, "new[]", Function);
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(&E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || !Callee->getIdentifier() ||
        !(Callee->isInStdNamespace() ||
          Callee->getDeclContext()->getRedeclContext()->isTranslationUnit() ||
          Callee->getDeclContext()->isExternCContext()))
      return;
    StringRef Name = Callee->getName();
    unsigned SizeArgs[2] = {~0u, ~0u};
    if (Name == "malloc")
      SizeArgs[0] = 0;
    else if (Name == "calloc")
      SizeArgs[0] = 0, SizeArgs[1] = 1;
    else if (Name == "realloc")
      SizeArgs[0] = 1;
    else
      return;
    for (unsigned Index : SizeArgs)
      if (Index < Call->getNumArgs())
        checkSize(*Call->getArg(Index), *Call, (Name + "()").str(), Function);
  }
}

void UncheckedGrowthSizeCheck::checkSize(const Expr &Size,
                                         const Expr &Allocation,
                                         StringRef Description,
                                         const FunctionDecl &Function) {
  if (Size.isIntegerConstantExpr(Function.getASTContext()))
    return;
  std::optional<SizeSource> Source = Flow.uncheckedSource(
      Size, Allocation, Function, parametersAreSources(Function));
  if (!Source)
    return;
  if (Source->Kind == SizeSource::Parameter &&
      describesExistingMemory(*Source->Param))
    return;
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(&Allocation))
    if (Source->Kind == SizeSource::Parameter && Call->getMethodDecl() &&
        Call->getMethodDecl()->getName() == "reserve" &&
        reservesWhatALoopFills(*Call, *Source->Param, Function, Model))
      return;
  Reaches.push_back(
      {&Size, &Allocation, Description.str(), &Function, *Source});
}

void UncheckedGrowthSizeCheck::report(llvm::ArrayRef<const Reach *> Group) {
  const Reach &First = *Group.front();
  const SizeSource &Source = First.Source;
  const Expr &Size = *First.Size;
  const FunctionDecl &Function = *First.Function;
  const VarDecl *Named = Source.Variable ? Source.Variable : Source.Param;
  if (Source.Kind == SizeSource::Parameter) {
    diag(Size.getBeginLoc(),
         "size %0 (a parameter of '%1') reaches %2 without an upper bound")
        << Named << Function.getQualifiedNameAsString() << First.Description
        << Size.getSourceRange();
    diag(Source.Param->getLocation(),
         "%0 comes from the caller, and other translation units may call "
         "'%1' with any value",
         DiagnosticIDs::Note)
        << Source.Param << Function.getQualifiedNameAsString();
  } else {
    if (Named)
      diag(Size.getBeginLoc(),
           "size %0 (read from input) reaches %1 without an upper bound")
          << Named << First.Description << Size.getSourceRange();
    else
      diag(Size.getBeginLoc(),
           "size read from input reaches %0 without an upper bound")
          << First.Description << Size.getSourceRange();
    diag(Source.Read->getBeginLoc(), "the size is read from input here",
         DiagnosticIDs::Note);
  }
  for (const Reach *Other : Group.drop_front())
    diag(Other->Size->getBeginLoc(), "%0 also reaches %1 here",
         DiagnosticIDs::Note)
        << (Other->Source.Variable ? Other->Source.Variable : Named)
        << Other->Description << Other->Size->getSourceRange();
  // The clamp rides on the note: --fix-notes and editors apply it when the
  // user asks, plain --fix never does.
  llvm::SmallVector<const Expr *, 4> Sizes;
  for (const Reach *R : Group)
    Sizes.push_back(R->Size);
  auto Note = diag(Size.getBeginLoc(),
                   "validate it against a maximum first (`if (size > kMaxSize) "
                   "return error;`) or allocate std::min(size, kMaxSize)",
                   DiagnosticIDs::Note);
  for (const FixItHint &Fix : clampSizeFixes(
           Function, Named ? Named->getName() : StringRef(), Sizes, FixNames))
    Note << Fix;
}

void UncheckedGrowthSizeCheck::onEndOfTranslationUnit() {
  // One finding per parameter (or per value read), in the order first met;
  // the instantiations of a template share their pattern's locations.
  llvm::MapVector<SourceLocation, llvm::SmallVector<const Reach *, 2>> Groups;
  llvm::DenseSet<std::pair<SourceLocation, SourceLocation>> Seen;
  for (const Reach &R : Reaches) {
    const SizeSource &Source = R.Source;
    SourceLocation Key = Source.Param      ? Source.Param->getLocation()
                         : Source.Variable ? Source.Variable->getLocation()
                                           : Source.Read->getBeginLoc();
    if (Seen.insert({Key, R.Size->getBeginLoc()}).second)
      Groups[Key].push_back(&R);
  }
  for (auto &Entry : Groups)
    report(Entry.second);
  Reaches.clear();
  FixNames.clear();
  Flow.clear();
}

} // namespace clang::tidy::bloat
