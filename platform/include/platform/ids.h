#pragma once

#include <string>
#include <string_view>

namespace platform {

// A new UUIDv7 (RFC 9562) in canonical lower-case form: time-ordered, so
// primary keys built from it stay index-friendly and sort by creation.
std::string new_uuid_v7();

// Whether `text` is a canonical UUID (any version), lower or upper case.
bool is_uuid(std::string_view text);

// 16 random bytes as 32 hex digits, 8 as 16: W3C trace and span ids,
// request ids. Unique, not secret (a fast generator seeded from the CSPRNG):
// never use it for tokens or keys; crypto::random_token is for those.
std::string random_hex(std::size_t bytes);

// An id or key chosen elsewhere (a client's Idempotency-Key, another
// service's id): 1 to `max_length` visible ASCII characters, nothing that
// could break a header, a log line or a cursor.
bool is_opaque_id(std::string_view text, std::size_t max_length);

// Bytes as lower-case hex digits, two per byte.
std::string hex_encode(std::string_view bytes);

}  // namespace platform
