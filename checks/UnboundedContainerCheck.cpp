//===--- UnboundedContainerCheck.cpp - bloat-unbounded-container ----------===//

#include "UnboundedContainerCheck.h"
#include "utils/FindingNotes.h"

namespace clang::tidy::bloat {

void UnboundedContainerCheck::report(const UnboundedContainer &Finding) {
  if (!Finding.ElementPath.empty())
    diag(Finding.Primary->Loc,
         "%0 (%1) grows inside its elements ('%2' is appended to) on a "
         "repeating path, and nothing there erases, clears or caps them")
        << Finding.Decl << describeOwner(Finding.TheOwner)
        << Finding.ElementPath;
  else
    diag(Finding.Primary->Loc,
         "%0 (%1) grows without bound: %select{appended|inserted}2 on a "
         "repeating path but never erased, cleared or capped")
        << Finding.Decl << describeOwner(Finding.TheOwner)
        << Finding.Type.isAssociative();
  noteDeclarationAndGrowth(*this, Finding);
  if (Finding.GivenBackRemoval.isValid())
    diag(Finding.GivenBackRemoval,
         "this removal does not bound it: the same key or value is added "
         "again right after it",
         DiagnosticIDs::Note);
  noteWhyRepeats(*this, facts().paths(), Finding);
  // The cap rides on the note: --fix-notes and editors apply it when the
  // user asks, plain --fix never does.
  auto Note =
      diag(Finding.Decl->getLocation(),
           "%select{bound it: erase the oldest entries once it passes a size "
           "limit, keep it in a ring buffer such as boost::circular_buffer, or "
           "clear it once per request or frame|"
           "bound it: evict entries past a size limit (LRU) or an age (TTL), "
           "or clear it once per request or frame|"
           "bound it: declare it inside the loop, or consume and clear it on "
           "every iteration|"
           "bound it: cap each element (drop its oldest entries past a size "
           "limit), or remove elements on the path that fills them}0",
           DiagnosticIDs::Note)
      << (!Finding.ElementPath.empty()                ? 3
          : Finding.TheOwner.Kind == OwnerKind::Local ? 2
          : Finding.Type.isAssociative()              ? 1
                                                      : 0);
  // A cap on the container itself does not bound its elements.
  if (Finding.ElementPath.empty())
    for (const FixItHint &Fix : capContainerFixes(Finding, FixNames))
      Note << Fix;
}

void UnboundedContainerCheck::onEndOfTranslationUnit() {
  ContainerFactsCheck::onEndOfTranslationUnit();
  FixNames.clear();
}

} // namespace clang::tidy::bloat
