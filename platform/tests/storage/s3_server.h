#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "platform/storage/s3_object_store.h"
#include "platform/testing/child_process.h"
#include "platform/testing/environment.h"

namespace platform::storage::testing {

// An s3rver (npm, an independent S3 implementation) on a free loopback port
// with one bucket, checking signatures against its own credentials; over
// TLS with a certificate for 127.0.0.1 and *.s3.example.test when asked.
class S3Server {
 public:
  static constexpr const char* bucket = "shop-images";
  static constexpr const char* service_domain = "example.test";  // hosts *.s3.example.test

  explicit S3Server(bool tls = false);

  int port() const noexcept { return port_; }
  // Settings for a client of this server, path-style on 127.0.0.1.
  S3Settings settings() const;
  // Settings for virtual-host style: shop-images.s3.example.test, dialled
  // at the loopback address.
  S3Settings virtual_host_settings() const;
  const std::filesystem::path& certificate() const noexcept { return certificate_; }
  std::string log() const { return process_->log(); }

 private:
  platform::testing::TemporaryDirectory directory_;
  int port_;
  bool tls_;
  std::filesystem::path certificate_;
  std::unique_ptr<platform::testing::ChildProcess> process_;
};

}  // namespace platform::storage::testing
