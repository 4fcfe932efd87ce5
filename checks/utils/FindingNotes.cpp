//===--- FindingNotes.cpp - notes shared by the container checks ----------===//

#include "utils/FindingNotes.h"
#include "clang/AST/DeclCXX.h"

namespace clang::tidy::bloat {

namespace {

// How deep a chain of "called from" notes may go before it stops explaining.
constexpr unsigned MaxExplainedCallers = 4;

std::string describeFunction(const FunctionDecl &Function) {
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&Function))
    if (Method->getParent()->isLambda())
      return "a lambda";
  return "'" + Function.getQualifiedNameAsString() + "'";
}

void noteFunctionRepeats(ClangTidyCheck &Check, const RepeatingPaths &Paths,
                         const FunctionDecl *Function,
                         RepeatEvidence::ChainKind Chain, unsigned Depth) {
  const RepeatCause *Cause =
      Chain == RepeatEvidence::AnyCallers
          ? Paths.knownCauseOf(Function)
          : Paths.knownShownCauseOf(Function,
                                    Chain == RepeatEvidence::CallersInProgram);
  if (!Cause || Depth > MaxExplainedCallers)
    return;
  std::string Name = describeFunction(*Function);
  switch (Cause->Kind) {
  case RepeatCause::CalledInLoop:
    Check.diag(Cause->Site, "%0 is called inside a loop here",
               DiagnosticIDs::Note)
        << Name;
    return;
  case RepeatCause::StoredCallback:
    Check.diag(Cause->Site,
               "this lambda is stored as a long-lived callback and may run "
               "any number of times",
               DiagnosticIDs::Note);
    return;
  case RepeatCause::AddressTaken:
    Check.diag(Cause->Site,
               "the address of %0 is taken here, so it may be called any "
               "number of times",
               DiagnosticIDs::Note)
        << Name;
    return;
  case RepeatCause::CalledFromRepeating:
    Check.diag(Cause->Site,
               "%0 is called from %1, which runs on a repeating path",
               DiagnosticIDs::Note)
        << Name << describeFunction(*Cause->Via);
    noteFunctionRepeats(Check, Paths, Cause->Via, Chain, Depth + 1);
    return;
  case RepeatCause::ExternallyCallable:
    Check.diag(Cause->Site,
               "%0 can be called from other translation units any number of "
               "times",
               DiagnosticIDs::Note)
        << Name;
    return;
  }
}

} // namespace

void noteDeclarationAndGrowth(ClangTidyCheck &Check,
                              const UnboundedContainer &Finding) {
  Check.diag(Finding.Decl->getLocation(), "%0 is declared here",
             DiagnosticIDs::Note)
      << Finding.Decl;
  for (const GrowthSite *Site : Finding.OtherSites)
    Check.diag(Site->Loc, "%0 also grows here", DiagnosticIDs::Note)
        << Finding.Decl;
}

void noteWhyRepeats(ClangTidyCheck &Check, const RepeatingPaths &Paths,
                    const UnboundedContainer &Finding) {
  const RepeatEvidence &Why = Finding.Why;
  switch (Why.Kind) {
  case RepeatEvidence::InsideLoop:
    Check.diag(Why.Loop->getBeginLoc(), "the growth repeats in this loop",
               DiagnosticIDs::Note);
    return;
  case RepeatEvidence::LocalAcrossLoop:
    Check.diag(Why.Loop->getBeginLoc(),
               "this loop has no fixed trip count and %0 outlives its "
               "iterations",
               DiagnosticIDs::Note)
        << Finding.Decl;
    return;
  case RepeatEvidence::FunctionRepeats:
    noteFunctionRepeats(Check, Paths, Why.Function, Why.Chain, 0);
    return;
  }
}

} // namespace clang::tidy::bloat
