//===--- BloatClangdMain.cpp - clangd with the bloat module ---------------===//
//
// bloat-clangd: Debian's clangd (libclangdMain.a) with the bloat checks linked
// in, so that editors show bloat-* findings as they type.
//
//===----------------------------------------------------------------------===//

#include "llvm/Support/Compiler.h"

namespace clang::clangd {
// Defined in libclangdMain.a; LLVM does not install its header.
int clangdMain(int Argc, char *Argv[]);
} // namespace clang::clangd

namespace clang::tidy {
// Defined in BloatTidyModule.cpp; referencing it keeps the module's static
// registration from being dropped by the linker.
extern volatile int BloatModuleAnchorSource;
static int LLVM_ATTRIBUTE_UNUSED BloatModuleAnchorDestination =
    BloatModuleAnchorSource;
} // namespace clang::tidy

int main(int Argc, char *Argv[]) {
  return clang::clangd::clangdMain(Argc, Argv);
}
