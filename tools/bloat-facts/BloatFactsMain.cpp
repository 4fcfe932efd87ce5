//===--- BloatFactsMain.cpp - merge whole-program facts and decide --------===//
//
//   bloat-facts merge -o OUT IN...   merge facts files (or directories of
//                                    *.facts.json) into one
//   bloat-facts report [options] IN...
//                                    decide over the merged facts and print
//                                    the findings as clang-tidy does
//
// Errors (a missing or malformed file, facts of another version) print one
// line "bloat-facts: error: ..." and exit with 2.
//
//===----------------------------------------------------------------------===//

#include "facts/Decide.h"
#include "facts/Facts.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <string>
#include <vector>

#ifndef BLOAT_TIDY_VERSION
#define BLOAT_TIDY_VERSION "unknown"
#endif

using namespace bloat_facts;

namespace {

constexpr int ExitError = 2;

int fail(const llvm::Twine &Message) {
  llvm::errs() << "bloat-facts: error: " << Message << "\n";
  return ExitError;
}

void usage(llvm::raw_ostream &OS) {
  OS << "usage: bloat-facts merge -o OUT.json INPUT...\n"
        "       bloat-facts report [--checks=GLOBS] "
        "[--assume-unseen-code-does-not-shrink]\n"
        "                          [--uncalled-functions=auto|entry|not-entry] "
        "INPUT...\n"
        "       bloat-facts --version\n"
        "INPUT: a facts file, or a directory of *.facts.json files\n";
}

// The facts files named by \p Inputs, directories expanded, sorted.
llvm::Expected<std::vector<std::string>>
expandInputs(const std::vector<std::string> &Inputs) {
  std::vector<std::string> Files;
  for (const std::string &Input : Inputs) {
    if (!llvm::sys::fs::is_directory(Input)) {
      if (!llvm::sys::fs::exists(Input))
        return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                       "%s: no such file or directory",
                                       Input.c_str());
      Files.push_back(Input);
      continue;
    }
    std::error_code EC;
    for (llvm::sys::fs::directory_iterator It(Input, EC), End; It != End && !EC;
         It.increment(EC))
      if (llvm::StringRef(It->path()).ends_with(".facts.json"))
        Files.push_back(It->path());
    if (EC)
      return llvm::createStringError(EC, "%s: %s", Input.c_str(),
                                     EC.message().c_str());
  }
  llvm::sort(Files);
  return Files;
}

size_t records(const Facts &F) {
  return F.Units.size() + F.Inputs.size() + F.Containers.size() +
         F.Growths.size() + F.Shrinks.size() + F.Passes.size() +
         F.AccessorUses.size() + F.Escapes.size() + F.Functions.size() +
         F.Calls.size() + F.Roots.size() + F.Instances.size();
}

llvm::Expected<Facts> readAll(const std::vector<std::string> &Inputs) {
  llvm::Expected<std::vector<std::string>> Files = expandInputs(Inputs);
  if (!Files)
    return Files.takeError();
  // The TUs that include a header repeat its facts; normalizing whenever
  // the facts have doubled since the last time drops the repeats early, so
  // memory follows the project's distinct facts, not the sum over TUs, at
  // the cost of a few more sorts (geometric: about twice the last one).
  Facts All;
  size_t AfterLastNormalize = 0;
  for (const std::string &File : *Files) {
    llvm::Expected<Facts> One = readFactsFile(File);
    if (!One)
      return One.takeError();
    All.append(std::move(*One));
    if (records(All) > 2 * std::max<size_t>(AfterLastNormalize, 1 << 16)) {
      All.normalize();
      AfterLastNormalize = records(All);
    }
  }
  All.normalize();
  return All;
}

// clang-tidy's check globs: comma-separated, `-` negates, the last match
// wins, and nothing matches at first.
bool isEnabled(llvm::StringRef Globs, llvm::StringRef Check) {
  bool Enabled = false;
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Globs.split(Parts, ',', -1, false);
  for (llvm::StringRef Part : Parts) {
    Part = Part.trim();
    bool Negative = Part.consume_front("-");
    // A `*` matches any run of characters.
    std::function<bool(llvm::StringRef, llvm::StringRef)> Match =
        [&](llvm::StringRef Pattern, llvm::StringRef Text) -> bool {
      if (Pattern.empty())
        return Text.empty();
      if (Pattern.front() == '*')
        return Match(Pattern.drop_front(), Text) ||
               (!Text.empty() && Match(Pattern, Text.drop_front()));
      return !Text.empty() && Pattern.front() == Text.front() &&
             Match(Pattern.drop_front(), Text.drop_front());
    };
    if (Match(Part, Check))
      Enabled = !Negative;
  }
  return Enabled;
}

void print(const Location &At, llvm::StringRef Level, llvm::StringRef Message,
           llvm::StringRef Check) {
  llvm::outs() << At.File << ":" << At.Line << ":" << At.Column << ": "
               << Level << ": " << Message;
  if (!Check.empty())
    llvm::outs() << " [" << Check << "]";
  llvm::outs() << "\n";
}

int merge(llvm::ArrayRef<std::string> Args) {
  std::string Output;
  std::vector<std::string> Inputs;
  for (size_t I = 0; I < Args.size(); ++I) {
    if (Args[I] == "-o" && I + 1 < Args.size())
      Output = Args[++I];
    else if (llvm::StringRef(Args[I]).starts_with("-"))
      return fail("merge: unknown option '" + Args[I] + "'");
    else
      Inputs.push_back(Args[I]);
  }
  if (Output.empty() || Inputs.empty())
    return fail("merge: expected -o OUT.json and at least one input");
  llvm::Expected<Facts> All = readAll(Inputs);
  if (!All)
    return fail(llvm::toString(All.takeError()));
  if (llvm::Error Failed = writeFactsFile(Output, *All))
    return fail(llvm::toString(std::move(Failed)));
  return 0;
}

int report(llvm::ArrayRef<std::string> Args) {
  std::string Checks = "bloat-*";
  DecideOptions Options;
  std::vector<std::string> Inputs;
  for (const std::string &Arg : Args) {
    llvm::StringRef A(Arg);
    if (A.consume_front("--checks="))
      Checks = A.str();
    else if (A == "--assume-unseen-code-does-not-shrink")
      Options.UnseenCodeMayShrink = false;
    else if (A.consume_front("--uncalled-functions=")) {
      if (A == "auto")
        Options.UncalledFunctions = DecideOptions::EntryPolicy::Auto;
      else if (A == "entry")
        Options.UncalledFunctions = DecideOptions::EntryPolicy::Always;
      else if (A == "not-entry")
        Options.UncalledFunctions = DecideOptions::EntryPolicy::Never;
      else
        return fail("report: --uncalled-functions= takes auto, entry or "
                    "not-entry, not '" + A + "'");
    }
    else if (A.starts_with("-"))
      return fail("report: unknown option '" + Arg + "'");
    else
      Inputs.push_back(Arg);
  }
  if (Inputs.empty())
    return fail("report: expected at least one facts file or directory");
  llvm::Expected<Facts> All = readAll(Inputs);
  if (!All)
    return fail(llvm::toString(All.takeError()));
  bool CacheEnabled = isEnabled(Checks, "bloat-unbounded-cache");
  bool ContainerEnabled = isEnabled(Checks, "bloat-unbounded-container");
  for (Finding &F : decide(*All, Options)) {
    // With only the container check enabled, a cache is a container that
    // grows, as in per-TU mode.
    if (F.Check == "bloat-unbounded-cache" && !CacheEnabled &&
        ContainerEnabled) {
      F.Check = "bloat-unbounded-container";
      size_t Colon = F.Message.find(") is a cache");
      if (Colon != std::string::npos)
        F.Message = F.Message.substr(0, Colon + 1) +
                    " grows without bound: inserted on a repeating path but "
                    "never erased, cleared or capped";
    }
    if (!isEnabled(Checks, F.Check))
      continue;
    print(F.At, "warning", F.Message, F.Check);
    for (const Note &N : F.Notes)
      print(N.At, "note", N.Message, "");
  }
  return 0;
}

} // namespace

int main(int Argc, char **Argv) {
  std::vector<std::string> Args(Argv + 1, Argv + Argc);
  if (Args.empty()) {
    usage(llvm::errs());
    return ExitError;
  }
  if (Args[0] == "--version") {
    llvm::outs() << "bloat-facts (bloat-tidy version " BLOAT_TIDY_VERSION
                    "), facts version "
                 << FactsVersion << "\n";
    return 0;
  }
  if (Args[0] == "--help" || Args[0] == "-h") {
    usage(llvm::outs());
    return 0;
  }
  llvm::ArrayRef<std::string> Rest = llvm::ArrayRef(Args).drop_front();
  if (Args[0] == "merge")
    return merge(Rest);
  if (Args[0] == "report")
    return report(Rest);
  return fail("unknown command '" + Args[0] + "' (merge, report, --version)");
}
