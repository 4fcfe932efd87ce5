//===--- ContainerFactsCheck.cpp - base of the container checks -----------===//

#include "utils/ContainerFactsCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include <map>
#include <mutex>

using namespace clang::ast_matchers;

namespace clang::tidy::bloat {

/// The facts of one TU and the checks that read them. clang-tidy and clangd
/// create the checks anew for every TU, so this lives exactly as long as one
/// TU's checks.
class SharedContainerFacts {
public:
  explicit SharedContainerFacts(ContainerFacts Facts)
      : Facts(std::move(Facts)) {}

  /// The facts for the checks of \p Context configured by \p Options: one
  /// object for all of them.
  static std::shared_ptr<SharedContainerFacts>
  get(const ClangTidyContext *Context, const ContainerCheckOptions &Options) {
    static std::mutex Mutex;
    static std::map<std::pair<const void *, std::string>,
                    std::weak_ptr<SharedContainerFacts>>
        Registry;
    std::lock_guard<std::mutex> Lock(Mutex);
    // Forget the TUs that are done.
    for (auto It = Registry.begin(); It != Registry.end();)
      It = It->second.expired() ? Registry.erase(It) : std::next(It);
    std::weak_ptr<SharedContainerFacts> &Entry =
        Registry[{Context, Options.factsKey()}];
    std::shared_ptr<SharedContainerFacts> Shared = Entry.lock();
    if (!Shared) {
      Shared = std::make_shared<SharedContainerFacts>(Options.makeFacts());
      Entry = Shared;
    }
    ++Shared->Readers;
    return Shared;
  }

  void leave() { --Readers; }

  /// Only the first check registers the walk; the others read its facts.
  bool claimMatchers() { return !std::exchange(MatchersClaimed, true); }

  void collect(const MatchFinder::MatchResult &Result) {
    if (Result.Context->getDiagnostics().hasUncompilableErrorOccurred())
      TUHasErrors = true;
    SM = Result.SourceManager;
    if (!TUHasErrors)
      Facts.collect(Result);
  }

  /// The TU's findings, worked out for the first check that asks; none when
  /// the TU did not compile.
  llvm::ArrayRef<UnboundedContainer> findings() {
    if (!Findings && !TUHasErrors && SM)
      Findings = Facts.unboundedContainers(*SM);
    return Findings ? llvm::ArrayRef<UnboundedContainer>(*Findings)
                    : llvm::ArrayRef<UnboundedContainer>();
  }

  llvm::ArrayRef<StoredLambda> lambdas() const {
    return TUHasErrors ? llvm::ArrayRef<StoredLambda>() : Facts.lambdas();
  }

  /// Called by each reader at the end of the TU; the last one forgets it
  /// (the facts hold pointers into its AST).
  void finishTU() {
    if (++Finished < Readers)
      return;
    Facts.clear();
    Findings.reset();
    SM = nullptr;
    TUHasErrors = false;
    Finished = 0;
  }

  ContainerFacts Facts;

private:
  unsigned Readers = 0;
  unsigned Finished = 0;
  bool MatchersClaimed = false;
  bool TUHasErrors = false;
  const SourceManager *SM = nullptr;
  std::optional<std::vector<UnboundedContainer>> Findings;
};

ContainerFactsCheck::ContainerFactsCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      ModelOptions(Options, Name,
                   [this](StringRef Message) { configurationDiag(Message); }),
      Shared(SharedContainerFacts::get(Context, ModelOptions)) {}

ContainerFactsCheck::~ContainerFactsCheck() { Shared->leave(); }

void ContainerFactsCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  ModelOptions.store(Options, Opts);
}

void ContainerFactsCheck::registerMatchers(MatchFinder *Finder) {
  if (Shared->claimMatchers())
    Shared->Facts.registerMatchers(*Finder, *this);
  else
    // MatchFinder ends the TU only for checks with a matcher: this one
    // matches once per TU at most, and never in clangd's traversal scope.
    Finder->addMatcher(translationUnitDecl(), this);
}

void ContainerFactsCheck::check(const MatchFinder::MatchResult &Result) {
  Shared->collect(Result);
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
}

} // namespace clang::tidy::bloat
