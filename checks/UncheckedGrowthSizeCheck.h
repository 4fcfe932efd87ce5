//===--- UncheckedGrowthSizeCheck.h -----------------------------*- C++ -*-===//

#ifndef BLOAT_TIDY_UNCHECKEDGROWTHSIZECHECK_H
#define BLOAT_TIDY_UNCHECKEDGROWTHSIZECHECK_H

#include "analysis/ContainerModel.h"
#include "analysis/SizeFlow.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "utils/BoundFixes.h"
#include "utils/ContainerOptions.h"
#include "utils/SharedBodyWalk.h"
#include "llvm/Support/Regex.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::bloat {

/// Flags an allocation or growth whose size comes from a parameter or from
/// input and is not checked against an upper bound first: the seed's
/// `store_blob(size)`.
///
/// For the user-facing documentation see
/// docs/checks/bloat-unchecked-growth-size.md
class UncheckedGrowthSizeCheck : public ClangTidyCheck, private WalkListener {
public:
  UncheckedGrowthSizeCheck(StringRef Name, ClangTidyContext *Context,
                           std::shared_ptr<AnalysisHub> Hub);
  ~UncheckedGrowthSizeCheck() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  /// One allocation an unchecked size reaches. They are reported at the end
  /// of the TU, one warning per source, so that a parameter reaching several
  /// allocations is one finding.
  struct Reach {
    const Expr *Size;
    const Expr *Allocation;
    std::string Description;
    const FunctionDecl *Function;
    SizeSource Source;
  };

  bool startBody(const FunctionDecl *Function, ASTContext &Context) override;
  void visit(const Stmt &S, const WalkPosition &Where) override;
  void checkSize(const Expr &Size, const Expr &Allocation,
                 StringRef Description, const FunctionDecl &Function);
  bool parametersAreSources(const FunctionDecl &Function) const;
  void checkAllocation(const Expr &E, const FunctionDecl &Function);
  void report(llvm::ArrayRef<const Reach *> Reaches);

  /// Where the checks of a TU find its shared walk.
  const std::shared_ptr<AnalysisHub> Hub;
  const ClangTidyContext &TidyContext;
  const StringRef AllocatorFunctionNames;
  const StringRef IgnoredFunctions;
  std::optional<llvm::Regex> AllocatorFunctionsRegex;
  std::optional<llvm::Regex> IgnoredFunctionsRegex;
  /// ContainerTypes and BoundedTypes, read under this check's name or
  /// globally like every container check's.
  const ContainerCheckOptions ModelOptions;
  const ContainerModel Model;
  SizeFlow Flow;
  std::vector<Reach> Reaches;
  BoundFixNames FixNames;
  /// The TU's walk, from registerMatchers on.
  std::shared_ptr<SharedBodyWalk> Walk;
};

} // namespace clang::tidy::bloat

#endif // BLOAT_TIDY_UNCHECKEDGROWTHSIZECHECK_H
