//===--- UnboundedCacheCheck.h - bloat-unbounded-cache ----------*- C++ -*-===//

#ifndef BLOAT_TIDY_UNBOUNDEDCACHECHECK_H
#define BLOAT_TIDY_UNBOUNDEDCACHECHECK_H

#include "analysis/ContainerFacts.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "utils/ContainerOptions.h"

namespace clang::tidy::bloat {

/// Flags a long-lived map or set used as a memo or lookup cache: looked up,
/// then filled on a miss, on a repeating path, and never evicted.
///
/// For the user-facing documentation see docs/checks/bloat-unbounded-cache.md
class UnboundedCacheCheck : public ClangTidyCheck {
public:
  UnboundedCacheCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  const ContainerCheckOptions ModelOptions;
  ContainerFacts Facts;
  const SourceManager *SM = nullptr;
  bool TUHasErrors = false;
};

} // namespace clang::tidy::bloat

#endif // BLOAT_TIDY_UNBOUNDEDCACHECHECK_H
