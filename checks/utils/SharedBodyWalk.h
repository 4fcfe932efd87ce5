//===--- SharedBodyWalk.h - one walk of the TU for every check --*- C++ -*-===//
//
// Every bloat check reads the same statements: each function body once, with
// its ancestors (analysis/BodyWalk.h). clang-tidy and clangd create the checks
// anew for each TU; the checks of one TU share one walk, and each takes part
// as a WalkListener. The first check to register matchers registers the
// walk's; clang-tidy's profile charges the walk to that check.
//
//===----------------------------------------------------------------------===//

#ifndef BLOAT_TIDY_UTILS_SHAREDBODYWALK_H
#define BLOAT_TIDY_UTILS_SHAREDBODYWALK_H

#include "analysis/BodyWalk.h"
#include "clang-tidy/ClangTidyCheck.h"
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::bloat {

class SharedBodyWalk {
public:
  /// \p WholeTU: the TU is traversed as a whole (clang-tidy, not clangd);
  /// see addBodyWalkMatchers.
  explicit SharedBodyWalk(bool WholeTU) : WholeTU(WholeTU) {}

  /// The walk of the TU that \p Context's checks analyse.
  static std::shared_ptr<SharedBodyWalk> get(const ClangTidyContext *Context);

  void addListener(WalkListener &Listener);
  void removeListener(WalkListener &Listener);

  /// Registers the walk's matchers with \p Check as their callback for the
  /// first check that asks, and for the others a matcher that costs nothing
  /// (clang-tidy ends the TU only for checks that have a matcher).
  void registerMatchers(ast_matchers::MatchFinder &Finder,
                        ast_matchers::MatchFinder::MatchCallback &Check);
  /// Hands a match of any participating check to the walk.
  void onMatch(const ast_matchers::MatchFinder::MatchResult &Result);

  /// False when the TU has errors that make its AST unreliable: then nothing
  /// is walked and no check reports. clang-tidy (not clangd, which shows the
  /// errors in place) then says so once per TU on stderr:
  /// `bloat-*: <file> was not analysed: it has compile errors`.
  bool tuCompiled() const { return !TUHasErrors; }
  const SourceManager *sourceManager() const { return SM; }

  /// Called by every participating check at the end of the TU; the last one
  /// reports a skipped TU and resets the walk for a next TU.
  void join() { ++Participants; }
  void leave() { --Participants; }
  void finishTU();

private:
  const bool WholeTU;
  std::vector<WalkListener *> Listeners;
  unsigned Participants = 0;
  unsigned Finished = 0;
  bool MatchersRegistered = false;
  bool TUHasErrors = false;
  const SourceManager *SM = nullptr;
  /// The main file of a TU skipped for its errors, said at its end.
  std::string SkippedFile;
};

} // namespace clang::tidy::bloat

#endif // BLOAT_TIDY_UTILS_SHAREDBODYWALK_H
