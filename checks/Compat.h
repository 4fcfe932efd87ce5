//===--- Compat.h - differences between supported LLVM versions -*- C++ -*-===//
//
// Every difference between the LLVM versions bloat-tidy builds against (16,
// 19 and 22 from Debian) is handled here, not in #ifs scattered through the
// checks.
//
//===----------------------------------------------------------------------===//

#ifndef BLOAT_TIDY_COMPAT_H
#define BLOAT_TIDY_COMPAT_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/AST/Decl.h"
#include "llvm/Config/llvm-config.h"

#if LLVM_VERSION_MAJOR < 22
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

namespace clang::tidy::bloat::compat {

/// `virtual void f() = 0;` (FunctionDecl::isPure before LLVM 18).
inline bool isPureVirtual(const FunctionDecl &Function) {
#if LLVM_VERSION_MAJOR >= 18
  return Function.isPureVirtual();
#else
  return Function.isPure();
#endif
}

/// Whether the checks run inside clangd, whose matchers traverse only the
/// main file's top-level declarations, never the TranslationUnitDecl. clangd
/// (and only clangd) asks clang-tidy for self-contained diagnostics.
inline bool runsInClangd(const ClangTidyContext &Context) {
  return Context.areDiagsSelfContained();
}

} // namespace clang::tidy::bloat::compat

#endif // BLOAT_TIDY_COMPAT_H
