//===- message.cpp - Parsing and encoding of pub/sub requests -------------===//

#include "message.h"

#include <cstddef>

namespace {

// Splits off the word of `line` that starts at `pos` and moves `pos` past it
// and the single space after it.
std::string next_word(const std::string &line, std::size_t &pos) {
  std::size_t end = line.find(' ', pos);
  if (end == std::string::npos)
    end = line.size();
  std::string word = line.substr(pos, end - pos);
  pos = end < line.size() ? end + 1 : end;
  return word;
}

} // namespace

Message Message::parse(ClientId from, const std::string &line) {
  Message message;
  message.from_ = from;
  std::size_t pos = 0;
  std::string verb = next_word(line, pos);
  if (verb == "SUB" || verb == "PUB") {
    message.topic_ = next_word(line, pos);
    if (message.topic_.empty())
      return message;
    if (verb == "SUB") {
      if (pos == line.size())
        message.verb_ = Verb::Subscribe;
      return message;
    }
    message.payload_ = line.substr(pos);
    message.verb_ = Verb::Publish;
  } else if (line == "PING") {
    message.verb_ = Verb::Ping;
  } else if (line == "BYE") {
    message.verb_ = Verb::Bye;
  }
  return message;
}

void Message::add_header(std::string name, std::string value) {
  headers_.emplace_back(std::move(name), std::move(value));
}

std::string Message::encode() const {
  std::string out = topic_;
  out += '\n';
  for (const auto &header : headers_)
    out += header.first + ": " + header.second + "\n";
  out += '\n';
  out += payload_;
  out += '\n';
  return out;
}
