//===--- UnboundedCacheCheck.cpp - bloat-unbounded-cache ------------------===//

#include "UnboundedCacheCheck.h"
#include "utils/FindingNotes.h"
#include "clang/AST/ASTContext.h"

using namespace clang::ast_matchers;

namespace clang::tidy::bloat {

UnboundedCacheCheck::UnboundedCacheCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      ModelOptions(Options, Name,
                   [this](StringRef Message) { configurationDiag(Message); }),
      Facts(ModelOptions.makeFacts()) {}

void UnboundedCacheCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  ModelOptions.store(Options, Opts);
}

void UnboundedCacheCheck::registerMatchers(MatchFinder *Finder) {
  Facts.registerMatchers(*Finder, *this);
}

void UnboundedCacheCheck::check(const MatchFinder::MatchResult &Result) {
  if (Result.Context->getDiagnostics().hasUncompilableErrorOccurred()) {
    TUHasErrors = true;
    return;
  }
  SM = Result.SourceManager;
  Facts.collect(Result);
}

void UnboundedCacheCheck::onEndOfTranslationUnit() {
  if (!TUHasErrors && SM) {
    for (const UnboundedContainer &Finding : Facts.unboundedContainers(*SM)) {
      if (!Finding.CacheLookup || ModelOptions.isIgnored(*Finding.Decl))
        continue;
      diag(Finding.Primary->Loc,
           "%0 (%1) is a cache that grows without bound: entries are added "
           "on a miss on a repeating path but never evicted")
          << Finding.Decl << describeOwner(Finding.TheOwner);
      noteDeclarationAndGrowth(*this, Finding);
      diag(Finding.CacheLookup->getBeginLoc(),
           "looked up here; a miss adds an entry", DiagnosticIDs::Note);
      noteWhyRepeats(*this, Facts.paths(), Finding);
      diag(Finding.Decl->getLocation(),
           "bound it: cap the number of entries and evict the least recently "
           "used (LRU), or expire entries after a time to live (TTL)",
           DiagnosticIDs::Note);
    }
  }
  Facts.clear();
  SM = nullptr;
  TUHasErrors = false;
}

} // namespace clang::tidy::bloat
