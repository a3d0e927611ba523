#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "platform/metrics.h"
#include "platform/storage/aws_signature.h"
#include "platform/storage/object_store.h"

namespace platform::storage {

enum class S3AddressingStyle {
  path,          // https://endpoint/bucket/key: MinIO, s3rver, most self-hosted stores
  virtual_host,  // https://bucket.endpoint/key: AWS's default, required for new AWS buckets
};

struct S3Settings {
  std::string endpoint;  // "https://s3.eu-west-1.amazonaws.com", "http://127.0.0.1:9000"
  std::string bucket;
  std::string region = "us-east-1";
  AwsCredentials credentials;
  S3AddressingStyle addressing = S3AddressingStyle::path;
  // Dial this "host:port" instead of the endpoint's, keeping the endpoint's
  // name for Host, TLS and the signature (a private endpoint address, or a
  // test server for virtual-host names no resolver knows).
  std::string connect_to;
  // Trusted certificates (PEM) for an https endpoint; empty: the system's.
  std::string tls_ca_file;
  // Objects above the threshold go up in parts of part_size bytes (S3 wants
  // at least 5 MiB for all but the last), each retried on its own.
  std::size_t multipart_threshold = std::size_t{16} << 20;
  std::size_t part_size = std::size_t{8} << 20;
  std::size_t max_object_bytes = std::size_t{64} << 20;  // the largest get()
  std::chrono::milliseconds timeout{30000};              // per request
  metrics::Registry* registry = nullptr;
};

// An ObjectStore on any S3-compatible service, over the platform's HTTP
// client: requests signed with SigV4 (payloads hashed, so the store checks
// what arrived), large objects uploaded in parts and the upload aborted when
// a part fails, so no half-made object is ever visible or left behind.
class S3ObjectStore final : public ObjectStore {
 public:
  explicit S3ObjectStore(S3Settings settings);
  ~S3ObjectStore() override;

  void put(std::string_view key, std::string_view bytes) override;
  std::optional<std::string> get(std::string_view key) override;
  std::optional<std::uint64_t> size(std::string_view key) override;
  void remove(std::string_view key) override;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace platform::storage
