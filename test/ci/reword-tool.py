#!/usr/bin/env python3
"""Stands in for a future bloat-tidy whose diagnostics are worded
differently: runs the real tool ($REAL_TOOL) with the same arguments and
rewords every message outside its quoted names."""
import os
import subprocess
import sys

REWORDINGS = [("grows without bound", "keeps growing and is never bounded"),
              ("reaches", "flows into"),
              ("without an upper bound", "with no maximum checked"),
              ("a parameter of", "parameter of")]

result = subprocess.run([os.environ["REAL_TOOL"]] + sys.argv[1:],
                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                        universal_newlines=True)
output = result.stdout
for old, new in REWORDINGS:
    output = output.replace(old, new)
sys.stdout.write(output)
sys.exit(result.returncode)
