#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace platform::testing {

// The value of an environment variable, if set and not empty.
std::optional<std::string> environment(const char* name);

// A TCP port on 127.0.0.1 that was free a moment ago.
int free_port();

// A fresh directory under $TMPDIR, removed with everything in it on destruction.
class TemporaryDirectory {
 public:
  TemporaryDirectory();
  ~TemporaryDirectory();
  TemporaryDirectory(const TemporaryDirectory&) = delete;
  TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;
  const std::filesystem::path& path() const noexcept { return path_; }

 private:
  std::filesystem::path path_;
};

// Test infrastructure started by scripts/test-infra.sh exports these; tests of
// a backend that is not configured are skipped locally but required in CI
// (SHOP_TEST_REQUIRE_INFRA=1 turns the skip into a failure).
std::optional<std::string> postgres_admin_url();  // SHOP_TEST_POSTGRES_URL
std::optional<std::string> redis_url();           // SHOP_TEST_REDIS_URL
std::optional<std::string> nats_url();            // SHOP_TEST_NATS_URL
bool infrastructure_required();

}  // namespace platform::testing

// Skips the current test when a backend is not configured, or fails it when
// the run requires every backend.
#define SHOP_REQUIRE_BACKEND(optional_url, name)                                    \
  do {                                                                              \
    if (!(optional_url)) {                                                          \
      if (::platform::testing::infrastructure_required()) {                         \
        FAIL() << (name) << " is required (SHOP_TEST_REQUIRE_INFRA=1) but not set"; \
      }                                                                             \
      GTEST_SKIP() << (name) << " not configured";                                  \
    }                                                                               \
  } while (false)
