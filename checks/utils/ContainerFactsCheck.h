//===--- ContainerFactsCheck.h - base of the container checks --*- C++ -*-===//
//
// The checks that report from the shared container facts differ only in what
// they say about a finding. This base reads the container-model options,
// feeds the facts while clang-tidy matches, and once per TU hands each
// unbounded container the user did not ignore to report().
//
//===----------------------------------------------------------------------===//

#ifndef BLOAT_TIDY_UTILS_CONTAINERFACTSCHECK_H
#define BLOAT_TIDY_UTILS_CONTAINERFACTSCHECK_H

#include "analysis/ContainerFacts.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "utils/ContainerOptions.h"

namespace clang::tidy::bloat {

class ContainerFactsCheck : public ClangTidyCheck {
public:
  ContainerFactsCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

protected:
  /// One unbounded container of the TU, in source order.
  virtual void report(const UnboundedContainer &Finding) = 0;
  /// Whether the TU compiled: a broken AST gets no findings.
  bool tuCompiled(const ast_matchers::MatchFinder::MatchResult &Result);

  const ContainerCheckOptions ModelOptions;
  ContainerFacts Facts;

private:
  const SourceManager *SM = nullptr;
  bool TUHasErrors = false;
};

} // namespace clang::tidy::bloat

#endif // BLOAT_TIDY_UTILS_CONTAINERFACTSCHECK_H
