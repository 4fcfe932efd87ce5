//===--- ContainerFactsCheck.h - base of the container checks --*- C++ -*-===//
//
// The checks that report from the shared container facts differ only in what
// they say about a finding. This base reads the container-model options and
// shares one set of facts among every enabled check configured alike, so a TU
// is walked once however many of them run; once per TU it hands each
// unbounded container the user did not ignore, and each kept lambda, to the
// check.
//
//===----------------------------------------------------------------------===//

#ifndef BLOAT_TIDY_UTILS_CONTAINERFACTSCHECK_H
#define BLOAT_TIDY_UTILS_CONTAINERFACTSCHECK_H

#include "analysis/ContainerFacts.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "utils/AnalysisHub.h"
#include "utils/ContainerOptions.h"
#include <memory>

namespace clang::tidy::bloat {

class SharedContainerFacts;

class ContainerFactsCheck : public ClangTidyCheck {
public:
  ContainerFactsCheck(StringRef Name, ClangTidyContext *Context,
                      std::shared_ptr<AnalysisHub> Hub);
  ~ContainerFactsCheck() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

protected:
  /// One unbounded container of the TU that is this check's finding (the
  /// decision says whose: facts/Decide.h's Verdict::Check), in source order.
  virtual void report(const UnboundedContainer &Finding) = 0;
  /// One lambda the TU keeps somewhere, in walk order.
  virtual void reportStoredLambda(const StoredLambda &Lambda) {}

  /// The facts of the TU, for explaining a finding.
  const ContainerFacts &facts() const;

  const ContainerCheckOptions ModelOptions;

private:
  /// Whether a NOLINT or NOLINTNEXTLINE comment naming this check sits on
  /// the container's declaration: it then covers the finding everywhere,
  /// not only a warning that happens to land on that line.
  bool isSuppressedAtDeclaration(const UnboundedContainer &Finding) const;
  /// Writes the TU's whole-program facts when FactsDir is set.
  void storeFactsOnce();

  /// Where the checks of a TU find its shared analysis.
  const std::shared_ptr<AnalysisHub> Hub;
  /// The TU's shared facts, from registerMatchers on.
  std::shared_ptr<SharedContainerFacts> Shared;
  /// `BloatFactsDir`: where to write each TU's facts (docs/wholeprogram.md).
  static constexpr llvm::StringLiteral FactsDirOption = "BloatFactsDir";
  const std::string FactsDir;
  /// Reports from the project's merged facts (an editor's index) instead of
  /// the TU alone; false when there are none.
  bool reportFromProjectFacts();
  /// `BloatProjectFacts`: merged facts of the whole project.
  static constexpr llvm::StringLiteral ProjectFactsOption = "BloatProjectFacts";
  const std::string ProjectFacts;

  /// Every check's options, to write what each silences into the facts.
  const ClangTidyOptions::OptionMap OptionMap;
  ClangTidyContext *const ContextForFacts;

protected:
  const std::string Name;
};

} // namespace clang::tidy::bloat

#endif // BLOAT_TIDY_UTILS_CONTAINERFACTSCHECK_H
