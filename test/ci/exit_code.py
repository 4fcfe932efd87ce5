#!/usr/bin/env python3
"""Runs a command, passes its output through, then prints `exit: N`, so that
a lit test can tell exit code 1 (new findings) from 2 (errors)."""
import subprocess
import sys

result = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE,
                        stderr=subprocess.STDOUT, universal_newlines=True)
sys.stdout.write(result.stdout)
print("exit: %d" % result.returncode)
