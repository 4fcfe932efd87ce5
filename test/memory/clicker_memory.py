#!/usr/bin/env python3
"""Check the memory *shape* of the clicker examples.

Usage: clicker_memory.py LEAKY_EXE FIXED_EXE

Runs each game (no sleep) for a small and a large iteration count and reads
each child's peak RSS from os.wait4() through the shared helper rss_shape.py,
so no external tools are needed.
Timings are never asserted; only that the leaky game's memory grows with the
iteration count while the fixed game's stays flat, and that the final
history lengths are what each design implies.

Prints a table of the figures, one PASS/FAIL line per check and finally a
single "N passed, N failed" line. Exits 0 if every check passed, else 1.
"""

import os
import sys

from rss_shape import RunError, count_of, report, run, self_rss_mb

SMALL = 20000
LARGE = 4 * SMALL
FIXED_HISTORY = 1000  # GameState::kMaxHistory in examples/clicker-fixed.

# The large leaky run pins about 3 * SMALL * 20% * 10.5 KB ~ 126 MB more blob
# bytes than the small one; the bounds leave wide margins for allocator noise.
MIN_LEAKY_GROWTH_MB = 40.0
MIN_LEAKY_RATIO = 2.0
MAX_FIXED_GROWTH_MB = 5.0


def run_game(exe, iterations):
    """Return (peak RSS in MB, final history_len) of one game run (no sleep)."""
    rss, fields = run([exe, str(iterations), "0"])
    return rss, count_of(fields, "history_len", "%s %d" % (exe, iterations))


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
                rss, history = run_game(exes[role], n)
            except RunError as err:
                sys.stderr.write("error: %s\n" % err)
                print("0 passed, 1 failed")
                return 1
            results[role, n] = (rss, history)
            print("%-6s %-16s %10d %12.1f %12d"
                  % (role, os.path.basename(exes[role]), n, rss, history))
    print("note: figures include a floor of %.1f MB (this script's peak RSS)"
          % self_rss_mb())
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
    return report(checks)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
