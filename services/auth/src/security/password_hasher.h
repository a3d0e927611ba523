#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace auth {

// Argon2id (RFC 9106). The defaults are OWASP's first recommendation:
// 19 MiB, two passes, one lane. docs/benchmarks.md has their measured cost.
struct Argon2Parameters {
  std::uint32_t memory_kib = 19 * 1024;
  std::uint32_t iterations = 2;
  std::uint32_t parallelism = 1;
};

// Hashes and checks passwords as PHC strings ("$argon2id$v=19$m=...").
// At most `max_concurrent` hashes run at once, so a burst of sign-ins cannot
// take the memory of hundreds of hashes; the rest wait their turn.
class PasswordHasher {
 public:
  explicit PasswordHasher(Argon2Parameters parameters = {}, int max_concurrent = 2);
  ~PasswordHasher();
  PasswordHasher(const PasswordHasher&) = delete;
  PasswordHasher& operator=(const PasswordHasher&) = delete;

  std::string hash(std::string_view password) const;
  bool verify(std::string_view encoded, std::string_view password) const;
  // Spends the time of one verification and fails: sign-in attempts for
  // accounts that do not exist take as long as those for accounts that do.
  void verify_nothing(std::string_view password) const;
  // Whether `encoded` was made with other parameters than the current ones
  // (rehash at the next successful sign-in).
  bool needs_rehash(std::string_view encoded) const;

  const Argon2Parameters& parameters() const noexcept { return parameters_; }

 private:
  class Gate;
  Argon2Parameters parameters_;
  std::unique_ptr<Gate> gate_;
  std::string decoy_;   // a hash of a random password, for verify_nothing
  std::string prefix_;  // "$argon2id$v=19$m=..,t=..,p=..$" of the current parameters
};

}  // namespace auth
