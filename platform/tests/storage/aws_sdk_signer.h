#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "platform/storage/aws_signature.h"

namespace platform::storage::testing {

// One request for the AWS SDK for JavaScript's signer: decoded path and
// query, every header to sign but Host.
struct SdkSigningInput {
  std::string method;
  std::string host;
  std::string path;
  std::vector<std::pair<std::string, std::string>> query;
  HeaderFields headers;
  std::string payload_hash;
  std::string region;
  AwsCredentials credentials;
  std::chrono::system_clock::time_point at;
};

// The signature (64 hex digits) the SDK (npm @smithy/signature-v4, run by
// tests/storage/s3/smithy_sign.mjs) gives each request, in order; throws
// std::runtime_error when the SDK cannot be run.
std::vector<std::string> sign_with_the_aws_sdk(const std::vector<SdkSigningInput>& requests);

}  // namespace platform::storage::testing
