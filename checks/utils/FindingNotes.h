//===--- FindingNotes.h - notes shared by the container checks -*- C++ -*-===//
//
// Every container finding explains itself the same way: where the container
// is declared, where else it grows, and why the growing path repeats.
//
//===----------------------------------------------------------------------===//

#ifndef BLOAT_TIDY_UTILS_FINDINGNOTES_H
#define BLOAT_TIDY_UTILS_FINDINGNOTES_H

#include "analysis/ContainerFacts.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::bloat {

/// "'history' is declared here", then "'history' also grows here" for each
/// other growth site.
void noteDeclarationAndGrowth(ClangTidyCheck &Check,
                              const UnboundedContainer &Finding);

/// Why the reported growth runs again and again: the loop, the caller inside
/// a loop (following callers a few levels up), the stored lambda, ...
void noteWhyRepeats(ClangTidyCheck &Check, const RepeatingPaths &Paths,
                    const UnboundedContainer &Finding);

} // namespace clang::tidy::bloat

#endif // BLOAT_TIDY_UTILS_FINDINGNOTES_H
