//===--- ContainerModel.h - what a container is and what changes it -*- C++ -*-===//
//
// The vocabulary every bloat check shares: which types are containers, which
// calls grow or shrink them, who owns a container and how an expression names
// one (directly, or through a local reference or pointer bound to it).
//
//===----------------------------------------------------------------------===//

#ifndef BLOAT_TIDY_ANALYSIS_CONTAINERMODEL_H
#define BLOAT_TIDY_ANALYSIS_CONTAINERMODEL_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::bloat {

/// The families of containers the model knows; they decide which calls grow.
enum class ContainerFamily {
  Sequence,    ///< vector, deque, list, forward_list
  String,      ///< basic_string
  UniqueAssoc, ///< map, set, unordered_map, unordered_set
  MultiAssoc,  ///< multimap, multiset, unordered_multi*
  Adaptor,     ///< queue, stack, priority_queue
  Custom,      ///< named in the ContainerTypes option
};

/// A container type as the model sees it.
struct ContainerType {
  ContainerFamily Family = ContainerFamily::Sequence;
  /// `std::vector`, `llvm::SmallVector`, ...
  std::string TemplateName;
  /// `operator[]` inserts (std::map, or any type with a `mapped_type`).
  bool SubscriptInserts = false;
  /// A unique-key map or set keyed by `bool`, an enum, a narrow integer or
  /// a pair or tuple of those: it cannot outgrow the number of keys.
  bool KeyedByFiniteDomain = false;

  bool isAssociative() const {
    return Family == ContainerFamily::UniqueAssoc ||
           Family == ContainerFamily::MultiAssoc || SubscriptInserts;
  }
};

/// Where a container lives, which decides how long it lives.
enum class OwnerKind {
  Global,         ///< namespace-scope variable with external linkage
  NamespaceScope, ///< variable in a named namespace
  FileStatic,     ///< `static` at namespace scope or in an anonymous namespace
  StaticMember,   ///< static data member
  StaticLocal,    ///< function-local static
  Member,         ///< non-static data member
  Local,          ///< automatic local (long-lived only across a loop)
};

struct Owner {
  OwnerKind Kind;
  /// The enclosing record, function or namespace, for messages.
  const NamedDecl *Scope = nullptr;
};

/// Options that extend the built-in model (CheckOptions of a bloat check).
struct ContainerModelOptions {
  std::vector<std::string> ExtraContainerTypes;
  std::vector<std::string> ExtraGrowMethods;
  std::vector<std::string> ExtraShrinkMethods;
  std::vector<std::string> BoundedTypes;
  /// A map or set keyed by an integer of at most this many bits has at most
  /// 2^bits entries: bounded.
  unsigned FiniteKeyMaxBits = 8;
};

/// A call seen as "method Name on object Object", whether it is a resolved
/// member call, a member operator call, or a call in a dependent context.
struct MemberCallView {
  const Expr *Object = nullptr;
  llvm::StringRef Method;
  /// Arguments after the object.
  llvm::ArrayRef<const Expr *> Args;
};

/// What a call does to the container it is made on.
enum class CallEffect {
  None,
  Grows,
  Shrinks,
  Inspects, ///< size(): may guard growth
  LooksUp,  ///< find(), count(), contains(), at(), ...: may precede a miss
};

class ContainerModel {
public:
  explicit ContainerModel(ContainerModelOptions Options);

  /// Classifies \p T (through references, pointers, typedefs and aliases).
  /// Returns std::nullopt for non-containers and for types listed as bounded.
  std::optional<ContainerType> classify(QualType T) const;

  /// Returns the effect of calling \p Method on a container of \p Type.
  CallEffect effectOfMethod(const ContainerType &Type,
                            llvm::StringRef Method) const;

  /// Whether a free function (by qualified name) grows the container given
  /// as its argument, as `std::back_inserter(c)` does.
  static bool isInserterFunction(const FunctionDecl &F);
  /// Whether a free function empties or replaces its container argument, as
  /// `std::erase_if(c, p)`, `std::swap(a, b)` or `std::move(c)` may.
  static bool isDrainingFunction(const FunctionDecl &F);

  /// The names of methods that grow or shrink containers, for matchers.
  std::vector<std::string> growMethodNames() const;
  std::vector<std::string> shrinkMethodNames() const;

  /// Who owns \p D, or std::nullopt if \p D cannot hold a long-lived
  /// container (a parameter, a structured binding, ...).
  static std::optional<Owner> ownerOf(const ValueDecl &D);

  /// Follows \p E to the variable or field that holds the container: through
  /// parentheses, implicit casts, `*`/`&`, and local references or pointers
  /// initialised from another container expression.
  static const ValueDecl *referencedDecl(const Expr *E);

  /// Views \p Call as a method call on an object, if it is one.
  static std::optional<MemberCallView> viewMemberCall(const CallExpr &Call);

private:
  std::optional<ContainerType> classifyCanonical(QualType T) const;

  /// The answer for each canonical type: a TU asks about the same few types
  /// again and again, and naming a template costs a string each time. The
  /// walk runs after the TU is parsed, so a type's answer never changes.
  mutable llvm::DenseMap<const Type *, std::optional<ContainerType>>
      Classified;
  llvm::StringSet<> GrowMethods;
  llvm::StringSet<> ShrinkMethods;
  llvm::StringSet<> ExtraContainerTypes;
  llvm::StringSet<> BoundedTypes;
  unsigned FiniteKeyMaxBits = 8;
};

/// `std::vector` for `std::__cxx11::vector`: the qualified name without
/// inline or anonymous namespaces, which is how users spell it in options.
std::string userFacingQualifiedName(const NamedDecl &D);

/// "member of 'GameState'", "global", "static local in 'lookup'", ...
std::string describeOwner(const Owner &O);

} // namespace clang::tidy::bloat

#endif // BLOAT_TIDY_ANALYSIS_CONTAINERMODEL_H
