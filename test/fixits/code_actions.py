#!/usr/bin/env python3
"""Asks bloat-clangd for the code actions of the bloat findings, as an editor
does when the user opens the light bulb on a warning.

Usage: code_actions.py BLOAT_CLANGD INPUT_DIR WORK_DIR FILE

Copies INPUT_DIR to WORK_DIR with a .clangd that enables the bloat checks,
opens FILE, and for every bloat-* diagnostic requests textDocument/codeAction
with that diagnostic in the context. Prints, per diagnostic, its code and
line, then each quick fix offered and the text of its edits, so that the lit
test can FileCheck them. Reuses the LSP client of test/clangd/lsp_client.py.
"""

import os
import shutil
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "clangd"))
import lsp_client  # noqa: E402


def main():
    clangd, inputs, work = (os.path.abspath(p) for p in sys.argv[1:4])
    name = sys.argv[4]
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(inputs, work)
    with open(os.path.join(work, ".clangd"), "w") as f:
        f.write("CompileFlags:\n  Add: [-std=c++17]\n"
                "Diagnostics:\n  ClangTidy:\n    Add: [bloat-*]\n"
                "    FastCheckFilter: Loose\n")
    source = os.path.join(work, name)
    uri = "file://" + source
    with open(source) as f:
        text = f.read()

    client = lsp_client.LspClient(
        [clangd, "--clang-tidy", "--log=verbose", "--pch-storage=memory"],
        work)
    client.request("initialize", {
        "processId": os.getpid(), "rootUri": "file://" + work,
        "capabilities": {"textDocument": {
            "publishDiagnostics": {"relatedInformation": True,
                                   "versionSupport": True},
            "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {
                "valueSet": ["quickfix", "refactor"]}}}}}})
    client.notify("initialized", {})
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "cpp", "version": 1, "text": text}})
    diagnostics = lsp_client.diagnostics_for(client, uri, 1)
    for diagnostic in diagnostics:
        code = diagnostic.get("code", "")
        if not code.startswith("bloat-"):
            continue
        print("diagnostic: %s line %d" % (
            code, diagnostic["range"]["start"]["line"] + 1))
        reply = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": diagnostic["range"],
            "context": {"diagnostics": [diagnostic]}})
        for action in reply.get("result") or []:
            if action.get("kind") != "quickfix":
                continue
            print("  action: " + action.get("title", ""))
            changes = (action.get("edit") or {}).get("changes") or {}
            for edit_uri, edits in sorted(changes.items()):
                for edit in edits:
                    print("    edit %s:%d: %s" % (
                        os.path.basename(edit_uri),
                        edit["range"]["start"]["line"] + 1,
                        edit["newText"].replace("\n", "\\n")))
    lsp_client.shut_down(client)


if __name__ == "__main__":
    main()
