#!/usr/bin/env python3
"""Validates a SARIF file against the vendored SARIF 2.1.0 JSON schema with
Debian's python3-jsonschema, and prints a summary of its results for
FileCheck: one line per result, then one per related location.

Usage: validate_sarif.py SCHEMA SARIF
"""
import json
import sys

import jsonschema


def main():
    schema_path, sarif_path = sys.argv[1:3]
    with open(schema_path) as f:
        schema = json.load(f)
    with open(sarif_path) as f:
        log = json.load(f)
    validator = jsonschema.validators.validator_for(schema)
    validator.check_schema(schema)
    errors = sorted(validator(schema).iter_errors(log), key=str)
    for error in errors:
        print("invalid: %s at %s" % (error.message, list(error.path)))
    if errors:
        sys.exit(1)
    print("valid SARIF %s (%s)" % (log["version"], validator.__name__))
    run = log["runs"][0]
    for rule in run["tool"]["driver"]["rules"]:
        print("rule %s: %s" % (rule["id"], rule["shortDescription"]["text"]))
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]
        print("result %s %s:%d:%d %s [%s] %s" % (
            result["ruleId"], location["artifactLocation"]["uri"],
            location["region"]["startLine"],
            location["region"]["startColumn"], result["message"]["text"],
            result.get("baselineState", "-"),
            result["partialFingerprints"]["bloatFingerprint/v1"]))
        for related in result.get("relatedLocations", []):
            physical = related["physicalLocation"]
            print("  related %s:%d: %s" % (
                physical["artifactLocation"]["uri"],
                physical["region"]["startLine"], related["message"]["text"]))


if __name__ == "__main__":
    main()
