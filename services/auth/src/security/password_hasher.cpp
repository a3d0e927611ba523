#include "security/password_hasher.h"

#include <argon2.h>
#include <sys/mman.h>

#include <algorithm>
#include <charconv>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <stdexcept>

#include "platform/crypto.h"

namespace auth {
namespace {

constexpr std::uint32_t kSaltBytes = 16;
constexpr std::uint32_t kHashBytes = 32;
constexpr std::string_view kPrefix = "$argon2id$v=19$";

// Argon2's working memory (19 MiB by default) comes straight from the kernel
// and goes back after each hash. Through malloc, glibc would raise its mmap
// threshold after the first free and keep every later block on the heap:
// tens of MiB of resident memory that an idle service never uses.
int map_pages(std::uint8_t** memory, std::size_t bytes) {
  void* pages = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
  if (pages == MAP_FAILED) return ARGON2_MEMORY_ALLOCATION_ERROR;
  *memory = static_cast<std::uint8_t*>(pages);
  return ARGON2_OK;
}

void unmap_pages(std::uint8_t* memory, std::size_t bytes) { ::munmap(memory, bytes); }

// A PHC string's parts: "$argon2id$v=19$m=<kib>,t=<passes>,p=<lanes>$<salt>$<hash>",
// salt and hash in base64 without padding.
struct Phc {
  Argon2Parameters parameters;
  std::string salt;
  std::string hash;
};

std::string unpadded_base64(std::string_view bytes) {
  auto text = platform::crypto::base64_encode(bytes);
  while (!text.empty() && text.back() == '=') text.pop_back();
  return text;
}

std::optional<std::string> from_unpadded_base64(std::string_view text) {
  std::string padded(text);
  while (padded.size() % 4 != 0) padded += '=';
  return platform::crypto::base64_decode(padded);
}

std::optional<std::uint32_t> number_after(std::string_view& text, std::string_view label,
                                          char terminator) {
  if (!text.starts_with(label)) return std::nullopt;
  text.remove_prefix(label.size());
  std::uint32_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end == text.data() + text.size() || *end != terminator) {
    return std::nullopt;
  }
  text.remove_prefix(static_cast<std::size_t>(end - text.data()) + 1);
  return value;
}

std::optional<Phc> parse_phc(std::string_view encoded) {
  if (!encoded.starts_with(kPrefix)) return std::nullopt;
  encoded.remove_prefix(kPrefix.size());
  const auto memory = number_after(encoded, "m=", ',');
  const auto passes = number_after(encoded, "t=", ',');
  const auto lanes = number_after(encoded, "p=", '$');
  const auto dollar = encoded.find('$');
  if (!memory || !passes || !lanes || dollar == std::string_view::npos) return std::nullopt;
  auto salt = from_unpadded_base64(encoded.substr(0, dollar));
  auto hash = from_unpadded_base64(encoded.substr(dollar + 1));
  // Bounds keep a corrupted row from asking for absurd work.
  if (!salt || !hash || salt->size() < 8 || hash->size() < 16 || hash->size() > 64 ||
      *memory > (4u << 20) || *passes == 0 || *passes > 100 || *lanes == 0 || *lanes > 64) {
    return std::nullopt;
  }
  return Phc{{*memory, *passes, *lanes}, std::move(*salt), std::move(*hash)};
}

std::string compute(const Argon2Parameters& parameters, std::string_view password,
                    std::string_view salt, std::size_t length) {
  std::string output(length, '\0');
  argon2_context context{};
  context.out = reinterpret_cast<std::uint8_t*>(output.data());
  context.outlen = static_cast<std::uint32_t>(length);
  context.pwd = reinterpret_cast<std::uint8_t*>(const_cast<char*>(password.data()));
  context.pwdlen = static_cast<std::uint32_t>(password.size());
  context.salt = reinterpret_cast<std::uint8_t*>(const_cast<char*>(salt.data()));
  context.saltlen = static_cast<std::uint32_t>(salt.size());
  context.t_cost = parameters.iterations;
  context.m_cost = parameters.memory_kib;
  context.lanes = parameters.parallelism;
  context.threads = parameters.parallelism;
  context.version = ARGON2_VERSION_13;
  context.allocate_cbk = map_pages;
  context.free_cbk = unmap_pages;
  const int result = argon2id_ctx(&context);
  if (result != ARGON2_OK) {
    throw std::runtime_error(std::string("Argon2id failed: ") + argon2_error_message(result));
  }
  return output;
}

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
  prefix_ = std::string(kPrefix) + "m=" + std::to_string(parameters_.memory_kib) +
            ",t=" + std::to_string(parameters_.iterations) +
            ",p=" + std::to_string(parameters_.parallelism) + "$";
  decoy_ = hash(platform::crypto::random_token());
}

PasswordHasher::~PasswordHasher() = default;

std::string PasswordHasher::hash(std::string_view password) const {
  const auto salt = platform::crypto::random_bytes(kSaltBytes);
  std::string digest;
  {
    Gate::Passage passage(*gate_);
    digest = compute(parameters_, password, salt, kHashBytes);
  }
  return prefix_ + unpadded_base64(salt) + "$" + unpadded_base64(digest);
}

bool PasswordHasher::verify(std::string_view encoded, std::string_view password) const {
  const auto phc = parse_phc(encoded);
  if (!phc) return false;
  std::string digest;
  {
    Gate::Passage passage(*gate_);
    digest = compute(phc->parameters, password, phc->salt, phc->hash.size());
  }
  return platform::crypto::constant_time_equal(phc->hash, digest);
}

void PasswordHasher::verify_nothing(std::string_view password) const {
  (void)verify(decoy_, password);
}

bool PasswordHasher::needs_rehash(std::string_view encoded) const {
  return !encoded.starts_with(prefix_);
}

}  // namespace auth
