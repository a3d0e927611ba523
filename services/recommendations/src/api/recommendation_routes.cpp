#include "api/recommendation_routes.h"

#include <boost/json.hpp>

#include "platform/clock.h"
#include "platform/error.h"
#include "platform/http/json_response.h"
#include "platform/ids.h"

namespace recommendations {
namespace {

using platform::http::Request;

constexpr std::int64_t kDefaultLimit = 10;
constexpr std::int64_t kMostLimit = 50;
constexpr std::size_t kMostIdLength = 64;

Rules rules_of(const Request& request, std::size_t per_category) {
  const auto limit =
      platform::http::integer_parameter(request, "limit", 1, kMostLimit).value_or(kDefaultLimit);
  return {.count = static_cast<std::size_t>(limit), .per_category = per_category};
}

// Ids are opaque here, but bounded and printable: anything else is a
// mistake worth naming rather than a lookup that finds nothing.
std::string id_of(const Request& request) {
  auto id = std::string(request.path_parameter("id"));
  if (!platform::is_opaque_id(id, kMostIdLength)) {
    throw platform::invalid_field("id", "id must be 1 to 64 visible ASCII characters");
  }
  return id;
}

platform::http::Response json_of(const Answer& answer) {
  boost::json::array items;
  for (const auto& item : answer.items) {
    items.push_back({{"product_id", item.product_id},
                     {"score", static_cast<double>(item.score)},
                     {"model", item.model}});
  }
  boost::json::object body{{"model", answer.model}, {"items", std::move(items)}};
  body["trained_at"] = answer.trained_at
                           ? boost::json::value(platform::format_rfc3339(*answer.trained_at))
                           : boost::json::value(nullptr);
  auto response = platform::http::json_response(200, body);
  // The same for everyone until the next training: caches may keep it a
  // little; a customer's own list is theirs alone.
  response.headers.set("Cache-Control", "private, max-age=60");
  return response;
}

}  // namespace

void add_recommendation_routes(platform::http::Router& router, RouteContext context) {
  using platform::http::Access;

  router.get(
      "/v1/recommendations/users/{id}",
      [context](Request& request) {
        const auto customer = id_of(request);
        // Another customer's list says what they bought: theirs and the
        // admins' only.
        if (request.caller->subject != customer && !request.caller->is_admin()) {
          throw platform::Error(platform::ErrorKind::forbidden, "not-your-recommendations",
                                "a customer may read only their own recommendations");
        }
        platform::http::reject_unknown_parameters(request, {"limit", "model"});
        const auto model = request.query_parameter("model").value_or("ease");
        if (model != "ease" && model != "als") {
          throw platform::invalid_field("model", "model is ease or als");
        }
        return json_of(context.answers.for_customer(
            customer, rules_of(request, context.per_category),
            model == "als" ? Answers::PersonalModel::als : Answers::PersonalModel::ease));
      },
      platform::http::requires_access(Access::signed_in()));

  router.get(
      "/v1/recommendations/products/{id}/similar",
      [context](Request& request) {
        platform::http::reject_unknown_parameters(request, {"limit"});
        return json_of(
            context.answers.similar_to(id_of(request), rules_of(request, context.per_category)));
      },
      platform::http::public_route());

  router.get(
      "/v1/recommendations/popular",
      [context](Request& request) {
        platform::http::reject_unknown_parameters(request, {"limit"});
        return json_of(context.answers.popular(rules_of(request, context.per_category)));
      },
      platform::http::public_route());

  router.post(
      "/v1/recommendations/training",
      [context](Request& request) {
        platform::http::reject_unknown_parameters(request, {});
        const auto models = context.trainer.train_now();
        return platform::http::json_response(
            200, boost::json::object{{"trained_at", platform::format_rfc3339(models->trained_at())},
                                     {"interactions", models->interactions()},
                                     {"products", models->products()},
                                     {"customers", models->customers()}});
      },
      platform::http::requires_access(Access::role("admin")));
}

}  // namespace recommendations
