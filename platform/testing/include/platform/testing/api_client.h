#pragma once

#include <gtest/gtest.h>

#include <boost/json/value.hpp>
#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "platform/http/client.h"
#include "platform/testing/databases.h"

namespace platform::testing {

// A service's answer as a test looks at it.
struct Reply {
  int status = 0;
  std::string content_type;
  http::Headers headers;
  boost::json::value body;  // null when the body is not JSON
};

// Calls one service over real HTTP, as the holder of a bearer token (none
// when the token is empty or the call carries its own Authorization), once:
// the service's answer is what the test sees, never a retry's.
class ApiClient {
 public:
  ApiClient() = default;
  explicit ApiClient(std::string base_url) : base_url_(std::move(base_url)) {}

  void set_base_url(std::string base_url) { base_url_ = std::move(base_url); }
  std::string url(const std::string& path) const { return base_url_ + path; }
  void acting_as(std::string token) { token_ = std::move(token); }
  const std::string& token() const noexcept { return token_; }

  Reply call(http::Method method, const std::string& path, const std::string& body = {},
             const std::string& content_type = "application/json", http::Headers headers = {});
  Reply get(const std::string& path, http::Headers headers = {}) {
    return call(http::Method::get, path, {}, {}, std::move(headers));
  }
  Reply post(const std::string& path, const boost::json::value& body, http::Headers headers = {});
  Reply patch(const std::string& path, const boost::json::value& body);
  Reply put(const std::string& path) { return call(http::Method::put, path, {}, {}); }
  Reply remove(const std::string& path) { return call(http::Method::delete_, path); }

 private:
  static http::ClientOptions single_attempt();

  std::string base_url_;
  std::string token_;
  // A test sees every answer: no retries of its own.
  http::Client client_{single_attempt()};
};

// What a service test fixture calls with: the client's calls as the
// fixture's own, so that tests say get(...) rather than api_.get(...).
class ApiCalls {
 protected:
  Reply call(http::Method method, const std::string& path, const std::string& body = {},
             const std::string& content_type = "application/json", http::Headers headers = {}) {
    return api_.call(method, path, body, content_type, std::move(headers));
  }
  Reply get(const std::string& path, http::Headers headers = {}) {
    return api_.get(path, std::move(headers));
  }
  Reply post(const std::string& path, const boost::json::value& body, http::Headers headers = {}) {
    return api_.post(path, body, std::move(headers));
  }
  Reply patch(const std::string& path, const boost::json::value& body) {
    return api_.patch(path, body);
  }
  Reply put(const std::string& path) { return api_.put(path); }
  Reply remove(const std::string& path) { return api_.remove(path); }
  std::string url(const std::string& path) const { return api_.url(path); }
  // The bearer token calls send; empty sends none.
  void acting_as(std::string token) { api_.acting_as(std::move(token)); }

  ApiClient api_;
};

// Checks the shape every error must have: a problem document of type
// "/problems/<code>" with the status repeated.
void expect_problem(const Reply& reply, int status, const std::string& code);

// Runs `call(i)` for i in 0..count-1, each on a thread of its own and all
// at once, and returns the answers in that order: for races.
std::vector<Reply> at_once(int count, const std::function<Reply(int index)>& call);

// Polls `done` until it holds or `limit` passes; returns whether it held.
bool eventually(const std::function<bool()>& done,
                std::chrono::milliseconds limit = std::chrono::seconds(20));

// "EmbeddedSQLiteInProcess" / "DistributedPostgreSQLNats", for the names of
// tests run in both modes.
std::string mode_name(const ::testing::TestParamInfo<DatabaseBackend>& info);

}  // namespace platform::testing
