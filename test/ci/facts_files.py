#!/usr/bin/env python3
"""Damages facts the way a crash or an old tool would, for the whole-program
tests of bloat-ci.

  facts_files.py truncate-cache DIR   cuts the meta of the first cache entry
                                      and the facts of the second (by name)
                                      to half their size
  facts_files.py set-version FILE N   rewrites a facts file as version N
"""
import glob
import json
import os
import sys


def truncate(path):
    with open(path, "rb") as f:
        data = f.read()
    with open(path, "wb") as f:
        f.write(data[:len(data) // 2])
    print("truncated %s" % os.path.basename(path))


def main():
    if sys.argv[1] == "truncate-cache":
        metas = sorted(glob.glob(os.path.join(sys.argv[2], "*.meta.json")))
        truncate(metas[0])
        truncate(metas[1][:-len(".meta.json")] + ".facts")
    elif sys.argv[1] == "set-version":
        with open(sys.argv[2], encoding="utf-8") as f:
            data = json.load(f)
        data["version"] = int(sys.argv[3])
        with open(sys.argv[2], "w", encoding="utf-8") as f:
            json.dump(data, f, sort_keys=True)
    else:
        sys.exit("unknown command " + sys.argv[1])


if __name__ == "__main__":
    main()
