#!/usr/bin/env python3
"""Rewrites one facts file in the shapes the facts reader must accept or
refuse, for test/wholeprogram/facts-reader.test.

  facts_variants.py IN.json OUTDIR

Accepted (the same facts as IN.json): reshaped.json (indented, keys in
reverse order, unknown keys at both levels, escapes in a path). Refused, each
for one reason: the other files.
"""
import json
import os
import sys


def reshape(value):
    """Keys in reverse order, and an unknown key in every object."""
    if isinstance(value, dict):
        out = {"zzUnknown": [1, {"x": None}]}
        for key in sorted(value, reverse=True):
            out[key] = reshape(value[key])
        return out
    if isinstance(value, list):
        return [reshape(v) for v in value]
    return value


def main():
    source, out = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as f:
        text = f.read()
    facts = json.loads(text)

    def write(name, content):
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(content)

    write("reshaped.json", "\n\t " + json.dumps(reshape(facts), indent=3)
          + "\n\n")
    # A unit named with every kind of escape round-trips to the same bytes.
    escaped = dict(facts, units=facts["units"] + ['/src/"q"\\ \u00e9\t.cpp'])
    write("escaped.json", json.dumps(escaped, ensure_ascii=True))

    def broken(name, change):
        copy = json.loads(text)
        change(copy)
        write(name, json.dumps(copy))

    broken("no-container.json", lambda f: f["growths"][0].pop("container"))
    broken("bad-at.json", lambda f: f["growths"][0].update(at=["x.cpp", 1]))
    broken("calls-object.json", lambda f: f.update(calls={}))
    broken("no-roots.json", lambda f: f.pop("roots"))
    broken("bad-param.json",
           lambda f: f["functions"][0].update(params=["reads", 3]))
    write("truncated.json", text[:len(text) // 2])
    write("bad-escape.json", text.replace('"growths":[{', '"growths":[{"a\\q":1,', 1))
    write("trailing.json", text.rstrip() + " x\n")
    write("empty.json", "")
    write("array.json", "[1, 2]")
    # Deeper than a stack: refused, not a crash.
    write("deep.json", "[" * 1000000 + "]" * 1000000)
    write("deep-member.json", text.replace(
        '"format"', '"zz":' + "[" * 100 + "]" * 100 + ',"format"', 1))


if __name__ == "__main__":
    main()
