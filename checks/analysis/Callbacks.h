//===--- Callbacks.h - where a lambda is kept -------------------*- C++ -*-===//
//
// A lambda that is stored somewhere long-lived may run any number of times and
// keeps what it captured alive as long as it is stored. This answers, for
// every check, where a lambda expression ends up.
//
//===----------------------------------------------------------------------===//

#ifndef BLOAT_TIDY_ANALYSIS_CALLBACKS_H
#define BLOAT_TIDY_ANALYSIS_CALLBACKS_H

#include "analysis/BodyWalk.h"
#include "analysis/ContainerModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include <optional>

namespace clang::tidy::bloat {

/// Where a lambda (or the callback object made from it) is kept.
struct CallbackStorage {
  enum KindType {
    /// Initialises or is assigned to a global or static variable (Holder).
    LongLivedVariable,
    /// Initialises or is assigned to a data member (Holder).
    Member,
    /// Assigned to an element of a container: `Handlers[Name] = [..]{..};`
    /// (Holder is the container when it can be named).
    ContainerElement,
    /// Added to a long-lived container of callbacks (Holder):
    /// `Listeners.push_back([..]{..});`
    CallbackContainer,
    /// Passed to a function (Callee), which may keep it.
    CallArgument,
  } Kind;

  explicit CallbackStorage(KindType Kind) : Kind(Kind) {}

  const ValueDecl *Holder = nullptr;
  const FunctionDecl *Callee = nullptr;
  /// Where it is stored: the variable, the initialiser, the call.
  SourceLocation Site;
  /// The lambda was converted into a callback object (std::function, a
  /// user's Callback class) on the way: the receiver keeps an object, not a
  /// template parameter it would call on the spot (as std::for_each does).
  bool ConvertedToCallbackObject = false;

  /// A Member held by an automatic local object of the function that stores
  /// the lambda (`Item.OnRead = [..]{..};` with `Item` a local): the callback
  /// lives as long as that object, as it would in a local std::function.
  bool InLocalObject = false;

  /// Stored for certain: everything but an argument to a call that takes the
  /// lambda itself as a template parameter.
  bool isCertainlyStored() const {
    return Kind != CallArgument || ConvertedToCallbackObject;
  }
};

/// Whether a container holds callables (std::function, or any class with an
/// operator()): its growth is a list of callbacks never removed, which
/// bloat-long-lived-capture reports.
bool holdsCallables(QualType ContainerType);

/// Where \p Lambda, visited by a walk at \p Where, is kept, or std::nullopt
/// when it is only used locally (called, passed to an algorithm, run once on
/// a std::thread, ...).
std::optional<CallbackStorage> storageOf(const LambdaExpr &Lambda,
                                         const WalkPosition &Where,
                                         const ContainerModel &Model);

} // namespace clang::tidy::bloat

#endif // BLOAT_TIDY_ANALYSIS_CALLBACKS_H
