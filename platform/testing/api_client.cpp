#include "platform/testing/api_client.h"

#include <boost/json.hpp>
#include <thread>

namespace platform::testing {

http::ClientOptions ApiClient::single_attempt() {
  http::ClientOptions options;
  options.max_attempts = 1;
  return options;
}

Reply ApiClient::call(http::Method method, const std::string& path, const std::string& body,
                      const std::string& content_type, http::Headers headers) {
  http::ClientRequest request;
  request.method = method;
  request.url = url(path);
  request.headers = std::move(headers);
  if (!token_.empty() && !request.headers.contains("Authorization")) {
    request.headers.set("Authorization", "Bearer " + token_);
  }
  if (!content_type.empty()) request.headers.set("Content-Type", content_type);
  request.body = body;
  const auto response = client_.send(std::move(request));
  Reply reply;
  reply.status = response.status;
  reply.content_type = std::string(response.headers.get("Content-Type"));
  reply.headers = response.headers;
  boost::system::error_code error;
  auto parsed = boost::json::parse(response.body, error);
  if (!error) reply.body = std::move(parsed);
  return reply;
}

Reply ApiClient::post(const std::string& path, const boost::json::value& body,
                      http::Headers headers) {
  return call(http::Method::post, path, boost::json::serialize(body), "application/json",
              std::move(headers));
}

Reply ApiClient::patch(const std::string& path, const boost::json::value& body) {
  return call(http::Method::patch, path, boost::json::serialize(body),
              "application/merge-patch+json");
}

void expect_problem(const Reply& reply, int status, const std::string& code) {
  EXPECT_EQ(reply.status, status) << boost::json::serialize(reply.body);
  EXPECT_EQ(reply.content_type, "application/problem+json");
  ASSERT_TRUE(reply.body.is_object()) << "problem body is not JSON";
  EXPECT_EQ(reply.body.at("type").as_string(), "/problems/" + code)
      << boost::json::serialize(reply.body);
  EXPECT_EQ(reply.body.at("status").as_int64(), status);
}

std::vector<Reply> at_once(int count, const std::function<Reply(int index)>& call) {
  std::vector<Reply> replies(static_cast<std::size_t>(count));
  std::vector<std::jthread> threads;
  for (int i = 0; i < count; ++i) {
    threads.emplace_back([&, i] { replies[static_cast<std::size_t>(i)] = call(i); });
  }
  threads.clear();  // joins
  return replies;
}

bool eventually(const std::function<bool()>& done, std::chrono::milliseconds limit) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

std::string mode_name(const ::testing::TestParamInfo<DatabaseBackend>& info) {
  return info.param == DatabaseBackend::postgres ? "DistributedPostgreSQLNats"
                                                 : "EmbeddedSQLiteInProcess";
}

}  // namespace platform::testing
