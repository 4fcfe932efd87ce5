# lit configuration of the bloat-tidy suite.
#
# The suite runs once per tool, chosen with `--param tool=driver|plugin`:
#   driver: build/bin/bloat-tidy
#   plugin: clang-tidy-<version> --load=build/lib/libBloatTidy.so
import os
import shlex
import shutil
import subprocess

import lit.formats

tool = lit_config.params.get("tool", "driver")
if tool not in ("driver", "plugin"):
    lit_config.fatal("--param tool= must be 'driver' or 'plugin', not '%s'" % tool)

if getattr(config, "sanitize", "") and tool == "plugin":
    lit_config.fatal("a sanitizer build has no plugin: use --param tool=driver")

config.name = "bloat-tidy (%s)" % tool
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".c", ".test"]
config.excludes = ["Inputs", "memory", "check_bloat_tidy.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.bloat_tidy_obj_root, "test", tool)
config.available_features.add(tool)

tools_dir = config.llvm_tools_dir
config.environment["PATH"] = os.pathsep.join(
    [tools_dir, config.environment.get("PATH", os.environ.get("PATH", ""))])
# Deterministic, colour-free output from the tools.
config.environment["TERM"] = "dumb"
# In a sanitizer build any report aborts the tool, so that `not` cannot mistake
# it for an expected failure. LLVM frees little at exit on purpose: no leak
# checking.
if getattr(config, "sanitize", ""):
    config.available_features.add("sanitized")
    config.environment["ASAN_OPTIONS"] = "detect_leaks=0:abort_on_error=1"
    config.environment["UBSAN_OPTIONS"] = (
        "halt_on_error=1:abort_on_error=1:print_stacktrace=1")

clang_tidy = os.path.join(tools_dir, "clang-tidy")
if tool == "plugin":
    tidy_command = [clang_tidy, "--load=" + config.bloat_tidy_plugin]
    checker_tool = ["--tidy", clang_tidy, "--load", config.bloat_tidy_plugin]
else:
    tidy_command = [config.bloat_tidy]
    checker_tool = ["--tidy", config.bloat_tidy]

def quoted(parts):
    return " ".join(shlex.quote(p) for p in parts)

bin_dir = os.path.join(config.bloat_tidy_obj_root, "bin")
checker = os.path.join(config.bloat_tidy_src_root, "test", "check_bloat_tidy.py")
python = config.python_executable or "python3"
filecheck = os.path.join(tools_dir, "FileCheck")
# Longest names first: lit substitutes in order.
config.substitutions += [
    ("%check_bloat_tidy", quoted([python, checker, "--filecheck", filecheck]
                                 + checker_tool)),
    ("%bloat_tidy", quoted(tidy_command)),
    ("%clang_tidy", quoted([clang_tidy])),
    ("%bloat_checks_library", quoted([os.path.join(
        os.path.dirname(config.bloat_tidy_plugin), "libBloatTidyChecks.so")])),
    ("%bloat_plugin", quoted([config.bloat_tidy_plugin])),
    ("%memo_service_leaky", quoted([os.path.join(bin_dir, "memo-service-leaky")])),
    ("%memo_service_fixed", quoted([os.path.join(bin_dir, "memo-service-fixed")])),
    ("%event_bus_leaky", quoted([os.path.join(bin_dir, "event-bus-leaky")])),
    ("%event_bus_fixed", quoted([os.path.join(bin_dir, "event-bus-fixed")])),
    ("%worker_leaky", quoted([os.path.join(bin_dir, "worker-leaky")])),
    ("%worker_fixed", quoted([os.path.join(bin_dir, "worker-fixed")])),
    ("%clicker_fixed", quoted([config.clicker_fixed])),
    ("%clicker", quoted([config.clicker])),
    ("%examples", quoted([os.path.join(config.bloat_tidy_src_root, "examples")])),
    ("%python", quoted([python])),
    ("%bloat_facts", quoted([os.path.join(bin_dir, "bloat-facts")])),
]

# bloat-clangd is optional (it needs gRPC); its tests run when it was built.
bloat_clangd = os.path.join(bin_dir, "bloat-clangd")
if os.path.exists(bloat_clangd):
    config.available_features.add("bloat-clangd")
    config.substitutions.insert(0, ("%bloat_clangd", quoted([bloat_clangd])))
config.substitutions.insert(
    0, ("%bloat_build_dir", quoted([config.bloat_tidy_obj_root])))

# The CI lint step and its SARIF validation with Debian's python3-jsonschema.
config.substitutions.insert(0, ("%bloat_ci", quoted(
    [python, os.path.join(config.bloat_tidy_src_root, "tools", "bloat-ci",
                          "bloat_ci.py"),
     "--bloat-tidy", config.bloat_tidy])))
config.substitutions.insert(0, ("%sarif_schema", quoted(
    [os.path.join(config.bloat_tidy_src_root, "third_party", "sarif",
                  "sarif-schema-2.1.0.json")])))
config.substitutions.insert(0, ("%debian_python", "/usr/bin/python3"))
config.substitutions.insert(0, ("%run_clang_tidy", quoted(
    [os.path.join(tools_dir, "run-clang-tidy")])))
if subprocess.run(["/usr/bin/python3", "-c", "import jsonschema"],
                  stdout=subprocess.DEVNULL,
                  stderr=subprocess.DEVNULL).returncode == 0:
    config.available_features.add("jsonschema")

# Another LLVM's clang-tidy, for the plugin's version check.
for other in ("16", "22"):
    if other == config.llvm_version_major:
        continue
    other_tidy = shutil.which("clang-tidy-" + other)
    if other_tidy:
        config.available_features.add("other-clang-tidy")
        config.substitutions.insert(0, ("%other_clang_tidy", quoted([other_tidy])))
        config.substitutions.insert(0, ("%other_llvm_major", other))
        break

# Headless Neovim, a real LSP client for bloat-clangd (Debian's neovim).
if shutil.which("nvim"):
    config.available_features.add("nvim")

# A clang-tidy of an LLVM bloat-tidy does not build against.
for unsupported in ("14", "15", "17", "18", "20", "21"):
    unsupported_tidy = shutil.which("clang-tidy-" + unsupported)
    if unsupported_tidy:
        config.available_features.add("unsupported-clang-tidy")
        config.substitutions.insert(
            0, ("%unsupported_clang_tidy", quoted([unsupported_tidy])))
        break
