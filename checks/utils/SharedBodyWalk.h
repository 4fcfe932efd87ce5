//===--- SharedBodyWalk.h - one walk of the TU for every check --*- C++ -*-===//
//
// Every bloat check reads the same statements: each function body once, with
// its ancestors (analysis/BodyWalk.h). The checks of one TU share one walk
// (see AnalysisHub.h), and each takes part as a WalkListener.
//
// The walk is a match callback of its own, so clang-tidy's
// --enable-check-profile shows its cost on a row of its own,
// "bloat-shared-walk", and each check's row shows only what the check itself
// does with the walk's results.
//
//===----------------------------------------------------------------------===//

#ifndef BLOAT_TIDY_UTILS_SHAREDBODYWALK_H
#define BLOAT_TIDY_UTILS_SHAREDBODYWALK_H

#include "analysis/BodyWalk.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "utils/AnalysisHub.h"
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::bloat {

class SharedBodyWalk : public ast_matchers::MatchFinder::MatchCallback {
public:
  /// \p WholeTU: the TU is traversed as a whole (clang-tidy, not clangd);
  /// see addBodyWalkMatchers.
  explicit SharedBodyWalk(bool WholeTU) : WholeTU(WholeTU) {}

  /// The walk of the TU that \p Finder matches, registering its matchers
  /// with \p Finder for the first check that asks.
  static std::shared_ptr<SharedBodyWalk>
  get(AnalysisHub &Hub, ast_matchers::MatchFinder &Finder,
      const ClangTidyContext &Context);

  void addListener(WalkListener &Listener);
  void removeListener(WalkListener &Listener);
  /// \p Finish runs once the walk has seen the whole TU, on the walk's own
  /// profile row: work every check of the TU needs.
  void whenWalked(std::function<void()> Finish);

  /// False when the TU has errors that make its AST unreliable: then nothing
  /// is walked and no check reports. clang-tidy (not clangd, which shows the
  /// errors in place) then says so once per TU on stderr:
  /// `bloat-*: <file> was not analysed: it has compile errors`.
  bool tuCompiled() const { return !TUHasErrors; }
  const SourceManager *sourceManager() const { return SM; }

  void run(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  llvm::StringRef getID() const override { return "bloat-shared-walk"; }

private:
  const bool WholeTU;
  std::vector<WalkListener *> Listeners;
  std::vector<std::function<void()>> Finishers;
  bool TUHasErrors = false;
  const SourceManager *SM = nullptr;
  /// The main file of a TU skipped for its errors, said at its end.
  std::string SkippedFile;
};

/// Gives \p Check the end of the TU (clang-tidy ends it only for the
/// callbacks that registered a matcher) at the cost of one match per TU.
void registerEndOfTUMatcher(ast_matchers::MatchFinder &Finder,
                            ast_matchers::MatchFinder::MatchCallback &Check);

} // namespace clang::tidy::bloat

#endif // BLOAT_TIDY_UTILS_SHAREDBODYWALK_H
