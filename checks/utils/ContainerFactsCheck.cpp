//===--- ContainerFactsCheck.cpp - base of the container checks -----------===//

#include "utils/ContainerFactsCheck.h"
#include "facts/Decide.h"
#include "facts/Facts.h"
#include "utils/SharedBodyWalk.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA1.h"
#include <map>
#include <set>

using namespace clang::ast_matchers;

namespace clang::tidy::bloat {

namespace {

/// Whether \p Pattern, where '*' matches any run of characters, matches all
/// of \p Text.
bool wildcardMatches(StringRef Pattern, StringRef Text) {
  size_t Star = Pattern.find('*');
  if (Star == StringRef::npos)
    return Pattern == Text;
  if (!Text.consume_front(Pattern.take_front(Star)))
    return false;
  Pattern = Pattern.drop_front(Star + 1);
  for (size_t Skip = 0; Skip <= Text.size(); ++Skip)
    if (wildcardMatches(Pattern, Text.drop_front(Skip)))
      return true;
  return false;
}

/// Whether the check list of a NOLINT comment names \p Check: globs
/// separated by commas. Like clang-tidy, a NOLINT list ignores "-glob".
bool checkListNames(StringRef List, StringRef Check) {
  llvm::SmallVector<StringRef, 4> Globs;
  List.split(Globs, ',');
  return llvm::any_of(Globs, [&](StringRef Glob) {
    Glob = Glob.trim();
    return !Glob.empty() && Glob.front() != '-' &&
           wildcardMatches(Glob, Check);
  });
}

enum class NoLintScope { ThisLine, NextLine };

/// Whether \p Line holds a NOLINT (or NOLINTNEXTLINE, for \p Scope
/// NextLine) comment that covers \p Check: without a check list it covers
/// every check.
bool lineSuppresses(StringRef Line, NoLintScope Scope, StringRef Check) {
  for (size_t Pos = Line.find("NOLINT"); Pos != StringRef::npos;
       Pos = Line.find("NOLINT", Pos + 1)) {
    StringRef Rest = Line.drop_front(Pos + strlen("NOLINT"));
    bool NextLine = Rest.consume_front("NEXTLINE");
    // StringRef::starts_with is not in every supported LLVM.
    if (Rest.take_front(5) == "BEGIN" || Rest.take_front(3) == "END" ||
        NextLine != (Scope == NoLintScope::NextLine))
      continue;
    if (!Rest.consume_front("("))
      return true;
    size_t Close = Rest.find(')');
    // An unclosed list is no directive, as in clang-tidy.
    if (Close != StringRef::npos && checkListNames(Rest.take_front(Close), Check))
      return true;
  }
  return false;
}

/// Whether a NOLINT on the line of \p Loc, or a NOLINTNEXTLINE on the line
/// above it, covers \p Check.
bool noLintCovers(const SourceManager &SM, SourceLocation Loc,
                  StringRef Check) {
  if (Loc.isInvalid())
    return false;
  auto [File, Offset] = SM.getDecomposedLoc(SM.getExpansionLoc(Loc));
  bool Invalid = false;
  StringRef Buffer = SM.getBufferData(File, &Invalid);
  if (Invalid || Offset > Buffer.size())
    return false;
  size_t LineStart = Buffer.rfind('\n', Offset);
  LineStart = LineStart == StringRef::npos ? 0 : LineStart + 1;
  StringRef Line = Buffer.substr(LineStart).split('\n').first;
  if (lineSuppresses(Line, NoLintScope::ThisLine, Check))
    return true;
  if (LineStart == 0)
    return false;
  StringRef Before = Buffer.take_front(LineStart - 1);
  size_t PreviousStart = Before.rfind('\n');
  StringRef Previous = PreviousStart == StringRef::npos
                           ? Before
                           : Before.drop_front(PreviousStart + 1);
  return lineSuppresses(Previous, NoLintScope::NextLine, Check);
}

} // namespace

/// The container facts of one TU, for the checks configured alike. It
/// listens to the TU's shared walk and lives as long as the TU's checks.
class SharedContainerFacts {
public:
  SharedContainerFacts(ContainerFacts Facts,
                       std::shared_ptr<SharedBodyWalk> Walk)
      : Facts(std::move(Facts)), Walk(std::move(Walk)) {
    this->Walk->addListener(this->Facts);
    // The decision every reader needs, on the walk's profile row.
    this->Walk->whenWalked([this] { (void)findings(); });
  }
  ~SharedContainerFacts() { Walk->removeListener(Facts); }
  SharedContainerFacts(const SharedContainerFacts &) = delete;
  SharedContainerFacts &operator=(const SharedContainerFacts &) = delete;

  /// The facts for the checks of the TU \p Finder matches, configured by
  /// \p Options.
  static std::shared_ptr<SharedContainerFacts>
  get(AnalysisHub &Hub, MatchFinder &Finder, const ClangTidyContext &Context,
      const ContainerCheckOptions &Options) {
    std::shared_ptr<SharedBodyWalk> Walk =
        SharedBodyWalk::get(Hub, Finder, Context);
    return Hub.share<SharedContainerFacts>(
        Finder, "container-facts:" + Options.factsKey(), [&] {
          return std::make_shared<SharedContainerFacts>(Options.makeFacts(),
                                                        std::move(Walk));
        });
  }

  /// The TU's findings, worked out once; none when the TU did not compile.
  llvm::ArrayRef<UnboundedContainer> findings() {
    if (!Walk->tuCompiled() || !Walk->sourceManager())
      return {};
    if (!Findings)
      Findings = Facts.unboundedContainers(*Walk->sourceManager());
    return *Findings;
  }

  llvm::ArrayRef<StoredLambda> lambdas() const {
    return Walk->tuCompiled() ? Facts.lambdas()
                              : llvm::ArrayRef<StoredLambda>();
  }

  /// The decision over the merged facts of a project (an editor's index),
  /// with this TU's fresh facts in place of the indexed ones.
  struct ProjectDecision {
    /// Why the project's facts could not be read; empty when they were.
    std::string Error;
    std::vector<bloat_facts::Finding> Findings;
    /// The files this TU read: only their findings are this TU's to say.
    std::set<std::string> OwnFiles;
  };

  /// The decision over the project facts in \p Path, read and worked out
  /// once for every check of the TU that names that file.
  const ProjectDecision &projectDecision(const std::string &Path) {
    auto [It, New] = ProjectDecisions.try_emplace(Path);
    ProjectDecision &Decision = It->second;
    if (!New)
      return Decision;
    llvm::Expected<bloat_facts::Facts> Project =
        bloat_facts::readFactsFile(Path);
    if (!Project) {
      Decision.Error = llvm::toString(Project.takeError());
      return Decision;
    }
    // The file being edited may have changed since the index was made: its
    // fresh facts join the project's.
    bloat_facts::Facts Fresh = Facts.exportFacts();
    Decision.OwnFiles.insert(Fresh.Inputs.begin(), Fresh.Inputs.end());
    Project->merge(std::move(Fresh));
    Decision.Findings =
        bloat_facts::decide(*Project, bloat_facts::DecideOptions());
    return Decision;
  }

  ContainerFacts Facts;
  const std::shared_ptr<SharedBodyWalk> Walk;
  /// The TU's facts are written once, by the first check to finish.
  bool FactsStored = false;

private:
  std::optional<std::vector<UnboundedContainer>> Findings;
  std::map<std::string, ProjectDecision> ProjectDecisions;
};

ContainerFactsCheck::ContainerFactsCheck(StringRef Name,
                                         ClangTidyContext *Context,
                                         std::shared_ptr<AnalysisHub> Hub)
    : ClangTidyCheck(Name, Context),
      ModelOptions(Options, Name,
                   [this](StringRef Message) { configurationDiag(Message); }),
      Hub(std::move(Hub)),
      FactsDir(Options.getLocalOrGlobal(FactsDirOption, "")),
      ProjectFacts(Options.getLocalOrGlobal(ProjectFactsOption, "")),
      OptionMap(Context->getOptions().CheckOptions), ContextForFacts(Context),
      Name(Name.str()) {}

ContainerFactsCheck::~ContainerFactsCheck() = default;

void ContainerFactsCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  ModelOptions.store(Options, Opts);
  if (!FactsDir.empty())
    Options.store(Opts, FactsDirOption, FactsDir);
  if (!ProjectFacts.empty())
    Options.store(Opts, ProjectFactsOption, ProjectFacts);
}

void ContainerFactsCheck::registerMatchers(MatchFinder *Finder) {
  Shared = SharedContainerFacts::get(*Hub, *Finder, *ContextForFacts,
                                     ModelOptions);
  registerEndOfTUMatcher(*Finder, *this);
}

void ContainerFactsCheck::check(const MatchFinder::MatchResult &) {
  // The shared walk does the matching; this check reports at the TU's end.
}

const ContainerFacts &ContainerFactsCheck::facts() const {
  return Shared->Facts;
}

bool ContainerFactsCheck::isSuppressedAtDeclaration(
    const UnboundedContainer &Finding) const {
  const SourceManager *SM = Shared->Walk->sourceManager();
  if (!SM)
    return false;
  const ValueDecl &Decl = *Finding.Decl;
  return noLintCovers(*SM, Decl.getLocation(), getID()) ||
         (SM->getExpansionLineNumber(Decl.getBeginLoc()) !=
              SM->getExpansionLineNumber(Decl.getLocation()) &&
          noLintCovers(*SM, Decl.getBeginLoc(), getID()));
}

void ContainerFactsCheck::storeFactsOnce() {
  if (FactsDir.empty() || !Shared->Walk->tuCompiled() ||
      std::exchange(Shared->FactsStored, true))
    return;
  // The whole-program report silences what this TU's checks would.
  const SourceManager &SM = *Shared->Walk->sourceManager();
  static constexpr llvm::StringLiteral FactsChecks[] = {
      "bloat-unbounded-container", "bloat-unbounded-cache",
      "bloat-long-lived-capture"};
  auto NoLintAt = [&SM](SourceLocation Loc) {
    std::vector<std::string> Checks;
    for (llvm::StringRef Check : FactsChecks)
      if (noLintCovers(SM, Loc, Check))
        Checks.push_back(Check.str());
    return Checks;
  };
  ContainerFacts::Suppressions Silenced;
  Silenced.ForContainer = [&](const ValueDecl &Decl) {
    std::vector<std::string> Checks = NoLintAt(Decl.getLocation());
    // Each check's own IgnoredNames (or the global one).
    std::string Name = userFacingQualifiedName(Decl);
    for (llvm::StringRef Check : FactsChecks) {
      ClangTidyCheck::OptionsView View(Check, OptionMap, ContextForFacts);
      llvm::Regex Ignored(View.getLocalOrGlobal("IgnoredNames", ""));
      if (!View.getLocalOrGlobal("IgnoredNames", "").empty() &&
          Ignored.isValid() && Ignored.match(Name) &&
          !llvm::is_contained(Checks, Check))
        Checks.push_back(Check.str());
    }
    for (std::string &Check : NoLintAt(Decl.getBeginLoc()))
      if (!llvm::is_contained(Checks, Check))
        Checks.push_back(std::move(Check));
    return Checks;
  };
  Silenced.ForSite = NoLintAt;
  bloat_facts::Facts Facts = Shared->Facts.exportFacts(Silenced);
  if (Facts.Units.empty())
    return;
  // One file per TU, named after its main file (the hash tells apart two
  // files of the same name).
  const std::string &Main = Facts.Units.front();
  std::array<uint8_t, 20> Hash = llvm::SHA1::hash(llvm::arrayRefFromStringRef(Main));
  llvm::SmallString<256> Path(FactsDir);
  llvm::sys::path::append(
      Path, llvm::sys::path::filename(Main) + "-" +
                llvm::toHex(llvm::ArrayRef<uint8_t>(Hash).take_front(8),
                            /*LowerCase=*/true) +
                ".facts.json");
  if (llvm::Error Failed = bloat_facts::writeFactsFile(Path, Facts))
    configurationDiag("cannot write the facts of '%0' for option '%1': %2")
        << Main << FactsDirOption << llvm::toString(std::move(Failed));
}

bool ContainerFactsCheck::reportFromProjectFacts() {
  if (ProjectFacts.empty() || !Shared->Walk->tuCompiled() ||
      !Shared->Walk->sourceManager())
    return false;
  const SharedContainerFacts::ProjectDecision &Project =
      Shared->projectDecision(ProjectFacts);
  if (!Project.Error.empty()) {
    configurationDiag("cannot read option '%0': %1; analysing this file "
                      "alone")
        << ProjectFactsOption << Project.Error;
    return false;
  }
  const SourceManager &SM = *Shared->Walk->sourceManager();
  auto Translate = [&SM](const bloat_facts::Location &At) {
    if (llvm::Expected<FileEntryRef> File =
            SM.getFileManager().getFileRef(At.File))
      return SM.translateFileLineCol(*File, At.Line, At.Column);
    else
      llvm::consumeError(File.takeError());
    return SourceLocation();
  };
  for (const bloat_facts::Finding &Finding : Project.Findings) {
    if (Finding.Check != Name ||
        !Project.OwnFiles.count(Finding.At.File))
      continue;
    SourceLocation At = Translate(Finding.At);
    if (At.isInvalid())
      continue;
    diag(At, "%0") << Finding.Message;
    for (const bloat_facts::Note &Note : Finding.Notes) {
      SourceLocation NoteAt = Translate(Note.At);
      // A note in a file this TU did not read stays at the finding, with
      // the place it is about.
      if (NoteAt.isValid())
        diag(NoteAt, "%0", DiagnosticIDs::Note) << Note.Message;
      else
        diag(At, "%0 (%1:%2)", DiagnosticIDs::Note)
            << Note.Message << llvm::sys::path::filename(Note.At.File)
            << Note.At.Line;
    }
  }
  return true;
}

void ContainerFactsCheck::onEndOfTranslationUnit() {
  if (!Shared)
    return;
  storeFactsOnce();
  // With the project's facts, the project decides (docs/wholeprogram.md).
  if (reportFromProjectFacts()) {
    for (const StoredLambda &Lambda : Shared->lambdas())
      reportStoredLambda(Lambda);
    return;
  }
  for (const UnboundedContainer &Finding : Shared->findings())
    if (Finding.Check == Name && !ModelOptions.isIgnored(*Finding.Decl) &&
        !isSuppressedAtDeclaration(Finding))
      report(Finding);
  for (const StoredLambda &Lambda : Shared->lambdas())
    reportStoredLambda(Lambda);
}

} // namespace clang::tidy::bloat
