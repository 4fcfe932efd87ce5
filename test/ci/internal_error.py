#!/usr/bin/env python3
"""Runs bloat-ci's entry point with one of its functions replaced by one
that raises, as a bug would: the user must get one error line and exit 2,
not a traceback. Usage: internal_error.py BLOAT_CI_DIR FUNCTION ARGS..."""
import sys

sys.path.insert(0, sys.argv[1])
import bloat_ci  # noqa: E402


def broken(*args, **kwargs):
    raise KeyError("no such key")


setattr(bloat_ci, sys.argv[2], broken)
code = bloat_ci.entry(sys.argv[3:])
print("exit: %d" % code)
