#include "platform/ids.h"

#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <stdexcept>

namespace platform {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

void fill_random(unsigned char* bytes, std::size_t count) {
  if (RAND_bytes(bytes, static_cast<int>(count)) != 1) {
    throw std::runtime_error("RAND_bytes failed");
  }
}

void append_hex(std::string& out, unsigned char byte) {
  out.push_back(kHexDigits[byte >> 4]);
  out.push_back(kHexDigits[byte & 0x0f]);
}

}  // namespace

std::string new_uuid_v7() {
  std::array<unsigned char, 16> bytes{};
  fill_random(bytes.data(), bytes.size());
  const auto millis =
      static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                     std::chrono::system_clock::now().time_since_epoch())
                                     .count());
  for (int i = 0; i < 6; ++i) {
    bytes[i] = static_cast<unsigned char>(millis >> (8 * (5 - i)));
  }
  bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0f) | 0x70);  // version 7
  bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3f) | 0x80);  // RFC 9562 variant

  std::string text;
  text.reserve(36);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) text.push_back('-');
    append_hex(text, bytes[i]);
  }
  return text;
}

bool is_uuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool dash_position = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash_position != (text[i] == '-')) return false;
    if (!dash_position && !std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

namespace {

// xoshiro256** (Blackman and Vigna), one per thread, seeded from the CSPRNG.
// Trace, span and request ids must be unique, not secret: drawing them from
// OpenSSL cost two getpid() calls and a provider lookup on every request.
class IdGenerator {
 public:
  IdGenerator() { fill_random(reinterpret_cast<unsigned char*>(state_.data()), sizeof state_); }

  std::uint64_t next() {
    const auto result = rotate(state_[1] * 5, 7) * 9;
    const auto shifted = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= shifted;
    state_[3] = rotate(state_[3], 45);
    return result;
  }

 private:
  static std::uint64_t rotate(std::uint64_t value, int bits) {
    return (value << bits) | (value >> (64 - bits));
  }
  std::array<std::uint64_t, 4> state_{};
};

}  // namespace

std::string random_hex(std::size_t bytes) {
  thread_local IdGenerator generator;
  std::string text(bytes * 2, '0');
  std::uint64_t word = 0;
  for (std::size_t i = 0; i < bytes; ++i) {
    if (i % 8 == 0) word = generator.next();
    const auto byte = static_cast<unsigned char>(word >> (8 * (i % 8)));
    text[2 * i] = kHexDigits[byte >> 4];
    text[2 * i + 1] = kHexDigits[byte & 0x0f];
  }
  return text;
}

bool is_opaque_id(std::string_view text, std::size_t max_length) {
  return !text.empty() && text.size() <= max_length &&
         std::all_of(text.begin(), text.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

std::string hex_encode(std::string_view bytes) {
  std::string text;
  text.reserve(bytes.size() * 2);
  for (char c : bytes) append_hex(text, static_cast<unsigned char>(c));
  return text;
}

}  // namespace platform
