#pragma once

#include <filesystem>

#include "platform/testing/environment.h"

// The npm packages under platform/tests/storage/s3 (an independent S3 server
// and the AWS SDK's signer), installed by scripts/test.sh with npm ci.
// Skips the test when they are missing, or fails it when the run requires
// every piece of test infrastructure.
#define SHOP_REQUIRE_OBJECT_STORE_TOOLS()                                               \
  do {                                                                                  \
    if (!std::filesystem::exists(std::filesystem::path(SHOP_OBJECT_STORE_TOOLS) /       \
                                 "node_modules/s3rver")) {                              \
      if (::platform::testing::infrastructure_required()) {                             \
        FAIL() << "npm ci --prefix platform/tests/storage/s3 has not been run";         \
      }                                                                                 \
      GTEST_SKIP() << "platform/tests/storage/s3 has no node_modules (npm ci not run)"; \
    }                                                                                   \
  } while (false)
