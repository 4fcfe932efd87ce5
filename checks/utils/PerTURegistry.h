//===--- PerTURegistry.h - objects shared by one TU's checks ----*- C++ -*-===//
//
// clang-tidy and clangd create the checks anew for every TU (clangd on
// several threads at once, each TU with its own ClangTidyContext). An object
// the checks of one TU share lives as long as the checks holding it; this
// registry only hands it to the checks created after the first.
//
//===----------------------------------------------------------------------===//

#ifndef BLOAT_TIDY_UTILS_PERTUREGISTRY_H
#define BLOAT_TIDY_UTILS_PERTUREGISTRY_H

#include <iterator>
#include <map>
#include <memory>
#include <mutex>

namespace clang::tidy::bloat {

template <typename KeyT, typename T> class PerTURegistry {
public:
  /// The live object for \p Key, or a new one from \p Make.
  template <typename MakeT>
  std::shared_ptr<T> get(const KeyT &Key, MakeT Make) {
    std::lock_guard<std::mutex> Lock(Mutex);
    // Forget the TUs whose checks are gone.
    for (auto It = Entries.begin(); It != Entries.end();)
      It = It->second.expired() ? Entries.erase(It) : std::next(It);
    std::weak_ptr<T> &Entry = Entries[Key];
    std::shared_ptr<T> Shared = Entry.lock();
    if (!Shared) {
      Shared = Make();
      Entry = Shared;
    }
    return Shared;
  }

private:
  std::mutex Mutex;
  std::map<KeyT, std::weak_ptr<T>> Entries;
};

} // namespace clang::tidy::bloat

#endif // BLOAT_TIDY_UTILS_PERTUREGISTRY_H
