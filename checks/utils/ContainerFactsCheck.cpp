//===--- ContainerFactsCheck.cpp - base of the container checks -----------===//

#include "utils/ContainerFactsCheck.h"
#include "clang/AST/ASTContext.h"

using namespace clang::ast_matchers;

namespace clang::tidy::bloat {

ContainerFactsCheck::ContainerFactsCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      ModelOptions(Options, Name,
                   [this](StringRef Message) { configurationDiag(Message); }),
      Facts(ModelOptions.makeFacts()) {}

void ContainerFactsCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  ModelOptions.store(Options, Opts);
}

void ContainerFactsCheck::registerMatchers(MatchFinder *Finder) {
  Facts.registerMatchers(*Finder, *this);
}

bool ContainerFactsCheck::tuCompiled(const MatchFinder::MatchResult &Result) {
  if (Result.Context->getDiagnostics().hasUncompilableErrorOccurred())
    TUHasErrors = true;
  SM = Result.SourceManager;
  return !TUHasErrors;
}

void ContainerFactsCheck::check(const MatchFinder::MatchResult &Result) {
  if (tuCompiled(Result))
    Facts.collect(Result);
}

void ContainerFactsCheck::onEndOfTranslationUnit() {
  if (!TUHasErrors && SM)
    for (const UnboundedContainer &Finding : Facts.unboundedContainers(*SM))
      if (!ModelOptions.isIgnored(*Finding.Decl))
        report(Finding);
  Facts.clear();
  SM = nullptr;
  TUHasErrors = false;
}

} // namespace clang::tidy::bloat
