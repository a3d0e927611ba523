#include "customers_fixture.h"

namespace customers::testing {
namespace {

using platform::http::Method;

struct BadRequest {
  const char* name;  // "admin: ..." is sent with an admin's token
  Method method;
  std::string path;  // {address} is replaced by a real address id
  std::string body;
  std::string content_type;
  int status;
  const char* code;
};

// Every route of the service, each with the ways a client can get it wrong.
std::vector<BadRequest> bad_requests() {
  const std::string huge(300 * 1024, 'a');
  const std::string long_text(201, 'a');
  const std::string me = "/v1/customers/me";
  const std::string valid_address =
      R"({"recipient":"A","line1":"B 1","city":"C","postal_code":"10115","country":"DE")";
  const auto address_with = [&](const std::string& member) {
    return valid_address + "," + member + "}";
  };
  return {
      {"admin: list unknown parameter", Method::get, "/v1/customers?name=ada", "", "", 400,
       "unknown-parameter"},
      {"admin: list bad limit", Method::get, "/v1/customers?limit=0", "", "", 400, "invalid-field"},
      {"admin: list limit not a number", Method::get, "/v1/customers?limit=ten", "", "", 400,
       "invalid-field"},
      {"admin: list bad cursor", Method::get, "/v1/customers?cursor=%00%01", "", "", 400,
       "invalid-field"},
      {"admin: list empty email", Method::get, "/v1/customers?email=", "", "", 400,
       "invalid-field"},
      {"admin: unknown customer id", Method::get, "/v1/customers/..%2F..%2Fetc%2Fpasswd", "", "",
       404, "customer-not-found"},
      {"patch malformed", Method::patch, me, "{\"name\":", "application/merge-patch+json", 400,
       "malformed-json"},
      {"patch not an object", Method::patch, me, "[1,2]", "application/merge-patch+json", 400,
       "malformed-json"},
      {"patch empty body", Method::patch, me, "", "application/merge-patch+json", 400,
       "malformed-json"},
      {"patch deep nesting", Method::patch, me, std::string(100, '[') + std::string(100, ']'),
       "application/merge-patch+json", 400, "malformed-json"},
      {"patch wrong type", Method::patch, me, R"({"name":5})", "application/merge-patch+json", 400,
       "invalid-field"},
      {"patch unknown field", Method::patch, me, R"({"nickname":"x"})",
       "application/merge-patch+json", 400, "unknown-field"},
      {"patch read-only email", Method::patch, me, R"({"email":"x@example.com"})",
       "application/merge-patch+json", 400, "invalid-field"},
      {"patch long name", Method::patch, me, R"({"name":")" + long_text + R"("})",
       "application/merge-patch+json", 400, "invalid-field"},
      {"patch name with newline", Method::patch, me, R"({"name":"Ada\nL"})",
       "application/merge-patch+json", 400, "invalid-field"},
      {"patch bad phone", Method::patch, me, R"({"phone":"call me"})",
       "application/merge-patch+json", 400, "invalid-field"},
      {"patch bad language", Method::patch, me, R"({"preferences":{"language":"english"}})",
       "application/merge-patch+json", 400, "invalid-field"},
      {"patch bad currency", Method::patch, me, R"({"preferences":{"currency":"euro"}})",
       "application/merge-patch+json", 400, "invalid-field"},
      {"patch newsletter not bool", Method::patch, me, R"({"preferences":{"newsletter":1}})",
       "application/merge-patch+json", 400, "invalid-field"},
      {"patch wrong content type", Method::patch, me, R"({"name":"x"})", "text/plain", 415,
       "unsupported-media-type"},
      {"patch oversized", Method::patch, me, "{\"name\":\"" + huge + "\"}",
       "application/merge-patch+json", 413, "body-too-large"},
      {"address missing field", Method::post, me + "/addresses", R"({"recipient":"A"})",
       "application/json", 400, "invalid-field"},
      {"address unknown field", Method::post, me + "/addresses", address_with(R"("floor":3)"),
       "application/json", 400, "unknown-field"},
      {"address bad country", Method::post, me + "/addresses",
       R"({"recipient":"A","line1":"B","city":"C","postal_code":"1","country":"XX"})",
       "application/json", 400, "invalid-field"},
      {"address lower-case country", Method::post, me + "/addresses",
       R"({"recipient":"A","line1":"B","city":"C","postal_code":"1","country":"de"})",
       "application/json", 400, "invalid-field"},
      {"address bad postal code", Method::post, me + "/addresses",
       R"({"recipient":"A","line1":"B","city":"C","postal_code":"10_115","country":"DE"})",
       "application/json", 400, "invalid-field"},
      {"address long line", Method::post, me + "/addresses",
       R"({"recipient":"A","line1":")" + long_text +
           R"(","city":"C","postal_code":"1","country":"DE"})",
       "application/json", 400, "invalid-field"},
      {"address default not bool", Method::post, me + "/addresses",
       address_with(R"("is_default_billing":"yes")"), "application/json", 400, "invalid-field"},
      {"address wrong content type", Method::post, me + "/addresses", valid_address + "}",
       "text/plain", 415, "unsupported-media-type"},
      {"address bad idempotency key", Method::post, me + "/addresses", valid_address + "}",
       "application/json", 400, "invalid-field"},
      {"address id not a uuid", Method::get, me + "/addresses/nope", "", "", 404,
       "address-not-found"},
      {"address unknown", Method::get, me + "/addresses/0190d5a0-0000-7000-8000-000000000000", "",
       "", 404, "address-not-found"},
      {"address patch null city", Method::patch, me + "/addresses/{address}", R"({"city":null})",
       "application/merge-patch+json", 400, "invalid-field"},
      {"address patch read-only", Method::patch, me + "/addresses/{address}", R"({"id":"x"})",
       "application/merge-patch+json", 400, "invalid-field"},
      {"address patch unknown", Method::patch, me + "/addresses/nope", R"({"city":"x"})",
       "application/merge-patch+json", 404, "address-not-found"},
      {"address delete unknown", Method::delete_, me + "/addresses/nope", "", "", 404,
       "address-not-found"},
      {"wishlist long product id", Method::put, me + "/wishlist/" + std::string(65, 'p'), "", "",
       400, "invalid-field"},
      {"wishlist product id with space", Method::put, me + "/wishlist/a%20b", "", "", 400,
       "invalid-field"},
      {"wishlist delete absent", Method::delete_, me + "/wishlist/nothing", "", "", 404,
       "wishlist-item-not-found"},
      {"view missing product", Method::post, me + "/recently-viewed", "{}", "application/json", 400,
       "invalid-field"},
      {"view product not string", Method::post, me + "/recently-viewed", R"({"product_id":7})",
       "application/json", 400, "invalid-field"},
      {"view unknown field", Method::post, me + "/recently-viewed",
       R"({"product_id":"p","at":"now"})", "application/json", 400, "unknown-field"},
      {"view control character", Method::post, me + "/recently-viewed",
       R"({"product_id":"p\u0000"})", "application/json", 400, "invalid-field"},
      {"views bad limit", Method::get, me + "/recently-viewed?limit=-1", "", "", 400,
       "invalid-field"},
      {"views unknown parameter", Method::get, me + "/recently-viewed?sort=old", "", "", 400,
       "unknown-parameter"},
      {"orders bad cursor", Method::get, me + "/orders?cursor=abc", "", "", 400, "invalid-field"},
      {"orders customers cursor", Method::get, me + "/orders?cursor=YzF8MHwwMTkw", "", "", 400,
       "invalid-field"},
      {"orders limit too big", Method::get, me + "/orders?limit=101", "", "", 400, "invalid-field"},
      {"method not allowed", Method::put, me, "{}", "application/json", 405, "method-not-allowed"},
      {"unknown route", Method::get, "/v1/nothing", "", "", 404, "route-not-found"},
  };
}

class BadInput : public CustomersTest {};

TEST_P(BadInput, EveryRouteAnswersBadRequestsWithProblems) {
  const auto created = post("/v1/customers/me/addresses", address());
  ASSERT_EQ(created.status, 201);
  const std::string address_id(created.body.at("id").as_string());
  const auto before = get("/v1/customers/me/export").body;
  for (auto bad : bad_requests()) {
    SCOPED_TRACE(bad.name);
    if (const auto at = bad.path.find("{address}"); at != std::string::npos) {
      bad.path.replace(at, 9, address_id);
    }
    platform::http::Headers headers;
    if (std::string_view(bad.name).starts_with("admin: ")) {
      headers.set("Authorization", "Bearer " + admin_token());
    }
    if (std::string_view(bad.name) == "address bad idempotency key") {
      headers.set("Idempotency-Key", std::string(300, 'k'));
    }
    const auto reply = call(bad.method, bad.path, bad.body, bad.content_type, headers);
    expect_problem(reply, bad.status, bad.code);
  }
  auto after = get("/v1/customers/me/export").body;
  after.as_object()["exported_at"] = before.at("exported_at");
  EXPECT_EQ(after, before) << "nothing above changed anything";
}

INSTANTIATE_TEST_SUITE_P(Backends, BadInput,
                         ::testing::ValuesIn(platform::testing::database_backends()), mode_name);

}  // namespace
}  // namespace customers::testing
