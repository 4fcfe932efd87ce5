#!/usr/bin/env python3
"""Prints `ruleId startLine baselineState` for each result of a SARIF file."""
import json
import sys

with open(sys.argv[1]) as f:
    log = json.load(f)
for result in log["runs"][0]["results"]:
    region = result["locations"][0]["physicalLocation"]["region"]
    print(result["ruleId"], region["startLine"],
          result.get("baselineState", "-"))
