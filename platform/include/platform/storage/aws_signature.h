#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// AWS Signature Version 4 for requests to S3-compatible object stores: pure
// functions of the request, the credentials and the time, so they are checked
// against AWS's published examples and another implementation's output.
namespace platform::storage {

struct AwsCredentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;  // temporary credentials only; sent as X-Amz-Security-Token
};

struct AwsScope {
  std::string region = "us-east-1";
  std::string service = "s3";
};

using HeaderFields = std::vector<std::pair<std::string, std::string>>;

// A request as the signer sees it. The path and the query are decoded text:
// the signer encodes them once, the way S3 expects (S3 neither normalises
// dot segments nor double-encodes, unlike most other AWS services).
struct SignableRequest {
  std::string method;                                      // "GET"
  std::string path;                                        // "/bucket/photos/a b.jpg"
  std::vector<std::pair<std::string, std::string>> query;  // decoded names and values
  HeaderFields headers;                                    // must include Host
  std::string payload_hash;  // lower-case hex SHA-256 of the body, or "UNSIGNED-PAYLOAD"
};

struct SigningOptions {
  // S3 refuses a request without X-Amz-Content-Sha256; the generic test
  // suite of other services signs without it.
  bool add_content_sha256_header = true;
};

struct Signature {
  // X-Amz-Date, X-Amz-Security-Token and X-Amz-Content-Sha256 as they were
  // signed, then Authorization: every field the request must carry besides
  // its own.
  HeaderFields headers_to_add;
  std::string canonical_request;
  std::string string_to_sign;
  std::string signature;  // 64 hex digits
};

Signature sign_v4(const SignableRequest& request, const AwsCredentials& credentials,
                  const AwsScope& scope, std::chrono::system_clock::time_point at,
                  SigningOptions options = {});

// RFC 3986 percent-encoding as SigV4 defines it: every byte except
// A-Z a-z 0-9 - . _ ~ becomes %XX (upper case); '/' is kept when asked.
std::string aws_uri_encode(std::string_view text, bool keep_slashes);

// Lower-case hex SHA-256: the payload hash of a body.
std::string sha256_hex(std::string_view bytes);

// The hash of an empty body, which every GET, HEAD and DELETE sends.
inline constexpr std::string_view empty_payload_hash =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

}  // namespace platform::storage
