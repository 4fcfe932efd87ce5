//===- fixed_state.cpp - Clicker game state with bounded memory -----------===//

#include "fixed_state.h"

#include <utility>

void GameState::click() {
  ++clicks;
  history.push_back(Event{EventKind::Click, std::string()});
  if (history.size() > kMaxHistory)
    history.pop_front();
}

bool GameState::store_blob(std::size_t size) {
  // Check before allocating so a huge request never touches memory.
  if (size > kMaxBlobSize)
    return false;
  std::string blob(size, 'x');
  history.push_back(Event{EventKind::Blob, std::move(blob)});
  if (history.size() > kMaxHistory)
    history.pop_front();
  return true;
}

long GameState::click_count() const { return clicks; }

std::size_t GameState::history_len() const { return history.size(); }
