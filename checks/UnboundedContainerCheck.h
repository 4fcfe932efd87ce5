//===--- UnboundedContainerCheck.h - bloat-unbounded-container --*- C++ -*-===//

#ifndef BLOAT_TIDY_UNBOUNDEDCONTAINERCHECK_H
#define BLOAT_TIDY_UNBOUNDEDCONTAINERCHECK_H

#include "analysis/ContainerFacts.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "utils/ContainerOptions.h"

namespace clang::tidy::bloat {

/// Flags a container that outlives the work that fills it and keeps growing
/// on a path that repeats, while nothing the TU can see erases, clears or caps
/// it.
///
/// For the user-facing documentation see
/// docs/checks/bloat-unbounded-container.md
class UnboundedContainerCheck : public ClangTidyCheck {
public:
  UnboundedContainerCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  const ContainerCheckOptions ModelOptions;
  /// bloat-unbounded-cache reports caches itself: one finding per container.
  const bool CacheCheckEnabled;
  ContainerFacts Facts;
  const SourceManager *SM = nullptr;
  bool TUHasErrors = false;
};

} // namespace clang::tidy::bloat

#endif // BLOAT_TIDY_UNBOUNDEDCONTAINERCHECK_H
