#include <boost/json.hpp>

#include "api/routes.h"
#include "platform/error.h"
#include "platform/http/json_response.h"
#include "platform/json.h"
#include "representation/catalog_json.h"

namespace catalog {
namespace {

std::vector<ReservationLine> read_lines(platform::json::ObjectReader& body) {
  const auto* lines = body.raw("lines");
  if (lines == nullptr) throw platform::invalid_field("lines", "lines is required");
  if (!lines->is_array()) throw platform::invalid_field("lines", "lines must be an array");
  if (lines->get_array().size() > 100) throw platform::invalid_field("lines", "at most 100 lines");
  std::vector<ReservationLine> result;
  for (std::size_t i = 0; i < lines->get_array().size(); ++i) {
    const auto path = "lines[" + std::to_string(i) + "]";
    const auto& item = lines->get_array()[i];
    if (!item.is_object()) throw platform::invalid_field(path, path + " must be an object");
    platform::json::ObjectReader line(item.get_object(), path);
    ReservationLine parsed;
    parsed.product_id = line.required_string("product_id", {1, 64});
    parsed.quantity = line.required_integer("quantity", {.minimum = 1, .maximum = 1000});
    line.finish();
    result.push_back(std::move(parsed));
  }
  return result;
}

platform::http::Response reservation_response(int status, const Reservation& reservation) {
  return platform::http::json_response(status, to_json(reservation));
}

}  // namespace

void add_reservation_routes(platform::http::Router& router, CatalogStore& store,
                            platform::metrics::Family<platform::metrics::Counter>& outcomes) {
  // Idempotent by order_id: retrying after a timeout returns the same hold.
  router.post(
      "/v1/reservations",
      [&store, &outcomes](platform::http::Request& request) {
        platform::http::require_content_type(request, {"application/json"});
        const auto object = platform::json::parse_object(request.body);
        platform::json::ObjectReader body(object);
        const auto order_id = body.required_string("order_id", {1, 64});
        auto lines = read_lines(body);
        const auto hold = body.optional_integer(
            "hold_seconds", {.minimum = kMinimumHoldSeconds, .maximum = kMaximumHoldSeconds});
        body.finish();
        std::pair<Reservation, bool> result;
        try {
          result = store.reserve(order_id, std::move(lines), hold.value_or(900));
        } catch (const platform::Error& error) {
          if (error.code() == "insufficient-stock")
            outcomes.with({"insufficient_stock"}).increment();
          throw;
        }
        const auto& [reservation, created] = result;
        outcomes.with({created ? "held" : "replayed"}).increment();
        auto response = reservation_response(created ? 201 : 200, reservation);
        response.headers.set("Location", "/v1/reservations/" + reservation.id);
        return response;
      },
      stock_keepers());

  // Whether an order holds a reservation: zero or one item, as order ids are
  // unique. What a caller whose reserve call got no answer asks before
  // releasing the hold it may have made.
  router.get(
      "/v1/reservations",
      [&store](platform::http::Request& request) {
        platform::http::reject_unknown_parameters(request, {"order_id"});
        const auto order_id = request.query_parameter("order_id");
        if (!order_id || order_id->empty()) {
          throw platform::invalid_field("order_id", "order_id is required");
        }
        boost::json::array items;
        if (auto reservation = store.find_reservation_by_order(*order_id)) {
          items.push_back(to_json(*reservation));
        }
        return platform::http::json_response(200, boost::json::object{{"items", std::move(items)}});
      },
      stock_keepers());

  router.get(
      "/v1/reservations/{id}",
      [&store](platform::http::Request& request) {
        const auto& id = request.path_parameter("id");
        auto reservation = store.find_reservation(id);
        if (!reservation)
          throw platform::not_found("reservation-not-found", "no reservation " + id);
        return reservation_response(200, *reservation);
      },
      stock_keepers());

  router.post(
      "/v1/reservations/{id}/confirm",
      [&store, &outcomes](platform::http::Request& request) {
        auto reservation = store.confirm_reservation(request.path_parameter("id"));
        outcomes.with({"confirmed"}).increment();
        return reservation_response(200, reservation);
      },
      stock_keepers());

  router.post(
      "/v1/reservations/{id}/release",
      [&store, &outcomes](platform::http::Request& request) {
        auto reservation = store.release_reservation(request.path_parameter("id"));
        outcomes.with({"released"}).increment();
        return reservation_response(200, reservation);
      },
      stock_keepers());

  // A paid order cancelled before shipment: its stock goes back on hand.
  router.post(
      "/v1/reservations/{id}/return",
      [&store, &outcomes](platform::http::Request& request) {
        auto reservation = store.return_reservation(request.path_parameter("id"));
        outcomes.with({"returned"}).increment();
        return reservation_response(200, reservation);
      },
      stock_keepers());
}

}  // namespace catalog
