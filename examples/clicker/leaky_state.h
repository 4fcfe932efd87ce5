//===- leaky_state.h - Clicker game state that only grows -------*- C++ -*-===//
//
// Deliberately leaky example for bloat-tidy: every event is appended to
// `history` and nothing ever removes it, so memory climbs for as long as the
// game runs.
//
//===----------------------------------------------------------------------===//

#ifndef BLOAT_TIDY_EXAMPLES_CLICKER_LEAKY_STATE_H
#define BLOAT_TIDY_EXAMPLES_CLICKER_LEAKY_STATE_H

#include <cstddef>
#include <string>
#include <vector>

enum class EventKind { Click, Blob };

struct Event {
  EventKind kind;
  std::string payload;
};

class GameState {
public:
  void click();
  // No upper bound on size: a single call can pin arbitrary memory.
  void store_blob(std::size_t size);

  long click_count() const;
  std::size_t history_len() const;

private:
  long clicks = 0;
  std::vector<Event> history;
};

#endif // BLOAT_TIDY_EXAMPLES_CLICKER_LEAKY_STATE_H
