//===--- Facts.cpp - reading, writing and merging facts -------------------===//

#include "facts/Facts.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <functional>
#include <tuple>
#include <utility>

namespace json = llvm::json;

namespace bloat_facts {

namespace {

// Three-way comparison of two tie()s: one string comparison per field,
// where tuple's operator< makes two for every field that is equal (and keys
// of the same container or function are equal in most comparisons of a
// sort).
template <typename T> int compareField(const T &A, const T &B) {
  return A < B ? -1 : B < A ? 1 : 0;
}

int compareField(const std::string &A, const std::string &B) {
  return A.compare(B);
}

template <typename Tuple, size_t... I>
int compareTies(const Tuple &A, const Tuple &B, std::index_sequence<I...>) {
  int Result = 0;
  (void)(((Result = compareField(std::get<I>(A), std::get<I>(B))) != 0) || ...);
  return Result;
}

template <typename T> bool lessTie(const T &A, const T &B) {
  using Tie = decltype(A.tie());
  return compareTies(A.tie(), B.tie(),
                     std::make_index_sequence<std::tuple_size_v<Tie>>()) < 0;
}

// Facts files are written sorted, and a merge appends sorted lists to what
// its last normalize() left sorted: sorting only what follows the sorted
// prefix and merging the two keeps reading and merging close to linear.
template <typename T, typename Less>
void sortAfterSortedPrefix(std::vector<T> &List, Less Before) {
  auto Rest = std::is_sorted_until(List.begin(), List.end(), Before);
  if (Rest == List.end())
    return;
  llvm::sort(Rest, List.end(), Before);
  // Merge from the back, with only the rest set aside: the sorted prefix
  // is the larger part, and it is never copied.
  std::vector<T> Tail(std::make_move_iterator(Rest),
                      std::make_move_iterator(List.end()));
  size_t Prefix = Rest - List.begin();
  size_t Out = List.size();
  size_t Next = Tail.size();
  while (Next > 0) {
    if (Prefix > 0 && Before(Tail[Next - 1], List[Prefix - 1]))
      List[--Out] = std::move(List[--Prefix]);
    else
      List[--Out] = std::move(Tail[--Next]);
  }
}

template <typename T> void sortUnique(std::vector<T> &List) {
  sortAfterSortedPrefix(List, lessTie<T>);
  List.erase(std::unique(List.begin(), List.end(),
                         [](const T &A, const T &B) {
                           return A.tie() == B.tie();
                         }),
             List.end());
}

void sortUnique(std::vector<std::string> &List) {
  sortAfterSortedPrefix(List, std::less<std::string>());
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
  // By key, the definition first; no copy of a key per comparison.
  sortAfterSortedPrefix(Functions, [](const Function &A, const Function &B) {
    if (int Key = A.Key.compare(B.Key))
      return Key < 0;
    if (A.Defined != B.Defined)
      return A.Defined;
    return lessTie(A.Declared, B.Declared);
  });
  // In place: a project's functions are most of its facts.
  size_t Kept = 0;
  for (size_t I = 0; I < Functions.size(); ++I) {
    Function &F = Functions[I];
    if (Kept == 0 || Functions[Kept - 1].Key != F.Key) {
      if (Kept != I)
        Functions[Kept] = std::move(F);
      ++Kept;
      continue;
    }
    Function &Into = Functions[Kept - 1]; // The definition, if any TU has one.
    Into.External = Into.External || F.External;
    Into.Main = Into.Main || F.Main;
    Into.SetUp = Into.SetUp || F.SetUp;
    Into.Virtual = Into.Virtual || F.Virtual;
    if (Into.Params.size() < F.Params.size())
      Into.Params.resize(F.Params.size());
    for (size_t P = 0; P < F.Params.size(); ++P)
      Into.Params[P] = joinEffect(Into.Params[P], F.Params[P]);
  }
  Functions.resize(Kept);
}

// Locals and members are seen whole by one TU each; a container seen by
// several TUs keeps the first view (they agree but for a local's verdict,
// which only its TU can give).
void mergeContainers(std::vector<Container> &Containers) {
  sortUnique(Containers);
  size_t Kept = 0;
  for (size_t I = 0; I < Containers.size(); ++I) {
    Container &C = Containers[I];
    if (Kept != 0 && Containers[Kept - 1].Key == C.Key) {
      Container &Into = Containers[Kept - 1];
      Into.LocalUnbounded = Into.LocalUnbounded || C.LocalUnbounded;
      // A NOLINT seen by any TU silences it.
      Into.Suppressed.insert(Into.Suppressed.end(), C.Suppressed.begin(),
                             C.Suppressed.end());
      sortUnique(Into.Suppressed);
      continue;
    }
    if (Kept != I)
      Containers[Kept] = std::move(C);
    ++Kept;
  }
  Containers.resize(Kept);
}

template <typename T> bool isSortedUnique(const std::vector<T> &List) {
  return std::adjacent_find(List.begin(), List.end(),
                            [](const T &A, const T &B) {
                              return !lessTie(A, B);
                            }) == List.end();
}

bool isSortedUnique(const std::vector<std::string> &List) {
  return std::adjacent_find(List.begin(), List.end(),
                            std::greater_equal<std::string>()) == List.end();
}

template <typename T> bool hasUniqueKeys(const std::vector<T> &List) {
  return std::adjacent_find(List.begin(), List.end(),
                            [](const T &A, const T &B) {
                              return A.Key == B.Key;
                            }) == List.end();
}

// What normalize() leaves: then normalize() changes nothing, and the writer
// need not copy the facts to normalize them.
bool isNormalized(const Facts &F) {
  return isSortedUnique(F.Units) && isSortedUnique(F.Inputs) &&
         isSortedUnique(F.Containers) && hasUniqueKeys(F.Containers) &&
         isSortedUnique(F.Growths) && isSortedUnique(F.Shrinks) &&
         isSortedUnique(F.Passes) && isSortedUnique(F.AccessorUses) &&
         isSortedUnique(F.Escapes) && isSortedUnique(F.Functions) &&
         hasUniqueKeys(F.Functions) && isSortedUnique(F.Calls) &&
         isSortedUnique(F.Roots) && isSortedUnique(F.Instances);
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
  putFlag(O, "callbacks", C.Callbacks);
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
         M.mapOptional("callbacks", C.Callbacks) &&
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
  putText(O, "receiver", S.Receiver);
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
         M.mapOptional("suppressed", S.Suppressed) &&
         M.mapOptional("receiver", S.Receiver);
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
  putText(O, "receiver", C.Receiver);
  return O;
}

bool fromJSON(const json::Value &V, Call &C, json::Path P) {
  json::ObjectMapper M(V, P);
  return M && M.map("callee", C.Callee) && M.map("at", C.At) &&
         M.mapOptional("caller", C.Caller) &&
         M.mapOptional("openEndedLoop", C.OpenEndedLoop) &&
         M.mapOptional("once", C.Once) && M.mapOptional("receiver", C.Receiver);
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

// Streamed item by item: a merge of many TUs never holds the whole document
// as a tree of json::Values, nor as one string. Keys in sorted order, as
// json::Value would print them.
static void writeJSON(llvm::raw_ostream &OS, const Facts &F) {
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
}

// Calls \p Write with \p F normalized, copying it only if it is not.
static void withNormalized(const Facts &F,
                           llvm::function_ref<void(const Facts &)> Write) {
  if (isNormalized(F))
    return Write(F);
  Facts Copy = F;
  Copy.normalize();
  Write(Copy);
}

std::string toJSON(const Facts &F) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  withNormalized(F, [&](const Facts &N) { writeJSON(OS, N); });
  return OS.str();
}

namespace {

/// Finds where each JSON value of a document starts and ends without
/// building it. The reader converts one record at a time, so a merged
/// project's facts never exist as one tree of json::Values (about 36 bytes
/// per byte of file, against a few for the Facts themselves). It checks
/// only the structure; json::parse checks each record it hands out, and
/// says what is wrong with a document that is not JSON.
class Scanner {
public:
  explicit Scanner(llvm::StringRef Text) : Text(Text) {}

  /// The text of the next value, or nothing if it is not well formed.
  std::optional<llvm::StringRef> value(unsigned Depth = 0) {
    skipSpace();
    size_t Start = Pos;
    if (Depth > MaxDepth)
      TooDeep = true;
    if (Pos == Text.size() || TooDeep)
      return std::nullopt;
    bool Ok;
    switch (Text[Pos]) {
    case '"':
      Ok = skipString();
      break;
    case '[':
      Ok = skipArray(Depth);
      break;
    case '{':
      Ok = skipObject(Depth);
      break;
    default:
      Ok = skipScalar();
    }
    if (!Ok)
      return std::nullopt;
    return Text.slice(Start, Pos);
  }

  /// Consumes \p C after any white space.
  bool consume(char C) {
    skipSpace();
    if (Pos == Text.size() || Text[Pos] != C)
      return false;
    ++Pos;
    return true;
  }

  bool atEnd() {
    skipSpace();
    return Pos == Text.size();
  }

  /// Whether value() stopped at MaxDepth: then json::parse, which recurses
  /// without a bound, must not see the text either.
  bool tooDeep() const { return TooDeep; }

private:
  // Far deeper than any facts file (4 levels); bounds the recursion on
  // hostile input.
  static constexpr unsigned MaxDepth = 64;

  void skipSpace() {
    while (Pos < Text.size() && (Text[Pos] == ' ' || Text[Pos] == '\n' ||
                                 Text[Pos] == '\t' || Text[Pos] == '\r'))
      ++Pos;
  }

  bool skipString() {
    for (++Pos; Pos < Text.size(); ++Pos) {
      if (Text[Pos] == '\\')
        ++Pos; // The escaped character, whatever it is.
      else if (Text[Pos] == '"') {
        ++Pos;
        return true;
      }
    }
    return false;
  }

  bool skipScalar() {
    size_t Start = Pos;
    while (Pos < Text.size() && (llvm::isAlnum(Text[Pos]) || Text[Pos] == '-' ||
                                 Text[Pos] == '+' || Text[Pos] == '.'))
      ++Pos;
    return Pos != Start;
  }

  bool skipArray(unsigned Depth) {
    ++Pos;
    if (consume(']'))
      return true;
    do {
      if (!value(Depth + 1))
        return false;
    } while (consume(','));
    return consume(']');
  }

  bool skipObject(unsigned Depth) {
    ++Pos;
    if (consume('}'))
      return true;
    do {
      skipSpace();
      if (Pos == Text.size() || Text[Pos] != '"' || !skipString() ||
          !consume(':') || !value(Depth + 1))
        return false;
    } while (consume(','));
    return consume('}');
  }

  llvm::StringRef Text;
  size_t Pos = 0;
  bool TooDeep = false;
};

/// Calls \p Each with the text of every element of the array \p Array (a
/// value the scanner has accepted); false if it is not an array.
bool forEachElement(llvm::StringRef Array,
                    llvm::function_ref<bool(llvm::StringRef)> Each) {
  Scanner S(Array);
  if (!S.consume('['))
    return false;
  if (S.consume(']'))
    return true;
  do {
    std::optional<llvm::StringRef> Element = S.value();
    if (!Element || !Each(*Element))
      return false;
  } while (S.consume(','));
  return S.consume(']');
}

/// The members of the object \p Object (a value the scanner has accepted),
/// by key, unescaped.
llvm::StringMap<llvm::StringRef> membersOf(llvm::StringRef Object) {
  llvm::StringMap<llvm::StringRef> Members;
  Scanner S(Object);
  if (!S.consume('{') || S.consume('}'))
    return Members;
  do {
    std::optional<llvm::StringRef> Key = S.value();
    if (!Key || !S.consume(':'))
      break;
    std::optional<llvm::StringRef> Value = S.value();
    llvm::Expected<json::Value> Name = json::parse(*Key);
    if (!Name) {
      llvm::consumeError(Name.takeError());
      break;
    }
    if (!Value || !Name->getAsString())
      break;
    Members[*Name->getAsString()] = *Value;
  } while (S.consume(','));
  return Members;
}

/// Reads the top-level list \p Key of a facts file, one element at a time:
/// each is parsed, converted by its fromJSON above and freed. Errors name
/// the element as json::ObjectMapper would (`at facts.growths[3].at`).
template <typename T>
bool readList(const llvm::StringMap<llvm::StringRef> &Members,
              llvm::StringLiteral Key, std::vector<T> &Out,
              const json::Path &Facts, bool &NotJSON) {
  json::Path List = Facts.field(Key);
  auto It = Members.find(Key);
  if (It == Members.end()) {
    List.report("missing value");
    return false;
  }
  size_t Count = 0;
  if (!forEachElement(It->second, [&](llvm::StringRef) {
        ++Count;
        return true;
      })) {
    List.report("expected array");
    return false;
  }
  Out.reserve(Out.size() + Count);
  unsigned Index = 0;
  return forEachElement(It->second, [&](llvm::StringRef Text) {
    llvm::Expected<json::Value> Element = json::parse(Text);
    if (!Element) {
      llvm::consumeError(Element.takeError());
      NotJSON = true;
      return false;
    }
    Out.emplace_back();
    return fromJSON(*Element, Out.back(), List.index(Index++));
  });
}

/// The error for a document that is not JSON: json::parse's own message
/// (where and what). Only a malformed file pays for the whole tree.
llvm::Error notJSON(llvm::StringRef Text) {
  llvm::Expected<json::Value> Parsed = json::parse(Text);
  if (!Parsed)
    return Parsed.takeError();
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "not a bloat-tidy facts file");
}

} // namespace

llvm::Expected<Facts> fromJSON(llvm::StringRef Text) {
  Scanner Document(Text);
  std::optional<llvm::StringRef> Top = Document.value();
  if (Document.tooDeep())
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "nested more than 64 levels deep; not a bloat-tidy facts file");
  if (!Top || !Document.atEnd())
    return notJSON(Text);
  llvm::StringMap<llvm::StringRef> Members = membersOf(*Top);
  // Format and version first: a file of another version is refused before
  // its records are read with this version's meaning.
  auto Scalar = [&](llvm::StringRef Key) -> json::Value {
    auto It = Members.find(Key);
    if (It == Members.end())
      return nullptr;
    llvm::Expected<json::Value> V = json::parse(It->second);
    if (!V) {
      llvm::consumeError(V.takeError());
      return nullptr;
    }
    return std::move(*V);
  };
  if (!Top->starts_with("{") ||
      Scalar("format").getAsString() != "bloat-tidy-facts")
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "not a bloat-tidy facts file");
  std::optional<int64_t> Version = Scalar("version").getAsInteger();
  if (Version != FactsVersion)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "facts version %lld, expected %d; extract the facts again with this "
        "bloat-tidy",
        static_cast<long long>(Version.value_or(-1)), FactsVersion);
  Facts F;
  json::Path::Root Root("facts");
  json::Path Path(Root);
  bool NotJSON = false;
  auto Read = [&](llvm::StringLiteral Key, auto &List) {
    return readList(Members, Key, List, Path, NotJSON);
  };
  bool Ok = Read("units", F.Units) && Read("inputs", F.Inputs) &&
            Read("containers", F.Containers) && Read("growths", F.Growths) &&
            Read("shrinks", F.Shrinks) && Read("passes", F.Passes) &&
            Read("accessorUses", F.AccessorUses) &&
            Read("escapes", F.Escapes) && Read("functions", F.Functions) &&
            Read("calls", F.Calls) && Read("roots", F.Roots) &&
            Read("instances", F.Instances);
  if (NotJSON)
    return notJSON(Text);
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
  llvm::SmallString<256> Temporary;
  int FD = -1;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(
          Path + ".tmp-%%%%%%%%", FD, Temporary))
    return llvm::createStringError(EC, "%s: %s", Path.str().c_str(),
                                   EC.message().c_str());
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    withNormalized(F, [&](const Facts &N) { writeJSON(OS, N); });
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
