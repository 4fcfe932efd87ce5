//===--- OptionParsing.h - validated check options -------------*- C++ -*-===//
//
// Reads list and regex options for the bloat checks and reports malformed
// values as configuration errors that name the option, never crashing.
//
//===----------------------------------------------------------------------===//

#ifndef BLOAT_TIDY_UTILS_OPTIONPARSING_H
#define BLOAT_TIDY_UTILS_OPTIONPARSING_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Regex.h"
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::bloat {

/// Receives one configuration problem, already phrased for the user.
using ConfigErrorSink = std::function<void(llvm::StringRef Message)>;

/// What an entry of a list option must look like.
enum class ListEntryKind {
  QualifiedName, ///< `ns::Type` or `::ns::Type`
  Identifier,    ///< a method name such as `push_back`
};

/// Splits a semicolon- or comma-separated option into trimmed, non-empty
/// entries, dropping (and reporting) the ones that are not of \p Kind.
std::vector<std::string> parseListOption(llvm::StringRef OptionName,
                                         llvm::StringRef Value,
                                         ListEntryKind Kind,
                                         const ConfigErrorSink &OnError);

/// Compiles \p Pattern; an empty pattern means "no pattern". An invalid one
/// is reported and the option's default, \p DefaultPattern, is used instead:
/// the same fallback in every check, so that a typo in one option never
/// silently widens or narrows what a check reports beyond its documented
/// default.
std::optional<llvm::Regex> parseRegexOption(llvm::StringRef OptionName,
                                            llvm::StringRef Pattern,
                                            llvm::StringRef DefaultPattern,
                                            const ConfigErrorSink &OnError);

/// The same for an option whose default is empty ("no pattern").
std::optional<llvm::Regex> parseRegexOption(llvm::StringRef OptionName,
                                            llvm::StringRef Pattern,
                                            const ConfigErrorSink &OnError);

/// Strips leading `::` so that `::std::vector` and `std::vector` compare equal.
llvm::StringRef withoutGlobalQualifier(llvm::StringRef Name);

} // namespace clang::tidy::bloat

#endif // BLOAT_TIDY_UTILS_OPTIONPARSING_H
