//===--- BloatFuzzer.cpp - libFuzzer harness for the bloat checks ---------===//
//
// Turns fuzzer bytes into a C++ snippet built from the shapes the checks
// reason about (containers of every owner kind, growth and shrink calls,
// loops, lambdas stored or not, templates, macros, calls between functions,
// and now and then broken syntax), and runs every bloat-* check on it in
// memory. A crash or a sanitizer report is a bug; BLOAT_FUZZ_PRINT=1 prints
// the snippet an input makes, to turn a reproducer into a lit test.
//
//===----------------------------------------------------------------------===//

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Compiler.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace clang::tidy {
extern volatile int BloatModuleAnchorSource;
static int LLVM_ATTRIBUTE_UNUSED BloatModuleAnchorDestination =
    BloatModuleAnchorSource;
} // namespace clang::tidy

namespace {

// A small standard library in namespace std, so that each input parses in
// milliseconds instead of re-reading libstdc++.
constexpr const char *Prelude = R"cpp(
namespace std {
using size_t = decltype(sizeof(0));
template <class T> T &&move(T &t) { return static_cast<T &&>(t); }
template <class T> void swap(T &a, T &b) { T t = move(a); a = move(b); b = move(t); }
template <class T> struct vector {
  void push_back(const T &); template <class... A> void emplace_back(A &&...);
  void pop_back(); void clear(); size_t size() const; bool empty() const;
  T &operator[](size_t); void resize(size_t); void reserve(size_t);
  T *begin(); T *end(); void erase(T *); void swap(vector &);
  vector(); explicit vector(size_t);
};
template <class K, class V> struct map {
  using mapped_type = V;
  V &operator[](const K &); void erase(const K &); size_t size() const;
  size_t count(const K &) const; V *find(const K &); V *end();
  template <class... A> void emplace(A &&...); void clear();
};
template <class K> struct set { void insert(const K &); size_t count(const K &) const; };
struct string {
  string(); string(const char *); string(size_t, char);
  string &operator+=(const char *); void append(size_t, char); size_t size() const;
};
template <class S> struct function;
template <class R, class... A> struct function<R(A...)> {
  function(); template <class F> function(F); R operator()(A...) const;
};
template <class T> void erase_if(vector<T> &, bool (*)(const T &));
unsigned long stoul(const string &);
}
void *malloc(std::size_t);
bool running();
void subscribe(std::function<void()>);
)cpp";

// Fragments the bytes choose from; `@` is the container of the moment.
constexpr const char *Declarations[] = {
    "std::vector<int> @;\n",
    "static std::map<int, int> @;\n",
    "namespace ns { std::set<int> @; }\nusing ns::@;\n",
    "std::string @;\n",
    "struct S@ { std::vector<int> v; }; S@ s@; auto &@ = s@.v;\n",
    "std::map<bool, int> @;\n",
    "std::vector<std::function<void()>> @;\n",
};
constexpr const char *Statements[] = {
    "@.push_back(x);", "@.emplace_back();", "@[x] = x;", "@.insert(x);",
    "@ += \"a\";", "@.clear();", "@.erase(@.begin());", "@.pop_back();",
    "if (@.size() > 10) return;", "while (running()) { @.push_back(x); }",
    "for (;;) { STMT }", "do { STMT } while (0);",
    "for (int i = 0; i < x; ++i) { STMT }",
    "auto l = [&] { STMT }; l();", "subscribe([=] { STMT });",
    "static std::function<void()> f = [&] { STMT };",
    "{ std::vector<int> loc; while (running()) loc.push_back(x); }",
    "std::string big(x, 'x');", "@.resize(std::stoul(\"9\"));",
    "char *p = new char[x]; (void)p;", "void *m = malloc(x); (void)m;",
    "if (@.count(x)) return; @[x] = x;", "std::swap(@, @);",
    "auto moved = std::move(@);", "CALL", "GROW(@, x);",
    "template_fn<int>(x);", "return;", "} broken {", "@.",
};

std::string generate(const uint8_t *Data, size_t Size) {
  std::string Code = Prelude;
  Code += "#define GROW(c, v) c.push_back(v)\n"
          "template <class T> void template_fn(T t) { std::vector<T> v; "
          "while (running()) v.push_back(t); }\n";
  size_t Pos = 0;
  auto Next = [&]() -> unsigned { return Pos < Size ? Data[Pos++] : 0; };
  unsigned Functions = 1 + Next() % 4;
  for (unsigned F = 0; F < Functions; ++F) {
    std::string Name = "c" + std::to_string(F);
    std::string Decl = Declarations[Next() % std::size(Declarations)];
    for (size_t At; (At = Decl.find('@')) != std::string::npos;)
      Decl.replace(At, 1, Name);
    Code += Decl;
    Code += (Next() % 2 ? "static " : "") + std::string("void f") +
            std::to_string(F) + "(int x) {\n";
    unsigned Count = 1 + Next() % 6;
    for (unsigned S = 0; S < Count && Pos <= Size; ++S) {
      std::string Stmt = Statements[Next() % std::size(Statements)];
      size_t Nest;
      if ((Nest = Stmt.find("STMT")) != std::string::npos)
        Stmt.replace(Nest, 4, Statements[Next() % 10]);
      if ((Nest = Stmt.find("CALL")) != std::string::npos)
        Stmt.replace(Nest, 4, F ? "f" + std::to_string(Next() % F) + "(x);"
                                : ";");
      for (size_t At; (At = Stmt.find('@')) != std::string::npos;)
        Stmt.replace(At, 1, Name);
      Code += "  " + Stmt + "\n";
    }
    Code += "}\n";
  }
  Code += "int main() { for (;;) f0(1); }\n";
  return Code;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  using namespace clang;
  std::string Code = generate(Data, Size);
  if (std::getenv("BLOAT_FUZZ_PRINT"))
    std::fprintf(stderr, "%s\n", Code.c_str());

  auto Memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  Memory->addFile("/bloat-fuzz-input.cpp", 0,
                  llvm::MemoryBuffer::getMemBufferCopy(Code));
  auto Files = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::getRealFileSystem());
  Files->pushOverlay(Memory);

  tidy::ClangTidyOptions Options = tidy::ClangTidyOptions::getDefaults();
  Options.Checks = "-*,bloat-*";
  tidy::ClangTidyContext Context(
      std::make_unique<tidy::DefaultOptionsProvider>(
          tidy::ClangTidyGlobalOptions(), Options));
  tooling::FixedCompilationDatabase Compilations(
      "/", {"-std=c++17", "-fsyntax-only", "-nostdinc++"});
  std::vector<tidy::ClangTidyError> Errors = tidy::runClangTidy(
      Context, Compilations, {"/bloat-fuzz-input.cpp"}, Files,
      /*ApplyAnyFix=*/false);
  if (std::getenv("BLOAT_FUZZ_PRINT"))
    for (const tidy::ClangTidyError &Error : Errors)
      std::fprintf(stderr, "%s: %s\n", Error.DiagnosticName.c_str(),
                   Error.Message.Message.c_str());
  return 0;
}
