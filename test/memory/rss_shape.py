#!/usr/bin/env python3
"""Check the memory *shape* of a leaky example against its fixed version.

Usage: rss_shape.py --count KEY [options] LEAKY_EXE FIXED_EXE

Runs each program with a small and a large iteration count as its only
argument (`EXE N`) and reads each child's peak RSS from os.wait4(), so no
external tools are needed. Each program must print exactly one line
"Done: key=value, key=value, ..."; KEY names the value that counts what the
program keeps (sessions, samples, ...).

Timings are never asserted, only the shape:
  * the leaky program's count grows with the iteration count;
  * the fixed program's count stays within --fixed-max-count;
  * the leaky program's peak RSS grows by more than --min-leaky-growth-mb and
    by more than the factor --min-leaky-ratio;
  * the fixed program's peak RSS grows by less than --max-fixed-growth-mb.

Prints a table of the figures, one PASS/FAIL line per check and finally a
single "N passed, N failed" line. Exits 0 if every check passed, else 1
(2 for bad usage).

The functions below are shared with the example-specific scripts in this
directory (clicker_memory.py).
"""

import argparse
import os
import re
import resource
import subprocess
import sys

DONE_LINE = re.compile(r"^Done: (.*)$", re.MULTILINE)
KEY_VALUE = re.compile(r"(\w+)=([^,]*)")


class RunError(Exception):
    pass


def exit_code(status):
    if os.WIFSIGNALED(status):
        return -os.WTERMSIG(status)
    return os.WEXITSTATUS(status)


def maxrss_mb(usage):
    # ru_maxrss is KiB on Linux but bytes on macOS.
    rss_kib = usage.ru_maxrss
    if sys.platform == "darwin":
        rss_kib /= 1024.0
    return rss_kib / 1024.0


def self_rss_mb():
    """Peak RSS of this script, a floor under every child's figure: Linux
    folds the spawning process's peak RSS into the child's ru_maxrss when the
    child execs."""
    return maxrss_mb(resource.getrusage(resource.RUSAGE_SELF))


def run(argv):
    """Run argv; return (peak RSS in MB, the fields of its 'Done:' line)."""
    what = " ".join(argv)
    try:
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE)
    except OSError as err:
        raise RunError("cannot run %s: %s" % (argv[0], err))
    out = proc.stdout.read().decode("utf-8", "replace")
    proc.stdout.close()
    # Reap the child ourselves: Popen.wait() would discard its rusage.
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = exit_code(status)
    if proc.returncode != 0:
        raise RunError("%s exited with status %d" % (what, proc.returncode))
    done = DONE_LINE.findall(out)
    if len(done) != 1:
        raise RunError("%s printed no single 'Done:' line; its output ends "
                       "with:\n%s" % (what, out[-500:]))
    return maxrss_mb(usage), dict(KEY_VALUE.findall(done[0]))


def count_of(fields, key, what):
    try:
        return int(fields[key])
    except (KeyError, ValueError):
        raise RunError("%s: no integer '%s=' in its 'Done:' line" % (what, key))


def report(checks):
    """Print one PASS/FAIL line per (description, ok) and the totals; return
    the exit code."""
    failed = 0
    for what, ok in checks:
        print("%s: %s" % ("PASS" if ok else "FAIL", what))
        failed += not ok
    print("%d passed, %d failed" % (len(checks) - failed, failed))
    return 1 if failed else 0


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="rss_shape.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("leaky", metavar="LEAKY_EXE")
    parser.add_argument("fixed", metavar="FIXED_EXE")
    parser.add_argument("--count", required=True, metavar="KEY",
                        help="the 'Done:' field that counts what is kept")
    parser.add_argument("--small", type=int, default=25000)
    parser.add_argument("--large", type=int, default=100000)
    parser.add_argument("--fixed-max-count", type=int, required=True)
    parser.add_argument("--min-leaky-growth-mb", type=float, default=10.0)
    parser.add_argument("--min-leaky-ratio", type=float, default=1.5)
    parser.add_argument("--max-fixed-growth-mb", type=float, default=5.0)
    args = parser.parse_args(argv)
    if not 0 < args.small < args.large:
        parser.error("need 0 < --small < --large")
    return args


def main(argv):
    args = parse_args(argv)
    exes = {"leaky": args.leaky, "fixed": args.fixed}
    sizes = (args.small, args.large)

    rss, count = {}, {}
    print("%-7s %-22s %10s %12s %12s"
          % ("version", "exe", "iterations", "peak_rss_mb", args.count))
    for role in ("leaky", "fixed"):
        for n in sizes:
            what = "%s %d" % (exes[role], n)
            try:
                rss[role, n], fields = run([exes[role], str(n)])
                count[role, n] = count_of(fields, args.count, what)
            except RunError as err:
                sys.stderr.write("error: %s\n" % err)
                print("0 passed, 1 failed")
                return 1
            print("%-7s %-22s %10d %12.1f %12d"
                  % (role, os.path.basename(exes[role]), n, rss[role, n],
                     count[role, n]))
    print("note: figures include a floor of %.1f MB (this script's peak RSS)"
          % self_rss_mb())
    sys.stdout.flush()

    small, large = sizes
    leaky_growth = rss["leaky", large] - rss["leaky", small]
    fixed_growth = rss["fixed", large] - rss["fixed", small]
    # Growing "with the iterations": at least half as fast as they do.
    min_count_ratio = 0.5 * large / small
    checks = [
        ("leaky count %s grows with the iterations (%d -> %d, > %.1fx)"
         % (args.count, count["leaky", small], count["leaky", large],
            min_count_ratio),
         count["leaky", large] > min_count_ratio * count["leaky", small]),
        ("fixed count %s stays within %d (%d, %d)"
         % (args.count, args.fixed_max_count, count["fixed", small],
            count["fixed", large]),
         all(count["fixed", n] <= args.fixed_max_count for n in sizes)),
        ("leaky RSS grows by %.1f MB (> %.0f MB)"
         % (leaky_growth, args.min_leaky_growth_mb),
         leaky_growth > args.min_leaky_growth_mb),
        ("leaky RSS ratio %.2fx (> %.1fx)"
         % (rss["leaky", large] / rss["leaky", small], args.min_leaky_ratio),
         rss["leaky", large] > args.min_leaky_ratio * rss["leaky", small]),
        ("fixed RSS grows by %.1f MB (< %.0f MB)"
         % (fixed_growth, args.max_fixed_growth_mb),
         fixed_growth < args.max_fixed_growth_mb),
    ]
    return report(checks)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
