"""Compiler flags that include the system's C++ and C headers as user code.

clang-tidy does not analyse system headers; with these flags libstdc++,
Boost and the C library are found through -I instead, so every bloat check
really runs over them. Shared by bench/run and bench/corpus.
"""
import glob
import os


def user_code_flags(llvm):
    resource = f"/usr/lib/llvm-{llvm}/lib/clang/{llvm}/include"
    gcc = sorted(glob.glob("/usr/include/c++/*"))[-1]
    version = os.path.basename(gcc)
    return ["-nostdinc", "-nostdinc++", "-isystem", resource,
            "-I" + gcc, f"-I/usr/include/x86_64-linux-gnu/c++/{version}",
            "-I" + gcc + "/backward",
            "-I/usr/include/x86_64-linux-gnu", "-I/usr/include"]
