//===--- BloatTidyModule.cpp - the bloat-* checks -------------------------===//

#include "Compat.h"
#include "LongLivedCaptureCheck.h"
#include "UncheckedGrowthSizeCheck.h"
#include "UnboundedCacheCheck.h"
#include "UnboundedContainerCheck.h"

namespace clang::tidy {
namespace bloat {

class BloatModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &CheckFactories) override {
    CheckFactories.registerCheck<LongLivedCaptureCheck>(
        "bloat-long-lived-capture");
    CheckFactories.registerCheck<UnboundedCacheCheck>("bloat-unbounded-cache");
    CheckFactories.registerCheck<UnboundedContainerCheck>(
        "bloat-unbounded-container");
    CheckFactories.registerCheck<UncheckedGrowthSizeCheck>(
        "bloat-unchecked-growth-size");
  }
};

} // namespace bloat

static ClangTidyModuleRegistry::Add<bloat::BloatModule>
    X("bloat-module", "Checks for memory bloat in long-running programs.");

// Referenced by the bloat-tidy driver so that the linker keeps this module.
volatile int BloatModuleAnchorSource = 0;

} // namespace clang::tidy
