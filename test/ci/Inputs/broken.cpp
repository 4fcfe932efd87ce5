#include <vector>

std::vector<int> Grows;
void record(int X) { Grows.push_back(X) }
