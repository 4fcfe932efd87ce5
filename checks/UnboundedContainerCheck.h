//===--- UnboundedContainerCheck.h - bloat-unbounded-container --*- C++ -*-===//

#ifndef BLOAT_TIDY_UNBOUNDEDCONTAINERCHECK_H
#define BLOAT_TIDY_UNBOUNDEDCONTAINERCHECK_H

#include "utils/BoundFixes.h"
#include "utils/ContainerFactsCheck.h"

namespace clang::tidy::bloat {

/// Flags a container that outlives the work that fills it and keeps growing
/// on a path that repeats, while nothing the TU can see erases, clears or caps
/// it.
///
/// For the user-facing documentation see
/// docs/checks/bloat-unbounded-container.md
class UnboundedContainerCheck : public ContainerFactsCheck {
public:
  using ContainerFactsCheck::ContainerFactsCheck;

private:
  void report(const UnboundedContainer &Finding) override;
  void onEndOfTranslationUnit() override;
  /// The limits the "bound it" fixes of this TU declare.
  BoundFixNames FixNames;
};

} // namespace clang::tidy::bloat

#endif // BLOAT_TIDY_UNBOUNDEDCONTAINERCHECK_H
