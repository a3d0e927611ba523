#include "platform/testing/openapi.h"

#include <gtest/gtest.h>

#include <cctype>
#include <sstream>

#include "platform/testing/api_client.h"

namespace platform::testing {
namespace {

bool is_method(std::string_view word) {
  return word == "get" || word == "post" || word == "put" || word == "patch" || word == "delete";
}

std::string upper(std::string_view word) {
  std::string out;
  for (char c : word) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::map<std::string, DocumentedOperation> documented_operations(std::string_view yaml) {
  std::map<std::string, DocumentedOperation> operations;
  std::istringstream document{std::string(yaml)};
  std::string line;
  std::string path;
  std::string operation;  // the key of the operation being read
  bool in_paths = false;
  bool secured_by_default = false;
  while (std::getline(document, line)) {
    if (!line.empty() && line[0] != ' ') {
      in_paths = line == "paths:";
      if (line == "security:") secured_by_default = true;
      operation.clear();
      continue;
    }
    if (!in_paths) continue;
    if (line.starts_with("  /") && line.back() == ':') {
      path = line.substr(2, line.size() - 3);
      operation.clear();
    } else if (line.starts_with("    ") && !line.starts_with("     ")) {
      const auto method = line.substr(4, line.find(':') - 4);
      if (is_method(method)) {
        operation = upper(method) + " " + path;
        operations[operation].is_public = !secured_by_default;
      } else {
        operation.clear();
      }
    } else if (!operation.empty() && line == "      security: []") {
      operations[operation].is_public = true;
    } else if (!operation.empty() && line == "      security: [{}, {bearer: []}]") {
      operations[operation] = {.is_public = true, .token_optional = true};
    }
  }
  return operations;
}

void expect_router_matches_document(const http::Router& router, std::string_view yaml) {
  const auto documented = documented_operations(yaml);
  ASSERT_GT(documented.size(), 3u) << "the document could not be read";
  std::map<std::string, DocumentedOperation> served;
  for (const auto& route : router.routes()) {
    const auto& access = route->options.access;
    served[std::string(http::to_string(route->method)) + " " + route->pattern] = {
        .is_public = !access.token_required, .token_optional = access.token_optional};
  }
  for (const auto& [operation, access] : served) {
    const auto found = documented.find(operation);
    if (found == documented.end()) {
      ADD_FAILURE() << "undocumented: " << operation;
      continue;
    }
    EXPECT_EQ(found->second.is_public, access.is_public)
        << operation
        << (access.is_public ? " is public but documented as needing a token"
                             : " needs a token but is documented as public");
    EXPECT_EQ(found->second.token_optional, access.token_optional)
        << operation
        << (access.token_optional
                ? " checks a token when sent: document security [{}, {bearer: []}]"
                : " is documented as taking an optional token");
  }
  for (const auto& [operation, details] : documented) {
    EXPECT_TRUE(served.contains(operation)) << "not served: " << operation;
  }
}

void expect_operational_routes(const std::string& base_url) {
  ApiClient anonymous(base_url);
  const auto document = anonymous.get("/openapi.yaml");
  EXPECT_EQ(document.status, 200);
  EXPECT_EQ(document.content_type, "application/yaml");
  EXPECT_EQ(anonymous.get("/healthz").status, 200);
  EXPECT_EQ(anonymous.get("/readyz").status, 200);
  const auto metrics = anonymous.get("/metrics");
  EXPECT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.headers.get("Content-Type").find("text/plain"), std::string::npos);
}

}  // namespace platform::testing
