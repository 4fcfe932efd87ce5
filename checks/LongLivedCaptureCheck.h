//===--- LongLivedCaptureCheck.h - bloat-long-lived-capture -----*- C++ -*-===//

#ifndef BLOAT_TIDY_LONGLIVEDCAPTURECHECK_H
#define BLOAT_TIDY_LONGLIVEDCAPTURECHECK_H

#include "analysis/Callbacks.h"
#include "utils/ContainerFactsCheck.h"
#include "utils/SharedBodyWalk.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Regex.h"
#include <optional>

namespace clang::tidy::bloat {

/// Flags a lambda stored somewhere long-lived that captures a large object by
/// value (or by shared_ptr copy): the copy lives as long as the callback. Also
/// flags callbacks registered into a long-lived container and never removed
/// (bloat-unbounded-container leaves those to this check).
///
/// For the user-facing documentation see
/// docs/checks/bloat-long-lived-capture.md
class LongLivedCaptureCheck : public ContainerFactsCheck, private WalkListener {
public:
  LongLivedCaptureCheck(StringRef Name, ClangTidyContext *Context,
                        std::shared_ptr<AnalysisHub> Hub);
  ~LongLivedCaptureCheck() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void onEndOfTranslationUnit() override;

private:
  /// Collects where a callback holder is emptied (`Holder = nullptr;`).
  void visit(const Stmt &S, const WalkPosition &Where) override;
  /// Whether the TU empties \p Holder after it keeps \p Lambda: in another
  /// function, or later in the function that stores it.
  bool isReleased(const ValueDecl &Holder, const LambdaExpr &Lambda) const;
  /// A variable or member, the same for every instantiation of a template.
  using HolderKey = std::pair<const Decl *, const IdentifierInfo *>;
  static std::optional<HolderKey> holderKey(const ValueDecl &Holder);
  struct Release {
    const FunctionDecl *Function;
    SourceLocation Loc;
  };
  llvm::DenseMap<HolderKey, llvm::SmallVector<Release, 2>> Releases;
  const std::shared_ptr<AnalysisHub> WalkHub;
  const ClangTidyContext &TidyContext;
  std::shared_ptr<SharedBodyWalk> Walk;

  /// A callback container that only grows.
  void report(const UnboundedContainer &Finding) override;
  /// A lambda kept somewhere long-lived that captures something large.
  void reportStoredLambda(const StoredLambda &Stored) override;
  /// Why a captured type is large, or std::nullopt when it is not.
  std::optional<std::string> whyLarge(QualType Type,
                                      const ASTContext &Context) const;
  std::optional<std::string> describeStorage(const CallbackStorage &Storage);

  const StringRef RegistrationFunctions;
  const unsigned SizeThreshold;
  std::optional<llvm::Regex> RegistrationRegex;
  const ContainerModel Model;
};

} // namespace clang::tidy::bloat

#endif // BLOAT_TIDY_LONGLIVEDCAPTURECHECK_H
