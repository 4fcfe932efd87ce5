//===--- ContainerFactsCheck.cpp - base of the container checks -----------===//

#include "utils/ContainerFactsCheck.h"
#include "utils/PerTURegistry.h"
#include "utils/SharedBodyWalk.h"
#include "clang/AST/ASTContext.h"

using namespace clang::ast_matchers;

namespace clang::tidy::bloat {

/// The container facts of one TU, for the checks configured alike. It
/// listens to the TU's shared walk and lives as long as the TU's checks.
class SharedContainerFacts {
public:
  SharedContainerFacts(ContainerFacts Facts,
                       std::shared_ptr<SharedBodyWalk> Walk)
      : Facts(std::move(Facts)), Walk(std::move(Walk)) {
    this->Walk->addListener(this->Facts);
  }
  ~SharedContainerFacts() { Walk->removeListener(Facts); }
  SharedContainerFacts(const SharedContainerFacts &) = delete;
  SharedContainerFacts &operator=(const SharedContainerFacts &) = delete;

  /// The facts for the checks of \p Context configured by \p Options.
  static std::shared_ptr<SharedContainerFacts>
  get(const ClangTidyContext *Context, const ContainerCheckOptions &Options) {
    static PerTURegistry<std::pair<const ClangTidyContext *, std::string>,
                         SharedContainerFacts>
        Registry;
    return Registry.get({Context, Options.factsKey()}, [&] {
      return std::make_shared<SharedContainerFacts>(
          Options.makeFacts(), SharedBodyWalk::get(Context));
    });
  }

  /// The TU's findings, worked out for the first check that asks; none when
  /// the TU did not compile.
  llvm::ArrayRef<UnboundedContainer> findings() {
    if (!Walk->tuCompiled() || !Walk->sourceManager())
      return {};
    if (!Findings)
      Findings = Facts.unboundedContainers(*Walk->sourceManager());
    return *Findings;
  }

  llvm::ArrayRef<StoredLambda> lambdas() const {
    return Walk->tuCompiled() ? Facts.lambdas()
                              : llvm::ArrayRef<StoredLambda>();
  }

  /// Forgets the TU (the facts hold pointers into its AST) once the last
  /// of its readers is done.
  void join() { ++Readers; }
  void leave() { --Readers; }
  void finishTU() {
    if (++Finished < Readers)
      return;
    Finished = 0;
    Facts.clear();
    Findings.reset();
  }

  ContainerFacts Facts;
  const std::shared_ptr<SharedBodyWalk> Walk;

private:
  unsigned Readers = 0;
  unsigned Finished = 0;
  std::optional<std::vector<UnboundedContainer>> Findings;
};

ContainerFactsCheck::ContainerFactsCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      ModelOptions(Options, Name,
                   [this](StringRef Message) { configurationDiag(Message); }),
      Shared(SharedContainerFacts::get(Context, ModelOptions)) {
  Shared->join();
  Shared->Walk->join();
}

ContainerFactsCheck::~ContainerFactsCheck() {
  Shared->leave();
  Shared->Walk->leave();
}

void ContainerFactsCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  ModelOptions.store(Options, Opts);
}

void ContainerFactsCheck::registerMatchers(MatchFinder *Finder) {
  Shared->Walk->registerMatchers(*Finder, *this);
}

void ContainerFactsCheck::check(const MatchFinder::MatchResult &Result) {
  Shared->Walk->onMatch(Result);
}

const ContainerFacts &ContainerFactsCheck::facts() const {
  return Shared->Facts;
}

void ContainerFactsCheck::onEndOfTranslationUnit() {
  for (const UnboundedContainer &Finding : Shared->findings())
    if (!ModelOptions.isIgnored(*Finding.Decl))
      report(Finding);
  for (const StoredLambda &Lambda : Shared->lambdas())
    reportStoredLambda(Lambda);
  Shared->finishTU();
  Shared->Walk->finishTU();
}

} // namespace clang::tidy::bloat
