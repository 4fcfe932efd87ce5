//===- types.h - Identifiers and time shared by the pub/sub server --------===//

#ifndef PUBSUB_TYPES_H
#define PUBSUB_TYPES_H

#include <cstdint>

using ClientId = std::uint64_t; // 0 is never a client
using Millis = std::int64_t;

#endif // PUBSUB_TYPES_H
