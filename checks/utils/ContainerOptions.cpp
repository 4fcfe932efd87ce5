//===--- ContainerOptions.cpp - options of the container checks -----------===//

#include "utils/ContainerOptions.h"

namespace clang::tidy::bloat {

namespace {
constexpr llvm::StringLiteral ContainerTypesOption = "ContainerTypes";
constexpr llvm::StringLiteral GrowMethodsOption = "GrowMethods";
constexpr llvm::StringLiteral ShrinkMethodsOption = "ShrinkMethods";
constexpr llvm::StringLiteral BoundedTypesOption = "BoundedTypes";
constexpr llvm::StringLiteral IgnoredNamesOption = "IgnoredNames";
constexpr llvm::StringLiteral FiniteKeyMaxBitsOption = "FiniteKeyMaxBits";
constexpr llvm::StringLiteral AssumeUnseenOption =
    "AssumeUnseenCodeDoesNotShrink";
constexpr llvm::StringLiteral AssumeInstancesOption =
    "AssumeInstancesLiveLong";
constexpr llvm::StringLiteral ScriptBindingOption = "ScriptBindingFunctions";
} // namespace

ContainerCheckOptions::ContainerCheckOptions(
    const ClangTidyCheck::OptionsView &Options, StringRef CheckName,
    const ConfigErrorSink &OnError)
    : ContainerTypes(Options.getLocalOrGlobal(ContainerTypesOption, "")),
      GrowMethods(Options.getLocalOrGlobal(GrowMethodsOption, "")),
      ShrinkMethods(Options.getLocalOrGlobal(ShrinkMethodsOption, "")),
      BoundedTypes(Options.getLocalOrGlobal(BoundedTypesOption, "")),
      IgnoredNames(Options.getLocalOrGlobal(IgnoredNamesOption, "")),
      AssumeUnseenCodeDoesNotShrink(
          Options.getLocalOrGlobal(AssumeUnseenOption, false)),
      AssumeInstancesLiveLong(
          Options.getLocalOrGlobal(AssumeInstancesOption, false)),
      ScriptBindingFunctions(Options.getLocalOrGlobal(ScriptBindingOption, "")),
      FiniteKeyMaxBits(Options.getLocalOrGlobal(FiniteKeyMaxBitsOption, 8u)) {
  auto FullName = [CheckName](StringRef Option) {
    return (CheckName + "." + Option).str();
  };
  Model.ExtraContainerTypes =
      parseListOption(FullName(ContainerTypesOption), ContainerTypes,
                      ListEntryKind::QualifiedName, OnError);
  Model.ExtraGrowMethods =
      parseListOption(FullName(GrowMethodsOption), GrowMethods,
                      ListEntryKind::Identifier, OnError);
  Model.ExtraShrinkMethods =
      parseListOption(FullName(ShrinkMethodsOption), ShrinkMethods,
                      ListEntryKind::Identifier, OnError);
  Model.BoundedTypes =
      parseListOption(FullName(BoundedTypesOption), BoundedTypes,
                      ListEntryKind::QualifiedName, OnError);
  // Wider than 32 bits would call 2^32 entries bounded.
  Model.FiniteKeyMaxBits = FiniteKeyMaxBits;
  if (FiniteKeyMaxBits > 32) {
    OnError("invalid value '" + std::to_string(FiniteKeyMaxBits) +
            "' for option '" + FullName(FiniteKeyMaxBitsOption) +
            "': a key width of at most 32 bits; using 8");
    Model.FiniteKeyMaxBits = 8;
  }
  IgnoredNamesRegex =
      parseRegexOption(FullName(IgnoredNamesOption), IgnoredNames, OnError);
  if (std::optional<llvm::Regex> Bindings = parseRegexOption(
          FullName(ScriptBindingOption), ScriptBindingFunctions, OnError))
    ScriptBindingRegex =
        std::make_shared<const llvm::Regex>(std::move(*Bindings));
}

void ContainerCheckOptions::store(const ClangTidyCheck::OptionsView &Options,
                                  ClangTidyOptions::OptionMap &Opts) const {
  Options.store(Opts, ContainerTypesOption, ContainerTypes);
  Options.store(Opts, GrowMethodsOption, GrowMethods);
  Options.store(Opts, ShrinkMethodsOption, ShrinkMethods);
  Options.store(Opts, BoundedTypesOption, BoundedTypes);
  Options.store(Opts, IgnoredNamesOption, IgnoredNames);
  Options.store(Opts, AssumeUnseenOption, AssumeUnseenCodeDoesNotShrink);
  Options.store(Opts, AssumeInstancesOption, AssumeInstancesLiveLong);
  Options.store(Opts, ScriptBindingOption, ScriptBindingFunctions);
  Options.store(Opts, FiniteKeyMaxBitsOption, FiniteKeyMaxBits);
}

ContainerFacts ContainerCheckOptions::makeFacts() const {
  ContainerFactsOptions FactsOptions;
  FactsOptions.AssumeUnseenCodeDoesNotShrink = AssumeUnseenCodeDoesNotShrink;
  FactsOptions.AssumeInstancesLiveLong = AssumeInstancesLiveLong;
  FactsOptions.ScriptBindingFunctions = ScriptBindingRegex;
  return ContainerFacts(makeModel(), FactsOptions);
}

std::string ContainerCheckOptions::factsKey() const {
  std::string Key;
  for (StringRef Value :
       {ContainerTypes, GrowMethods, ShrinkMethods, BoundedTypes}) {
    Key += Value;
    Key += '\0'; // Cannot occur inside an option value.
  }
  Key += AssumeUnseenCodeDoesNotShrink ? '1' : '0';
  Key += AssumeInstancesLiveLong ? '1' : '0';
  // The pattern as compiled: an invalid one counts as none.
  Key += ScriptBindingRegex ? ScriptBindingFunctions : StringRef();
  Key += '\0';
  Key += std::to_string(FiniteKeyMaxBits);
  return Key;
}

bool ContainerCheckOptions::isIgnored(const NamedDecl &Container) const {
  return IgnoredNamesRegex &&
         IgnoredNamesRegex->match(userFacingQualifiedName(Container));
}

} // namespace clang::tidy::bloat
