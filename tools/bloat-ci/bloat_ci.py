#!/usr/bin/env python3
"""bloat-ci: the bloat-* checks as a CI lint step, with SARIF and a baseline.

Runs bloat-tidy (or clang-tidy with the bloat plugin) over the files of a
compile_commands.json, or over given files, and

  * writes every bloat finding as SARIF 2.1.0 (--sarif), with the notes as
    related locations and rule help taken from docs/checks/<check>.md;
  * records today's findings in a baseline (--write-baseline) and, given one
    (--baseline), fails only on findings not in it. Findings are matched on
    check, file, container name and owner, not on line numbers, so the
    baseline survives code moving around.

Exit codes: 0 no new findings, 1 new findings, 2 usage or configuration
errors (bad arguments, unreadable baseline, tool not found, compile errors,
malformed check options).
"""

import argparse
import concurrent.futures
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys

EXIT_CLEAN, EXIT_NEW_FINDINGS, EXIT_ERROR = 0, 1, 2
FINGERPRINT_KEY = "bloatFingerprint/v1"
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))

# path:line:col: level: message [check]
DIAGNOSTIC = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<level>warning|error|note): "
    r"(?P<message>.*?)(?: \[(?P<check>[\w.,-]+)\])?$")
# 'history' (member of 'GameState') ...
SUBJECT = re.compile(r"'(?P<name>[^']+)' \((?P<owner>[^)]*)\)")


class UsageError(Exception):
    pass


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="bloat-ci", description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*",
                        help="files to check (default: every file in "
                             "compile_commands.json of -p)")
    parser.add_argument("-p", dest="build_dir",
                        help="directory with compile_commands.json")
    parser.add_argument("--tool", choices=("driver", "plugin"),
                        default="driver",
                        help="bloat-tidy driver (default) or clang-tidy with "
                             "the plugin")
    parser.add_argument("--bloat-tidy",
                        default=os.path.join(REPO_ROOT, "build", "bin",
                                             "bloat-tidy"))
    parser.add_argument("--clang-tidy", default="clang-tidy-19")
    parser.add_argument("--plugin",
                        default=os.path.join(REPO_ROOT, "build", "lib",
                                             "libBloatTidy.so"))
    parser.add_argument("--checks", default="bloat-*",
                        help="checks to run (default: bloat-*)")
    parser.add_argument("--config", help="clang-tidy --config string")
    parser.add_argument("--root", default=os.getcwd(),
                        help="paths in SARIF and the baseline are relative "
                             "to this directory (default: .)")
    parser.add_argument("--sarif", help="write SARIF 2.1.0 here")
    parser.add_argument("--baseline", help="fail only on findings not in it")
    parser.add_argument("--write-baseline",
                        help="record the current findings here")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--extra-arg", action="append", default=[],
                        help="extra compiler argument (repeatable)")
    args = parser.parse_args(argv)
    if not args.files and not args.build_dir:
        raise UsageError("give files to check or -p BUILD_DIR")
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    return args


def files_from_database(build_dir):
    path = os.path.join(build_dir, "compile_commands.json")
    try:
        with open(path) as f:
            entries = json.load(f)
    except (OSError, ValueError) as error:
        raise UsageError("cannot read %s: %s" % (path, error))
    files = []
    for entry in entries:
        name = os.path.join(entry.get("directory", ""), entry["file"])
        if name not in files:
            files.append(os.path.normpath(name))
    return files


def tool_command(args):
    if args.tool == "plugin":
        tool = shutil.which(args.clang_tidy) or args.clang_tidy
        if not os.path.exists(tool):
            raise UsageError("clang-tidy not found: " + args.clang_tidy)
        if not os.path.exists(args.plugin):
            raise UsageError("plugin not found: " + args.plugin)
        command = [tool, "--load=" + args.plugin]
    else:
        if not os.path.exists(args.bloat_tidy):
            raise UsageError("bloat-tidy not found: %s (build it with "
                             "scripts/setup.sh)" % args.bloat_tidy)
        command = [args.bloat_tidy]
    command.append("--checks=-*," + args.checks)
    if args.config:
        command.append("--config=" + args.config)
    return command


def run_one(command, path, args):
    full = command + [path]
    if args.build_dir:
        full += ["-p", args.build_dir]
        full += ["--extra-arg=" + a for a in args.extra_arg]
    else:
        full += ["--"] + args.extra_arg
    result = subprocess.run(full, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, universal_newlines=True)
    return path, result.returncode, result.stdout


def parse_output(output):
    """Returns (findings, problems) from clang-tidy's text output."""
    findings, problems = [], []
    current = None
    for line in output.splitlines():
        if "[clang-tidy-config]" in line:
            problems.append(line.strip())
            continue
        match = DIAGNOSTIC.match(line)
        if not match:
            continue
        if match["level"] == "note":
            if current is not None:
                current["notes"].append({
                    "file": match["file"], "line": int(match["line"]),
                    "col": int(match["col"]), "message": match["message"]})
            continue
        check = match["check"] or ""
        if match["level"] == "error" or not check.startswith("bloat-"):
            current = None
            if match["level"] == "error":
                problems.append(line.strip())
            continue
        current = {"check": check, "file": match["file"],
                   "line": int(match["line"]), "col": int(match["col"]),
                   "message": match["message"], "notes": []}
        findings.append(current)
    return findings, problems


def relative(path, root):
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    return rel.replace(os.sep, "/")


def fingerprint(finding, root):
    """Stable across line shifts: check, file, subject and owner."""
    subject = SUBJECT.search(finding["message"])
    if subject:
        what = subject["name"] + "|" + subject["owner"]
    else:
        # No quoted subject: the message without numbers.
        what = re.sub(r"\d+", "#", finding["message"])
    key = "|".join([finding["check"], relative(finding["file"], root), what])
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def rule_metadata(check):
    """Short and full description from docs/checks/<check>.md."""
    path = os.path.join(REPO_ROOT, "docs", "checks", check + ".md")
    summary = check
    try:
        with open(path) as f:
            paragraphs = [p.strip() for p in f.read().split("\n\n")]
        body = [p for p in paragraphs if p and not p.startswith("#")]
        if body:
            summary = " ".join(body[0].split())
    except OSError:
        pass
    first_sentence = summary.split(". ")[0].rstrip(".") + "."
    return {
        "id": check,
        "name": check,
        "shortDescription": {"text": first_sentence},
        "fullDescription": {"text": summary},
        "help": {"text": summary,
                 "markdown": summary + "\n\nSee docs/checks/%s.md." % check},
        "helpUri": "docs/checks/%s.md" % check,
        "defaultConfiguration": {"level": "warning"},
    }


def sarif_location(path, line, col, root, message=None, ident=None):
    location = {"physicalLocation": {
        "artifactLocation": {"uri": relative(path, root),
                             "uriBaseId": "SRCROOT"},
        "region": {"startLine": line, "startColumn": col}}}
    if message is not None:
        location["message"] = {"text": message}
    if ident is not None:
        location["id"] = ident
    return location


def write_sarif(path, findings, root, baseline):
    checks = sorted({f["check"] for f in findings})
    rules = [rule_metadata(check) for check in checks]
    results = []
    for finding in findings:
        fp = fingerprint(finding, root)
        result = {
            "ruleId": finding["check"],
            "ruleIndex": checks.index(finding["check"]),
            "level": "warning",
            "message": {"text": finding["message"]},
            "locations": [sarif_location(finding["file"], finding["line"],
                                         finding["col"], root)],
            "relatedLocations": [
                sarif_location(n["file"], n["line"], n["col"], root,
                               n["message"], i)
                for i, n in enumerate(finding["notes"])],
            "partialFingerprints": {FINGERPRINT_KEY: fp},
        }
        if baseline is not None:
            result["baselineState"] = "unchanged" if fp in baseline else "new"
        results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "bloat-tidy",
                "informationUri": "https://clang.llvm.org/extra/clang-tidy/",
                "rules": rules}},
            "originalUriBaseIds": {"SRCROOT": {
                "uri": "file://" + os.path.abspath(root).rstrip("/") + "/"}},
            "results": results,
        }],
    }
    with open(path, "w") as f:
        json.dump(log, f, indent=2)
        f.write("\n")


def read_baseline(path):
    try:
        with open(path) as f:
            data = json.load(f)
        return {entry["fingerprint"] for entry in data["findings"]}
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise UsageError("cannot read baseline %s: %s" % (path, error))


def write_baseline(path, findings, root):
    entries = sorted(
        ({"fingerprint": fingerprint(f, root), "check": f["check"],
          "file": relative(f["file"], root), "message": f["message"]}
         for f in findings), key=lambda e: (e["file"], e["check"],
                                            e["fingerprint"]))
    with open(path, "w") as f:
        json.dump({"version": 1, "findings": entries}, f, indent=2)
        f.write("\n")


def main(argv):
    try:
        args = parse_args(argv)
        baseline = read_baseline(args.baseline) if args.baseline else None
        files = args.files or files_from_database(args.build_dir)
        command = tool_command(args)
    except UsageError as error:
        print("bloat-ci: error: %s" % error, file=sys.stderr)
        return EXIT_ERROR

    findings, problems, seen = [], [], set()
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for path, code, output in pool.map(
                lambda p: run_one(command, p, args), files):
            found, trouble = parse_output(output)
            problems += trouble
            if code not in (0, 1) and not trouble:
                problems.append("%s: the tool exited with %d" % (path, code))
            # A header's finding is reported once, not once per TU.
            for finding in found:
                key = (finding["check"], os.path.abspath(finding["file"]),
                       finding["line"], finding["col"], finding["message"])
                if key not in seen:
                    seen.add(key)
                    findings.append(finding)

    if args.sarif:
        write_sarif(args.sarif, findings, args.root, baseline)
    if args.write_baseline:
        write_baseline(args.write_baseline, findings, args.root)

    for problem in problems:
        print("bloat-ci: error: " + problem, file=sys.stderr)
    new = [f for f in findings
           if baseline is None or fingerprint(f, args.root) not in baseline]
    for finding in new:
        print("%s:%d:%d: %s [%s]" % (relative(finding["file"], args.root),
                                     finding["line"], finding["col"],
                                     finding["message"], finding["check"]))
    print("bloat-ci: %d finding(s), %d new, %d file(s) checked%s" % (
        len(findings), len(new), len(files),
        ", baseline %s" % args.baseline if args.baseline else ""))
    if problems:
        return EXIT_ERROR
    if args.write_baseline:
        return EXIT_CLEAN
    return EXIT_NEW_FINDINGS if new else EXIT_CLEAN


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
