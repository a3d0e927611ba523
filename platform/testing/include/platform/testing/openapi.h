#pragma once

#include <map>
#include <string>
#include <string_view>

#include "platform/http/router.h"

namespace platform::testing {

// What a service's OpenAPI document says about one operation.
struct DocumentedOperation {
  bool is_public = false;  // `security: []`, overriding the document's bearer default
  // `security: [{}, {bearer: []}]`: anyone, and a token when sent is checked.
  bool token_optional = false;
};

// "GET /v1/products/{id}" -> operation, for every operation of an OpenAPI
// document written in this project's fixed layout: paths at two spaces,
// methods at four, operation fields at six. Operations need a bearer token
// when the document has a top-level `security:` and they do not say
// `security: []`.
std::map<std::string, DocumentedOperation> documented_operations(std::string_view yaml);

// The contract test every service runs: each route the router serves is
// documented and each documented operation is served, and the document says
// an operation is public exactly when its route needs no token, and takes
// an optional token exactly when its route does.
void expect_router_matches_document(const http::Router& router, std::string_view yaml);

// The other half of it, over HTTP at `base_url` and without a token: the
// service serves its document (application/yaml), /healthz, /readyz and its
// Prometheus metrics.
void expect_operational_routes(const std::string& base_url);

}  // namespace platform::testing
