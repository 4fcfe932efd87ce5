//===--- BoundFixes.cpp - fix-its that bound a finding --------------------===//

#include "utils/BoundFixes.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::bloat {

namespace {

// The clamp the size fix applies: 1 MiB, as in the docs' examples.
constexpr llvm::StringLiteral DefaultSizeLimit = "1 << 20";

// "store_blob" -> {"store", "blob"}, "loadFileOfAnySize" -> {"load", "File",
// "Of", "Any", "Size"}.
llvm::SmallVector<std::string, 4> identifierWords(llvm::StringRef Name) {
  llvm::SmallVector<std::string, 4> Words;
  std::string Current;
  for (size_t I = 0; I < Name.size(); ++I) {
    char C = Name[I];
    if (C == '_') {
      if (!Current.empty())
        Words.push_back(std::move(Current));
      Current.clear();
      continue;
    }
    if (llvm::isUpper(C) && !Current.empty() &&
        !llvm::isUpper(Current.back())) {
      Words.push_back(std::move(Current));
      Current.clear();
    }
    Current += C;
  }
  if (!Current.empty())
    Words.push_back(std::move(Current));
  return Words;
}

// kMax + the words, each capitalised, a word repeated next to itself once.
std::string limitName(llvm::ArrayRef<std::string> Words) {
  std::string Name = "kMax";
  std::string Previous;
  for (const std::string &Word : Words) {
    std::string Lower = llvm::StringRef(Word).lower();
    if (Word.empty() || Lower == Previous)
      continue;
    Previous = Lower;
    Name += llvm::toUpper(Word[0]);
    Name += Word.substr(1);
  }
  return Name;
}

// A member of a template, a lambda in one, an explicit specialization: the
// text is shared by instantiations the fix cannot see.
bool isInTemplate(const Decl &D) {
  for (const DeclContext *Context = isa<DeclContext>(D) ? cast<DeclContext>(&D)
                                                        : D.getDeclContext();
       Context; Context = Context->getParent()) {
    if (Context->isDependentContext())
      return true;
    if (const auto *Function = dyn_cast<FunctionDecl>(Context)) {
      if (Function->getTemplateInstantiationPattern() ||
          Function->getTemplateSpecializationKind() != TSK_Undeclared ||
          Function->getNumTemplateParameterLists() > 0)
        return true;
    } else if (const auto *Record = dyn_cast<CXXRecordDecl>(Context)) {
      if (isa<ClassTemplateSpecializationDecl>(Record) ||
          Record->getDescribedClassTemplate() ||
          Record->getTemplateInstantiationPattern())
        return true;
    }
  }
  return false;
}

bool isFileRange(SourceRange Range) {
  return Range.isValid() && Range.getBegin().isFileID() &&
         Range.getEnd().isFileID();
}

// An attribute written before \p Start would apply to the declaration the
// fix inserts there instead.
bool hasAttributeBefore(const Decl &D, SourceLocation Start,
                        const SourceManager &SM) {
  return llvm::any_of(D.attrs(), [&](const Attr *A) {
    SourceLocation Where = A->getRange().getBegin();
    return !A->isImplicit() && Where.isValid() &&
           (Where.isMacroID() || SM.isBeforeInTranslationUnit(Where, Start));
  });
}

// Where a declaration the fix may precede starts: before `extern "C"` when
// the declaration is the whole of a linkage specification without braces,
// whose linkage would otherwise pass to the inserted constant.
SourceLocation declarationStart(const Decl &D) {
  if (const auto *Spec = dyn_cast<LinkageSpecDecl>(D.getLexicalDeclContext()))
    if (!Spec->hasBraces())
      return Spec->getBeginLoc();
  return D.getBeginLoc();
}

// A class a static data member can be declared in, named from outside.
bool canHoldStaticMember(const CXXRecordDecl &Record) {
  return Record.getIdentifier() && !Record.isLocalClass() &&
         !Record.isUnion() && !Record.isLambda() && !isInTemplate(Record);
}

// Whether \p Inner is \p Outer or lies inside it (semantically).
bool isWithin(const DeclContext *Inner, const DeclContext *Outer) {
  for (; Inner; Inner = Inner->getParent())
    if (Inner->getPrimaryContext() == Outer->getPrimaryContext())
      return true;
  return false;
}

// `std::size_t` as written when the size has that type, else the builtin
// integer type it is. Empty when the clamp cannot be spelled safely: a type
// narrower than int, bool, characters, enums.
std::string clampTypeName(QualType Type, const ASTContext &Context) {
  Type = Type.getNonReferenceType().getUnqualifiedType();
  QualType Canonical = Type.getCanonicalType();
  const auto *Builtin = dyn_cast<BuiltinType>(Canonical);
  if (!Builtin || !Builtin->isInteger() || Builtin->isBooleanType() ||
      Canonical->isAnyCharacterType() || Context.getIntWidth(Canonical) < 32)
    return "";
  if (const auto *Typedef = Type->getAs<TypedefType>()) {
    const TypedefNameDecl *Name = Typedef->getDecl();
    if (Name->getName() == "size_t") {
      const DeclContext *Where = Name->getDeclContext()->getRedeclContext();
      if (Where->isStdNamespace())
        return "std::size_t";
      if (Where->isTranslationUnit())
        return "size_t";
    }
  }
  return Canonical.getAsString(PrintingPolicy(Context.getLangOpts()));
}

// Whether `std::min` is declared: the fix does not add includes.
bool stdMinIsDeclared(ASTContext &Context) {
  // get(), not find(): with a precompiled preamble (clangd) the names are
  // loaded on request.
  auto Find = [&](const DeclContext &Scope,
                  llvm::StringRef Name) -> const NamedDecl * {
    DeclContext::lookup_result Found =
        Scope.getPrimaryContext()->lookup(&Context.Idents.get(Name));
    return Found.empty() ? nullptr : Found.front();
  };
  const auto *Std = dyn_cast_or_null<NamespaceDecl>(
      Find(*Context.getTranslationUnitDecl(), "std"));
  return Std && Find(*Std, "min");
}

// The statement \p Call is, when it is a whole statement of a block: the
// only place a line can be added after it.
bool isWholeStatement(const Stmt *Body, const Expr &Call) {
  if (!Body)
    return false;
  if (const auto *Block = dyn_cast<CompoundStmt>(Body))
    for (const Stmt *Child : Block->body())
      if (const auto *E = dyn_cast_or_null<Expr>(Child))
        if (E->IgnoreImplicit()->IgnoreParens() == &Call)
          return true;
  for (const Stmt *Child : Body->children()) {
    // A lambda's body belongs to its own call operator.
    if (Child && isa<LambdaExpr>(Child))
      continue;
    if (isWholeStatement(Child, Call))
      return true;
  }
  return false;
}

// Whether only blanks precede \p Loc on its line.
bool startsItsLine(SourceLocation Loc, const SourceManager &SM) {
  std::pair<FileID, unsigned> Position = SM.getDecomposedLoc(Loc);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(Position.first, &Invalid);
  if (Invalid)
    return false;
  llvm::StringRef Before = Buffer.take_front(Position.second);
  Before = Before.substr(Before.find_last_of("\n") + 1);
  return Before.trim().empty();
}

} // namespace

bool BoundFixNames::claim(const DeclContext &Scope, llvm::StringRef Name) {
  if (Claimed.contains(Name))
    return false;
  // Any identifier the TU already spells may be declared where the new
  // constant would clash or shadow it: only a name the TU never uses is
  // taken.
  ASTContext &Context = Decl::castFromDeclContext(&Scope)->getASTContext();
  if (Context.Idents.find(Name) != Context.Idents.end())
    return false;
  // A precompiled preamble (clangd) holds identifiers the table only loads
  // on request.
  IdentifierInfo &Id = Context.Idents.get(Name);
  if (Id.isFromAST() || !Scope.getPrimaryContext()->lookup(&Id).empty())
    return false;
  Claimed.insert(Name);
  return true;
}

std::vector<FixItHint> clampSizeFixes(const FunctionDecl &Function,
                                      llvm::StringRef NameHint,
                                      llvm::ArrayRef<const Expr *> Sizes,
                                      BoundFixNames &Names) {
  ASTContext &Context = Function.getASTContext();
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LangOpts = Context.getLangOpts();
  if (!LangOpts.CPlusPlus11 || Sizes.empty() || !Function.getIdentifier() ||
      isInTemplate(Function) ||
      Function.getFriendObjectKind() != Decl::FOK_None ||
      !stdMinIsDeclared(Context))
    return {};
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&Function))
    if (Method->getParent()->isLambda())
      return {};

  // One constant for every size: they must share its type.
  std::string TypeName;
  QualType Common;
  for (const Expr *Size : Sizes) {
    QualType Type = Size->IgnoreImpCasts()->getType();
    std::string Name = clampTypeName(Type, Context);
    if (Name.empty() || (!Common.isNull() &&
                         Common.getCanonicalType() != Type.getCanonicalType()))
      return {};
    if (Common.isNull()) {
      Common = Type;
      TypeName = Name;
    }
    if (!isFileRange(Size->getSourceRange()))
      return {};
  }

  // Before the function: at namespace scope, or in its class when it is
  // defined there.
  const DeclContext *Lexical = Function.getLexicalDeclContext();
  const auto *Record = dyn_cast<CXXRecordDecl>(Lexical);
  if (Record ? !canHoldStaticMember(*Record)
             : !Lexical->getRedeclContext()->isFileContext())
    return {};
  SourceLocation Start = declarationStart(Function);
  if (Start.isInvalid() || Start.isMacroID() ||
      hasAttributeBefore(Function, Start, SM))
    return {};

  llvm::SmallVector<std::string, 4> Words = identifierWords(Function.getName());
  if (Words.size() > 1)
    Words.erase(Words.begin()); // The verb: store_blob -> Blob.
  if (NameHint.size() > 1)
    llvm::append_range(Words, identifierWords(NameHint));
  else
    Words.push_back("Size");
  std::string Limit = limitName(Words);
  const DeclContext &Scope =
      Record ? *cast<DeclContext>(Record) : *Lexical->getRedeclContext();
  if (!Names.claim(Scope, Limit))
    return {};

  std::string Indent = Lexer::getIndentationForLine(Start, SM).str();
  std::vector<FixItHint> Fixes;
  Fixes.push_back(FixItHint::CreateInsertion(
      Start, (Record ? "static constexpr " : "constexpr ") + TypeName + " " +
                 Limit + " = " + DefaultSizeLimit.str() + ";\n" +
                 (Record ? "" : "\n") + Indent));
  for (const Expr *Size : Sizes) {
    SourceLocation End =
        Lexer::getLocForEndOfToken(Size->getEndLoc(), 0, SM, LangOpts);
    if (End.isInvalid())
      return {};
    Fixes.push_back(
        FixItHint::CreateInsertion(Size->getBeginLoc(), "std::min("));
    Fixes.push_back(FixItHint::CreateInsertion(End, ", " + Limit + ")"));
  }
  return Fixes;
}

std::vector<FixItHint> capContainerFixes(const UnboundedContainer &Finding,
                                         BoundFixNames &Names) {
  const ValueDecl &Container = *Finding.Decl;
  const ASTContext &Context = Container.getASTContext();
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LangOpts = Context.getLangOpts();
  llvm::StringRef Template = Finding.Type.TemplateName;
  bool IsVector = Template == "std::vector";
  if (!LangOpts.CPlusPlus11 ||
      !(IsVector || Template == "std::deque" || Template == "std::list") ||
      isInTemplate(Container) || !Container.getIdentifier())
    return {};

  // Where the container is declared: a member's class, or the first
  // declaration of a global in the TU.
  const Decl *Declaration = &Container;
  const CXXRecordDecl *Record = nullptr;
  switch (Finding.TheOwner.Kind) {
  case OwnerKind::Member:
  case OwnerKind::StaticMember:
    Record = dyn_cast<CXXRecordDecl>(Container.getDeclContext());
    if (!Record || !canHoldStaticMember(*Record))
      return {};
    break;
  case OwnerKind::Global:
  case OwnerKind::NamespaceScope:
  case OwnerKind::FileStatic:
    if (!Container.getDeclContext()->getRedeclContext()->isFileContext())
      return {};
    break;
  default:
    return {};
  }
  if (const auto *Var = dyn_cast<VarDecl>(Declaration))
    Declaration = Var->getFirstDecl();

  // Every growth site gets its cap, or none does: a half-capped container
  // still grows.
  llvm::SmallVector<const GrowthSite *, 4> Sites{Finding.Primary};
  llvm::append_range(Sites, Finding.OtherSites);
  struct Cap {
    SourceLocation After;
    std::string Object;
    /// The growth's indentation; none when the growth shares its line with
    /// other code (`void f() { v.push_back(x); }`): the cap joins that line.
    std::optional<std::string> Indent;
    const FunctionDecl *Function;
  };
  llvm::SmallVector<Cap, 4> Caps;
  std::optional<bool> AtBack;
  std::optional<FileID> SitesFile;
  for (const GrowthSite *Site : Sites) {
    const auto *Call = dyn_cast_or_null<CallExpr>(Site->Call);
    const FunctionDecl *Function = Site->Context.Function;
    if (!Call || !Function || isInTemplate(*Function))
      return {};
    std::optional<MemberCallView> View = ContainerModel::viewMemberCall(*Call);
    if (!View || !View->Object)
      return {};
    // The oldest element is at the other end from where it grows.
    bool Back = View->Method == "push_back" || View->Method == "emplace_back";
    bool Front = !IsVector && (View->Method == "push_front" ||
                               View->Method == "emplace_front");
    if ((!Back && !Front) || (AtBack && *AtBack != Back))
      return {};
    AtBack = Back;
    if (!isFileRange(Call->getSourceRange()) ||
        !isFileRange(View->Object->getSourceRange()) ||
        View->Object->HasSideEffects(Context) ||
        !isWholeStatement(Function->getBody(), *Call))
      return {};
    // One file: an editor applies the edits of one file only.
    FileID File = SM.getFileID(Call->getBeginLoc());
    if (SitesFile && *SitesFile != File)
      return {};
    SitesFile = File;
    SourceLocation After = Lexer::findLocationAfterToken(
        Call->getEndLoc(), tok::semi, SM, LangOpts,
        /*SkipTrailingWhitespaceAndNewLine=*/false);
    if (After.isInvalid())
      return {};
    llvm::StringRef Text = Lexer::getSourceText(
        CharSourceRange::getTokenRange(View->Object->getSourceRange()), SM,
        LangOpts);
    if (Text.empty())
      return {};
    const Expr *Object = View->Object->IgnoreImpCasts();
    std::string ObjectText = isa<DeclRefExpr, MemberExpr, ParenExpr>(Object)
                                 ? Text.str()
                                 : "(" + Text.str() + ")";
    std::optional<std::string> Indent;
    if (startsItsLine(Call->getBeginLoc(), SM))
      Indent = Lexer::getIndentationForLine(Call->getBeginLoc(), SM).str();
    Caps.push_back({After, std::move(ObjectText), std::move(Indent), Function});
  }

  // The limit goes next to the container when it is declared in the file
  // that grows it. Otherwise (a member declared in a header, grown in its
  // .cpp) before the first function that grows it, at namespace scope, so
  // that every edit stays in one file.
  SourceLocation LimitAt = declarationStart(*Declaration);
  const Decl *LimitBefore = Declaration;
  const DeclContext *Scope =
      Record ? cast<DeclContext>(Record)
             : Declaration->getDeclContext()->getRedeclContext();
  bool InClass = Record != nullptr;
  if (LimitAt.isInvalid() || LimitAt.isMacroID() ||
      SM.getFileID(LimitAt) != *SitesFile) {
    InClass = false;
    Scope = nullptr;
    for (const Cap &C : Caps) {
      const FunctionDecl &Function = *C.Function;
      const DeclContext *Lexical =
          Function.getLexicalDeclContext()->getRedeclContext();
      if (isa<CXXMethodDecl>(Function) &&
          cast<CXXMethodDecl>(Function).getParent()->isLambda())
        return {};
      if (!Lexical->isFileContext() || (Scope && Scope != Lexical))
        return {};
      Scope = Lexical;
      SourceLocation Start = declarationStart(Function);
      if (!Start.isFileID() || SM.getFileID(Start) != *SitesFile)
        return {};
      if (LimitAt.isInvalid() || LimitAt.isMacroID() ||
          SM.getFileID(LimitAt) != *SitesFile ||
          SM.isBeforeInTranslationUnit(Start, LimitAt)) {
        LimitAt = Start;
        LimitBefore = &Function;
      }
    }
  }
  if (LimitAt.isInvalid() || LimitAt.isMacroID() ||
      hasAttributeBefore(*LimitBefore, LimitAt, SM))
    return {};

  // Unqualified wherever lookup finds it from the growth site.
  bool Qualify = false;
  for (const Cap &C : Caps)
    if (!isWithin(C.Function, Scope)) {
      if (!InClass)
        return {};
      Qualify = true;
    }

  llvm::SmallVector<std::string, 4> Words =
      identifierWords(Container.getName());
  // g_history, m_history, s_history, history_: the limit is kMaxHistory.
  if (Words.size() > 1 && Words.front().size() == 1 &&
      llvm::StringRef("gmst").contains(Words.front()[0]))
    Words.erase(Words.begin());
  std::string Limit = limitName(Words);
  if (!Names.claim(*Scope, Limit))
    return {};
  std::string LimitRef =
      Qualify ? userFacingQualifiedName(*Record) + "::" + Limit : Limit;

  std::vector<FixItHint> Fixes;
  std::string Indent = Lexer::getIndentationForLine(LimitAt, SM).str();
  Fixes.push_back(FixItHint::CreateInsertion(
      LimitAt, (InClass ? "static constexpr std::size_t "
                        : "constexpr std::size_t ") +
                   Limit + " = " + std::to_string(DefaultContainerLimit) +
                   ";\n" + (LimitBefore == Declaration ? "" : "\n") +
                   Indent));
  for (const Cap &C : Caps) {
    std::string Drop = !*AtBack   ? ".pop_back()"
                       : IsVector ? ".erase(" + C.Object + ".begin())"
                                  : ".pop_front()";
    std::string Test = "if (" + C.Object + ".size() > " + LimitRef + ")";
    Fixes.push_back(FixItHint::CreateInsertion(
        C.After, C.Indent ? "\n" + *C.Indent + Test + "\n" + *C.Indent +
                                "  " + C.Object + Drop + ";"
                          : " " + Test + " " + C.Object + Drop + ";"));
  }
  return Fixes;
}

} // namespace clang::tidy::bloat
