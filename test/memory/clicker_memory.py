#!/usr/bin/env python3
"""Check the memory *shape* of the clicker examples.

Usage: clicker_memory.py LEAKY_EXE FIXED_EXE

Runs each game (no sleep) for a small and a large iteration count and reads
each child's peak RSS from os.wait4(), so no external tools are needed.
Timings are never asserted; only that the leaky game's memory grows with the
iteration count while the fixed game's stays flat, and that the final
history lengths are what each design implies.

Prints a table of the figures, one PASS/FAIL line per check and finally a
single "N passed, N failed" line. Exits 0 if every check passed, else 1.
"""

import os
import re
import resource
import subprocess
import sys

SMALL = 20000
LARGE = 4 * SMALL
FIXED_HISTORY = 1000  # GameState::kMaxHistory in examples/clicker-fixed.

# The large leaky run pins about 3 * SMALL * 20% * 10.5 KB ~ 126 MB more blob
# bytes than the small one; the bounds leave wide margins for allocator noise.
MIN_LEAKY_GROWTH_MB = 40.0
MIN_LEAKY_RATIO = 2.0
MAX_FIXED_GROWTH_MB = 5.0

DONE_RE = re.compile(r"^Done: clicks=(\d+), history_len=(\d+)$", re.MULTILINE)


class RunError(Exception):
    pass


def exit_code(status):
    if os.WIFSIGNALED(status):
        return -os.WTERMSIG(status)
    return os.WEXITSTATUS(status)


def run(exe, iterations):
    """Return (peak RSS in MB, final history_len) of one game run."""
    try:
        proc = subprocess.Popen([exe, str(iterations), "0"],
                                stdout=subprocess.PIPE)
    except OSError as err:
        raise RunError("cannot run %s: %s" % (exe, err))
    out = proc.stdout.read().decode("utf-8", "replace")
    proc.stdout.close()
    # Reap the child ourselves: Popen.wait() would discard its rusage.
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = exit_code(status)
    if proc.returncode != 0:
        raise RunError("%s %d exited with status %d"
                       % (exe, iterations, proc.returncode))
    done = DONE_RE.findall(out)
    if len(done) != 1:
        raise RunError("%s %d printed no 'Done:' line; output ends with:\n%s"
                       % (exe, iterations, out[-500:]))
    return maxrss_mb(usage), int(done[0][1])


def maxrss_mb(usage):
    # ru_maxrss is KiB on Linux but bytes on macOS.
    rss_kib = usage.ru_maxrss
    if sys.platform == "darwin":
        rss_kib /= 1024.0
    return rss_kib / 1024.0


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: %s LEAKY_EXE FIXED_EXE\n" % argv[0])
        return 2
    exes = {"leaky": argv[1], "fixed": argv[2]}

    results = {}
    print("%-6s %-16s %10s %12s %12s"
          % ("game", "exe", "iterations", "peak_rss_mb", "history_len"))
    for role in ("leaky", "fixed"):
        for n in (SMALL, LARGE):
            try:
                rss, history = run(exes[role], n)
            except RunError as err:
                sys.stderr.write("error: %s\n" % err)
                print("0 passed, 1 failed")
                return 1
            results[role, n] = (rss, history)
            print("%-6s %-16s %10d %12.1f %12d"
                  % (role, os.path.basename(exes[role]), n, rss, history))
    # Linux folds the spawning process's peak RSS into the child's ru_maxrss
    # when the child execs, so no figure above can be lower than ours.
    print("note: figures include a floor of %.1f MB (this script's peak RSS)"
          % maxrss_mb(resource.getrusage(resource.RUSAGE_SELF)))
    sys.stdout.flush()

    leaky_small = results["leaky", SMALL][0]
    leaky_large = results["leaky", LARGE][0]
    fixed_small = results["fixed", SMALL][0]
    fixed_large = results["fixed", LARGE][0]
    checks = [
        ("leaky history_len equals iterations (%d, %d)"
         % (results["leaky", SMALL][1], results["leaky", LARGE][1]),
         all(results["leaky", n][1] == n for n in (SMALL, LARGE))),
        ("fixed history_len capped at %d (%d, %d)"
         % (FIXED_HISTORY, results["fixed", SMALL][1],
            results["fixed", LARGE][1]),
         all(results["fixed", n][1] == FIXED_HISTORY for n in (SMALL, LARGE))),
        ("leaky RSS grows by %.1f MB (> %.0f MB)"
         % (leaky_large - leaky_small, MIN_LEAKY_GROWTH_MB),
         leaky_large - leaky_small > MIN_LEAKY_GROWTH_MB),
        ("leaky RSS ratio %.2fx (> %.1fx)"
         % (leaky_large / leaky_small, MIN_LEAKY_RATIO),
         leaky_large > MIN_LEAKY_RATIO * leaky_small),
        ("fixed RSS grows by %.1f MB (< %.0f MB)"
         % (fixed_large - fixed_small, MAX_FIXED_GROWTH_MB),
         fixed_large - fixed_small < MAX_FIXED_GROWTH_MB),
    ]
    failed = 0
    for what, ok in checks:
        print("%s: %s" % ("PASS" if ok else "FAIL", what))
        failed += not ok
    print("%d passed, %d failed" % (len(checks) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
