//===--- SharedBodyWalk.cpp - one walk of the TU for every check ----------===//

#include "utils/SharedBodyWalk.h"
#include "Compat.h"
#include "utils/PerTURegistry.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>

using namespace clang::ast_matchers;

namespace clang::tidy::bloat {

std::shared_ptr<SharedBodyWalk>
SharedBodyWalk::get(const ClangTidyContext *Context) {
  static PerTURegistry<const ClangTidyContext *, SharedBodyWalk> Registry;
  return Registry.get(Context, [Context] {
    return std::make_shared<SharedBodyWalk>(!compat::runsInClangd(*Context));
  });
}

void SharedBodyWalk::addListener(WalkListener &Listener) {
  Listeners.push_back(&Listener);
}

void SharedBodyWalk::removeListener(WalkListener &Listener) {
  Listeners.erase(std::remove(Listeners.begin(), Listeners.end(), &Listener),
                  Listeners.end());
}

void SharedBodyWalk::registerMatchers(MatchFinder &Finder,
                                      MatchFinder::MatchCallback &Check) {
  if (!std::exchange(MatchersRegistered, true))
    addBodyWalkMatchers(Finder, Check, WholeTU);
  else
    // Matches once per TU at most, and never in clangd's traversal scope.
    Finder.addMatcher(translationUnitDecl(), &Check);
}

void SharedBodyWalk::onMatch(const MatchFinder::MatchResult &Result) {
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
}

void SharedBodyWalk::finishTU() {
  if (++Finished < Participants)
    return;
  Finished = 0;
  // Once per TU however many checks took part; bloat-ci counts these lines.
  if (TUHasErrors && WholeTU)
    llvm::errs() << "bloat-*: "
                 << (SkippedFile.empty() ? "<unknown file>" : SkippedFile)
                 << " was not analysed: it has compile errors\n";
  SkippedFile.clear();
  TUHasErrors = false;
  SM = nullptr;
}

} // namespace clang::tidy::bloat
