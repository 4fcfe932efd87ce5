#!/usr/bin/env python3
"""Validates a SARIF file against the vendored SARIF 2.1.0 JSON schema with
Debian's python3-jsonschema, format checking on, and prints a summary of its
results for FileCheck: one line per result, then one per related location.

Debian's jsonschema checks "uri" and "uri-reference" only with the rfc3987
module, which Debian does not install with it; those two formats are checked
here against RFC 3986's grammar of characters instead (percent-encoded,
no spaces), and a "uri" must also have a scheme.

Beyond the schema it checks what code scanning relies on: partialFingerprints
unique in the run, and every embedded link [text](id) in a message naming a
related location of that result.

Usage: validate_sarif.py SCHEMA SARIF
"""
import json
import re
import sys

import jsonschema

URI_REFERENCE = re.compile(
    r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*"
    r"(?:#(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*)?")
SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
# [text](id), not preceded by a backslash; text may hold escaped brackets.
EMBEDDED_LINK = re.compile(r"(?<!\\)\[((?:\\.|[^\]\\])*)\]\((\d+)\)")


def format_checker():
    checker = jsonschema.FormatChecker()

    @checker.checks("uri-reference")
    def is_uri_reference(value):
        return not isinstance(value, str) or bool(
            URI_REFERENCE.fullmatch(value))

    @checker.checks("uri")
    def is_uri(value):
        return not isinstance(value, str) or bool(
            URI_REFERENCE.fullmatch(value) and SCHEME.match(value))

    return checker


def main():
    schema_path, sarif_path = sys.argv[1:3]
    with open(schema_path) as f:
        schema = json.load(f)
    with open(sarif_path) as f:
        log = json.load(f)
    validator = jsonschema.validators.validator_for(schema)
    validator.check_schema(schema)
    errors = sorted(validator(schema, format_checker=format_checker())
                    .iter_errors(log), key=str)
    run = log["runs"][0]
    fingerprints = [r["partialFingerprints"]["bloatFingerprint/v2"]
                    for r in run["results"]]
    for fingerprint in sorted(set(fingerprints)):
        if fingerprints.count(fingerprint) > 1:
            errors.append("partialFingerprints %s is not unique" % fingerprint)
    for result in run["results"]:
        ids = {r.get("id") for r in result.get("relatedLocations", [])}
        for _, ident in EMBEDDED_LINK.findall(result["message"]["text"]):
            if int(ident) not in ids:
                errors.append("link to related location %s that does not "
                              "exist: %s" % (ident, result["message"]["text"]))
    for error in errors:
        if isinstance(error, str):
            print("invalid: " + error)
        else:
            print("invalid: %s at %s" % (error.message, list(error.path)))
    if errors:
        sys.exit(1)
    print("valid SARIF %s (%s, formats checked)" % (log["version"],
                                                    validator.__name__))
    driver = run["tool"]["driver"]
    print("tool %s %s semanticVersion %s" % (
        driver["name"], driver.get("version", "-"),
        driver.get("semanticVersion", "-")))
    for rule in driver["rules"]:
        print("rule %s: %s" % (rule["id"], rule["shortDescription"]["text"]))
        print("  helpUri %s" % rule.get("helpUri", "-"))
        print("  help.text %d lines, first: %s" % (
            len(rule["help"]["text"].splitlines()),
            rule["help"]["text"].splitlines()[0]))
        print("  help.markdown %d lines, first: %s" % (
            len(rule["help"]["markdown"].splitlines()),
            rule["help"]["markdown"].splitlines()[0]))
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]
        print("result %s %s:%d:%d %s [%s] %s" % (
            result["ruleId"], location["artifactLocation"]["uri"],
            location["region"]["startLine"],
            location["region"]["startColumn"], result["message"]["text"],
            result.get("baselineState", "-"),
            result["partialFingerprints"]["bloatFingerprint/v2"]))
        for related in result.get("relatedLocations", []):
            physical = related["physicalLocation"]
            print("  related %d %s:%d: %s" % (
                related["id"], physical["artifactLocation"]["uri"],
                physical["region"]["startLine"], related["message"]["text"]))


if __name__ == "__main__":
    main()
