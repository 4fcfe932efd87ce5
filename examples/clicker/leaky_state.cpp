//===- leaky_state.cpp - Clicker game state that only grows ---------------===//
//
// Every member function lives here (none inline in the header) so the linter
// sees all mutations of `history` and can tell that it is never shrunk.
//
//===----------------------------------------------------------------------===//

#include "leaky_state.h"

#include <utility>

void GameState::click() {
  ++clicks;
  history.push_back(Event{EventKind::Click, std::string()});
}

void GameState::store_blob(std::size_t size) {
  std::string blob(size, 'x');
  history.push_back(Event{EventKind::Blob, std::move(blob)});
}

long GameState::click_count() const { return clicks; }

std::size_t GameState::history_len() const { return history.size(); }
