//===--- PluginLoader.cpp - version-checked entry point of the plugin -----===//
//
// clang-tidy --load=libBloatTidy.so loads this file first. It has no Clang or
// LLVM dependency, so it always loads; it asks the host for its LLVM version
// and loads the checks only when that version is the one they were built for.
// A mismatch stops the process with a message instead of undefined behaviour
// from an ABI that does not match. Once loaded, it adds bloat-tidy's version
// to the host's --version.
//
//===----------------------------------------------------------------------===//

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <functional>
#include <string>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace {

constexpr int BuiltForMajor = BLOAT_TIDY_BUILT_FOR_LLVM_MAJOR;
// The LLVM versions bloat-tidy builds against (scripts/check-llvm-versions.sh).
constexpr int SupportedMajors[] = {16, 19, 22};

bool isSupported(int Major) {
  for (int Supported : SupportedMajors)
    if (Supported == Major)
      return true;
  return false;
}

std::string supportedList() {
  std::string List;
  for (int Supported : SupportedMajors)
    List += (List.empty() ? "" : ", ") + std::to_string(Supported);
  return List;
}

// Returns the LLVM major version of the process, or 0 if it cannot be told.
int hostLLVMMajor() {
  // libLLVM exports this C entry point (LLVM 16 and later).
  using GetVersionFn = void (*)(unsigned *, unsigned *, unsigned *);
  if (auto *GetVersion = reinterpret_cast<GetVersionFn>(
          dlsym(RTLD_DEFAULT, "LLVMGetVersion"))) {
    unsigned Major = 0, Minor = 0, Patch = 0;
    GetVersion(&Major, &Minor, &Patch);
    return static_cast<int>(Major);
  }
  // A clang-tidy linked statically may still export clang's version string,
  // e.g. "Debian clang version 19.1.7 (...)".
  using FullVersionFn = std::string (*)();
  if (auto *FullVersion = reinterpret_cast<FullVersionFn>(
          dlsym(RTLD_DEFAULT, "_ZN5clang19getClangFullVersionB5cxx11Ev"))) {
    std::string Text = FullVersion();
    std::size_t Pos = Text.find("version ");
    if (Pos != std::string::npos)
      return std::atoi(Text.c_str() + Pos + std::strlen("version "));
  }
  return 0;
}

std::string directoryOfThisLibrary() {
  Dl_info Info;
  if (!dladdr(reinterpret_cast<void *>(&hostLLVMMajor), &Info) ||
      !Info.dli_fname)
    return ".";
  std::string Path = Info.dli_fname;
  std::size_t Slash = Path.rfind('/');
  return Slash == std::string::npos ? "." : Path.substr(0, Slash);
}

[[noreturn]] void stop(const std::string &Message) {
  std::fprintf(stderr, "error: libBloatTidy.so: %s\n", Message.c_str());
  std::fflush(stderr);
  std::_Exit(1);
}

struct LoadChecks {
  LoadChecks() {
    int HostMajor = hostLLVMMajor();
    if (HostMajor == 0)
      stop("cannot tell the LLVM version of the program that loaded this "
           "plugin (it exports neither LLVMGetVersion nor "
           "clang::getClangFullVersion); the plugin was built for LLVM " +
           std::to_string(BuiltForMajor) +
           ". Use the bloat-tidy driver instead.");
    std::string Mismatch = "built for LLVM " + std::to_string(BuiltForMajor) +
                           " but loaded by a clang-tidy of LLVM " +
                           std::to_string(HostMajor);
    if (HostMajor != BuiltForMajor && isSupported(HostMajor))
      stop(Mismatch + "; use clang-tidy-" + std::to_string(BuiltForMajor) +
           ", rebuild with -DBLOAT_TIDY_LLVM_VERSION=" +
           std::to_string(HostMajor) + ", or run the bloat-tidy driver");
    if (HostMajor != BuiltForMajor)
      stop(Mismatch + ", which bloat-tidy does not support (it builds "
                      "against LLVM " + supportedList() +
           "); use clang-tidy-" + std::to_string(BuiltForMajor) +
           " or run the bloat-tidy driver");
    std::string Checks =
        directoryOfThisLibrary() + "/" + BLOAT_TIDY_CHECKS_LIBRARY;
    // RTLD_NOW: a missing symbol is reported here, not midway through a run.
    if (!dlopen(Checks.c_str(), RTLD_NOW | RTLD_GLOBAL))
      stop("cannot load the checks: " + std::string(dlerror()));
    addVersionLine();
  }

  // `clang-tidy --load=libBloatTidy.so --version` then names bloat-tidy too.
  // Both functions come from the host's LLVM, which the version check above
  // has matched; without them the listing stays LLVM's own.
  static void addVersionLine() {
    using WriteFn = llvm::raw_ostream &(*)(llvm::raw_ostream *, const char *,
                                           std::size_t);
    using AddPrinterFn =
        void (*)(std::function<void(llvm::raw_ostream &)> Printer);
    auto *Write = reinterpret_cast<WriteFn>(
        dlsym(RTLD_DEFAULT, "_ZN4llvm11raw_ostream5writeEPKcm"));
    auto *AddPrinter = reinterpret_cast<AddPrinterFn>(dlsym(
        RTLD_DEFAULT,
        "_ZN4llvm2cl22AddExtraVersionPrinterESt8functionIFvRNS_11raw_"
        "ostreamEEE"));
    if (!Write || !AddPrinter)
      return;
    AddPrinter([Write](llvm::raw_ostream &OS) {
      static const std::string Line =
          "bloat-tidy version " BLOAT_TIDY_VERSION
          " (plugin libBloatTidy.so), built for LLVM " +
          std::to_string(BuiltForMajor) + "\n";
      Write(&OS, Line.data(), Line.size());
    });
  }
};

const LoadChecks Loader;

} // namespace
