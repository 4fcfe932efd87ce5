//===--- LongLivedCaptureCheck.h - bloat-long-lived-capture -----*- C++ -*-===//

#ifndef BLOAT_TIDY_LONGLIVEDCAPTURECHECK_H
#define BLOAT_TIDY_LONGLIVEDCAPTURECHECK_H

#include "analysis/Callbacks.h"
#include "utils/ContainerFactsCheck.h"
#include "llvm/ADT/DenseSet.h"
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
class LongLivedCaptureCheck : public ContainerFactsCheck {
public:
  LongLivedCaptureCheck(StringRef Name, ClangTidyContext *Context,
                        std::shared_ptr<AnalysisHub> Hub);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
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
