// s3rver checks access keys but not SigV4 signatures (its source says so),
// so a request whose wire form differed from what was signed (a path encoded
// twice, a query in another order, a Host with the port missing) would pass
// there and fail on AWS. Here the S3 store talks to a recorder, and the AWS
// SDK's signer re-signs each request as it arrived, the way S3 verifies it.
#include <gtest/gtest.h>

#include <mutex>

#include "aws_sdk_signer.h"
#include "platform/http/form.h"
#include "platform/http/server.h"
#include "platform/storage/s3_object_store.h"
#include "platform/testing/s3_server.h"

namespace platform::storage {
namespace {

struct Recorded {
  http::Method method;
  std::string target;
  http::Headers headers;
};

// The router's decoding, as S3 decodes the path and the query once.
std::string percent_decoded(std::string_view text) {
  return platform::http::percent_decode(text).value_or(std::string(text));
}

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find(separator, start)) != std::string_view::npos;
       start = end + 1) {
    parts.emplace_back(text.substr(start, end - start));
  }
  parts.emplace_back(text.substr(start));
  return parts;
}

std::string after(std::string_view text, std::string_view marker, char end) {
  const auto start = text.find(marker);
  if (start == std::string_view::npos) return {};
  const auto from = start + marker.size();
  return std::string(text.substr(from, text.find(end, from) - from));
}

// What S3 would rebuild from the request on the wire.
testing::SdkSigningInput as_received(const Recorded& request, const AwsCredentials& credentials) {
  testing::SdkSigningInput input;
  input.method = std::string(http::to_string(request.method));
  const auto question = request.target.find('?');
  input.path = percent_decoded(request.target.substr(0, question));
  if (question != std::string::npos) {
    for (const auto& pair : split(request.target.substr(question + 1), '&')) {
      const auto equals = pair.find('=');
      input.query.emplace_back(
          percent_decoded(pair.substr(0, equals)),
          equals == std::string::npos ? "" : percent_decoded(pair.substr(equals + 1)));
    }
  }
  const auto authorization = std::string(request.headers.get("Authorization"));
  for (const auto& name : split(after(authorization, "SignedHeaders=", ','), ';')) {
    if (name == "host") {
      input.host = std::string(request.headers.get("Host"));
    } else if (name != "x-amz-date" && name != "x-amz-security-token") {
      input.headers.emplace_back(name, std::string(request.headers.get(name)));
    }
  }
  input.payload_hash = std::string(request.headers.get("X-Amz-Content-Sha256"));
  // Credential=<key id>/<date>/<region>/s3/aws4_request
  input.region = split(after(authorization, "Credential=", ','), '/').at(2);
  input.credentials = credentials;
  std::tm utc{};
  const auto date = std::string(request.headers.get("X-Amz-Date"));
  strptime(date.c_str(), "%Y%m%dT%H%M%SZ", &utc);
  input.at = std::chrono::system_clock::from_time_t(timegm(&utc));
  return input;
}

TEST(S3WireSignature, EveryRequestOnTheWireCarriesTheSignatureAwsWouldCompute) {
  SHOP_REQUIRE_OBJECT_STORE_TOOLS();
  std::mutex mutex;
  std::vector<Recorded> recorded;
  const auto record = [&](http::Request& request) {
    std::lock_guard lock(mutex);
    recorded.push_back({request.method, request.target, request.headers});
    if (request.method == http::Method::post && request.query_parameter("uploads")) {
      return http::Response::text(200,
                                  "<InitiateMultipartUploadResult><UploadId>up/1+2=</UploadId>"
                                  "</InitiateMultipartUploadResult>",
                                  "application/xml");
    }
    auto response = http::Response::text(200, request.method == http::Method::get ? "stored" : "",
                                         "application/octet-stream");
    response.headers.set("ETag", "\"0123abcd\"");
    return response;
  };
  http::Router router;
  const auto options = http::with_body_limit(http::public_route(), std::size_t{8} << 20);
  for (const auto* pattern :
       {"/shop-images/{a}", "/shop-images/{a}/{b}", "/shop-images/{a}/{b}/{c}"}) {
    for (const auto method : {http::Method::get, http::Method::head, http::Method::put,
                              http::Method::post, http::Method::delete_}) {
      router.add(method, pattern, record, options);
    }
  }
  metrics::Registry registry;
  http::ServerOptions server_options;
  server_options.access_log = false;
  http::Server server(server_options, std::move(router), registry);
  server.start();

  S3Settings settings;
  settings.endpoint = "http://127.0.0.1:" + std::to_string(server.port());
  settings.bucket = "shop-images";
  settings.region = "eu-west-3";
  settings.credentials = {"AKIDWIRE", "wire/secret+key", "session-token/with=odd+bytes"};
  settings.part_size = settings.multipart_threshold = std::size_t{5} << 20;
  S3ObjectStore store(settings);
  store.put("originals/9f/a-b_c.d.jpg", "small");
  store.put("large", std::string((std::size_t{6} << 20) + 1, 'x'));
  EXPECT_EQ(store.get("variants/x/w640.webp"), "stored");
  EXPECT_TRUE(store.size("variants/x/w640.webp"));
  store.remove("originals/9f/a-b_c.d.jpg");
  server.stop(std::chrono::seconds(1));

  // put, start + 2 parts + complete, get, head, delete
  ASSERT_EQ(recorded.size(), 8U);
  std::vector<testing::SdkSigningInput> inputs;
  for (const auto& request : recorded) inputs.push_back(as_received(request, settings.credentials));
  const auto signatures = testing::sign_with_the_aws_sdk(inputs);
  ASSERT_EQ(signatures.size(), recorded.size());
  for (std::size_t i = 0; i < recorded.size(); ++i) {
    EXPECT_EQ(after(recorded[i].headers.get("Authorization"), "Signature=", ','), signatures[i])
        << http::to_string(recorded[i].method) << " " << recorded[i].target;
    EXPECT_EQ(recorded[i].headers.get("X-Amz-Security-Token"), settings.credentials.session_token);
  }
}

}  // namespace
}  // namespace platform::storage
