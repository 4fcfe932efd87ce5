#!/usr/bin/env python3
"""bloat-ci: the bloat-* checks as a CI lint step, with SARIF and a baseline.

Runs bloat-tidy (or clang-tidy with the bloat plugin) over the files of a
compile_commands.json, or over given files, and

  * writes every bloat finding as SARIF 2.1.0 (--sarif), with the notes as
    related locations and rule help taken from docs/checks/<check>.md, and
    as GitLab Code Quality JSON (--gitlab-codequality);
  * records today's findings in a baseline (--write-baseline) and, given one
    (--baseline), fails only on findings not in it. A finding is matched on
    its check, file, enclosing function or class, the names it quotes and
    its rank among equal findings there, never on line numbers or wording,
    so the baseline survives code moving around and reworded diagnostics.

Without --checks, each file gets the bloat-* checks its .clang-tidy enables
(all of them when its .clang-tidy says nothing about bloat-*).

With -p, the run is whole-program (docs/wholeprogram.md): each TU's facts
are extracted in parallel (and cached per TU), merged with bloat-facts, and
the merged report feeds the outputs above. --per-tu, or files given without
-p, runs the checks on each TU alone. --shard I/N --facts-out DIR extracts
one shard's facts; --merge DIR... merges shards and reports; --index-only
writes the merged facts for the editor.

Exit codes: 0 no new findings, 1 new findings, 2 errors: bad arguments or
check names, a missing or unreadable baseline or compile database, a tool
that fails or crashes, malformed check options, no file analysed, and with
--fail-on-skipped a file not analysed for its compile errors; in
whole-program mode, also a facts file the tool did not write, or that
bloat-facts refuses (another facts version, a corrupt file).
"""

import argparse
import concurrent.futures
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import urllib.parse

EXIT_CLEAN, EXIT_NEW_FINDINGS, EXIT_ERROR = 0, 1, 2
FINGERPRINT_KEY = "bloatFingerprint/v2"
BASELINE_VERSION = 2

# path:line:col: level: message [check]
DIAGNOSTIC = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<level>warning|error|note): "
    r"(?P<message>.*?)(?: \[(?P<check>[\w.,-]+)\])?$")
# The checks' own line for a TU they skipped (checks/utils/SharedBodyWalk).
NOT_ANALYSED = re.compile(
    r"^bloat-\*: (?P<file>.+) was not analysed: it has compile errors$")
# clang-tidy's word for a .clang-tidy it ignores because it cannot parse it.
CONFIG_NOT_READ = re.compile(r"^Error (parsing|reading) .*")
# Errors after which clang-tidy builds no AST, so the checks never run.
DRIVER_GAVE_UP = re.compile(
    r"^error: (unable to handle compilation|no input files)")
# The checks that write facts (BloatFactsDir) and whose findings, in
# whole-program mode, come from the merged report rather than from one TU.
FACTS_CHECKS = ("bloat-long-lived-capture", "bloat-unbounded-cache",
                "bloat-unbounded-container")
FACTS_SUFFIX = ".facts.json"
CACHE_VERSION = 1
# What a shard leaves beside its facts for --merge: the findings of checks
# that write no facts, and what the summary counts.
SHARD_FILE = "bloat-ci-shard.json"
SHARD_FORMAT, SHARD_VERSION = "bloat-ci-shard", 1
# 'history' (member of 'GameState'): the names a message quotes.
QUOTED = re.compile(r"'([^']+)'")


class UsageError(Exception):
    pass


class Layout:
    """Where the docs, the version and the tools are: next to this script in
    the source tree (tools/bloat-ci/bloat_ci.py), or in the install prefix
    that `cmake --install` made (<prefix>/bin/bloat-ci)."""

    def __init__(self):
        here = os.path.dirname(os.path.realpath(__file__))
        source_root = os.path.dirname(os.path.dirname(here))
        if os.path.basename(here) == "bloat-ci" and os.path.isdir(
                os.path.join(source_root, "docs", "checks")):
            self.docs = os.path.join(source_root, "docs", "checks")
            self.version_file = os.path.join(source_root, "VERSION")
            self.bloat_tidy = os.path.join(source_root, "build", "bin",
                                           "bloat-tidy")
            self.plugin = os.path.join(source_root, "build", "lib",
                                       "libBloatTidy.so")
            self.bloat_facts = os.path.join(source_root, "build", "bin",
                                            "bloat-facts")
        else:
            prefix = os.path.dirname(here)
            share = os.path.join(prefix, "share", "bloat-tidy")
            self.docs = os.path.join(share, "checks")
            self.version_file = os.path.join(share, "VERSION")
            self.bloat_tidy = os.path.join(prefix, "bin", "bloat-tidy")
            self.plugin = os.path.join(prefix, "lib", "libBloatTidy.so")
            self.bloat_facts = os.path.join(prefix, "bin", "bloat-facts")

    def version(self):
        try:
            with open(self.version_file) as f:
                return f.read().strip()
        except OSError:
            return "unknown"


LAYOUT = Layout()


class ArgumentParser(argparse.ArgumentParser):
    def error(self, message):
        # One line, not argparse's usage block.
        raise UsageError(message)


def parse_args(argv):
    parser = ArgumentParser(
        prog="bloat-ci", description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*",
                        help="files to check (default: every file in "
                             "compile_commands.json of -p)")
    parser.add_argument("-p", dest="build_dir",
                        help="directory with compile_commands.json")
    parser.add_argument("--version", action="store_true",
                        help="print bloat-tidy's and LLVM's versions")
    parser.add_argument("--tool", choices=("driver", "plugin"),
                        default="driver",
                        help="bloat-tidy driver (default) or clang-tidy with "
                             "the plugin")
    parser.add_argument("--bloat-tidy", default=LAYOUT.bloat_tidy)
    parser.add_argument("--clang-tidy", default="clang-tidy-19")
    parser.add_argument("--plugin", default=LAYOUT.plugin)
    parser.add_argument("--checks",
                        help="bloat checks to run, clang-tidy globs "
                             "(default: what each file's .clang-tidy "
                             "enables, else bloat-*)")
    parser.add_argument("--config", help="clang-tidy --config string")
    parser.add_argument("--root", default=os.getcwd(),
                        help="paths in reports and the baseline are relative "
                             "to this directory (default: .)")
    parser.add_argument("--sarif", help="write SARIF 2.1.0 here")
    parser.add_argument("--gitlab-codequality", metavar="FILE",
                        help="write GitLab Code Quality JSON here")
    parser.add_argument("--help-uri-base", metavar="URL",
                        help="absolute URL of the check docs; a rule's "
                             "helpUri is URL/<check>.md, or URL with "
                             "{check} replaced (default: no helpUri)")
    parser.add_argument("--baseline",
                        help="fail only on findings not in this file, "
                             "which must exist")
    parser.add_argument("--write-baseline", metavar="FILE",
                        help="record the current findings here (exit 0)")
    parser.add_argument("--fail-on-skipped", action="store_true",
                        help="exit 2 when a file was not analysed because "
                             "of its compile errors")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--extra-arg", action="append", default=[],
                        help="extra compiler argument (repeatable)")
    whole = parser.add_argument_group(
        "whole-program mode (with -p; docs/wholeprogram.md)")
    whole.add_argument("--per-tu", action="store_true",
                       help="check each TU alone, without project facts")
    whole.add_argument("--bloat-facts",
                       help="the bloat-facts tool (default: beside "
                            "bloat-tidy)")
    whole.add_argument("--cache-dir",
                       help="per-TU facts cache (default: "
                            "BUILD/.bloat-facts-cache)")
    whole.add_argument("--no-cache", action="store_true",
                       help="extract every TU, read and write no cache")
    whole.add_argument("--shard", metavar="I/N",
                       help="extract only shard I of N (1 <= I <= N) into "
                            "--facts-out; no report")
    whole.add_argument("--facts-out", metavar="DIR",
                       help="write the extracted facts here (with --shard)")
    whole.add_argument("--merge", metavar="DIR", nargs="+",
                       help="merge the facts of these shard directories "
                            "and report")
    whole.add_argument("--index-only", metavar="OUT",
                       help="extract and merge, write the merged facts to "
                            "OUT (the BloatProjectFacts option); no "
                            "report")
    args = parser.parse_args(argv)
    if args.version:
        return args
    validate_whole_program_args(args)
    if not args.merge and not args.files and not args.build_dir:
        raise UsageError("give files to check or -p BUILD_DIR")
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    for option, path in (("--sarif", args.sarif),
                         ("--gitlab-codequality", args.gitlab_codequality),
                         ("--write-baseline", args.write_baseline)):
        if path is None:
            continue
        directory = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(directory):
            raise UsageError("%s %s: directory %s does not exist"
                             % (option, path, directory))
        if os.path.isdir(path):
            raise UsageError("%s %s is a directory" % (option, path))
    if args.help_uri_base is not None:
        url = urllib.parse.urlsplit(args.help_uri_base)
        if not url.scheme or not url.netloc:
            raise UsageError("--help-uri-base must be an absolute URL, not '%s'"
                             % args.help_uri_base)
    if not os.path.isdir(args.root):
        raise UsageError("--root %s is not a directory" % args.root)
    return args


def validate_whole_program_args(args):
    """The whole-program options that go together; sets args.whole (run
    whole-program) and args.shard_index/args.shard_count."""
    args.shard_index, args.shard_count = 1, 1
    if args.shard is not None:
        match = re.fullmatch(r"(\d+)/(\d+)", args.shard)
        if not match:
            raise UsageError("--shard must be I/N (e.g. 1/4), not '%s'"
                             % args.shard)
        args.shard_index, args.shard_count = int(match[1]), int(match[2])
        if not 1 <= args.shard_index <= args.shard_count:
            raise UsageError("--shard %s: I must be between 1 and N"
                             % args.shard)
        if args.facts_out is None:
            raise UsageError("--shard needs --facts-out DIR")
    reports = [option for option, value in (
        ("--sarif", args.sarif),
        ("--gitlab-codequality", args.gitlab_codequality),
        ("--baseline", args.baseline),
        ("--write-baseline", args.write_baseline)) if value is not None]
    producers = [option for option, value in (
        ("--facts-out", args.facts_out), ("--index-only", args.index_only))
        if value is not None]
    if len(producers) > 1:
        raise UsageError("--facts-out and --index-only go to separate runs")
    if producers and reports:
        raise UsageError("%s writes facts, no report: give %s to the run "
                         "that reports (--merge)" % (producers[0], reports[0]))
    if args.merge is not None:
        if args.files or args.build_dir:
            raise UsageError("--merge reports the facts of its directories: "
                             "give no files and no -p")
        if args.per_tu or producers:
            raise UsageError("--merge goes with neither --per-tu, "
                             "--facts-out nor --index-only")
        for directory in args.merge:
            if not os.path.isdir(directory):
                raise UsageError("--merge %s is not a directory" % directory)
    if (producers or args.shard is not None) and not args.build_dir:
        raise UsageError("%s needs -p BUILD_DIR"
                         % (producers[0] if producers else "--shard"))
    if args.per_tu and (producers or args.shard is not None):
        raise UsageError("--per-tu writes no facts: drop %s"
                         % (producers[0] if producers else "--shard"))
    if args.index_only is not None:
        directory = os.path.dirname(os.path.abspath(args.index_only))
        if not os.path.isdir(directory):
            raise UsageError("--index-only %s: directory %s does not exist"
                             % (args.index_only, directory))
        if os.path.isdir(args.index_only):
            raise UsageError("--index-only %s is a directory"
                             % args.index_only)
    if args.facts_out is not None and os.path.exists(args.facts_out) and \
            not os.path.isdir(args.facts_out):
        raise UsageError("--facts-out %s is not a directory" % args.facts_out)
    # Files given without -p are checked one by one: no compile database,
    # no project.
    args.whole = bool(args.build_dir) and not args.per_tu


# --- Running the tool ---------------------------------------------------------

def run(command, cwd=None):
    """(exit code, output); the tool's output need not be UTF-8."""
    try:
        result = subprocess.run(command, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, cwd=cwd)
    except OSError as error:
        raise UsageError("cannot run %s: %s" % (command[0], error.strerror))
    return result.returncode, result.stdout.decode("utf-8", "replace")


def last_line(output):
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    return lines[-1] if lines else "no output"


def describe_exit(code):
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = "signal %d" % -code
        return "crashed (%s)" % name
    return "exited with code %d" % code


def tool_command(args, with_config=True):
    if args.tool == "plugin":
        tool = shutil.which(args.clang_tidy)
        if not tool:
            raise UsageError("clang-tidy not found: " + args.clang_tidy)
        if not os.path.exists(args.plugin):
            raise UsageError("plugin not found: " + args.plugin)
        command = [tool, "--load=" + args.plugin]
    else:
        if not os.access(args.bloat_tidy, os.X_OK):
            raise UsageError("bloat-tidy not found: %s (build it with "
                             "scripts/setup.sh, or give --bloat-tidy)"
                             % args.bloat_tidy)
        command = [args.bloat_tidy]
    if args.config and with_config:
        command.append("--config=" + args.config)
    return command


def list_checks(command, extra, what, target=()):
    """The checks clang-tidy enables with the options `extra`, for the file
    `target` (`[file, "--"]`) or the current directory."""
    code, output = run(command + extra + ["--list-checks"] + list(target))
    if code == 1 and last_line(output) == "No checks enabled.":
        return []
    if code != 0:
        raise UsageError("%s: --list-checks %s: %s"
                         % (what, describe_exit(code), last_line(output)))
    return [line.strip() for line in output.splitlines()
            if line.startswith("    ") and line.strip()]


def known_bloat_checks(command):
    checks = [c for c in list_checks(command, ["--checks=-*,bloat-*"],
                                     "the tool")
              if c.startswith("bloat-")]
    if not checks:
        raise UsageError("the tool knows no bloat-* check: %s"
                         % " ".join(command))
    return checks


def glob_matches(pattern, name):
    """clang-tidy's check globs: '*' is the only wildcard."""
    regex = ".*".join(re.escape(part) for part in pattern.split("*"))
    return re.fullmatch(regex, name) is not None


def check_patterns(checks):
    return [p.strip() for p in re.split(r"[,\n]", checks) if p.strip()]


def validate_bloat_patterns(patterns, known, where):
    """A bloat- pattern that names no check is a typo that would silently
    turn a check off."""
    for pattern in patterns:
        positive = pattern.lstrip("-").strip()
        if positive.startswith("bloat-") and not any(
                glob_matches(positive, check) for check in known):
            raise UsageError("%s: '%s' matches no bloat check (known: %s)"
                             % (where, pattern, ", ".join(known)))


def nearest_clang_tidy(directory):
    """The .clang-tidy clang-tidy would use for a file in `directory`."""
    directory = os.path.abspath(directory)
    while True:
        candidate = os.path.join(directory, ".clang-tidy")
        if os.path.isfile(candidate):
            return candidate
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def configured_checks_string(command, extra, target, where):
    """The effective `Checks:` of a clang-tidy configuration."""
    code, output = run(command + extra + ["--dump-config"] + list(target))
    if code != 0:
        raise UsageError("%s: --dump-config %s: %s"
                         % (where, describe_exit(code), last_line(output)))
    # clang-tidy skips a .clang-tidy it cannot parse, with only this line.
    for line in output.splitlines():
        if CONFIG_NOT_READ.match(line):
            raise UsageError(line.strip())
    for line in output.splitlines():
        if line.startswith("Checks:"):
            value = line[len("Checks:"):].strip()
            if value.startswith('"'):
                return json.loads(value)
            if value.startswith("'"):
                return value[1:-1].replace("''", "'")
            return value
    return ""


def checks_for_files(args, command, known, files):
    """{file: ([bloat checks], [tool options])}, and [(file, where)] for
    the files whose configuration turns every bloat check off."""
    if args.checks is not None:
        patterns = check_patterns(args.checks)
        validate_bloat_patterns(patterns, known, "--checks")
        enabled = [c for c in list_checks(
            command, ["--checks=-*," + args.checks], "--checks")
            if c.startswith("bloat-")]
        if not enabled:
            raise UsageError("--checks '%s' enables no bloat check"
                             % args.checks)
        return {path: (enabled, []) for path in files}, []

    # Files governed by the same .clang-tidy share its configuration.
    build_config = (nearest_clang_tidy(args.build_dir)
                    if args.build_dir else None)
    groups = {}
    for path in files:
        config = None if args.config else nearest_clang_tidy(
            os.path.dirname(path))
        groups.setdefault(config or build_config, []).append(path)

    result, disabled = {}, []
    for config, members in groups.items():
        extra, target = [], [members[0], "--"]
        if args.config:
            where = "--config"
        elif config is None:
            result.update((path, (list(known), [])) for path in members)
            continue
        elif config == build_config and nearest_clang_tidy(
                os.path.dirname(members[0])) is None:
            extra, where = ["--config-file=" + config], config
        else:
            where = config
        patterns = check_patterns(
            configured_checks_string(command, extra, target, where))
        validate_bloat_patterns(patterns, known, where)
        enabled = [c for c in list_checks(command, extra, where, target)
                   if c.startswith("bloat-")]
        if not enabled and not any("bloat" in p for p in patterns):
            # A configuration that says nothing about bloat-* gets them all.
            enabled = list(known)
        for path in members:
            if enabled:
                result[path] = (enabled, extra)
            else:
                disabled.append((path, where))
    return result, disabled


def files_from_database(build_dir, commands=None):
    """{file: directory of its first entry}; `commands`, when given, gets
    {file: [its entries]}."""
    path = os.path.join(build_dir, "compile_commands.json")
    try:
        with open(path, encoding="utf-8") as f:
            entries = json.load(f)
    except OSError as error:
        raise UsageError("cannot read %s: %s" % (path, error.strerror))
    except ValueError as error:
        raise UsageError("%s is not valid JSON: %s" % (path, error))
    if not isinstance(entries, list):
        raise UsageError("%s is not a JSON array of compile commands" % path)
    if not entries:
        raise UsageError("%s has no compile commands" % path)
    files = {}
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(
                entry.get("file"), str) or not entry["file"]:
            raise UsageError('%s: entry %d has no "file"' % (path, index))
        if not isinstance(entry.get("directory"), str):
            raise UsageError('%s: entry %d has no "directory"' % (path, index))
        name = os.path.normpath(os.path.join(entry["directory"],
                                             entry["file"]))
        # clang-tidy names files relative to the entry's directory.
        files.setdefault(name, entry["directory"])
        if commands is not None:
            commands.setdefault(name, []).append(entry)
    return files


def run_one(command, path, checks, args):
    """Runs the tool over one file; `checks` is (bloat checks, options)."""
    enabled, options = checks
    full = command + options + ["--checks=-*," + ",".join(enabled), path]
    if args.build_dir:
        full += ["-p", args.build_dir]
        full += ["--extra-arg=" + a for a in args.extra_arg]
    else:
        full += ["--"] + args.extra_arg
    code, output = run(full)
    return path, code, output


def resolve_paths(report, directory):
    """Makes the paths of the tool's diagnostics absolute."""
    def resolve(path):
        return os.path.normpath(os.path.join(directory, path))
    for finding in report.findings:
        finding["file"] = resolve(finding["file"])
        for note in finding["notes"]:
            note["file"] = resolve(note["file"])


class FileReport:
    """What one run of the tool over one file said."""

    def __init__(self, path, code, output):
        self.path = path
        self.findings, self.problems = [], []
        self.skipped = False
        compile_errors, other_errors = [], False
        current = None
        for line in output.splitlines():
            if "[clang-tidy-config]" in line or CONFIG_NOT_READ.match(line):
                self.problems.append(line.strip())
                continue
            if NOT_ANALYSED.match(line):
                self.skipped = True
                continue
            match = DIAGNOSTIC.match(line)
            if not match:
                if line.startswith("error: "):
                    compile_errors.append(line.strip())
                continue
            level, check = match["level"], match["check"] or ""
            if level == "note":
                if current is not None:
                    current["notes"].append({
                        "file": match["file"], "line": int(match["line"]),
                        "col": int(match["col"]),
                        "message": match["message"]})
                continue
            # WarningsAsErrors turns a finding into an error: still a finding.
            names = [c for c in check.split(",") if c.startswith("bloat-")]
            if names:
                current = {"check": names[0], "file": match["file"],
                           "line": int(match["line"]),
                           "col": int(match["col"]),
                           "message": match["message"], "notes": []}
                self.findings.append(current)
                continue
            current = None
            if level == "error":
                if check in ("", "clang-diagnostic-error"):
                    compile_errors.append(line.strip())
                else:
                    other_errors = True   # a -Werror warning: analysed
        # The driver gave up before the checks could run.
        if any(DRIVER_GAVE_UP.match(e) for e in compile_errors):
            self.skipped = True
        self.first_error = compile_errors[0] if compile_errors else None
        if code < 0 or code > 1:
            self.problems.append("%s: the tool %s: %s" % (
                path, describe_exit(code), last_line(output)))
        elif code == 1 and not (self.skipped or compile_errors or other_errors
                                or self.findings):
            self.problems.append("%s: the tool %s: %s" % (
                path, describe_exit(code), last_line(output)))


# --- Whole-program mode -------------------------------------------------------

class RunResult:
    """What a run found, whichever mode ran it: findings (absolute paths),
    problems (errors), skipped [(file, first compile error)], and counts."""

    def __init__(self):
        self.findings, self.problems, self.skipped = [], [], []
        self.checked, self.disabled = 0, 0
        self.facts_line = None
        self.seen = set()

    def add_finding(self, finding):
        # A header's finding is reported once, not once per TU.
        key = (finding["check"], os.path.abspath(finding["file"]),
               finding["line"], finding["col"], finding["message"])
        if key not in self.seen:
            self.seen.add(key)
            self.findings.append(finding)

    def add_report(self, report, directory):
        """The problems and the skip of one run of the tool over one TU
        (its findings are the caller's to add)."""
        self.problems += report.problems
        if report.skipped:
            first = report.first_error
            match = DIAGNOSTIC.match(first or "")
            if match:
                first = os.path.normpath(os.path.join(
                    directory, match["file"])) + first[match.end("file"):]
            self.skipped.append((report.path, first))

    def sort(self):
        """Whole-program order: by place, so that any sharding of the same
        project prints the same bytes."""
        self.findings.sort(key=lambda f: (f["file"], f["line"], f["col"],
                                          f["check"], f["message"]))


def bloat_facts_tool(args):
    path = args.bloat_facts
    if path is None:
        # The bloat-facts built with the bloat-tidy that extracts.
        path = (os.path.join(os.path.dirname(args.bloat_tidy), "bloat-facts")
                if args.tool == "driver" else LAYOUT.bloat_facts)
    if not os.access(path, os.X_OK):
        raise UsageError("bloat-facts not found: %s (build it with "
                         "scripts/setup.sh, or give --bloat-facts, or run "
                         "--per-tu)" % path)
    return path


def run_bloat_facts(tool, arguments, what):
    """bloat-facts' stdout; its failure is one line naming the step."""
    code, output = run([tool] + arguments)
    if code != 0:
        reason = last_line(output)
        if reason.startswith("bloat-facts: error: "):
            reason = reason[len("bloat-facts: error: "):]
        raise UsageError("bloat-facts %s %s: %s"
                         % (what, describe_exit(code), reason))
    return output


def sha256_file(path):
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def tool_identity(args):
    """What makes one build of the checks differ from another: their
    binary's content (the driver links them in; the plugin is one file)."""
    if args.tool == "driver":
        return "driver:" + (sha256_file(args.bloat_tidy) or "")
    return "plugin:%s:%s" % (shutil.which(args.clang_tidy),
                             sha256_file(args.plugin) or "")


FACTS_DIR_PLACEHOLDER = "@BLOAT_FACTS_DIR@"
PROJECT_FACTS_OPTION = re.compile(r"^\s+(?:[\w.-]+\.)?BloatProjectFacts:")


def yaml_quoted(text):
    return "'" + text.replace("'", "''") + "'"


def with_facts_dir(dumped):
    """The configuration clang-tidy dumped (YAML), with BloatFactsDir added
    to its CheckOptions: passed back as --config, it keeps every other
    setting of the file's .clang-tidy (a bare --config would replace them)."""
    option = "  BloatFactsDir: " + yaml_quoted(FACTS_DIR_PLACEHOLDER)
    # The editor's index (BloatProjectFacts) would make a TU report from
    # stale project facts, or fail when it is missing: extraction is per TU.
    lines = [line for line in dumped.splitlines()
             if not CONFIG_NOT_READ.match(line) and
             not PROJECT_FACTS_OPTION.match(line)]
    for index, line in enumerate(lines):
        if re.fullmatch(r"CheckOptions:\s*", line):
            lines.insert(index + 1, option)
            return "\n".join(lines) + "\n"
        if re.fullmatch(r"CheckOptions:\s*\{\s*\}\s*", line):
            lines[index:index + 1] = ["CheckOptions:", option]
            return "\n".join(lines) + "\n"
    body = [line for line in lines if line.strip() not in ("---", "...")]
    return "\n".join(["---"] + body + ["CheckOptions:", option, "..."]) + "\n"


def facts_configs(args, base, checks):
    """{file: its effective configuration with BloatFactsDir}, dumped once
    per group of files that share a .clang-tidy."""
    groups = {}
    for path, (enabled, options) in checks.items():
        config = None if args.config else nearest_clang_tidy(
            os.path.dirname(path))
        groups.setdefault((tuple(enabled), tuple(options), config),
                          []).append(path)
    result = {}
    for (enabled, options, config), members in groups.items():
        # clang-tidy dumps the options of enabled checks only: enable the
        # ones the run uses, or their options (IgnoredNames, ...) are lost.
        extra = list(options) + ["--checks=-*," + ",".join(enabled)]
        if args.config:
            extra.append("--config=" + args.config)
        code, output = run(base + extra + ["--dump-config", members[0], "--"])
        if code != 0:
            raise UsageError("%s: --dump-config %s: %s"
                             % (config or "the tool", describe_exit(code),
                                last_line(output)))
        text = with_facts_dir(output)
        result.update((path, text) for path in members)
    return result


class FactsCache:
    """Facts per TU, in DIR/<key>.facts with DIR/<key>.meta.json beside it.
    The key hashes what decides the facts before reading any file (the
    checks' build, the compile command, the checks and their
    configuration); the meta records the content hash of every file the TU
    read (the facts' "inputs") and of the facts themselves, so a touched
    header, or an entry cut short, is a miss. Both files are written
    atomically, facts first: a run stopped at any point leaves either a
    whole entry or one that does not match."""

    def __init__(self, directory):
        self.directory = directory
        self.hashes = {}

    def content_hash(self, path):
        if path not in self.hashes:
            self.hashes[path] = sha256_file(path)
        return self.hashes[path]

    def paths(self, key):
        base = os.path.join(self.directory, key)
        return base + ".facts", base + ".meta.json"

    def lookup(self, key):
        """(facts bytes, meta) of a valid entry whose inputs are unchanged."""
        if self.directory is None:
            return None
        facts_path, meta_path = self.paths(key)
        try:
            with open(meta_path, encoding="utf-8") as f:
                meta = json.load(f)
            with open(facts_path, "rb") as f:
                facts = f.read()
        except (OSError, ValueError):
            return None
        try:
            if meta["version"] != CACHE_VERSION or meta["key"] != key or \
                    hashlib.sha256(facts).hexdigest() != meta["factsSha256"]:
                return None
            for path, digest in meta["inputs"].items():
                if self.content_hash(path) != digest:
                    return None
            # A name that is not a plain facts file name is not ours.
            name = meta["name"]
            if not isinstance(name, str) or name != os.path.basename(name) \
                    or not name.endswith(FACTS_SUFFIX) or \
                    not isinstance(meta["findings"], list):
                return None
        except (KeyError, TypeError, AttributeError):
            return None
        return facts, meta

    def store(self, key, facts, meta):
        if self.directory is None:
            return
        facts_path, meta_path = self.paths(key)
        meta = dict(meta, version=CACHE_VERSION, key=key,
                    factsSha256=hashlib.sha256(facts).hexdigest())
        try:
            os.makedirs(self.directory, exist_ok=True)
            write_atomically(facts_path, facts)
            write_atomically(meta_path, json.dumps(
                meta, sort_keys=True).encode("utf-8"))
        except OSError as error:
            raise UsageError("cannot write the facts cache %s: %s"
                             % (self.directory, error.strerror))


def write_atomically(path, data):
    """Writes `data` to a temporary file beside `path`, then renames it:
    readers see the old file or the new one, never a part."""
    handle, temporary = tempfile.mkstemp(
        prefix="." + os.path.basename(path) + ".", suffix=".tmp",
        dir=os.path.dirname(path) or ".")
    try:
        with os.fdopen(handle, "wb") as f:
            f.write(data)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def cache_key(args, identity, path, commands, checks, config):
    enabled, _ = checks
    material = json.dumps({
        "cache": CACHE_VERSION, "tool": identity, "file": path,
        "commands": commands, "checks": enabled,
        "config": config, "extraArgs": args.extra_arg,
    }, sort_keys=True)
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:40]


def facts_inputs(facts, path):
    """The files a TU read, from its facts; None when they are no facts."""
    try:
        data = json.loads(facts.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("inputs"), list)\
            or not all(isinstance(p, str) for p in data["inputs"]):
        return None
    return sorted(set(data["inputs"]) | {path})


def extract_one(base, path, directory, checks, config, args, scratch):
    """Runs the tool over one TU with BloatFactsDir set: (FileReport,
    facts file name, facts bytes); no facts when the TU was skipped, the
    tool failed, or no check that writes facts is enabled."""
    enabled, _ = checks
    out = tempfile.mkdtemp(prefix="tu-", dir=scratch)
    full = base + ["--config=" + config.replace(
        yaml_quoted(FACTS_DIR_PLACEHOLDER), yaml_quoted(out)),
        "--checks=-*," + ",".join(enabled), path, "-p", args.build_dir]
    full += ["--extra-arg=" + a for a in args.extra_arg]
    code, output = run(full)
    report = FileReport(path, code, output)
    resolve_paths(report, directory)
    if report.skipped or report.problems or \
            not any(c in FACTS_CHECKS for c in enabled):
        return report, None, None
    names = sorted(n for n in os.listdir(out) if n.endswith(FACTS_SUFFIX))
    if len(names) != 1:
        report.problems.append(
            "%s: the tool wrote %d facts file(s), not 1 (a bloat-tidy "
            "without whole-program facts? run --per-tu)" % (path, len(names)))
        return report, None, None
    with open(os.path.join(out, names[0]), "rb") as f:
        return report, names[0], f.read()


def finding_enabled(finding, enabled_by_file):
    """A finding of the merged report in a file whose configuration turns
    its check off is not reported; headers go by their check alone."""
    enabled = enabled_by_file.get(os.path.abspath(finding["file"]))
    return enabled is None or finding["check"] in enabled


def extract(args, command, checks, directories, commands, scratch):
    """Extracts the facts of `checks`' files into scratch/facts, from the
    cache where it can: (RunResult without the merged findings, facts
    directory, {file: enabled checks})."""
    base = tool_command(args, with_config=False)
    configs = facts_configs(args, base, checks)
    identity = tool_identity(args)
    cache = FactsCache(None if args.no_cache else (
        args.cache_dir or os.path.join(args.build_dir,
                                       ".bloat-facts-cache")))
    facts_dir = os.path.join(scratch, "facts")
    os.makedirs(facts_dir)
    result = RunResult()
    result.checked = len(checks)
    files = sorted(checks)
    keys = {path: cache_key(args, identity, path, commands.get(path, []),
                            checks[path], configs[path]) for path in files}
    pending, from_cache = [], 0
    for path in files:
        hit = cache.lookup(keys[path])
        if hit is None:
            pending.append(path)
            continue
        facts, meta = hit
        from_cache += 1
        with open(os.path.join(facts_dir, meta["name"]), "wb") as f:
            f.write(facts)
        for finding in meta["findings"]:
            result.add_finding(finding)

    def work(path):
        return extract_one(base, path, directories[path], checks[path],
                           configs[path], args, scratch)

    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for path, (report, name, facts) in zip(pending,
                                               pool.map(work, pending)):
            result.add_report(report, directories[path])
            # The checks that write facts report from the merged facts.
            kept = [f for f in report.findings
                    if f["check"] not in FACTS_CHECKS]
            for finding in kept:
                result.add_finding(finding)
            if facts is None:
                # Without facts, no list of the files the TU read: a TU
                # with only checks that write none is never cached.
                continue
            inputs = facts_inputs(facts, path)
            if inputs is None:
                result.problems.append("%s: the tool wrote facts that are "
                                       "not a JSON object with \"inputs\""
                                       % path)
                continue
            with open(os.path.join(facts_dir, name), "wb") as f:
                f.write(facts)
            cache.store(keys[path], facts, {
                "file": path, "name": name, "findings": kept,
                "inputs": {p: cache.content_hash(p) for p in inputs}})
    result.facts_line = "bloat-ci: facts: %d TU(s), %d extracted, %d from " \
        "cache" % (len(files), len(pending), from_cache)
    enabled = {path: checks[path][0] for path in files}
    return result, facts_dir, enabled


def merge_and_report(args, result, facts_dirs, enabled, scratch):
    """Merges the facts and adds the merged report's findings to `result`."""
    tool = bloat_facts_tool(args)
    facts_checks = sorted({c for checks in enabled.values() for c in checks
                           if c in FACTS_CHECKS}) if enabled else []
    if not any(name.endswith(FACTS_SUFFIX) for directory in facts_dirs
               for name in os.listdir(directory)):
        return
    merged = os.path.join(scratch, "merged" + FACTS_SUFFIX)
    run_bloat_facts(tool, ["merge", "-o", merged] + facts_dirs, "merge")
    if enabled and not facts_checks:
        return
    report_args = ["report", merged]
    if facts_checks:
        report_args.append("--checks=" + ",".join(facts_checks))
    output = run_bloat_facts(tool, report_args, "report")
    report = FileReport("bloat-facts report", 0, output)
    for finding in report.findings:
        if finding_enabled(finding, enabled):
            result.add_finding(finding)


def write_shard(args, result, facts_dir, enabled):
    """Leaves the shard's facts and SHARD_FILE in --facts-out."""
    out = args.facts_out
    try:
        os.makedirs(out, exist_ok=True)
        # Facts of an earlier run in the same directory would be merged too.
        for name in os.listdir(out):
            if name.endswith(FACTS_SUFFIX) or name == SHARD_FILE:
                os.unlink(os.path.join(out, name))
        for name in sorted(os.listdir(facts_dir)):
            shutil.copyfile(os.path.join(facts_dir, name),
                            os.path.join(out, name))
        # Last: a directory with SHARD_FILE has all its facts.
        write_atomically(os.path.join(out, SHARD_FILE), json.dumps({
            "format": SHARD_FORMAT, "version": SHARD_VERSION,
            "shard": "%d/%d" % (args.shard_index, args.shard_count),
            "checked": result.checked, "disabled": result.disabled,
            "skipped": result.skipped, "findings": result.findings,
            "enabled": enabled}, sort_keys=True, indent=1).encode("utf-8"))
    except OSError as error:
        raise UsageError("cannot write --facts-out %s: %s"
                         % (out, error.strerror))


def read_shards(args):
    """RunResult and {file: enabled checks} of the --merge directories;
    their shards must be all of one sharding, each once."""
    result, enabled, shards = RunResult(), {}, {}
    for directory in args.merge:
        path = os.path.join(directory, SHARD_FILE)
        if not os.path.exists(path):
            # Facts made some other way (a build's by-product): no sidecar.
            facts = [n for n in os.listdir(directory)
                     if n.endswith(FACTS_SUFFIX)]
            if not facts:
                raise UsageError("--merge %s holds no facts (*%s) and no %s"
                                 % (directory, FACTS_SUFFIX, SHARD_FILE))
            result.checked += len(facts)
            continue
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
            if data.get("format") != SHARD_FORMAT:
                raise ValueError("not a bloat-ci shard")
            if data.get("version") != SHARD_VERSION:
                raise UsageError("%s is version %s, not %d: extract the shard "
                                 "again with this bloat-ci"
                                 % (path, data.get("version"), SHARD_VERSION))
            index, count = (int(n) for n in data["shard"].split("/"))
            result.checked += int(data["checked"])
            result.disabled += int(data["disabled"])
            result.skipped += [tuple(s) for s in data["skipped"]]
            for finding in data["findings"]:
                result.add_finding(finding)
            enabled.update(data["enabled"])
        except OSError as error:
            raise UsageError("cannot read %s: %s" % (path, error.strerror))
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise UsageError("%s is not a bloat-ci shard file: %s"
                             % (path, error))
        if (index, count) in shards:
            raise UsageError("--merge: shard %d/%d is in both %s and %s"
                             % (index, count, shards[(index, count)],
                                directory))
        shards[(index, count)] = directory
    counts = {count for _, count in shards}
    if len(counts) > 1:
        raise UsageError("--merge: shards of different shardings (%s)"
                         % ", ".join("%d/%d" % s for s in sorted(shards)))
    for count in counts:
        missing = [i for i in range(1, count + 1) if (i, count) not in shards]
        if missing:
            raise UsageError("--merge: shard %d/%d is missing"
                             % (missing[0], count))
    result.facts_line = "bloat-ci: facts: merged %d director%s" % (
        len(args.merge), "y" if len(args.merge) == 1 else "ies")
    return result, enabled


# --- Fingerprints -------------------------------------------------------------

# One token of C++ source: comments and preprocessor lines are skipped by the
# scanner; raw strings are found by hand (their delimiter is not regular).
TOKEN = re.compile(r"""
    (?P<space>[ \t\r\f\v]+)
  | (?P<newline>\n)
  | (?P<splice>\\\n)
  | (?P<comment>//[^\n]*|/\*.*?(?:\*/|\Z))
  | (?P<ident>[A-Za-z_$][\w$]*)
  | (?P<number>\.?\d(?:[eEpP][+-]|[\w.'])*)
  | (?P<string>"(?:\\.|[^"\\\n])*"?|'(?:\\.|[^'\\\n])*'?)
  | (?P<punct>::|->|\.\.\.|[=!<>+\-*/%&|^]=|&&|\|\||.)
""", re.VERBOSE | re.DOTALL)
CONTROL = {"if", "for", "while", "switch", "catch", "return", "sizeof",
           "alignof", "decltype", "noexcept", "throw", "requires", "typeid",
           "static_assert", "alignas", "__attribute__", "__declspec",
           "co_return", "co_await", "co_yield", "new", "delete"}
SKIPPED_GROUPS = {"decltype", "alignas", "__attribute__", "__declspec",
                  "noexcept", "throw", "requires"}


def cxx_tokens(text):
    """(text, line, column) of each token, without comments and directives."""
    tokens, pos, line, line_start, at_line_start = [], 0, 1, 0, True
    while pos < len(text):
        if at_line_start and text[pos] == "#":
            # A directive runs to the end of the line, spliced lines included.
            end = pos
            while True:
                end = text.find("\n", end)
                if end < 0:
                    end = len(text)
                    break
                if text[end - 1] != "\\":
                    break
                end += 1
            line += text.count("\n", pos, end)
            pos = end
            continue
        old_line_start = line_start
        match = TOKEN.match(text, pos)
        kind, value = match.lastgroup, match.group()
        if kind == "ident" and pos + len(value) < len(text) and \
                text[pos + len(value)] == '"' and value.endswith("R") and \
                value in ("R", "LR", "uR", "UR", "u8R"):
            open_paren = text.find("(", pos + len(value) + 1)
            delimiter = text[pos + len(value) + 1:open_paren]
            close = text.find(")" + delimiter + '"', open_paren)
            end = len(text) if open_paren < 0 or close < 0 else \
                close + len(delimiter) + 2
            value, kind = text[pos:end], "string"
        newlines = value.count("\n")
        if newlines:
            line += newlines
            line_start = pos + value.rfind("\n") + 1
        if kind in ("space", "newline", "splice", "comment"):
            at_line_start = at_line_start or kind == "newline"
        else:
            at_line_start = False
            tokens.append((value, line - newlines, pos - old_line_start + 1))
        pos += len(value)
    return tokens


def skip_group(tokens, index, opening, closing):
    """Index after the group that opens at tokens[index]."""
    depth = 0
    while index < len(tokens):
        if tokens[index] == opening:
            depth += 1
        elif tokens[index] == closing:
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return index


def qualified_name_before(tokens, end):
    """The (qualified) name that ends just before tokens[end]."""
    parts, index = [], end - 1
    while index >= 0:
        if tokens[index] == ">":
            depth = 0
            while index >= 0:
                depth += {">": 1, "<": -1}.get(tokens[index], 0)
                index -= 1
                if depth == 0:
                    break
        if index < 0 or not re.match(r"[A-Za-z_$]", tokens[index]):
            break
        name = tokens[index]
        if index > 0 and tokens[index - 1] == "~":
            name, index = "~" + name, index - 1
        parts.insert(0, name)
        if index >= 2 and tokens[index - 1] == "::":
            index -= 2
            continue
        break
    return "::".join(parts)


def classify_head(head, in_function):
    """What a '{' opens, from the tokens since the previous ; { or }:
    ('namespace'|'class'|'function', name), ('meminit', None) for a braced
    member initialiser, or ('block', None)."""
    tokens = list(head)
    while tokens and tokens[0] == "template" and len(tokens) > 1 and \
            tokens[1] == "<":
        tokens = tokens[skip_group(tokens, 1, "<", ">"):]
    if not tokens:
        return "block", None
    if tokens.count("(") != tokens.count(")") or \
            tokens.count("[") != tokens.count("]"):
        return "block", None   # a lambda or braced list inside a call
    if "namespace" in tokens[:2]:
        start = tokens.index("namespace") + 1
        name = "".join(t for t in tokens[start:] if t != "inline")
        return "namespace", name or "(anonymous namespace)"
    for index, token in enumerate(tokens):
        if token == "=" and (index == 0 or tokens[index - 1] != "operator"):
            return "block", None   # an initialiser or a lambda
    if tokens[0] == "enum" or tokens[0] == "extern":
        return "block", None
    for key in ("class", "struct", "union"):
        if key in tokens and "(" not in tokens[:tokens.index(key)]:
            index = tokens.index(key) + 1
            while index < len(tokens) and tokens[index] in (
                    "[", "alignas", "__attribute__", "__declspec"):
                index = skip_group(tokens, index + (tokens[index] != "["),
                                   "(" if tokens[index] != "[" else "[",
                                   ")" if tokens[index] != "[" else "]")
            end = index
            while end < len(tokens) and (
                    re.match(r"[A-Za-z_$]", tokens[end]) or
                    tokens[end] == "::") and tokens[end] != "final":
                end += 1
            if end < len(tokens) and tokens[end] == "<":
                end = skip_group(tokens, end, "<", ">")
            if end == len(tokens) or tokens[end] in (":", "final"):
                name = qualified_name_before(tokens, end)
                return ("class", name) if name else ("block", None)
    if in_function:
        return "block", None
    # A function: a name, then a parameter list.
    index, paren = 0, None
    operator = tokens.index("operator") if "operator" in tokens else None
    while index < len(tokens):
        token = tokens[index]
        if token == "[":
            index = skip_group(tokens, index, "[", "]")
            continue
        if token == "(":
            previous = tokens[index - 1] if index else ""
            if previous in SKIPPED_GROUPS:
                index = skip_group(tokens, index, "(", ")")
                continue
            if operator is not None and index == operator + 1 and \
                    index + 1 < len(tokens) and tokens[index + 1] == ")":
                index += 2   # operator()
                continue
            paren = index
            break
        index += 1
    if paren is None or paren == 0:
        return "block", None
    if operator is not None and operator < paren:
        symbol = tokens[operator + 1:paren]
        # operator<< and operator() are symbols; operator bool is a type.
        if any(re.match(r"[A-Za-z_$]", t) for t in symbol):
            name = "operator " + " ".join(symbol)
        else:
            name = "operator" + "".join(symbol)
        qualifier = (qualified_name_before(tokens, operator - 1)
                     if operator > 0 and tokens[operator - 1] == "::" else "")
        name = qualifier + "::" + name if qualifier else name
    else:
        if tokens[paren - 1] in CONTROL:
            return "block", None
        name = qualified_name_before(tokens, paren)
        if not name:
            return "block", None
    close = skip_group(tokens, paren, "(", ")")
    # `Type(args) : member{init}`: this brace initialises a member.
    if ":" in tokens[close:] and re.match(r"[A-Za-z_$>]", tokens[-1]):
        return "meminit", None
    return "function", name


def scope_intervals(text):
    """[(start, end, qualified name)] of the namespaces, classes and
    functions of a C++ file; start and end are (line, column)."""
    intervals, stack, head = [], [], []
    tokens = cxx_tokens(text)
    for value, line, col in tokens:
        if value == "{":
            in_function = any(kind in ("function", "block-in-function")
                              for kind, _, _, _ in stack)
            kind, name = classify_head(head, in_function)
            if kind == "block" and in_function:
                kind = "block-in-function"
            stack.append((kind, name, (line, col), head))
            head = []
        elif value == "}":
            if not stack:
                head = []
                continue
            kind, name, start, saved = stack.pop()
            if kind in ("namespace", "class", "function"):
                names = [n for k, n, _, _ in stack
                         if k in ("namespace", "class", "function")]
                intervals.append((start, (line, col),
                                  "::".join(names + [name])))
            head = saved + ["{}"] if kind == "meminit" else []
        elif value == ";":
            head = []
        elif value == ":" and head and head[-1] in (
                "public", "private", "protected"):
            head = []
        else:
            head.append(value)
    return intervals


class ScopeFinder:
    """The enclosing function or class of a position, per file, cached."""

    def __init__(self):
        self.files = {}

    def scope(self, path, line, col):
        if path not in self.files:
            try:
                with open(path, encoding="utf-8", errors="replace") as f:
                    self.files[path] = scope_intervals(f.read())
            except (OSError, RecursionError):
                self.files[path] = []
        best = ""
        for start, end, name in self.files[path]:
            # Intervals close inner first; the innermost has the latest start.
            if start <= (line, col) <= end and (not best or start > best[0]):
                best = (start, name)
        return best[1] if best else ""


def assign_fingerprints(findings, root):
    """Gives each finding a fingerprint that is unique in the run and does
    not depend on its line or on the wording of its message: the check, the
    file, the enclosing function or class, the names the message quotes, and
    the finding's rank among findings equal in all of these."""
    scopes = ScopeFinder()
    keyed = {}
    for finding in findings:
        finding["scope"] = scopes.scope(finding["file"], finding["line"],
                                        finding["col"])
        finding["subject"] = "|".join(QUOTED.findall(finding["message"]))
        key = (finding["check"], relative(finding["file"], root),
               finding["scope"], finding["subject"])
        keyed.setdefault(key, []).append(finding)
    for key, equal in keyed.items():
        equal.sort(key=lambda f: (f["line"], f["col"]))
        for rank, finding in enumerate(equal):
            text = "\0".join(key + (str(rank),))
            finding["fingerprint"] = hashlib.sha256(
                text.encode()).hexdigest()[:32]


def relative(path, root):
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    return rel.replace(os.sep, "/")


# --- SARIF --------------------------------------------------------------------

def read_check_doc(check):
    path = os.path.join(LAYOUT.docs, check + ".md")
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError:
        return None


def markdown_to_text(markdown):
    """Plain text for help.text: no code fences, heading marks, backticks
    or link syntax."""
    lines = []
    for line in markdown.splitlines():
        if line.startswith("```"):
            continue
        line = re.sub(r"^#+\s*", "", line)
        line = re.sub(r"\[([^\]]+)\]\(([^)]+)\)", r"\1 (\2)", line)
        lines.append(line.replace("`", ""))
    return "\n".join(lines).strip() + "\n"


def help_uri(check, base):
    if base is None:
        return None
    if "{check}" in base:
        return base.replace("{check}", urllib.parse.quote(check))
    return base.rstrip("/") + "/" + urllib.parse.quote(check) + ".md"


def rule_metadata(check, base):
    doc = read_check_doc(check)
    summary = check
    if doc:
        paragraphs = [p.strip() for p in doc.split("\n\n")]
        body = [p for p in paragraphs if p and not p.startswith("#")]
        if body:
            summary = " ".join(body[0].split())
    first_sentence = summary.split(". ")[0].rstrip(".") + "."
    rule = {
        "id": check,
        "name": check,
        "shortDescription": {"text": first_sentence},
        "fullDescription": {"text": summary},
        "help": {"text": markdown_to_text(doc) if doc else summary,
                 "markdown": doc if doc else summary},
        "defaultConfiguration": {"level": "warning"},
    }
    uri = help_uri(check, base)
    if uri:
        rule["helpUri"] = uri
    return rule


def uri_of(path, root):
    return urllib.parse.quote(relative(path, root), safe="/")


def sarif_location(path, line, col, root, message=None, ident=None):
    location = {"physicalLocation": {
        "artifactLocation": {"uri": uri_of(path, root),
                             "uriBaseId": "SRCROOT"},
        "region": {"startLine": line, "startColumn": col}}}
    if message is not None:
        location["message"] = {"text": message}
    if ident is not None:
        location["id"] = ident
    return location


# The notes a reader needs, by what they say; GitHub shows a related
# location only when the message links it.
NOTE_LABELS = [
    (re.compile(r"\bis declared here$"), "declared here"),
    (re.compile(r"^(bound it|validate it|capture a |remove a callback)"),
     "bound it"),
    (re.compile(r"repeat|any number of\s+times|inside a loop|no fixed trip "
                r"count|a miss adds|kept here|read from input|comes from "
                r"the caller"), "why it repeats"),
]


def sarif_escape(text):
    """Literal brackets and backslashes in a SARIF message are escaped, or
    they would read as embedded links."""
    return re.sub(r"([\\\[\]])", r"\\\1", text)


def linked_message(finding):
    links = []
    for index, note in enumerate(finding["notes"]):
        for pattern, label in NOTE_LABELS:
            if pattern.search(note["message"]):
                if label == "why it repeats" and \
                        finding["check"] == "bloat-unchecked-growth-size":
                    label = "where the size comes from"
                if not any(existing == label for existing, _ in links):
                    links.append((label, index))
                break
    text = sarif_escape(finding["message"])
    if links:
        text += " (" + ", ".join("[%s](%d)" % link for link in links) + ")"
    return text


def write_json(path, data, what):
    try:
        with open(path, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=2)
            f.write("\n")
    except OSError as error:
        raise UsageError("cannot write %s %s: %s"
                         % (what, path, error.strerror))


def write_sarif(path, findings, args, baseline):
    checks = sorted({f["check"] for f in findings})
    rules = [rule_metadata(check, args.help_uri_base) for check in checks]
    results = []
    for finding in findings:
        result = {
            "ruleId": finding["check"],
            "ruleIndex": checks.index(finding["check"]),
            "level": "warning",
            "message": {"text": linked_message(finding)},
            "locations": [sarif_location(finding["file"], finding["line"],
                                         finding["col"], args.root)],
            "relatedLocations": [
                sarif_location(n["file"], n["line"], n["col"], args.root,
                               n["message"], i)
                for i, n in enumerate(finding["notes"])],
            "partialFingerprints": {FINGERPRINT_KEY: finding["fingerprint"]},
        }
        if baseline is not None:
            result["baselineState"] = (
                "unchanged" if finding["fingerprint"] in baseline else "new")
        results.append(result)
    version = LAYOUT.version()
    driver = {"name": "bloat-tidy", "version": version, "rules": rules}
    if re.fullmatch(r"\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?", version):
        driver["semanticVersion"] = version
    root_uri = "file://" + urllib.parse.quote(
        os.path.abspath(args.root).rstrip("/") + "/", safe="/")
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "originalUriBaseIds": {"SRCROOT": {"uri": root_uri}},
            "results": results,
        }],
    }
    write_json(path, log, "SARIF")


def write_gitlab_codequality(path, findings, root):
    """GitLab's Code Quality report: one issue per finding."""
    issues = [{
        "description": "%s [%s]" % (f["message"], f["check"]),
        "check_name": f["check"],
        "fingerprint": f["fingerprint"],
        "severity": "major",
        "location": {"path": relative(f["file"], root),
                     "lines": {"begin": f["line"]}},
    } for f in findings]
    write_json(path, issues, "GitLab Code Quality report")


# --- Baseline -----------------------------------------------------------------

def read_baseline(path):
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except OSError as error:
        raise UsageError("cannot read baseline %s: %s" % (path, error.strerror))
    except ValueError as error:
        raise UsageError("baseline %s is not valid JSON: %s" % (path, error))
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise UsageError('baseline %s has no "findings" list' % path)
    if data.get("version") != BASELINE_VERSION:
        raise UsageError("baseline %s is version %s, not %d: record it again "
                         "with --write-baseline"
                         % (path, data.get("version"), BASELINE_VERSION))
    try:
        return {entry["fingerprint"] for entry in data["findings"]}
    except (KeyError, TypeError):
        raise UsageError("baseline %s has an entry without a fingerprint"
                         % path)


def write_baseline(path, findings, root):
    # The message is kept for the reader; matching never uses it.
    entries = sorted(
        ({"fingerprint": f["fingerprint"], "check": f["check"],
          "file": relative(f["file"], root), "scope": f["scope"],
          "subject": f["subject"], "message": f["message"]}
         for f in findings), key=lambda e: (e["file"], e["check"],
                                            e["scope"], e["fingerprint"]))
    write_json(path, {"version": BASELINE_VERSION, "findings": entries},
               "baseline")


# --- Main ---------------------------------------------------------------------

def print_version(args):
    """bloat-tidy's version (VERSION) and the LLVM version of the tool that
    would run the checks."""
    print("bloat-ci (bloat-tidy) %s" % LAYOUT.version())
    tool = args.bloat_tidy if args.tool == "driver" else args.clang_tidy
    try:
        _, output = run([tool, "--version"])
        match = re.search(r"LLVM version (\S+)", output)
        llvm = match[1] if match else "unknown"
    except UsageError:
        llvm = "unknown"
    print("LLVM version %s (%s)" % (llvm, tool))


def main(argv):
    # Errors (stderr) and results (stdout) in the order they are said.
    sys.stdout.reconfigure(line_buffering=True)
    args = parse_args(argv)
    if args.version:
        print_version(args)
        return EXIT_CLEAN

    baseline = None
    if args.baseline:
        if os.path.exists(args.baseline) or not args.write_baseline:
            if not os.path.exists(args.baseline):
                raise UsageError("baseline %s does not exist: record one with "
                                 "--write-baseline %s and commit it"
                                 % (args.baseline, args.baseline))
            baseline = read_baseline(args.baseline)
    if args.merge is not None:
        bloat_facts_tool(args)
        with tempfile.TemporaryDirectory(prefix="bloat-ci-") as scratch:
            result, enabled = read_shards(args)
            print(result.facts_line)
            merge_and_report(args, result, args.merge, enabled, scratch)
        warn_incomplete(result)
        result.sort()
        return report_result(args, result, baseline)

    commands = {}
    if args.files:
        # clang-tidy names given files by their absolute path.
        directories = {os.path.normpath(f): os.getcwd() for f in args.files}
    else:
        if not os.path.isdir(args.build_dir):
            raise UsageError("-p %s is not a directory" % args.build_dir)
        directories = files_from_database(args.build_dir, commands)
    if args.whole and args.files:
        if not os.path.isdir(args.build_dir):
            raise UsageError("-p %s is not a directory" % args.build_dir)
        database = {}
        files_from_database(args.build_dir, database)
        commands = {f: database.get(os.path.abspath(f), [])
                    for f in directories}
    files = list(directories)
    missing = [f for f in files if not os.path.isfile(f)]
    if missing:
        raise UsageError("no such file: %s%s" % (
            missing[0], " (and %d more)" % (len(missing) - 1)
            if len(missing) > 1 else ""))
    command = tool_command(args)
    known = known_bloat_checks(command)
    if args.shard is not None:
        # Stable: the same compile database gives every job the same split.
        files = [f for index, f in enumerate(sorted(files))
                 if index % args.shard_count == args.shard_index - 1]
    checks, disabled = checks_for_files(args, command, known, files)
    if not checks and args.shard is None:
        raise UsageError("no bloat check is enabled for any file: every "
                         ".clang-tidy turns them off (%s); give --checks"
                         % disabled[0][1])

    if not args.whole:
        result = run_per_tu(args, command, checks, directories)
        result.disabled = len(disabled)
        return report_result(args, result, baseline)

    if args.facts_out is None:
        bloat_facts_tool(args)   # missing: said now, not after extracting
    with tempfile.TemporaryDirectory(prefix="bloat-ci-") as scratch:
        result, facts_dir, enabled = extract(args, command, checks,
                                             directories, commands, scratch)
        result.disabled = len(disabled)
        print(result.facts_line)
        if args.facts_out is not None or args.index_only is not None:
            return write_facts(args, result, facts_dir, enabled, scratch)
        merge_and_report(args, result, [facts_dir], enabled, scratch)
    warn_incomplete(result)
    result.sort()
    return report_result(args, result, baseline)


def warn_incomplete(result):
    if result.skipped and len(result.skipped) < result.checked:
        # Their facts are missing from the merge: a shrink there is unseen.
        print("bloat-ci: warning: the whole-program findings miss the facts "
              "of %d TU(s) not analysed; fix their compile errors"
              % len(result.skipped), file=sys.stderr)


def run_per_tu(args, command, checks, directories):
    """Today's mode: each TU checked alone."""
    result = RunResult()
    result.checked = len(checks)
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for path, code, output in pool.map(
                lambda p: run_one(command, p, checks[p], args),
                [f for f in directories if f in checks]):
            report = FileReport(path, code, output)
            resolve_paths(report, directories[path])
            result.add_report(report, directories[path])
            for finding in report.findings:
                result.add_finding(finding)
    return result


def print_problems(args, result):
    for problem in result.problems:
        print("bloat-ci: error: " + problem, file=sys.stderr)
    for path, first in result.skipped:
        match = DIAGNOSTIC.match(first or "")
        if match:
            first = relative(match["file"], args.root) + \
                first[match.end("file"):]
        print("bloat-ci: %s: %s was not analysed: it has compile errors%s" % (
            "error" if args.fail_on_skipped else "warning",
            relative(path, args.root),
            " (%s)" % first if first else ""), file=sys.stderr)


def skip_failure(args, result):
    """Exit 2 for skipped files, as the summary says."""
    if result.skipped and (args.fail_on_skipped or
                           len(result.skipped) == result.checked):
        if not args.fail_on_skipped:
            print("bloat-ci: error: no file was analysed", file=sys.stderr)
        return True
    return False


def write_facts(args, result, facts_dir, enabled, scratch):
    """--facts-out (a shard) or --index-only (the merged facts)."""
    print_problems(args, result)
    if result.problems or (args.fail_on_skipped and result.skipped):
        return EXIT_ERROR
    # A shard whose every file failed to compile is no failure by itself:
    # whether any file of the project was analysed is for --merge to say.
    if args.facts_out is None and skip_failure(args, result):
        return EXIT_ERROR
    if args.facts_out is not None:
        write_shard(args, result, facts_dir, enabled)
        print("bloat-ci: shard %d/%d: %d file(s) checked, facts in %s" % (
            args.shard_index, args.shard_count, result.checked,
            args.facts_out))
        return EXIT_CLEAN
    if not os.listdir(facts_dir):
        raise UsageError("no TU wrote facts: enable bloat-unbounded-container,"
                         " bloat-unbounded-cache or bloat-long-lived-capture")
    merged = os.path.join(scratch, "merged" + FACTS_SUFFIX)
    run_bloat_facts(bloat_facts_tool(args), ["merge", "-o", merged,
                                             facts_dir], "merge")
    try:
        with open(merged, "rb") as f:
            write_atomically(os.path.abspath(args.index_only), f.read())
    except OSError as error:
        raise UsageError("cannot write --index-only %s: %s"
                         % (args.index_only, error.strerror))
    print("bloat-ci: project facts of %d file(s) in %s"
          % (result.checked, args.index_only))
    return EXIT_CLEAN


def report_result(args, result, baseline):
    """Today's outputs: SARIF, GitLab Code Quality, the baseline, the new
    findings on stdout, the summary and the exit code."""
    findings = result.findings
    assign_fingerprints(findings, args.root)

    if args.sarif:
        write_sarif(args.sarif, findings, args, baseline)
    if args.gitlab_codequality:
        write_gitlab_codequality(args.gitlab_codequality, findings, args.root)
    if args.write_baseline:
        write_baseline(args.write_baseline, findings, args.root)

    print_problems(args, result)
    new = [f for f in findings
           if baseline is None or f["fingerprint"] not in baseline]
    for finding in new:
        print("%s:%d:%d: %s [%s]" % (relative(finding["file"], args.root),
                                     finding["line"], finding["col"],
                                     finding["message"], finding["check"]))
    skipped, checked = result.skipped, result.checked
    print("bloat-ci: %d finding(s), %d new, %d file(s) checked%s%s%s" % (
        len(findings), len(new), checked,
        ", %d not analysed (compile errors)" % len(skipped) if skipped else "",
        ", %d with bloat checks off" % result.disabled
        if result.disabled else "",
        ", baseline %s" % args.baseline if baseline is not None else ""))
    if result.problems:
        return EXIT_ERROR
    if skip_failure(args, result):
        return EXIT_ERROR
    if args.write_baseline:
        return EXIT_CLEAN
    return EXIT_NEW_FINDINGS if new else EXIT_CLEAN


def entry(argv):
    """main() with every failure as one line and exit 2: a CI step must
    never pass, or show a traceback, because of an error."""
    try:
        return main(argv)
    except UsageError as error:
        print("bloat-ci: error: %s" % error, file=sys.stderr)
    except KeyboardInterrupt:
        print("bloat-ci: error: interrupted", file=sys.stderr)
    except Exception as error:  # pylint: disable=broad-except
        print("bloat-ci: error: internal error: %s: %s"
              % (type(error).__name__, error), file=sys.stderr)
    return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(entry(sys.argv[1:]))
