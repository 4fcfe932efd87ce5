// Real headers no one here wrote: the whole of libstdc++.
#include <bits/stdc++.h>

int main() { return 0; }
