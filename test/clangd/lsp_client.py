#!/usr/bin/env python3
"""Drives bloat-clangd over LSP (JSON-RPC on stdio) the way an editor does.

Usage: lsp_client.py BLOAT_CLANGD CLICKER_DIR WORK_DIR [--setup NAME]
                     [--open-c] [-- EXTRA_CLANGD_ARGS...]

It copies the leaky clicker into WORK_DIR with the configuration --setup names,
opens leaky_state.cpp and prints every published diagnostic ("diag: CODE
LINE: MESSAGE", then "href: CODE URL" when it links documentation). Setups:

  clangd-loose   .clangd: Add: [bloat-*], FastCheckFilter: Loose (default).
                 Also checks the bloat-unbounded-container finding on
                 `history` with its range, message, code and related
                 information (the notes); then edits the file so that click()
                 and store_blob() bound the history, and checks that the
                 finding disappears.
  clangd-add     .clangd: Add: [bloat-*], FastCheckFilter left at its
                 default (Strict).
  clang-tidy     no .clangd; a .clang-tidy with Checks: '-*,bloat-*'.
  bad-option     as clang-tidy, with malformed bloat option values.
  clangd-bad-option
                 as clangd-add, with a malformed bloat option value.
  none           no .clangd and no .clang-tidy: clangd's default checks.
  nolint         as clang-tidy, with // NOLINT(bloat-unbounded-container) on
                 the declaration of `history` in leaky_state.h.

With --open-c it also opens a C file. clangd's log goes to WORK_DIR/clangd.log.
Every assertion is printed; the exit code is non-zero on the first failure.
"""

import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time

TIMEOUT = 60  # seconds to wait for one publishDiagnostics


class LspClient:
    def __init__(self, command, cwd):
        self.proc = subprocess.Popen(
            command, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=open(os.path.join(cwd, "clangd.log"), "wb"))
        self.next_id = 1
        self.messages = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        stream = self.proc.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            self.messages.put(json.loads(stream.read(length)))

    def send(self, payload):
        body = json.dumps(payload).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def request(self, method, params):
        request_id = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": request_id, "method": method,
                   "params": params})
        return self.wait(lambda m: m.get("id") == request_id)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait(self, accept):
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                message = self.messages.get(timeout=deadline - time.monotonic())
            except queue.Empty:
                break
            if message is None:
                fail("bloat-clangd closed its output")
            # Answer server requests (progress, configuration) as an editor.
            if "method" in message and "id" in message:
                self.send({"jsonrpc": "2.0", "id": message["id"],
                           "result": None})
                continue
            if accept(message):
                return message
        fail("timed out waiting for bloat-clangd")


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def check(condition, what):
    if not condition:
        fail(what)
    print("ok: " + what)


def diagnostics_for(client, uri, version):
    message = client.wait(
        lambda m: m.get("method") == "textDocument/publishDiagnostics"
        and m["params"]["uri"] == uri
        and m["params"].get("version") == version)
    return message["params"]["diagnostics"]


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def set_up(work, setup):
    """Writes the configuration files of SETUP into WORK."""
    if setup.startswith("clangd-"):
        write(os.path.join(work, ".clangd"),
              "CompileFlags:\n  Add: [-std=c++17]\n"
              "Diagnostics:\n  ClangTidy:\n    Add: [bloat-*]\n"
              + ("    FastCheckFilter: Loose\n"
                 if setup == "clangd-loose" else "")
              + ("    CheckOptions:\n"
                 "      bloat-unbounded-container.AssumeUnseenCodeDoesNotShrink:"
                 " maybe\n" if setup == "clangd-bad-option" else ""))
        return
    write(os.path.join(work, "compile_flags.txt"), "-std=c++17\n")
    if setup == "none":
        return
    if setup == "nolint":
        header = os.path.join(work, "leaky_state.h")
        with open(header) as f:
            text = f.read()
        declaration = "  std::vector<Event> history;\n"
        if declaration not in text:
            fail("no declaration of history in leaky_state.h")
        write(header, text.replace(
            declaration, "  std::vector<Event> history; "
            "// NOLINT(bloat-unbounded-container)\n"))
    tidy = "Checks: '-*,bloat-*'\n"
    if setup == "project-facts":
        # The project's index: the only GameState is a local of a function
        # that returns, so its history is short-lived.
        facts = {"format": "bloat-tidy-facts", "version": 4,
                 "units": [os.path.join(work, "main.cpp")], "inputs": [],
                 "containers": [], "growths": [], "shrinks": [], "passes": [],
                 "accessorUses": [], "escapes": [], "functions": [],
                 "calls": [], "roots": [],
                 "instances": [{"class": "GameState", "kind": "local",
                                "in": "play()", "inName": "play",
                                "at": [os.path.join(work, "main.cpp"), 1, 1]}]}
        write(os.path.join(work, "project.json"), json.dumps(facts))
        tidy += ("CheckOptions:\n  BloatProjectFacts: '%s'\n"
                 % os.path.join(work, "project.json"))
    if setup == "bad-option":
        tidy += ("CheckOptions:\n"
                 "  bloat-long-lived-capture.SizeThreshold: 'big'\n"
                 "  bloat-unbounded-container.IgnoredNames: '(['\n")
    write(os.path.join(work, ".clang-tidy"), tidy)


def print_diagnostics(path, diagnostics):
    for d in diagnostics:
        print("diag: %s %s %d: %s" % (os.path.basename(path),
                                      d.get("code", "-"),
                                   d["range"]["start"]["line"] + 1,
                                   d["message"].splitlines()[0]))
        if "codeDescription" in d:
            print("href: %s %s" % (d.get("code", "-"),
                                   d["codeDescription"]["href"]))


def main():
    args = sys.argv[1:]
    extra = []
    if "--" in args:
        extra = args[args.index("--") + 1:]
        args = args[:args.index("--")]
    clangd, clicker, work = (os.path.abspath(p) for p in args[:3])
    setup = "clangd-loose"
    if "--setup" in args:
        setup = args[args.index("--setup") + 1]
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(clicker, work)
    set_up(work, setup)
    source = os.path.join(work, "leaky_state.cpp")
    uri = "file://" + source
    header_uri = "file://" + os.path.join(work, "leaky_state.h")
    with open(source) as f:
        text = f.read()

    client = LspClient([clangd, "--clang-tidy", "--log=verbose",
                        "--pch-storage=memory"] + extra, work)
    client.request("initialize", {
        "processId": os.getpid(), "rootUri": "file://" + work,
        "capabilities": {"textDocument": {
            "publishDiagnostics": {"relatedInformation": True,
                                   "versionSupport": True,
                                   "codeDescriptionSupport": True},
            "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {
                "valueSet": ["quickfix"]}}}}}})
    client.notify("initialized", {})
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "cpp", "version": 1, "text": text}})

    diagnostics = diagnostics_for(client, uri, 1)
    print_diagnostics(source, diagnostics)
    if "--open-c" in args:
        # Its own directory, whose compile flags are those of C.
        os.mkdir(os.path.join(work, "c"))
        write(os.path.join(work, "c", "compile_flags.txt"), "-std=c11\n")
        write(os.path.join(work, "c", ".clangd"),
              "CompileFlags:\n  Remove: [-std=c++17]\n")
        c_source = os.path.join(work, "c", "plain.c")
        c_text = "#include <stdlib.h>\nvoid *grow(size_t n) { return malloc(n); }\n"
        write(c_source, c_text)
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": "file://" + c_source, "languageId": "c", "version": 1,
            "text": c_text}})
        print_diagnostics(c_source,
                          diagnostics_for(client, "file://" + c_source, 1))
    if setup != "clangd-loose":
        shut_down(client)
        return
    bloat = [d for d in diagnostics
             if d.get("code") == "bloat-unbounded-container"]
    check(len(bloat) == 1, "one bloat-unbounded-container diagnostic")
    finding = bloat[0]
    print("message: " + finding["message"])
    check(finding.get("source") == "clang-tidy", "source is clang-tidy")
    growth_line = text.splitlines().index(
        "  history.push_back(Event{EventKind::Click, std::string()});")
    start = finding["range"]["start"]
    check(start == {"line": growth_line, "character": 2},
          "range starts at history.push_back in click() (line %d)"
          % (growth_line + 1))
    check(finding["message"].startswith(
        "'history' (member of 'GameState') grows without bound: appended on "
        "a repeating path but never erased, cleared or capped"),
          "message names the container and its owner")
    related = finding.get("relatedInformation", [])
    for info in related:
        print("related: %s:%d: %s" % (
            os.path.basename(info["location"]["uri"]),
            info["location"]["range"]["start"]["line"] + 1, info["message"]))
    messages = [info["message"] for info in related]
    check(any(m == "'history' is declared here" and
              info["location"]["uri"] == header_uri
              for m, info in zip(messages, related)),
          "a note points at the declaration in leaky_state.h")
    check("'history' also grows here" in messages,
          "a note points at the second growth site")
    check(any("can be called from other translation units" in m
              for m in messages), "a note says why the path repeats")
    # The "bound it" note carries fix-its, so clangd offers it as a quick
    # fix of the warning, titled with the note, instead of a related note.
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": finding["range"],
        "context": {"diagnostics": [finding]}}).get("result") or []
    check(any(a.get("title", "").lower().startswith("bound it:")
              for a in actions), "a quick fix says how to bound it")
    sizes = [d for d in diagnostics
             if d.get("code") == "bloat-unchecked-growth-size"]
    check(len(sizes) == 1, "one bloat-unchecked-growth-size diagnostic")

    # The user bounds the history; the finding must go away.
    fixed = text.replace(
        "  history.push_back(Event{EventKind::Click, std::string()});",
        "  history.push_back(Event{EventKind::Click, std::string()});\n"
        "  if (history.size() > 1000)\n"
        "    history.erase(history.begin());")
    check(fixed != text, "the edit applies")
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"text": fixed}]})
    diagnostics = diagnostics_for(client, uri, 2)
    check(not [d for d in diagnostics
               if d.get("code") == "bloat-unbounded-container"],
          "the bloat-unbounded-container diagnostic is gone after the edit")

    shut_down(client)


def shut_down(client):
    client.request("shutdown", None)
    client.notify("exit", None)
    try:
        code = client.proc.wait(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        client.proc.kill()
        fail("bloat-clangd did not exit")
    check(code == 0, "bloat-clangd exits cleanly")
    print("lsp: all checks passed")


if __name__ == "__main__":
    main()
