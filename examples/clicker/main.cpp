//===- main.cpp - Driver for the leaky clicker game -----------------------===//
//
// Usage: clicker [--interactive] [iterations [sleep_ms]]
//
// Batch mode plays `iterations` random moves; --interactive reads commands
// (click, blob N, stats, quit) from stdin instead.
//
//===----------------------------------------------------------------------===//

#include "leaky_state.h"

#include <charconv>
#include <chrono>
#include <climits>
#include <cstddef>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>

namespace {

constexpr const char *kProgName = "clicker";
constexpr long kDefaultIterations = 10000;

// Accepts only a complete non-negative decimal number; rejects signs, junk
// and overflow so a typo cannot silently become a huge or zero count.
bool parse_count(std::string_view text, long &out) {
  if (text.empty() || text.front() == '-')
    return false;
  long value = 0;
  auto [end, ec] =
      std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size())
    return false;
  out = value;
  return true;
}

void print_usage(std::ostream &os) {
  os << "usage: " << kProgName << " [--interactive] [iterations [sleep_ms]]\n";
}

int usage_error(const std::string &msg) {
  std::cerr << kProgName << ": " << msg << '\n';
  print_usage(std::cerr);
  return 2;
}

void print_done(const GameState &state) {
  std::cout << "Done: clicks=" << state.click_count()
            << ", history_len=" << state.history_len() << std::endl;
}

} // namespace

void game_loop(long iterations, int sleep_ms) {
  GameState state;
  // Fixed seed so every run makes the same moves and memory is comparable.
  std::mt19937 rng(42);
  std::uniform_int_distribution<int> percent(0, 99);
  std::uniform_int_distribution<std::size_t> blob_size(1000, 20000);

  for (long i = 1; i <= iterations; ++i) {
    if (percent(rng) < 80)
      state.click();
    else
      state.store_blob(blob_size(rng));

    if (sleep_ms > 0)
      std::this_thread::sleep_for(std::chrono::milliseconds(sleep_ms));

    if (i % 1000 == 0)
      std::cout << "Iteration " << i << ", clicks=" << state.click_count()
                << ", history_len=" << state.history_len() << std::endl;
  }
  print_done(state);
}

void interactive_loop() {
  GameState state;
  std::string line;
  while (std::getline(std::cin, line)) {
    std::istringstream words(line);
    std::string cmd, arg, extra;
    words >> cmd >> arg >> extra;
    if (cmd.empty())
      continue;

    long size = 0;
    if (cmd == "click" && arg.empty()) {
      state.click();
    } else if (cmd == "blob" && extra.empty() && parse_count(arg, size)) {
      state.store_blob(static_cast<std::size_t>(size));
    } else if (cmd == "stats" && arg.empty()) {
      std::cout << "clicks=" << state.click_count()
                << ", history_len=" << state.history_len() << std::endl;
    } else if (cmd == "quit" && arg.empty()) {
      break;
    } else {
      std::cerr << kProgName << ": bad command '" << line
                << "' (expected: click, blob N, stats, quit)" << std::endl;
    }
  }
  print_done(state);
}

int main(int argc, char **argv) {
  int first = 1;
  bool interactive = false;
  if (argc > 1) {
    std::string_view flag = argv[1];
    if (flag == "-h" || flag == "--help") {
      print_usage(std::cout);
      return 0;
    }
    if (flag == "--interactive") {
      interactive = true;
      first = 2;
    }
  }

  int positional = argc - first;
  if (positional > 2)
    return usage_error("too many arguments");
  if (interactive) {
    if (positional > 0)
      return usage_error("--interactive takes no iteration arguments");
    interactive_loop();
    return 0;
  }

  long iterations = kDefaultIterations;
  long sleep_ms = 0;
  if (positional >= 1 && !parse_count(argv[first], iterations))
    return usage_error("bad iteration count '" + std::string(argv[first]) +
                       "'");
  if (positional >= 2 &&
      (!parse_count(argv[first + 1], sleep_ms) || sleep_ms > INT_MAX))
    return usage_error("bad sleep_ms '" + std::string(argv[first + 1]) + "'");

  game_loop(iterations, static_cast<int>(sleep_ms));
  return 0;
}
