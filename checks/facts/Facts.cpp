//===--- Facts.cpp - reading, writing and merging facts -------------------===//

#include "facts/Facts.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>

namespace json = llvm::json;

namespace bloat_facts {

namespace {

template <typename T> void sortUnique(std::vector<T> &List) {
  llvm::sort(List, [](const T &A, const T &B) { return A.tie() < B.tie(); });
  List.erase(std::unique(List.begin(), List.end(),
                         [](const T &A, const T &B) {
                           return A.tie() == B.tie();
                         }),
             List.end());
}

void sortUnique(std::vector<std::string> &List) {
  llvm::sort(List);
  List.erase(std::unique(List.begin(), List.end()), List.end());
}

// Two TUs may see one function differently: one defines it, another only
// declares it. The definition's view wins; parameter effects join.
std::string joinEffect(const std::string &A, const std::string &B) {
  if (A == B || B.empty())
    return A;
  if (A.empty())
    return B;
  // Any TU that sees a shrink makes it a shrink; unknown beats a read.
  for (const char *Strongest : {"shrinks", "unknown", "grows"})
    if (A == Strongest || B == Strongest)
      return Strongest;
  return A;
}

void mergeFunctions(std::vector<Function> &Functions) {
  llvm::sort(Functions, [](const Function &A, const Function &B) {
    return std::make_tuple(A.Key, !A.Defined, A.Declared.tie()) <
           std::make_tuple(B.Key, !B.Defined, B.Declared.tie());
  });
  std::vector<Function> Merged;
  for (Function &F : Functions) {
    if (Merged.empty() || Merged.back().Key != F.Key) {
      Merged.push_back(std::move(F));
      continue;
    }
    Function &Into = Merged.back(); // The definition, if any TU has one.
    Into.External = Into.External || F.External;
    Into.Main = Into.Main || F.Main;
    Into.SetUp = Into.SetUp || F.SetUp;
    Into.Virtual = Into.Virtual || F.Virtual;
    if (Into.Params.size() < F.Params.size())
      Into.Params.resize(F.Params.size());
    for (size_t I = 0; I < F.Params.size(); ++I)
      Into.Params[I] = joinEffect(Into.Params[I], F.Params[I]);
  }
  Functions = std::move(Merged);
}

// Locals and members are seen whole by one TU each; a container seen by
// several TUs keeps the first view (they agree but for a local's verdict,
// which only its TU can give).
void mergeContainers(std::vector<Container> &Containers) {
  sortUnique(Containers);
  std::vector<Container> Merged;
  for (Container &C : Containers) {
    if (!Merged.empty() && Merged.back().Key == C.Key) {
      Container &Into = Merged.back();
      Into.LocalUnbounded = Into.LocalUnbounded || C.LocalUnbounded;
      // A NOLINT seen by any TU silences it.
      Into.Suppressed.insert(Into.Suppressed.end(), C.Suppressed.begin(),
                             C.Suppressed.end());
      sortUnique(Into.Suppressed);
      continue;
    }
    Merged.push_back(std::move(C));
  }
  Containers = std::move(Merged);
}

} // namespace

json::Value toJSON(const Location &L) {
  return json::Array{L.File, L.Line, L.Column};
}

bool fromJSON(const json::Value &V, Location &L, json::Path P) {
  const json::Array *A = V.getAsArray();
  if (!A || A->size() != 3) {
    P.report("expected [file, line, column]");
    return false;
  }
  std::optional<llvm::StringRef> File = (*A)[0].getAsString();
  std::optional<int64_t> Line = (*A)[1].getAsInteger();
  std::optional<int64_t> Column = (*A)[2].getAsInteger();
  if (!File || !Line || !Column) {
    P.report("expected [file, line, column]");
    return false;
  }
  L = {File->str(), static_cast<unsigned>(*Line),
       static_cast<unsigned>(*Column)};
  return true;
}

// Booleans are written only when true, to keep files small.
static void putFlag(json::Object &O, llvm::StringRef Key, bool Value) {
  if (Value)
    O[Key] = true;
}

static void putText(json::Object &O, llvm::StringRef Key, const std::string &Value) {
  if (!Value.empty())
    O[Key] = Value;
}

json::Value toJSON(const Container &C) {
  json::Object O{{"key", C.Key},
                 {"name", C.Name},
                 {"qualified", C.Qualified},
                 {"declared", toJSON(C.Declared)},
                 {"owner", C.Owner}};
  putText(O, "ownerScope", C.OwnerScope);
  putText(O, "ownerClass", C.OwnerClass);
  putFlag(O, "associative", C.Associative);
  putFlag(O, "finiteKeys", C.FiniteKeys);
  putFlag(O, "localUnbounded", C.LocalUnbounded);
  if (!C.Suppressed.empty())
    O["suppressed"] = C.Suppressed;
  return O;
}

bool fromJSON(const json::Value &V, Container &C, json::Path P) {
  json::ObjectMapper M(V, P);
  return M && M.map("key", C.Key) && M.map("name", C.Name) &&
         M.map("qualified", C.Qualified) && M.map("declared", C.Declared) &&
         M.map("owner", C.Owner) && M.mapOptional("ownerScope", C.OwnerScope) &&
         M.mapOptional("ownerClass", C.OwnerClass) &&
         M.mapOptional("associative", C.Associative) &&
         M.mapOptional("finiteKeys", C.FiniteKeys) &&
         M.mapOptional("localUnbounded", C.LocalUnbounded) &&
         M.mapOptional("suppressed", C.Suppressed);
}

json::Value toJSON(const Site &S) {
  json::Object O{{"container", S.Container}, {"at", toJSON(S.At)}};
  putText(O, "function", S.Function);
  putFlag(O, "openEndedLoop", S.OpenEndedLoop);
  putFlag(O, "once", S.Once);
  putFlag(O, "element", S.Element);
  putFlag(O, "cacheMiss", S.CacheMiss);
  putFlag(O, "whole", S.Whole);
  putFlag(O, "givenBack", S.GivenBack);
  if (!S.Suppressed.empty())
    O["suppressed"] = S.Suppressed;
  return O;
}

bool fromJSON(const json::Value &V, Site &S, json::Path P) {
  json::ObjectMapper M(V, P);
  return M && M.map("container", S.Container) && M.map("at", S.At) &&
         M.mapOptional("function", S.Function) &&
         M.mapOptional("openEndedLoop", S.OpenEndedLoop) &&
         M.mapOptional("once", S.Once) && M.mapOptional("element", S.Element) &&
         M.mapOptional("cacheMiss", S.CacheMiss) &&
         M.mapOptional("whole", S.Whole) &&
         M.mapOptional("givenBack", S.GivenBack) &&
         M.mapOptional("suppressed", S.Suppressed);
}

json::Value toJSON(const Pass &S) {
  json::Object O{{"container", S.Container},
                 {"callee", S.Callee},
                 {"param", S.Param},
                 {"at", toJSON(S.At)}};
  putText(O, "function", S.Function);
  putFlag(O, "openEndedLoop", S.OpenEndedLoop);
  return O;
}

bool fromJSON(const json::Value &V, Pass &S, json::Path P) {
  json::ObjectMapper M(V, P);
  return M && M.map("container", S.Container) && M.map("callee", S.Callee) &&
         M.map("param", S.Param) && M.map("at", S.At) &&
         M.mapOptional("function", S.Function) &&
         M.mapOptional("openEndedLoop", S.OpenEndedLoop);
}

json::Value toJSON(const AccessorUse &U) {
  json::Object O{
      {"accessor", U.Accessor}, {"effect", U.Effect}, {"at", toJSON(U.At)}};
  putText(O, "function", U.Function);
  putFlag(O, "openEndedLoop", U.OpenEndedLoop);
  return O;
}

bool fromJSON(const json::Value &V, AccessorUse &U, json::Path P) {
  json::ObjectMapper M(V, P);
  return M && M.map("accessor", U.Accessor) && M.map("effect", U.Effect) &&
         M.map("at", U.At) && M.mapOptional("function", U.Function) &&
         M.mapOptional("openEndedLoop", U.OpenEndedLoop);
}

json::Value toJSON(const Escape &E) {
  return json::Object{{"container", E.Container}, {"function", E.Function}};
}

bool fromJSON(const json::Value &V, Escape &E, json::Path P) {
  json::ObjectMapper M(V, P);
  return M && M.map("container", E.Container) &&
         M.map("function", E.Function);
}

json::Value toJSON(const Function &F) {
  json::Object O{
      {"key", F.Key}, {"name", F.Name}, {"declared", toJSON(F.Declared)}};
  putFlag(O, "defined", F.Defined);
  putFlag(O, "external", F.External);
  putFlag(O, "main", F.Main);
  putFlag(O, "setUp", F.SetUp);
  putFlag(O, "virtual", F.Virtual);
  if (llvm::any_of(F.Params, [](const std::string &E) { return !E.empty(); }))
    O["params"] = F.Params;
  return O;
}

bool fromJSON(const json::Value &V, Function &F, json::Path P) {
  json::ObjectMapper M(V, P);
  return M && M.map("key", F.Key) && M.map("name", F.Name) &&
         M.map("declared", F.Declared) && M.mapOptional("defined", F.Defined) &&
         M.mapOptional("external", F.External) &&
         M.mapOptional("main", F.Main) && M.mapOptional("setUp", F.SetUp) &&
         M.mapOptional("virtual", F.Virtual) &&
         M.mapOptional("params", F.Params);
}

json::Value toJSON(const Call &C) {
  json::Object O{{"callee", C.Callee}, {"at", toJSON(C.At)}};
  putText(O, "caller", C.Caller);
  putFlag(O, "openEndedLoop", C.OpenEndedLoop);
  putFlag(O, "once", C.Once);
  return O;
}

bool fromJSON(const json::Value &V, Call &C, json::Path P) {
  json::ObjectMapper M(V, P);
  return M && M.map("callee", C.Callee) && M.map("at", C.At) &&
         M.mapOptional("caller", C.Caller) &&
         M.mapOptional("openEndedLoop", C.OpenEndedLoop) &&
         M.mapOptional("once", C.Once);
}

json::Value toJSON(const Root &R) {
  return json::Object{
      {"function", R.Function}, {"kind", R.Kind}, {"at", toJSON(R.At)}};
}

bool fromJSON(const json::Value &V, Root &R, json::Path P) {
  json::ObjectMapper M(V, P);
  return M && M.map("function", R.Function) && M.map("kind", R.Kind) &&
         M.map("at", R.At);
}

json::Value toJSON(const Instance &I) {
  json::Object O{{"class", I.Class}, {"kind", I.Kind}, {"at", toJSON(I.At)}};
  putText(O, "in", I.In);
  putText(O, "inName", I.InName);
  putFlag(O, "lasting", I.Lasting);
  putText(O, "field", I.Field);
  putText(O, "replacedIn", I.ReplacedIn);
  putFlag(O, "replacedInLoop", I.ReplacedInLoop);
  return O;
}

bool fromJSON(const json::Value &V, Instance &I, json::Path P) {
  json::ObjectMapper M(V, P);
  return M && M.map("class", I.Class) && M.map("kind", I.Kind) &&
         M.map("at", I.At) && M.mapOptional("in", I.In) &&
         M.mapOptional("inName", I.InName) &&
         M.mapOptional("lasting", I.Lasting) &&
         M.mapOptional("field", I.Field) &&
         M.mapOptional("replacedIn", I.ReplacedIn) &&
         M.mapOptional("replacedInLoop", I.ReplacedInLoop);
}

namespace {

template <typename T> json::Array toArray(const std::vector<T> &List) {
  json::Array Array;
  for (const T &Item : List)
    Array.push_back(toJSON(Item));
  return Array;
}

} // namespace

void Facts::normalize() {
  sortUnique(Units);
  sortUnique(Inputs);
  mergeContainers(Containers);
  sortUnique(Growths);
  sortUnique(Shrinks);
  sortUnique(Passes);
  sortUnique(AccessorUses);
  sortUnique(Escapes);
  mergeFunctions(Functions);
  sortUnique(Calls);
  sortUnique(Roots);
  sortUnique(Instances);
}

void Facts::merge(Facts Other) {
  append(std::move(Other));
  normalize();
}

void Facts::append(Facts Other) {
  auto Append = [](auto &Into, auto &From) {
    Into.insert(Into.end(), std::make_move_iterator(From.begin()),
                std::make_move_iterator(From.end()));
  };
  Append(Units, Other.Units);
  Append(Inputs, Other.Inputs);
  Append(Containers, Other.Containers);
  Append(Growths, Other.Growths);
  Append(Shrinks, Other.Shrinks);
  Append(Passes, Other.Passes);
  Append(AccessorUses, Other.AccessorUses);
  Append(Escapes, Other.Escapes);
  Append(Functions, Other.Functions);
  Append(Calls, Other.Calls);
  Append(Roots, Other.Roots);
  Append(Instances, Other.Instances);
}

std::string toJSON(const Facts &Unsorted) {
  Facts F = Unsorted;
  F.normalize();
  // Streamed item by item: a merge of many TUs never holds the whole
  // document as a tree of json::Values. Keys in sorted order, as
  // json::Value would print them.
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  json::OStream J(OS);
  auto List = [&J](llvm::StringRef Key, const auto &Items) {
    J.attributeArray(Key, [&] {
      for (const auto &Item : Items)
        J.value(toJSON(Item));
    });
  };
  auto Strings = [&J](llvm::StringRef Key,
                      const std::vector<std::string> &Items) {
    J.attributeArray(Key, [&] {
      for (const std::string &Item : Items)
        J.value(Item);
    });
  };
  J.object([&] {
    List("accessorUses", F.AccessorUses);
    List("calls", F.Calls);
    List("containers", F.Containers);
    List("escapes", F.Escapes);
    J.attribute("format", "bloat-tidy-facts");
    List("functions", F.Functions);
    List("growths", F.Growths);
    Strings("inputs", F.Inputs);
    List("instances", F.Instances);
    List("passes", F.Passes);
    List("roots", F.Roots);
    List("shrinks", F.Shrinks);
    Strings("units", F.Units);
    J.attribute("version", FactsVersion);
  });
  OS << '\n';
  return OS.str();
}

llvm::Expected<Facts> fromJSON(llvm::StringRef Text) {
  llvm::Expected<json::Value> Parsed = json::parse(Text);
  if (!Parsed)
    return Parsed.takeError();
  const json::Object *O = Parsed->getAsObject();
  if (!O || O->getString("format") != "bloat-tidy-facts")
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "not a bloat-tidy facts file");
  std::optional<int64_t> Version = O->getInteger("version");
  if (Version != FactsVersion)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "facts version %lld, expected %d; extract the facts again with this "
        "bloat-tidy",
        static_cast<long long>(Version.value_or(-1)), FactsVersion);
  Facts F;
  json::Path::Root Root("facts");
  json::ObjectMapper M(*Parsed, Root);
  bool Ok = M && M.map("units", F.Units) && M.map("inputs", F.Inputs) &&
            M.map("containers", F.Containers) && M.map("growths", F.Growths) &&
            M.map("shrinks", F.Shrinks) && M.map("passes", F.Passes) &&
            M.map("accessorUses", F.AccessorUses) &&
            M.map("escapes", F.Escapes) && M.map("functions", F.Functions) &&
            M.map("calls", F.Calls) && M.map("roots", F.Roots) &&
            M.map("instances", F.Instances);
  if (!Ok)
    return Root.getError();
  F.normalize();
  return F;
}

llvm::Expected<Facts> readFactsFile(llvm::StringRef Path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
      llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(), "%s: %s",
                                   Path.str().c_str(),
                                   Buffer.getError().message().c_str());
  llvm::Expected<Facts> F = fromJSON((*Buffer)->getBuffer());
  if (!F)
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s: %s",
                                   Path.str().c_str(),
                                   llvm::toString(F.takeError()).c_str());
  return F;
}

llvm::Error writeFactsFile(llvm::StringRef Path, const Facts &F) {
  std::string Text = toJSON(F);
  llvm::SmallString<256> Temporary;
  int FD = -1;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(
          Path + ".tmp-%%%%%%%%", FD, Temporary))
    return llvm::createStringError(EC, "%s: %s", Path.str().c_str(),
                                   EC.message().c_str());
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Text;
    OS.close();
    if (OS.has_error()) {
      llvm::sys::fs::remove(Temporary);
      return llvm::createStringError(OS.error(), "%s: %s",
                                     Temporary.c_str(),
                                     OS.error().message().c_str());
    }
  }
  if (std::error_code EC = llvm::sys::fs::rename(Temporary, Path)) {
    llvm::sys::fs::remove(Temporary);
    return llvm::createStringError(EC, "%s: %s", Path.str().c_str(),
                                   EC.message().c_str());
  }
  return llvm::Error::success();
}

} // namespace bloat_facts
