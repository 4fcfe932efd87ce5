//===--- SharedBodyWalk.cpp - one walk of the TU for every check ----------===//

#include "utils/SharedBodyWalk.h"
#include "Compat.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>

using namespace clang::ast_matchers;

namespace clang::tidy::bloat {

std::shared_ptr<SharedBodyWalk>
SharedBodyWalk::get(AnalysisHub &Hub, MatchFinder &Finder,
                    const ClangTidyContext &Context) {
  return Hub.share<SharedBodyWalk>(Finder, "walk", [&] {
    bool WholeTU = !compat::runsInClangd(Context);
    auto Walk = std::make_shared<SharedBodyWalk>(WholeTU);
    addBodyWalkMatchers(Finder, *Walk, WholeTU);
    return Walk;
  });
}

void SharedBodyWalk::addListener(WalkListener &Listener) {
  Listeners.push_back(&Listener);
}

void SharedBodyWalk::removeListener(WalkListener &Listener) {
  Listeners.erase(std::remove(Listeners.begin(), Listeners.end(), &Listener),
                  Listeners.end());
}

void SharedBodyWalk::whenWalked(std::function<void()> Finish) {
  Finishers.push_back(std::move(Finish));
}

void SharedBodyWalk::run(const MatchFinder::MatchResult &Result) {
  SM = Result.SourceManager;
  if (!TUHasErrors &&
      Result.Context->getDiagnostics().hasUncompilableErrorOccurred()) {
    TUHasErrors = true;
    if (WholeTU)
      if (auto Main = SM->getFileEntryRefForID(SM->getMainFileID()))
        SkippedFile = Main->getName().str();
  }
  if (TUHasErrors)
    return;
  // Only the listeners that want this body hear of it.
  llvm::SmallVector<WalkListener *, 4> Active;
  walkMatchedBody(
      Result,
      [&](const FunctionDecl *Function) {
        Active.clear();
        for (WalkListener *Listener : Listeners)
          if (Listener->startBody(Function, *Result.Context))
            Active.push_back(Listener);
        return !Active.empty();
      },
      [&](const Stmt &S, const WalkPosition &Where) {
        for (WalkListener *Listener : Active)
          Listener->visit(S, Where);
      });
  // A whole-TU walk is one match: the TU has been seen.
  if (WholeTU)
    for (const std::function<void()> &Finish : Finishers)
      Finish();
}

void SharedBodyWalk::onEndOfTranslationUnit() {
  // Once per TU however many checks took part; bloat-ci counts these lines.
  if (TUHasErrors && WholeTU)
    llvm::errs() << "bloat-*: "
                 << (SkippedFile.empty() ? "<unknown file>" : SkippedFile)
                 << " was not analysed: it has compile errors\n";
}

void registerEndOfTUMatcher(MatchFinder &Finder,
                            MatchFinder::MatchCallback &Check) {
  Finder.addMatcher(translationUnitDecl(), &Check);
}

} // namespace clang::tidy::bloat
