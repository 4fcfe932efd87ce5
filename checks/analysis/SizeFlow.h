//===--- SizeFlow.h - where an allocation size comes from ------*- C++ -*-===//
//
// A cheap, intra-procedural answer to "can this allocation size be made
// arbitrarily large from outside?": the size expression is followed through
// casts, arithmetic and local copies (never into a call's arguments) to a
// function parameter or to a value read from input (std::stoul, atoi,
// strtoul, `>>`), and an upper-bound comparison or std::min/std::clamp of
// that value earlier in the function counts as validation. Each function
// body is scanned once.
//
//===----------------------------------------------------------------------===//

#ifndef BLOAT_TIDY_ANALYSIS_SIZEFLOW_H
#define BLOAT_TIDY_ANALYSIS_SIZEFLOW_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <optional>

namespace clang::tidy::bloat {

/// Where an unchecked size comes from.
struct SizeSource {
  enum KindType { Parameter, Input } Kind;
  /// The variable that carries it to the allocation.
  const VarDecl *Variable = nullptr;
  /// The parameter, or the call or `>>` that read it.
  const ParmVarDecl *Param = nullptr;
  const Expr *Read = nullptr;
};

class SizeFlow {
public:
  SizeFlow();
  ~SizeFlow();

  /// The source of \p Size, used at \p Use, when no upper bound on it is
  /// checked earlier in \p Function. Parameters count only when
  /// \p ParamsAreSources says so for \p Function.
  std::optional<SizeSource> uncheckedSource(const Expr &Size, const Stmt &Use,
                                            const FunctionDecl &Function,
                                            bool ParamsAreSources);

  /// Whether \p Call reads a number from text (std::stoul, atoi, ...).
  static bool isInputConversion(const CallExpr &Call);

  /// What the value of a size expression is made of: a variable, or a
  /// number read from text in place.
  struct SizeLeaf {
    const VarDecl *Var = nullptr;
    const CallExpr *Read = nullptr;
  };
  /// The leaves of \p E reached through copies, casts and arithmetic only.
  static void collectSizeLeaves(const Expr *E,
                                llvm::SmallVectorImpl<SizeLeaf> &Out);

  /// Forgets the TU.
  void clear();

  /// What one function body does to its local numbers (defined in the .cpp).
  struct FunctionFacts;

private:
  const FunctionFacts &factsFor(const FunctionDecl &Function);
  std::optional<SizeSource> sourceOf(const Expr *E,
                                     const FunctionFacts &Facts,
                                     const FunctionDecl &Function,
                                     bool ParamsAreSources, unsigned Depth);
  bool isBoundedBefore(const VarDecl *Var, const Stmt &Use,
                       const FunctionFacts &Facts) const;

  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<FunctionFacts>> Facts;
};

} // namespace clang::tidy::bloat

#endif // BLOAT_TIDY_ANALYSIS_SIZEFLOW_H
