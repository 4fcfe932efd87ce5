//===--- Compat.h - differences between supported LLVM versions -*- C++ -*-===//
//
// Every difference between the LLVM versions bloat-tidy builds against is
// handled here, not in #ifs scattered through the checks.
//
//===----------------------------------------------------------------------===//

#ifndef BLOAT_TIDY_COMPAT_H
#define BLOAT_TIDY_COMPAT_H

#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

#endif // BLOAT_TIDY_COMPAT_H
