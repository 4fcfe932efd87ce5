//===--- UnboundedCacheCheck.cpp - bloat-unbounded-cache ------------------===//

#include "UnboundedCacheCheck.h"
#include "utils/FindingNotes.h"

namespace clang::tidy::bloat {

void UnboundedCacheCheck::report(const UnboundedContainer &Finding) {
  diag(Finding.Primary->Loc,
       "%0 (%1) is a cache that grows without bound: entries are added "
       "on a miss on a repeating path but never evicted")
      << Finding.Decl << describeOwner(Finding.TheOwner);
  noteDeclarationAndGrowth(*this, Finding);
  diag(Finding.CacheLookup->getBeginLoc(),
       "looked up here; a miss adds an entry", DiagnosticIDs::Note);
  noteWhyRepeats(*this, facts().paths(), Finding);
  diag(Finding.Decl->getLocation(),
       "bound it: cap the number of entries and evict the least recently "
       "used (LRU), or expire entries after a time to live (TTL)",
       DiagnosticIDs::Note);
}

} // namespace clang::tidy::bloat
