//===--- BloatTidyMain.cpp - clang-tidy with the bloat module -------------===//
//
// The bloat-tidy driver: clang-tidy's own main (all built-in modules) with the
// bloat module linked in, for users whose clang-tidy is another LLVM version.
//
//===----------------------------------------------------------------------===//

#include "clang-tidy/tool/ClangTidyMain.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Compiler.h"
#include "llvm/Support/raw_ostream.h"

namespace clang::tidy {
// Defined in BloatTidyModule.cpp; referencing it keeps the module's static
// registration from being dropped by the linker.
extern volatile int BloatModuleAnchorSource;
static int LLVM_ATTRIBUTE_UNUSED BloatModuleAnchorDestination =
    BloatModuleAnchorSource;
} // namespace clang::tidy

int main(int Argc, const char **Argv) {
  // Printed by --version after LLVM's own lines.
  llvm::cl::AddExtraVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "bloat-tidy version " BLOAT_TIDY_VERSION
          " (clang-tidy with the bloat-* checks), built with LLVM version "
          LLVM_VERSION_STRING "\n";
  });
  return clang::tidy::clangTidyMain(Argc, Argv);
}
