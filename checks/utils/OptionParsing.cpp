//===--- OptionParsing.cpp - validated check options ----------------------===//

#include "utils/OptionParsing.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>
#include <cassert>

namespace clang::tidy::bloat {

static bool isIdentifier(llvm::StringRef Text) {
  if (Text.empty() || llvm::isDigit(Text.front()))
    return false;
  return llvm::all_of(Text,
                      [](char C) { return llvm::isAlnum(C) || C == '_'; });
}

static bool isQualifiedName(llvm::StringRef Text) {
  Text = withoutGlobalQualifier(Text);
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Text.split(Parts, "::");
  return llvm::all_of(Parts, isIdentifier);
}

llvm::StringRef withoutGlobalQualifier(llvm::StringRef Name) {
  Name.consume_front("::");
  return Name;
}

std::vector<std::string> parseListOption(llvm::StringRef OptionName,
                                         llvm::StringRef Value,
                                         ListEntryKind Kind,
                                         const ConfigErrorSink &OnError) {
  std::vector<std::string> Entries;
  // Both separators are accepted: clang-tidy's own list options use ';',
  // and ',' is what a user types by habit.
  std::string Normalized = Value.str();
  std::replace(Normalized.begin(), Normalized.end(), ',', ';');
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  llvm::StringRef(Normalized)
      .split(Parts, ';', /*MaxSplit=*/-1,
             /*KeepEmpty=*/false);
  for (llvm::StringRef Part : Parts) {
    Part = Part.trim();
    if (Part.empty())
      continue;
    bool Valid = Kind == ListEntryKind::Identifier ? isIdentifier(Part)
                                                   : isQualifiedName(Part);
    if (!Valid) {
      OnError((llvm::Twine("invalid entry '") + Part + "' in option '" +
               OptionName + "': expected " +
               (Kind == ListEntryKind::Identifier
                    ? "a method name such as 'push_back'"
                    : "a qualified type name such as 'llvm::SmallVector'"))
                  .str());
      continue;
    }
    Entries.push_back(withoutGlobalQualifier(Part).str());
  }
  return Entries;
}

std::optional<llvm::Regex> parseRegexOption(llvm::StringRef OptionName,
                                            llvm::StringRef Pattern,
                                            llvm::StringRef DefaultPattern,
                                            const ConfigErrorSink &OnError) {
  if (Pattern.trim().empty())
    return std::nullopt;
  llvm::Regex Compiled(Pattern);
  std::string Error;
  if (Compiled.isValid(Error))
    return Compiled;
  OnError((llvm::Twine("invalid regular expression '") + Pattern +
           "' in option '" + OptionName + "': " + Error)
              .str());
  if (DefaultPattern.trim().empty())
    return std::nullopt;
  // The defaults are tested patterns; a broken one is a bug, not a setting.
  llvm::Regex Default(DefaultPattern);
  assert(Default.isValid() && "invalid default pattern");
  return Default;
}

std::optional<llvm::Regex> parseRegexOption(llvm::StringRef OptionName,
                                            llvm::StringRef Pattern,
                                            const ConfigErrorSink &OnError) {
  return parseRegexOption(OptionName, Pattern, /*DefaultPattern=*/"", OnError);
}

} // namespace clang::tidy::bloat
