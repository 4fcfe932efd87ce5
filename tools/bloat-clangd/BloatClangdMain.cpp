//===--- BloatClangdMain.cpp - clangd with the bloat module ---------------===//
//
// bloat-clangd: Debian's clangd (libclangdMain.a) with the bloat checks linked
// in, so that editors show bloat-* findings as they type.
//
// clangd's own code is used unchanged. Where bloat-clangd must behave
// differently, the link wraps one of clangd's functions (ld --wrap, see
// CMakeLists.txt) at a call that crosses object files:
//  - isFastTidyCheck: clangd only runs checks it has timed (FastCheckFilter
//    Strict, the default) and does not know the bloat checks. They are timed
//    in bench/ and test/clangd/check-mode.test, so bloat-clangd counts them
//    as fast and the obvious configuration (`Checks: -*,bloat-*` in
//    .clang-tidy, or `Add: [bloat-*]` in .clangd) shows them.
//  - ClangTidyCheckFactories::createChecksForLanguage: after clangd made the
//    checks of a file, logs every enabled bloat check that did not make it,
//    and why, instead of dropping it silently.
//  - IgnoreDiagnostics::log: clangd drops diagnostics without a location,
//    among them clang-tidy's warnings about bad option values in .clang-tidy
//    or .clangd ([clang-tidy-config]). The ones raised while the checks of a
//    file are made are kept for that file and logged.
//  - toJSON(PublishDiagnosticsParams): points codeDescription.href of a
//    bloat-* diagnostic at bloat-tidy's check docs, not at clang.llvm.org,
//    and adds the file's configuration warnings at its first line, with the
//    text clang-tidy prints.
//
//===----------------------------------------------------------------------===//

#include "Compat.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/Compiler.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace clang::clangd {
// Defined in libclangdMain.a; LLVM does not install its header.
int clangdMain(int Argc, char *Argv[]);
// clangd's LSP message type (Protocol.h, not installed): only passed through.
struct PublishDiagnosticsParams;
} // namespace clang::clangd

namespace clang::tidy {
// Defined in BloatTidyModule.cpp; referencing it keeps the module's static
// registration from being dropped by the linker.
extern volatile int BloatModuleAnchorSource;
static int LLVM_ATTRIBUTE_UNUSED BloatModuleAnchorDestination =
    BloatModuleAnchorSource;
} // namespace clang::tidy

using clang::tidy::ClangTidyCheck;
using clang::tidy::ClangTidyCheckFactories;
using clang::tidy::ClangTidyContext;
using CheckList = std::vector<std::unique_ptr<ClangTidyCheck>>;

// clangd's functions around the wrapped calls, by their mangled names (read
// from Debian's LLVM 19 archives; a name that is missing fails the link).
// clangd's Logger::Level is an unsigned char.
#if LLVM_VERSION_MAJOR >= 18
// clangd's FastCheckFilter and isFastTidyCheck came with LLVM 18.
#define BLOAT_CLANGD_WRAPS_FAST_CHECKS 1
std::optional<bool> realIsFastTidyCheck(llvm::StringRef Check) __asm__(
    "__real__ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE");
#endif
CheckList
realCreateChecksForLanguage(const ClangTidyCheckFactories *Factories,
                            ClangTidyContext *Context) __asm__(
    "__real__ZNK5clang4tidy23ClangTidyCheckFactories23createChecksForLanguageE"
    "PNS0_16ClangTidyContextE");
llvm::json::Value realPublishDiagnosticsToJSON(
    const clang::clangd::PublishDiagnosticsParams &Params) __asm__(
    "__real__ZN5clang6clangd6toJSONERKNS0_24PublishDiagnosticsParamsE");
void realLogIgnoredDiagnostic(clang::DiagnosticsEngine::Level Level,
                              const clang::Diagnostic &Info) __asm__(
    "__real__ZN5clang6clangd17IgnoreDiagnostics3logENS_17DiagnosticsEngine5"
    "LevelERKNS_10DiagnosticE");
void clangdLog(unsigned char Level, const char *Format,
               const llvm::formatv_object_base &Message) __asm__(
    "_ZN5clang6clangd6detail7logImplENS0_6Logger5LevelEPKcRKN4llvm19formatv_"
    "object_baseE");

namespace {

constexpr unsigned char LogVerbose = 1, LogInfo = 2;
constexpr llvm::StringLiteral BloatPrefix = "bloat-";
constexpr llvm::StringLiteral DocsURLFlag = "--bloat-docs-url=";

bool isBloatCheck(llvm::StringRef Name) {
  return Name.take_front(BloatPrefix.size()) == BloatPrefix;
}

template <typename... Ts>
void logLine(unsigned char Level, const char *Format, Ts &&...Args) {
  clangdLog(Level, Format, llvm::formatv(Format, std::forward<Ts>(Args)...));
}

/// The factories of the bloat checks alone, for telling which ones clangd
/// left out.
const ClangTidyCheckFactories &bloatFactories() {
  static const ClangTidyCheckFactories *Factories = [] {
    auto *All = new ClangTidyCheckFactories;
    for (const auto &Entry : clang::tidy::ClangTidyModuleRegistry::entries())
      if (Entry.getName() == "bloat-module")
        Entry.instantiate()->addCheckFactories(*All);
    return All;
  }();
  return *Factories;
}

bool hasFactory(const ClangTidyCheckFactories &Factories,
                llvm::StringRef Name) {
  return llvm::any_of(Factories, [&](const auto &Factory) {
    return Factory.getKey() == Name;
  });
}

/// Logs \p Message at info level the first time \p Key comes, then at
/// verbose level: a dropped check is said once in the default log, and each
/// time in a verbose one. Keys name a check and a reason, not a file, so
/// that what is remembered stays small however many files are opened.
void logOnceThenVerbose(llvm::StringRef Key, const std::string &Message) {
  static std::mutex Mutex;
  static llvm::StringSet<> Said;
  bool First;
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    First = Said.insert(Key).second;
  }
  logLine(First ? LogInfo : LogVerbose, "{0}", Message);
}

#ifdef BLOAT_CLANGD_WRAPS_FAST_CHECKS
/// Logs \p Message at info level the first time only.
void logOnce(const std::string &Message) {
  static std::mutex Mutex;
  static llvm::StringSet<> Said;
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    if (!Said.insert(Message).second)
      return;
  }
  logLine(LogInfo, "{0}", Message);
}
#endif

constexpr llvm::StringLiteral ConfigCheckSuffix = " [clang-tidy-config]";

/// A clang-tidy configuration warning, as clang-tidy prints it.
struct ConfigWarning {
  bool IsError;
  std::string Message;
};

/// The configuration warnings raised while the checks of a file are made on
/// this thread (clangd builds each file's AST on one thread).
thread_local std::vector<ConfigWarning> *ConfigWarningsBeingMade = nullptr;

/// The configuration warnings of each file's latest AST, until published.
class ConfigWarningsByFile {
public:
  void set(llvm::StringRef File, std::vector<ConfigWarning> Warnings) {
    std::lock_guard<std::mutex> Lock(Mutex);
    if (Warnings.empty())
      ByFile.erase(File);
    else
      ByFile[File] = std::move(Warnings);
  }
  std::vector<ConfigWarning> get(llvm::StringRef File) const {
    std::lock_guard<std::mutex> Lock(Mutex);
    auto It = ByFile.find(File);
    return It == ByFile.end() ? std::vector<ConfigWarning>() : It->second;
  }

private:
  mutable std::mutex Mutex;
  llvm::StringMap<std::vector<ConfigWarning>> ByFile;
};

ConfigWarningsByFile &configWarnings() {
  static ConfigWarningsByFile Warnings;
  return Warnings;
}

/// The path of a file:// URI, or empty.
std::string pathOfURI(llvm::StringRef URI) {
  if (!URI.consume_front("file://"))
    return "";
  std::string Path;
  for (size_t I = 0; I < URI.size(); ++I) {
    unsigned Byte;
    if (URI[I] == '%' && I + 2 < URI.size() &&
        !URI.substr(I + 1, 2).getAsInteger(16, Byte)) {
      Path += static_cast<char>(Byte);
      I += 2;
    } else {
      Path += URI[I];
    }
  }
  return Path;
}

/// Base URL of the check docs: codeDescription.href of a bloat-* diagnostic
/// is this plus "<check>.md". Empty: no link.
std::string &docsBaseURL() {
  static std::string URL;
  return URL;
}

std::string fileURL(llvm::StringRef Directory) {
  std::string URL = "file://";
  for (char C : Directory) {
    // Percent-encode what a path may hold but a URL may not.
    if (llvm::isAlnum(C) || llvm::StringRef("/-._~").contains(C))
      URL += C;
    else
      URL += llvm::formatv("%{0:X2}", static_cast<unsigned char>(C)).str();
  }
  return URL;
}

/// The check docs next to the installed tool, or in the source tree it was
/// built from; empty when neither exists.
std::string localDocsURL(const char *Argv0) {
  std::string Executable = llvm::sys::fs::getMainExecutable(
      Argv0, reinterpret_cast<void *>(&localDocsURL));
  llvm::SmallString<256> Installed(llvm::sys::path::parent_path(
      llvm::sys::path::parent_path(Executable)));
  llvm::sys::path::append(Installed, "share", "doc", "bloat-tidy", "checks");
  for (llvm::StringRef Directory :
       {llvm::StringRef(Installed), llvm::StringRef(BLOAT_TIDY_SOURCE_DOCS)})
    if (llvm::sys::fs::is_directory(Directory))
      return fileURL(Directory);
  return "";
}

/// Takes bloat-clangd's own flags out of the command line (clangd rejects
/// flags it does not know) and works out the docs URL: the flag, then
/// $BLOAT_TIDY_DOCS_URL, then local docs.
std::vector<char *> takeOwnFlags(int Argc, char *Argv[]) {
  std::optional<std::string> DocsURL;
  std::vector<char *> ClangdArgs;
  for (int I = 0; I < Argc; ++I) {
    llvm::StringRef Arg = Argv[I];
    if (I > 0 && (Arg.consume_front(DocsURLFlag) ||
                  Arg.consume_front(DocsURLFlag.drop_front()))) {
      DocsURL = Arg.str();
      continue;
    }
    ClangdArgs.push_back(Argv[I]);
  }
  if (!DocsURL)
    if (const char *FromEnvironment = std::getenv("BLOAT_TIDY_DOCS_URL"))
      DocsURL = FromEnvironment;
  if (!DocsURL)
    DocsURL = localDocsURL(Argv[0]);
  if (!DocsURL->empty() && DocsURL->back() != '/')
    *DocsURL += '/';
  docsBaseURL() = *DocsURL;
  ClangdArgs.push_back(nullptr);
  return ClangdArgs;
}

bool asksForVersion(int Argc, char *Argv[]) {
  for (int I = 1; I < Argc; ++I)
    if (!std::strcmp(Argv[I], "--version") || !std::strcmp(Argv[I], "-version"))
      return true;
  return false;
}

} // namespace

#ifdef BLOAT_CLANGD_WRAPS_FAST_CHECKS
std::optional<bool> wrappedIsFastTidyCheck(llvm::StringRef Check) __asm__(
    "__wrap__ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE");
std::optional<bool> wrappedIsFastTidyCheck(llvm::StringRef Check) {
  if (isBloatCheck(Check) && hasFactory(bloatFactories(), Check)) {
    logOnce(("bloat-clangd: " + Check +
             " counts as a fast check in bloat-clangd: every "
             "FastCheckFilter keeps it")
                .str());
    return true;
  }
  return realIsFastTidyCheck(Check);
}
#endif

CheckList wrappedCreateChecksForLanguage(
    const ClangTidyCheckFactories *Factories,
    ClangTidyContext *Context) __asm__(
    "__wrap__ZNK5clang4tidy23ClangTidyCheckFactories23createChecksForLanguageE"
    "PNS0_16ClangTidyContextE");
CheckList
wrappedCreateChecksForLanguage(const ClangTidyCheckFactories *Factories,
                               ClangTidyContext *Context) {
  std::vector<ConfigWarning> Warnings;
  ConfigWarningsBeingMade = &Warnings;
  CheckList Checks = realCreateChecksForLanguage(Factories, Context);
  ConfigWarningsBeingMade = nullptr;
  for (const ConfigWarning &Warning : Warnings)
    logOnceThenVerbose(Warning.Message,
                       llvm::formatv("bloat-clangd: {0}: {1}: {2}{3}",
                                     Context->getCurrentFile(),
                                     Warning.IsError ? "error" : "warning",
                                     Warning.Message, ConfigCheckSuffix)
                           .str());
  configWarnings().set(Context->getCurrentFile(), std::move(Warnings));
  llvm::StringSet<> Created;
  for (const auto &Check : Checks)
    Created.insert(
        static_cast<const clang::ast_matchers::MatchFinder::MatchCallback &>(
            *Check)
            .getID());
  for (const auto &Factory : bloatFactories()) {
    llvm::StringRef Name = Factory.getKey();
    if (!Context->isCheckEnabled(Name) || Created.count(Name))
      continue;
    const char *Why =
        hasFactory(*Factories, Name)
            ? "it does not support the language of this file (the bloat "
              "checks need C++)"
            : "clangd filtered it out (FastCheckFilter, or a check clangd "
              "disables)";
    logOnceThenVerbose((Name + "\n" + Why).str(),
                       llvm::formatv("bloat-clangd: {0} is enabled but does "
                                     "not run on {1}: {2}",
                                     Name, Context->getCurrentFile(), Why)
                           .str());
  }
  return Checks;
}

void wrappedLogIgnoredDiagnostic(clang::DiagnosticsEngine::Level Level,
                                 const clang::Diagnostic &Info) __asm__(
    "__wrap__ZN5clang6clangd17IgnoreDiagnostics3logENS_17DiagnosticsEngine5"
    "LevelERKNS_10DiagnosticE");
void wrappedLogIgnoredDiagnostic(clang::DiagnosticsEngine::Level Level,
                                 const clang::Diagnostic &Info) {
  realLogIgnoredDiagnostic(Level, Info);
  if (!ConfigWarningsBeingMade || Level < clang::DiagnosticsEngine::Warning)
    return;
  llvm::SmallString<256> Message;
  Info.FormatDiagnostic(Message);
  llvm::StringRef Text = Message;
  if (Text.consume_back(ConfigCheckSuffix))
    ConfigWarningsBeingMade->push_back(
        {Level >= clang::DiagnosticsEngine::Error, Text.str()});
}

llvm::json::Value wrappedPublishDiagnosticsToJSON(
    const clang::clangd::PublishDiagnosticsParams &Params) __asm__(
    "__wrap__ZN5clang6clangd6toJSONERKNS0_24PublishDiagnosticsParamsE");
llvm::json::Value wrappedPublishDiagnosticsToJSON(
    const clang::clangd::PublishDiagnosticsParams &Params) {
  llvm::json::Value JSON = realPublishDiagnosticsToJSON(Params);
  llvm::json::Object *Message = JSON.getAsObject();
  llvm::json::Array *Diagnostics =
      Message ? Message->getArray("diagnostics") : nullptr;
  auto URI = Message ? Message->getString("uri") : std::nullopt;
  if (!Diagnostics || !URI)
    return JSON;
  for (const ConfigWarning &Warning : configWarnings().get(pathOfURI(*URI))) {
    auto Start = [] {
      return llvm::json::Object{{"line", 0}, {"character", 0}};
    };
    Diagnostics->push_back(llvm::json::Object{
        {"range", llvm::json::Object{{"start", Start()}, {"end", Start()}}},
        {"severity", Warning.IsError ? 1 : 2},
        {"code", "clang-tidy-config"},
        {"source", "clang-tidy"},
        {"message", Warning.Message}});
  }
  for (llvm::json::Value &Diagnostic : *Diagnostics) {
    llvm::json::Object *Fields = Diagnostic.getAsObject();
    auto Code = Fields ? Fields->getString("code") : std::nullopt;
    if (!Code || !isBloatCheck(*Code))
      continue;
    if (docsBaseURL().empty())
      Fields->erase("codeDescription");
    else
      (*Fields)["codeDescription"] = llvm::json::Object{
          {"href", docsBaseURL() + Code->str() + ".md"}};
  }
  return JSON;
}

int main(int Argc, char *Argv[]) {
  if (asksForVersion(Argc, Argv)) {
    // clangd prints its own version (and LLVM's) after this line.
    llvm::outs() << "bloat-clangd: bloat-tidy version " BLOAT_TIDY_VERSION
                    " (clangd with the bloat-* checks), built with LLVM "
                    "version " LLVM_VERSION_STRING "\n";
    llvm::outs().flush();
  }
  std::vector<char *> ClangdArgs = takeOwnFlags(Argc, Argv);
  return clang::clangd::clangdMain(static_cast<int>(ClangdArgs.size()) - 1,
                                   ClangdArgs.data());
}
