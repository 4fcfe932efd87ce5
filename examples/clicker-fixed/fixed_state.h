//===- fixed_state.h - Clicker game state with bounded memory ---*- C++ -*-===//
//
// The repaired counterpart of examples/clicker: history keeps only the most
// recent kMaxHistory events and oversized blobs are refused, so memory stays
// flat however long the game runs.
//
//===----------------------------------------------------------------------===//

#ifndef BLOAT_TIDY_EXAMPLES_CLICKER_FIXED_FIXED_STATE_H
#define BLOAT_TIDY_EXAMPLES_CLICKER_FIXED_FIXED_STATE_H

#include <cstddef>
#include <deque>
#include <string>

enum class EventKind { Click, Blob };

struct Event {
  EventKind kind;
  std::string payload;
};

class GameState {
public:
  static constexpr std::size_t kMaxHistory = 1000;
  static constexpr std::size_t kMaxBlobSize = 64 * 1024;

  void click();
  // Returns false, storing nothing, if size exceeds kMaxBlobSize.
  bool store_blob(std::size_t size);

  long click_count() const;
  std::size_t history_len() const;

private:
  long clicks = 0;
  // A deque so that dropping the oldest event is O(1).
  std::deque<Event> history;
};

#endif // BLOAT_TIDY_EXAMPLES_CLICKER_FIXED_FIXED_STATE_H
