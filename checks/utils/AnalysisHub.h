//===--- AnalysisHub.h - what the bloat checks of one TU share --*- C++ -*-===//
//
// Every bloat check reads the same analysis of a TU (one walk of its bodies,
// the container facts). clang-tidy and clangd create the checks anew for each
// TU; the module's check factories hold one hub and hand it to every check
// they create. A check asks the hub for the analysis of the TU whose
// MatchFinder it registers with (one MatchFinder per TU, in clang-tidy and in
// clangd alike), so the checks of one TU share it and checks of TUs analysed
// at the same time (clangd's threads) never do. The analysis lives as long as
// the checks holding it: the hub keeps no TU alive.
//
//===----------------------------------------------------------------------===//

#ifndef BLOAT_TIDY_UTILS_ANALYSISHUB_H
#define BLOAT_TIDY_UTILS_ANALYSISHUB_H

#include "llvm/ADT/StringRef.h"
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

namespace clang::ast_matchers {
class MatchFinder;
} // namespace clang::ast_matchers

namespace clang::tidy::bloat {

class AnalysisHub {
public:
  /// The live analysis called \p Name of the TU matched by \p Finder, or a
  /// new one from \p Make. Every caller of one name must ask for one type;
  /// \p Make runs under the hub's lock, so it must not share() itself.
  template <typename T, typename MakeT>
  std::shared_ptr<T> share(const ast_matchers::MatchFinder &Finder,
                           llvm::StringRef Name, MakeT Make) {
    std::lock_guard<std::mutex> Lock(Mutex);
    forgetFinishedTUs();
    std::weak_ptr<void> &Entry = Entries[{&Finder, Name.str()}];
    if (std::shared_ptr<void> Live = Entry.lock())
      return std::static_pointer_cast<T>(Live);
    std::shared_ptr<T> Made = Make();
    Entry = Made;
    return Made;
  }

private:
  void forgetFinishedTUs() {
    for (auto It = Entries.begin(); It != Entries.end();)
      It = It->second.expired() ? Entries.erase(It) : std::next(It);
  }

  std::mutex Mutex;
  std::map<std::pair<const ast_matchers::MatchFinder *, std::string>,
           std::weak_ptr<void>>
      Entries;
};

} // namespace clang::tidy::bloat

#endif // BLOAT_TIDY_UTILS_ANALYSISHUB_H
