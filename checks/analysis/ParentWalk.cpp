//===--- ParentWalk.cpp - climbing the AST past implicit nodes ------------===//

#include "analysis/ParentWalk.h"
#include "clang/AST/ParentMapContext.h"

namespace clang::tidy::bloat {

DynTypedNode parentThroughWrappers(DynTypedNode Node, ASTContext &Context,
                                   const CXXConstructExpr **OutermostConstruct) {
  // Wrappers nest a few levels deep; the bound only guards against cycles.
  for (unsigned Depth = 0; Depth < 64; ++Depth) {
    DynTypedNodeList Parents = Context.getParents(Node);
    if (Parents.empty())
      return {};
    Node = Parents[0];
    const auto *E = Node.get<Expr>();
    if (!E)
      return Node;
    if (isa<ImplicitCastExpr, ParenExpr, MaterializeTemporaryExpr,
            CXXBindTemporaryExpr, ExprWithCleanups, CXXFunctionalCastExpr>(E))
      continue;
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      if (OutermostConstruct)
        *OutermostConstruct = Construct;
      continue;
    }
    return Node;
  }
  return {};
}

} // namespace clang::tidy::bloat
