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
    // The checks these factories create share each TU's analysis through
    // one hub (utils/AnalysisHub.h), and nothing else.
    auto Hub = std::make_shared<AnalysisHub>();
    registerSharing<LongLivedCaptureCheck>(CheckFactories, Hub,
                                           "bloat-long-lived-capture");
    registerSharing<UnboundedCacheCheck>(CheckFactories, Hub,
                                         "bloat-unbounded-cache");
    registerSharing<UnboundedContainerCheck>(CheckFactories, Hub,
                                             "bloat-unbounded-container");
    registerSharing<UncheckedGrowthSizeCheck>(CheckFactories, Hub,
                                              "bloat-unchecked-growth-size");
  }

private:
  template <typename CheckT>
  static void registerSharing(ClangTidyCheckFactories &CheckFactories,
                              const std::shared_ptr<AnalysisHub> &Hub,
                              StringRef Name) {
    CheckFactories.registerCheckFactory(
        Name, [Hub](StringRef Name, ClangTidyContext *Context) {
          return std::make_unique<CheckT>(Name, Context, Hub);
        });
  }
};

} // namespace bloat

static ClangTidyModuleRegistry::Add<bloat::BloatModule>
    X("bloat-module", "Checks for memory bloat in long-running programs.");

// Referenced by the bloat-tidy driver so that the linker keeps this module.
volatile int BloatModuleAnchorSource = 0;

} // namespace clang::tidy
