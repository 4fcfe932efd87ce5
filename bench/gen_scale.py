#!/usr/bin/env python3
"""Writes a TU with N containers and growth sites, for the scaling benchmark.

Usage: gen_scale.py N OUT.cpp

A realistic mix per unit of ten: globals grown in exported functions (found),
globals trimmed elsewhere (bounded), members of fully visible classes (found),
function-local static caches (found as caches), locals in endless loops
(found), size-guarded globals (bounded) and maps keyed by an enum (bounded).
"""
import sys


def unit(i):
    return f"""
std::vector<int> G{i};
void grow{i}(int X) {{ G{i}.push_back(X); }}

std::deque<int> T{i};
void push{i}(int X) {{ T{i}.push_back(X); }}
void trim{i}() {{ if (T{i}.size() > 100) T{i}.pop_front(); }}

class Store{i} {{
public:
  void add(const std::string &S);
private:
  std::vector<std::string> Items;
}};
void Store{i}::add(const std::string &S) {{ Items.push_back(S); }}

int lookup{i}(int K) {{
  static std::map<int, int> Cache;
  auto It = Cache.find(K);
  if (It != Cache.end())
    return It->second;
  return Cache[K] = K * {i};
}}

bool next{i}(int &V);
void worker{i}() {{
  std::vector<int> Results;
  int V = 0;
  while (next{i}(V))
    Results.push_back(V);
}}

std::vector<int> Capped{i};
void capped{i}(int X) {{
  if (Capped{i}.size() < 64)
    Capped{i}.push_back(X);
}}

std::map<Kind, int> ByKind{i};
void count{i}(Kind K) {{ ++ByKind{i}[K]; }}
"""


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    units = max(1, count // 10)
    with open(out, "w") as f:
        f.write("#include <deque>\n#include <map>\n#include <string>\n"
                "#include <vector>\n")
        # One enum for every unit: a new enum type per unit makes clang's
        # own overload resolution quadratic, and the parse with it.
        f.write("enum class Kind { A, B };\n")
        for i in range(units):
            f.write(unit(i))


if __name__ == "__main__":
    main()
