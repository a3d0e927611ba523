#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

// Small cryptographic building blocks on OpenSSL, shared by the token code,
// the auth service and anything that stores secrets. Byte strings travel as
// std::string.
namespace platform::crypto {

// SHA-256 of `data`: 32 raw bytes.
std::string sha256(std::string_view data);
// HMAC-SHA-256 of `data` under `key`: 32 raw bytes.
std::string hmac_sha256(std::string_view key, std::string_view data);

// `count` bytes from the operating system's CSPRNG (throws if it fails).
std::string random_bytes(std::size_t count);
// `bytes` random bytes as base64url without padding: bearer secrets such as
// authorization codes, refresh tokens and session ids.
std::string random_token(std::size_t bytes = 32);

// Compares secrets without leaking where they differ through timing.
bool constant_time_equal(std::string_view a, std::string_view b);

// RFC 4648 base64url without padding (JWS, PKCE) and standard base64 with
// padding (HTTP Basic). Decoding is strict: nullopt for any character outside
// the alphabet, wrong padding or non-canonical trailing bits.
std::string base64url_encode(std::string_view bytes);
std::optional<std::string> base64url_decode(std::string_view text);
std::string base64_encode(std::string_view bytes);
std::optional<std::string> base64_decode(std::string_view text);

// Authenticated encryption (AES-256-GCM) for secrets at rest. `key` is 32
// bytes; the result is nonce || ciphertext || tag. open() returns nullopt
// when the box was altered or the key is wrong.
std::string seal(std::string_view key, std::string_view plaintext);
std::optional<std::string> open(std::string_view key, std::string_view sealed);

}  // namespace platform::crypto
