//===--- UnboundedCacheCheck.h - bloat-unbounded-cache ----------*- C++ -*-===//

#ifndef BLOAT_TIDY_UNBOUNDEDCACHECHECK_H
#define BLOAT_TIDY_UNBOUNDEDCACHECHECK_H

#include "utils/ContainerFactsCheck.h"

namespace clang::tidy::bloat {

/// Flags a long-lived map or set used as a memo or lookup cache: looked up,
/// then filled on a miss, on a repeating path, and never evicted.
///
/// For the user-facing documentation see docs/checks/bloat-unbounded-cache.md
class UnboundedCacheCheck : public ContainerFactsCheck {
public:
  using ContainerFactsCheck::ContainerFactsCheck;

private:
  void report(const UnboundedContainer &Finding) override;
};

} // namespace clang::tidy::bloat

#endif // BLOAT_TIDY_UNBOUNDEDCACHECHECK_H
