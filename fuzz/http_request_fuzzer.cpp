// Raw bytes through the same path a request takes in the server: Beast's
// parser with the server's limits, the conversion, the middleware and the
// router, and a handler decoding JSON strictly. Any crash, sanitizer report or
// 5xx answer is a finding.
#include <boost/asio/buffer.hpp>
#include <cstdint>
#include <cstdlib>

#include "http/beast_conversion.h"
#include "http/middleware.h"
#include "platform/json.h"

namespace {

using namespace platform::http;

Router make_router() {
  Router router;
  router.post(
      "/v1/items/{id}",
      [](Request& request) {
        const auto object = platform::json::parse_object(request.body);
        platform::json::ObjectReader body(object);
        (void)body.optional_string("name", {1, 100});
        (void)body.optional_integer("count", {.minimum = 0, .maximum = 1000});
        if (auto nested = body.optional_object("price")) {
          (void)nested->required_integer("amount");
          nested->finish();
        }
        (void)body.string_array("tags");
        body.finish();
        return Response::text(200, request.path_parameter("id"));
      },
      public_route());
  router.get(
      "/v1/items/{id}",
      [](Request& request) {
        return Response::text(200, std::string(request.query_parameter("q").value_or("")));
      },
      public_route());
  return router;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static platform::metrics::Registry registry;
  static const ServerOptions options = [] {
    ServerOptions o;
    o.access_log = false;
    o.cors_allowed_origins = {"http://shop.test"};
    return o;
  }();
  static const Router router = make_router();
  static const Middleware middleware(options, router, registry);

  boost::beast::http::request_parser<boost::beast::http::string_body> parser;
  parser.body_limit(64 * 1024);
  parser.header_limit(16 * 1024);
  parser.eager(true);
  boost::beast::error_code error;
  std::size_t offset = 0;
  while (offset < size && !parser.is_done()) {
    const auto used = parser.put(boost::asio::buffer(data + offset, size - offset), error);
    if (error || used == 0) break;
    offset += used;
  }
  if (error || !parser.is_done()) return 0;

  Request request = to_request(parser.release(), "127.0.0.1");
  const auto prepared = middleware.prepare(request);
  const auto response = middleware.respond(request, prepared);
  if (response.status >= 500) std::abort();
  return 0;
}
