//===--- ParentWalk.h - climbing the AST past implicit nodes ----*- C++ -*-===//

#ifndef BLOAT_TIDY_ANALYSIS_PARENTWALK_H
#define BLOAT_TIDY_ANALYSIS_PARENTWALK_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTTypeTraits.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::bloat {

/// The first parent of \p Node that is not an implicit or wrapping node
/// (casts, parentheses, temporaries, constructor calls). \p OutermostConstruct
/// receives the last constructor call climbed through, e.g. the conversion of
/// a lambda into a std::function. Returns an empty node at the top.
DynTypedNode
parentThroughWrappers(DynTypedNode Node, ASTContext &Context,
                      const CXXConstructExpr **OutermostConstruct = nullptr);

} // namespace clang::tidy::bloat

#endif // BLOAT_TIDY_ANALYSIS_PARENTWALK_H
