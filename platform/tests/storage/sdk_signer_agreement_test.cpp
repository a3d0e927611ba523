// The platform's signer and the AWS SDK for JavaScript's (npm
// @smithy/signature-v4) sign the same few hundred generated S3 requests:
// keys with every kind of byte S3 allows, repeated and empty query
// parameters, header values with runs of blanks, session tokens, any date.
#include <gtest/gtest.h>

#include <random>

#include "aws_sdk_signer.h"
#include "platform/storage/aws_signature.h"
#include "platform/testing/s3_server.h"

namespace platform::storage {
namespace {

struct GeneratedRequest {
  SignableRequest request;
  AwsCredentials credentials;
  std::string region;
  std::chrono::system_clock::time_point at;
};

class RequestGenerator {
 public:
  GeneratedRequest next() {
    GeneratedRequest generated;
    static const char* const methods[] = {"GET", "HEAD", "PUT", "POST", "DELETE"};
    generated.request.method = methods[pick(5)];
    generated.request.path = "/" + word(3, 12, path_alphabet);
    for (std::size_t segments = pick(4); segments > 0; --segments) {
      generated.request.path += "/" + word(1, 16, path_alphabet);
    }
    for (std::size_t count = pick(4); count > 0; --count) {
      // A name repeated now and then, and empty values, as S3's ?uploads.
      const auto name = pick(4) == 0 && !generated.request.query.empty()
                            ? generated.request.query.front().first
                            : word(1, 10, text_alphabet);
      generated.request.query.emplace_back(name, pick(3) == 0 ? "" : word(1, 20, text_alphabet));
    }
    const std::string host = "bucket-" + std::to_string(pick(1000)) + ".s3.example.test";
    generated.request.headers.emplace_back("Host", host);
    static const char* const names[] = {"Content-Type",        "Range",
                                        "If-None-Match",       "x-amz-meta-owner",
                                        "X-Amz-Storage-Class", "Content-Disposition"};
    for (const auto* name : names) {
      if (pick(2) == 0) continue;
      generated.request.headers.emplace_back(name, padded(word(1, 24, value_alphabet)));
    }
    generated.request.payload_hash =
        pick(4) == 0 ? "UNSIGNED-PAYLOAD" : sha256_hex(word(0, 40, text_alphabet));
    generated.credentials = {"AKID" + word(8, 16, upper_alphabet), word(20, 40, text_alphabet),
                             pick(3) == 0 ? word(10, 60, upper_alphabet) : ""};
    static const char* const regions[] = {"us-east-1", "eu-west-3", "ap-southeast-2", "auto"};
    generated.region = regions[pick(4)];
    generated.at = std::chrono::system_clock::time_point(
        std::chrono::seconds(946684800 + static_cast<std::int64_t>(pick(946684800))));
    return generated;
  }

 private:
  // Bytes S3 keys may hold, UTF-8 included; no '/' (segments are joined).
  static constexpr std::string_view path_alphabet[] = {"a",
                                                       "Z",
                                                       "0",
                                                       "9",
                                                       "-",
                                                       "_",
                                                       ".",
                                                       "~",
                                                       " ",
                                                       "+",
                                                       "!",
                                                       "'",
                                                       "(",
                                                       ")",
                                                       "*",
                                                       "$",
                                                       "&",
                                                       "=",
                                                       ",",
                                                       ";",
                                                       ":",
                                                       "@",
                                                       "%",
                                                       "\xc3\xa9",
                                                       "\xe1\x88\xb4",
                                                       "\xf0\x9f\x93\xb7"};
  static constexpr std::string_view text_alphabet[] = {
      "a", "b", "Q", "7", "-", "_", ".", "~", " ", "+", "/", "?", "#", "[", "]", "%", "\xc3\xa9"};
  static constexpr std::string_view value_alphabet[] = {"a",  "B", "3", " ", "  ", "\t",
                                                        "\"", ",", ";", "=", "/",  "*"};
  static constexpr std::string_view upper_alphabet[] = {"A", "K", "Z", "2", "7"};

  std::size_t pick(std::size_t bound) {
    return std::uniform_int_distribution<std::size_t>(0, bound - 1)(random_);
  }

  template <std::size_t N>
  std::string word(std::size_t shortest, std::size_t longest,
                   const std::string_view (&alphabet)[N]) {
    std::string text;
    // Segments "." and ".." mean something else in a path; never generate them.
    do {
      text.clear();
      for (std::size_t length = shortest + pick(longest - shortest + 1); length > 0; --length) {
        text += alphabet[pick(N)];
      }
    } while (text == "." || text == "..");
    return text;
  }

  std::string padded(std::string value) {
    static const char* const pads[] = {"", " ", "  ", "\t"};
    return pads[pick(4)] + value + pads[pick(4)];
  }

  std::mt19937_64 random_{20261203};
};

TEST(SdkSignerAgreement, TheAwsSdkSignsEveryGeneratedRequestAsWeDo) {
  SHOP_REQUIRE_OBJECT_STORE_TOOLS();
  RequestGenerator generator;
  std::vector<GeneratedRequest> generated;
  std::vector<testing::SdkSigningInput> inputs;
  for (int i = 0; i < 400; ++i) {
    const auto& request = generated.emplace_back(generator.next());
    inputs.push_back(
        {request.request.method, request.request.headers.front().second, request.request.path,
         request.request.query,
         HeaderFields(request.request.headers.begin() + 1, request.request.headers.end()),
         request.request.payload_hash, request.region, request.credentials, request.at});
  }
  const auto signatures = testing::sign_with_the_aws_sdk(inputs);
  ASSERT_EQ(signatures.size(), generated.size());
  for (std::size_t i = 0; i < generated.size(); ++i) {
    const auto& request = generated[i];
    const auto ours =
        sign_v4(request.request, request.credentials, {request.region, "s3"}, request.at);
    EXPECT_EQ(ours.signature, signatures[i]) << "request " << i << ":\n" << ours.canonical_request;
  }
}

}  // namespace
}  // namespace platform::storage
