#include "security/password_hasher.h"

#include <argon2.h>

#include <condition_variable>
#include <mutex>
#include <algorithm>
#include <stdexcept>

#include "platform/crypto.h"

namespace auth {
namespace {

constexpr std::uint32_t kSaltBytes = 16;
constexpr std::uint32_t kHashBytes = 32;

}  // namespace

// A counting semaphore whose size is chosen at run time; a Passage holds
// one slot for its lifetime.
class PasswordHasher::Gate {
 public:
  explicit Gate(int slots) : free_(slots) {}

  class Passage {
   public:
    explicit Passage(Gate& gate) : gate_(gate) { gate_.enter(); }
    ~Passage() { gate_.leave(); }
    Passage(const Passage&) = delete;
    Passage& operator=(const Passage&) = delete;

   private:
    Gate& gate_;
  };

 private:
  void enter() {
    std::unique_lock lock(mutex_);
    released_.wait(lock, [this] { return free_ > 0; });
    --free_;
  }
  void leave() {
    {
      std::lock_guard lock(mutex_);
      ++free_;
    }
    released_.notify_one();
  }

  std::mutex mutex_;
  std::condition_variable released_;
  int free_;
};

PasswordHasher::PasswordHasher(Argon2Parameters parameters, int max_concurrent)
    : parameters_(parameters), gate_(std::make_unique<Gate>(std::max(max_concurrent, 1))) {
  prefix_ = "$argon2id$v=19$m=" + std::to_string(parameters_.memory_kib) +
            ",t=" + std::to_string(parameters_.iterations) +
            ",p=" + std::to_string(parameters_.parallelism) + "$";
  decoy_ = hash(platform::crypto::random_token());
}

PasswordHasher::~PasswordHasher() = default;

std::string PasswordHasher::hash(std::string_view password) const {
  const auto salt = platform::crypto::random_bytes(kSaltBytes);
  std::string encoded(argon2_encodedlen(parameters_.iterations, parameters_.memory_kib,
                                        parameters_.parallelism, kSaltBytes, kHashBytes,
                                        Argon2_id),
                      '\0');
  Gate::Passage passage(*gate_);
  const int result = argon2id_hash_encoded(
      parameters_.iterations, parameters_.memory_kib, parameters_.parallelism, password.data(),
      password.size(), salt.data(), salt.size(), kHashBytes, encoded.data(), encoded.size());
  if (result != ARGON2_OK) {
    throw std::runtime_error(std::string("Argon2id failed: ") + argon2_error_message(result));
  }
  encoded.resize(encoded.find('\0'));
  return encoded;
}

bool PasswordHasher::verify(std::string_view encoded, std::string_view password) const {
  if (!encoded.starts_with("$argon2id$")) return false;
  const std::string terminated(encoded);
  Gate::Passage passage(*gate_);
  return argon2id_verify(terminated.c_str(), password.data(), password.size()) == ARGON2_OK;
}

void PasswordHasher::verify_nothing(std::string_view password) const {
  (void)verify(decoy_, password);
}

bool PasswordHasher::needs_rehash(std::string_view encoded) const {
  return !encoded.starts_with(prefix_);
}

}  // namespace auth
