//===--- UnboundedContainerCheck.cpp - bloat-unbounded-container ----------===//

#include "UnboundedContainerCheck.h"
#include "utils/FindingNotes.h"
#include "clang/AST/ASTContext.h"

using namespace clang::ast_matchers;

namespace clang::tidy::bloat {

UnboundedContainerCheck::UnboundedContainerCheck(StringRef Name,
                                                 ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      ModelOptions(Options, Name,
                   [this](StringRef Message) { configurationDiag(Message); }),
      CacheCheckEnabled(Context->isCheckEnabled("bloat-unbounded-cache")),
      Facts(ModelOptions.makeFacts()) {}

void UnboundedContainerCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  ModelOptions.store(Options, Opts);
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
      if (ModelOptions.isIgnored(*Finding.Decl) ||
          (CacheCheckEnabled && Finding.CacheLookup))
        continue;
      diag(Finding.Primary->Loc,
           "%0 (%1) grows without bound: %select{appended|inserted}2 on a "
           "repeating path but never erased, cleared or capped")
          << Finding.Decl << describeOwner(Finding.TheOwner)
          << Finding.Type.isAssociative();
      noteDeclarationAndGrowth(*this, Finding);
      noteWhyRepeats(*this, Facts.paths(), Finding);
      diag(Finding.Decl->getLocation(),
           "%select{bound it: erase the oldest entries once it passes a size "
           "limit, keep it in a ring buffer such as boost::circular_buffer, or "
           "clear it once per request or frame|"
           "bound it: evict entries past a size limit (LRU) or an age (TTL), "
           "or clear it once per request or frame|"
           "bound it: declare it inside the loop, or consume and clear it on "
           "every iteration}0",
           DiagnosticIDs::Note)
          << (Finding.TheOwner.Kind == OwnerKind::Local ? 2
              : Finding.Type.isAssociative()            ? 1
                                                        : 0);
    }
  }
  Facts.clear();
  SM = nullptr;
  TUHasErrors = false;
}

} // namespace clang::tidy::bloat
