/* A C file: the bloat checks are C++ only; they load, stay silent and do not
   crash.
   RUN: %bloat_tidy -checks='-*,bloat-*' %s -- -std=c11 2>&1 \
   RUN:   | not grep -E "(warning|error|Stack dump)"
   RUN: %bloat_tidy -checks='-*,bloat-*' --list-checks %s -- -std=c11 \
   RUN:   | FileCheck %s
   CHECK: bloat-unbounded-container
*/

#include <stdlib.h>

static int *Samples;
static size_t Count;

void record(int X) {
  Samples = realloc(Samples, (Count + 1) * sizeof *Samples);
  Samples[Count++] = X;
}

int main(void) {
  for (int I = 0; I < 10; ++I)
    record(I);
  return 0;
}
