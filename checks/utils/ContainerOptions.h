//===--- ContainerOptions.h - options of the container checks --*- C++ -*-===//
//
// The options that extend the container model are the same for every check
// built on it. Each is read with its check's prefix first and then globally,
// so one `ContainerTypes` in CheckOptions serves every bloat check.
//
//===----------------------------------------------------------------------===//

#ifndef BLOAT_TIDY_UTILS_CONTAINEROPTIONS_H
#define BLOAT_TIDY_UTILS_CONTAINEROPTIONS_H

#include "analysis/ContainerFacts.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "utils/OptionParsing.h"
#include "llvm/Support/Regex.h"
#include <memory>
#include <optional>

namespace clang::tidy::bloat {

class ContainerCheckOptions {
public:
  /// Reads and validates the options; problems go to \p OnError.
  ContainerCheckOptions(const ClangTidyCheck::OptionsView &Options,
                        StringRef CheckName, const ConfigErrorSink &OnError);

  void store(const ClangTidyCheck::OptionsView &Options,
             ClangTidyOptions::OptionMap &Opts) const;

  /// The container model these options describe.
  ContainerModel makeModel() const { return ContainerModel(Model); }
  /// A fresh fact collector configured by these options.
  ContainerFacts makeFacts() const;
  /// Equal for two checks exactly when makeFacts() makes the same collector,
  /// so that they can share one.
  std::string factsKey() const;

  /// Whether the user asked not to hear about \p Container (IgnoredNames).
  bool isIgnored(const NamedDecl &Container) const;

private:
  const StringRef ContainerTypes;
  const StringRef GrowMethods;
  const StringRef ShrinkMethods;
  const StringRef BoundedTypes;
  const StringRef IgnoredNames;
  const bool AssumeUnseenCodeDoesNotShrink;
  const bool AssumeInstancesLiveLong;
  const StringRef ScriptBindingFunctions;
  const unsigned FiniteKeyMaxBits;

  ContainerModelOptions Model;
  std::optional<llvm::Regex> IgnoredNamesRegex;
  /// Compiled once; shared by every collector makeFacts() makes.
  std::shared_ptr<const llvm::Regex> ScriptBindingRegex;
};

} // namespace clang::tidy::bloat

#endif // BLOAT_TIDY_UTILS_CONTAINEROPTIONS_H
