//===- message.h - One client request of the pub/sub protocol -------------===//
//
// The wire form of a request is one line:
//   SUB <topic> | PUB <topic> <payload> | PING | BYE
// A Message lives for one request: the server parses it, stamps headers on
// it, fans it out and drops it.
//
//===----------------------------------------------------------------------===//

#ifndef PUBSUB_MESSAGE_H
#define PUBSUB_MESSAGE_H

#include "types.h"

#include <string>
#include <utility>
#include <vector>

class Message {
public:
  enum class Verb { Subscribe, Publish, Ping, Bye, Invalid };

  static Message parse(ClientId from, const std::string &line);

  Verb verb() const { return verb_; }
  ClientId from() const { return from_; }
  const std::string &topic() const { return topic_; }
  const std::string &payload() const { return payload_; }

  void add_header(std::string name, std::string value);
  // What subscribers receive: "topic", one "name: value" line per header, a
  // blank line, then the payload.
  std::string encode() const;

private:
  Verb verb_ = Verb::Invalid;
  ClientId from_ = 0;
  std::string topic_;
  std::string payload_;
  std::vector<std::pair<std::string, std::string>> headers_;
};

#endif // PUBSUB_MESSAGE_H
