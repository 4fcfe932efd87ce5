#!/usr/bin/env python3
"""Runs one bloat check on a lit test file and FileChecks what it reports.

Usage (from a lit RUN line, through the %check_bloat_tidy substitution):

  check_bloat_tidy.py --tidy TOOL [--load PLUGIN] [-check-suffix=A[,B]]
                      INPUT CHECK_NAME TEMP [-- TIDY_ARGS] [-- COMPILER_ARGS]

The test file holds its expectations as comments:
  // CHECK-MESSAGES: :[[@LINE+1]]:3: warning: ... [check-name]
      warnings and errors; any other warning or error fails the test.
  // CHECK-NOTES: :[[@LINE+1]]:3: note: ...
      warnings, errors and notes; any other one fails the test.
  // CHECK-FIXES: fixed line
      the file after `-fix`.
A file (or suffix) with none of them asserts that the check says nothing.
"""

import argparse
import os
import re
import shlex
import subprocess
import sys

PREFIXES = ("CHECK-MESSAGES", "CHECK-NOTES", "CHECK-FIXES")


def fail(message):
    sys.stderr.write("check_bloat_tidy.py: " + message + "\n")
    sys.exit(1)


def run(command, **kwargs):
    print("RUN: " + " ".join(shlex.quote(part) for part in command))
    sys.stdout.flush()
    return subprocess.run(command, **kwargs)


def split_on_dashes(args):
    """Splits [a, --, b, --, c] into ([a], [b], [c])."""
    groups = [[]]
    for arg in args:
        if arg == "--" and len(groups) < 3:
            groups.append([])
        else:
            groups[-1].append(arg)
    while len(groups) < 3:
        groups.append([])
    return groups


def filecheck(filecheck_bin, input_path, checked_path, prefixes, implicit_not):
    command = [filecheck_bin, "-input-file=" + checked_path, input_path,
               "-check-prefixes=" + ",".join(prefixes),
               "-dump-input=fail"]
    if implicit_not:
        command.append("-implicit-check-not=" + implicit_not)
    result = run(command)
    if result.returncode != 0:
        fail("FileCheck failed for " + ",".join(prefixes))


def main():
    parser = argparse.ArgumentParser(add_help=True)
    parser.add_argument("--tidy", required=True,
                        help="clang-tidy or bloat-tidy executable")
    parser.add_argument("--load", help="plugin for --load")
    parser.add_argument("--filecheck", default="FileCheck")
    parser.add_argument("-check-suffix", "-check-suffixes", default="",
                        dest="suffixes")
    parser.add_argument("input")
    parser.add_argument("check_name")
    parser.add_argument("temp")
    # argparse would swallow the first "--", so split before it parses.
    own_args, tidy_args, compiler_args = split_on_dashes(sys.argv[1:])
    known = parser.parse_args(own_args)

    suffixes = [s for s in known.suffixes.split(",") if s] or [""]
    with open(known.input, encoding="utf-8") as f:
        text = f.read()

    def prefix_names(base):
        return [base + ("-" + s if s else "") for s in suffixes]

    present = {base: [p for p in prefix_names(base)
                      if re.search(r"\b" + re.escape(p) + r"(-NEXT|-SAME|-DAG|-NOT)?:", text)]
               for base in PREFIXES}
    for base in ("CHECK-MESSAGES", "CHECK-NOTES"):
        if present[base] and present["CHECK-MESSAGES" if base == "CHECK-NOTES" else "CHECK-NOTES"]:
            fail("use either CHECK-MESSAGES or CHECK-NOTES for a suffix, not both")

    # The copy the tool runs on keeps line numbers but not the expectations,
    # so that fixes are compared without them.
    extension = os.path.splitext(known.input)[1] or ".cpp"
    temp_source = known.temp + extension
    os.makedirs(os.path.dirname(os.path.abspath(temp_source)), exist_ok=True)
    cleaned = re.sub(r"//\s*CHECK-[A-Z0-9-]*:[^\r\n]*", "//", text)
    with open(temp_source, "w", encoding="utf-8") as f:
        f.write(cleaned)

    command = [known.tidy]
    if known.load:
        command.append("--load=" + known.load)
    command += [temp_source, "--checks=-*," + known.check_name]
    if present["CHECK-FIXES"]:
        command.append("-fix")
    command += tidy_args + ["--"] + compiler_args
    result = run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                 universal_newlines=True)
    output = result.stdout
    print("------------------------ tool output -------------------------")
    print(output)
    print("---------------------------------------------------------------")
    if result.returncode not in (0, 1):
        fail("the tool exited with %d (a crash?)" % result.returncode)
    if "Stack dump" in output or "PLEASE submit a bug report" in output:
        fail("the tool crashed")
    if "runtime error:" in output or "Sanitizer" in output:
        fail("a sanitizer reported a problem")

    output_path = known.temp + ".msg"
    with open(output_path, "w", encoding="utf-8") as f:
        f.write(output)

    if present["CHECK-NOTES"]:
        filecheck(known.filecheck, known.input, output_path,
                  present["CHECK-NOTES"], "{{note|warning|error}}:")
    elif present["CHECK-MESSAGES"]:
        filecheck(known.filecheck, known.input, output_path,
                  present["CHECK-MESSAGES"], "{{warning|error}}:")
    else:
        unexpected = [line for line in output.splitlines()
                      if re.search(r"\b(warning|error): ", line)]
        if unexpected:
            fail("expected no diagnostics, got:\n" + "\n".join(unexpected))
    if present["CHECK-FIXES"]:
        filecheck(known.filecheck, known.input, temp_source,
                  present["CHECK-FIXES"], None)


if __name__ == "__main__":
    main()
