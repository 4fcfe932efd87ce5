#!/usr/bin/env python3
"""Checks a GitLab Code Quality report against the fields GitLab documents
for it (a JSON array of issues, each with description, check_name,
fingerprint, severity, location.path and location.lines.begin), and prints
one line per issue for FileCheck.

Usage: validate_codequality.py REPORT
"""
import json
import sys

SEVERITIES = ("info", "minor", "major", "critical", "blocker")


def problems_of(issues):
    if not isinstance(issues, list):
        yield "the report is not a JSON array"
        return
    seen = set()
    for index, issue in enumerate(issues):
        where = "issue %d" % index
        if not isinstance(issue, dict):
            yield where + " is not an object"
            continue
        for field in ("description", "check_name", "fingerprint"):
            if not isinstance(issue.get(field), str) or not issue[field]:
                yield "%s: %s is not a non-empty string" % (where, field)
        if issue.get("severity") not in SEVERITIES:
            yield "%s: severity %r is not one of %s" % (
                where, issue.get("severity"), ", ".join(SEVERITIES))
        location = issue.get("location")
        if not isinstance(location, dict):
            yield where + ": no location"
            continue
        path = location.get("path")
        if not isinstance(path, str) or not path or path.startswith(
                ("/", "./", "../")):
            yield "%s: location.path %r is not relative to the repository" % (
                where, path)
        lines = location.get("lines")
        begin = lines.get("begin") if isinstance(lines, dict) else None
        if not isinstance(begin, int) or isinstance(begin, bool) or begin < 1:
            yield "%s: location.lines.begin %r is not a line number" % (
                where, begin)
        if issue.get("fingerprint") in seen:
            yield "%s: fingerprint %s is not unique" % (
                where, issue["fingerprint"])
        seen.add(issue.get("fingerprint"))


def main():
    with open(sys.argv[1]) as f:
        issues = json.load(f)
    problems = list(problems_of(issues))
    for problem in problems:
        print("invalid: " + problem)
    if problems:
        sys.exit(1)
    print("valid GitLab Code Quality report, %d issue(s)" % len(issues))
    for issue in issues:
        print("issue %s %s %s:%d %s" % (
            issue["check_name"], issue["severity"], issue["location"]["path"],
            issue["location"]["lines"]["begin"], issue["description"]))


if __name__ == "__main__":
    main()
