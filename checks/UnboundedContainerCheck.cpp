//===--- UnboundedContainerCheck.cpp - bloat-unbounded-container ----------===//

#include "UnboundedContainerCheck.h"
#include "utils/OptionParsing.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"

using namespace clang::ast_matchers;

namespace clang::tidy::bloat {

namespace {

// Options in the order the documentation lists them.
constexpr llvm::StringLiteral ContainerTypesOption = "ContainerTypes";
constexpr llvm::StringLiteral GrowMethodsOption = "GrowMethods";
constexpr llvm::StringLiteral ShrinkMethodsOption = "ShrinkMethods";
constexpr llvm::StringLiteral BoundedTypesOption = "BoundedTypes";
constexpr llvm::StringLiteral IgnoredNamesOption = "IgnoredNames";
constexpr llvm::StringLiteral AssumeUnseenOption =
    "AssumeUnseenCodeDoesNotShrink";

// How deep a chain of "called from" notes may go before it stops explaining.
constexpr unsigned MaxExplainedCallers = 4;

std::string describeFunction(const FunctionDecl &Function) {
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&Function))
    if (Method->getParent()->isLambda())
      return "a lambda";
  return "'" + Function.getQualifiedNameAsString() + "'";
}

} // namespace

UnboundedContainerCheck::UnboundedContainerCheck(StringRef Name,
                                                 ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      ContainerTypes(Options.get(ContainerTypesOption, "")),
      GrowMethods(Options.get(GrowMethodsOption, "")),
      ShrinkMethods(Options.get(ShrinkMethodsOption, "")),
      BoundedTypes(Options.get(BoundedTypesOption, "")),
      IgnoredNames(Options.get(IgnoredNamesOption, "")),
      AssumeUnseenCodeDoesNotShrink(Options.get(AssumeUnseenOption, false)),
      Facts(ContainerModel({}), {}) {
  auto Report = [this](StringRef Message) { configurationDiag(Message); };
  auto FullName = [Name](StringRef Option) {
    return (Name + "." + Option).str();
  };
  ContainerModelOptions ModelOptions;
  ModelOptions.ExtraContainerTypes =
      parseListOption(FullName(ContainerTypesOption), ContainerTypes,
                      ListEntryKind::QualifiedName, Report);
  ModelOptions.ExtraGrowMethods =
      parseListOption(FullName(GrowMethodsOption), GrowMethods,
                      ListEntryKind::Identifier, Report);
  ModelOptions.ExtraShrinkMethods =
      parseListOption(FullName(ShrinkMethodsOption), ShrinkMethods,
                      ListEntryKind::Identifier, Report);
  ModelOptions.BoundedTypes =
      parseListOption(FullName(BoundedTypesOption), BoundedTypes,
                      ListEntryKind::QualifiedName, Report);
  IgnoredNamesRegex =
      parseRegexOption(FullName(IgnoredNamesOption), IgnoredNames, Report);
  ContainerFactsOptions FactsOptions;
  FactsOptions.AssumeUnseenCodeDoesNotShrink = AssumeUnseenCodeDoesNotShrink;
  Facts = ContainerFacts(ContainerModel(std::move(ModelOptions)), FactsOptions);
}

void UnboundedContainerCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, ContainerTypesOption, ContainerTypes);
  Options.store(Opts, GrowMethodsOption, GrowMethods);
  Options.store(Opts, ShrinkMethodsOption, ShrinkMethods);
  Options.store(Opts, BoundedTypesOption, BoundedTypes);
  Options.store(Opts, IgnoredNamesOption, IgnoredNames);
  Options.store(Opts, AssumeUnseenOption, AssumeUnseenCodeDoesNotShrink);
}

void UnboundedContainerCheck::registerMatchers(MatchFinder *Finder) {
  Facts.registerMatchers(*Finder, *this);
}

void UnboundedContainerCheck::check(const MatchFinder::MatchResult &Result) {
  // Code that does not compile has an AST with holes; say nothing about it.
  if (Result.Context->getDiagnostics().hasUncompilableErrorOccurred()) {
    TUHasErrors = true;
    return;
  }
  SM = Result.SourceManager;
  Facts.collect(Result);
}

void UnboundedContainerCheck::onEndOfTranslationUnit() {
  if (!TUHasErrors && SM) {
    for (const UnboundedContainer &Finding : Facts.unboundedContainers(*SM)) {
      if (IgnoredNamesRegex &&
          IgnoredNamesRegex->match(userFacingQualifiedName(*Finding.Decl)))
        continue;
      diag(Finding.Primary->Loc,
           "%0 (%1) grows without bound: %select{appended|inserted}2 on a "
           "repeating path but never erased, cleared or capped")
          << Finding.Decl << describeOwner(Finding.TheOwner)
          << Finding.Type.isAssociative();
      diag(Finding.Decl->getLocation(), "%0 is declared here",
           DiagnosticIDs::Note)
          << Finding.Decl;
      for (const GrowthSite *Site : Finding.OtherSites)
        diag(Site->Loc, "%0 also grows here", DiagnosticIDs::Note)
            << Finding.Decl;
      explainRepeat(Finding);
      diag(Finding.Decl->getLocation(),
           "%select{bound it: erase the oldest entries once it passes a size "
           "limit, keep it in a ring buffer such as boost::circular_buffer, or "
           "clear it once per request or frame|"
           "bound it: evict entries past a size limit (LRU) or an age (TTL), "
           "or clear it once per request or frame|"
           "bound it: declare it inside the loop, or consume and clear it on "
           "every iteration}0",
           DiagnosticIDs::Note)
          << (Finding.TheOwner.Kind == OwnerKind::Local
                  ? 2
                  : Finding.Type.isAssociative() ? 1 : 0);
    }
  }
  Facts.clear();
  SM = nullptr;
  TUHasErrors = false;
}

void UnboundedContainerCheck::explainRepeat(const UnboundedContainer &Finding) {
  const RepeatEvidence &Why = Finding.Why;
  switch (Why.Kind) {
  case RepeatEvidence::InsideLoop:
    diag(Why.Loop->getBeginLoc(), "the growth repeats in this loop",
         DiagnosticIDs::Note);
    return;
  case RepeatEvidence::LocalAcrossLoop:
    diag(Why.Loop->getBeginLoc(),
         "this loop has no fixed trip count and %0 outlives its iterations",
         DiagnosticIDs::Note)
        << Finding.Decl;
    return;
  case RepeatEvidence::FunctionRepeats:
    explainFunction(Why.Function, 0);
    return;
  }
}

void UnboundedContainerCheck::explainFunction(const FunctionDecl *Function,
                                              unsigned Depth) {
  const RepeatCause *Cause = Facts.paths().causeOf(Function);
  if (!Cause || Depth > MaxExplainedCallers)
    return;
  std::string Name = describeFunction(*Function);
  switch (Cause->Kind) {
  case RepeatCause::CalledInLoop:
    diag(Cause->Site, "%0 is called inside a loop here", DiagnosticIDs::Note)
        << Name;
    return;
  case RepeatCause::StoredCallback:
    diag(Cause->Site,
         "this lambda is stored as a long-lived callback and may run any "
         "number of times",
         DiagnosticIDs::Note);
    return;
  case RepeatCause::AddressTaken:
    diag(Cause->Site,
         "the address of %0 is taken here, so it may be called any number of "
         "times",
         DiagnosticIDs::Note)
        << Name;
    return;
  case RepeatCause::CalledFromRepeating:
    diag(Cause->Site, "%0 is called from %1, which runs on a repeating path",
         DiagnosticIDs::Note)
        << Name << describeFunction(*Cause->Via);
    explainFunction(Cause->Via, Depth + 1);
    return;
  case RepeatCause::ExternallyCallable:
    diag(Cause->Site,
         "%0 can be called from other translation units any number of times",
         DiagnosticIDs::Note)
        << Name;
    return;
  }
}

} // namespace clang::tidy::bloat
