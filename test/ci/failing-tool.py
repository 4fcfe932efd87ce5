#!/usr/bin/env python3
"""A bloat-tidy that fails while checking a file: answers bloat-ci's
questions (--list-checks, --dump-config, --version) with the real tool
($REAL_TOOL), then, when asked to check a file, runs the real tool and
fails as $FAIL says: `crash` (killed by SIGSEGV after printing its
findings), `abort` (SIGABRT), or `exit-N` (exit code N, findings printed)."""
import os
import signal
import subprocess
import sys

args = sys.argv[1:]
result = subprocess.run([os.environ["REAL_TOOL"]] + args,
                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                        universal_newlines=True)
sys.stdout.write(result.stdout)
sys.stdout.flush()
if any(a in ("--list-checks", "--dump-config", "--version") for a in args):
    sys.exit(result.returncode)
mode = os.environ["FAIL"]
if mode in ("crash", "abort"):
    signal.signal(signal.SIGSEGV, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGSEGV if mode == "crash" else signal.SIGABRT)
sys.exit(int(mode[len("exit-"):]))
