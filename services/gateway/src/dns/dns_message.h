#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gateway::dns {

// Just enough of RFC 1035 (and RFC 6891's EDNS0 size) to ask a resolver for a
// name's A or AAAA records and read the answer: what service discovery over
// DNS needs (Kubernetes headless Services, docker-compose service names).

enum class RecordType : std::uint16_t { a = 1, aaaa = 28 };

// A query for `name` with recursion desired and a 1232-byte EDNS0 buffer.
// nullopt if the name is not a valid DNS name (labels of 1..63 bytes, 253 in all).
std::optional<std::string> encode_query(std::uint16_t id, std::string_view name, RecordType type);

struct Address {
  std::string ip;         // dotted quad or RFC 5952 IPv6 text
  std::uint32_t ttl = 0;  // seconds
};

struct Answer {
  enum class Status { ok, no_such_name, truncated, server_failure, malformed };
  Status status = Status::malformed;
  std::vector<Address> addresses;  // of the asked type, CNAME chains followed by the server
};

// Reads a response to the query with `id`. Anything not addressed to that
// query, or not well-formed, is `malformed` (never an exception: the bytes
// come from the network).
Answer decode_response(std::string_view message, std::uint16_t id, RecordType type);

// What the answers to one name's A and AAAA questions say its addresses are,
// or nullopt when they do not say. One good answer of either type is the
// truth (a server with only A records may refuse AAAA questions; "no such
// name" for both means no instances right now), unless one was truncated:
// its missing records would pass for instances gone.
std::optional<std::vector<Address>> addresses_of(std::span<const Answer> answers);

}  // namespace gateway::dns
