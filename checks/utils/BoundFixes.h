//===--- BoundFixes.h - fix-its that bound a finding ------------*- C++ -*-===//
//
// The fix-its of the "bound it" notes: clamp an unchecked size with
// std::min and a named maximum, or cap a long-lived sequence by dropping its
// oldest element beyond a named limit. A cap changes what the program does,
// so they ride on notes: clang-tidy applies them with --fix-notes (and
// exports them with --export-fixes), clangd offers them as code actions, and
// plain --fix leaves them alone.
//
// Each builder returns no hint at all unless it is sure the result compiles:
// nothing in a macro, a template or a lambda, only shapes it can spell
// (a growth call that is a whole statement, a constant it can declare where
// every use sees it under a name that is free).
//
//===----------------------------------------------------------------------===//

#ifndef BLOAT_TIDY_UTILS_BOUNDFIXES_H
#define BLOAT_TIDY_UTILS_BOUNDFIXES_H

#include "analysis/ContainerFacts.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/StringSet.h"
#include <string>
#include <vector>

namespace clang::tidy::bloat {

/// The names the fixes of one TU declare, so that two fixes never declare
/// the same name.
class BoundFixNames {
public:
  /// Whether \p Name, to be declared in \p Scope, is free: the TU never
  /// spells it and no earlier fix took it. Reserves it when it is.
  bool claim(const DeclContext &Scope, llvm::StringRef Name);
  void clear() { Claimed.clear(); }

private:
  llvm::StringSet<> Claimed;
};

/// Fix-its that clamp each of \p Sizes (the allocations one source reaches in
/// \p Function) to `std::min(size, kMax...)`, declaring the constant before
/// the function. \p NameHint names the size (a parameter or a variable), or
/// is empty.
std::vector<FixItHint> clampSizeFixes(const FunctionDecl &Function,
                                      llvm::StringRef NameHint,
                                      llvm::ArrayRef<const Expr *> Sizes,
                                      BoundFixNames &Names);

/// Fix-its that cap \p Finding, a std::vector, std::deque or std::list member
/// or global: after every growth site, drop the oldest element once the
/// container passes a limit the fix declares next to the container.
std::vector<FixItHint> capContainerFixes(const UnboundedContainer &Finding,
                                         BoundFixNames &Names);

/// The limit the container fix declares (the size the memory test expects of
/// the fixed clicker).
constexpr unsigned DefaultContainerLimit = 1000;

} // namespace clang::tidy::bloat

#endif // BLOAT_TIDY_UTILS_BOUNDFIXES_H
