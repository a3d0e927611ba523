#include "platform/http/health.h"

#include <boost/json.hpp>

#include "platform/log.h"

namespace platform::http {

void add_operational_routes(Router& router, metrics::Registry& registry,
                            std::vector<ReadinessCheck> checks) {
  router.get(
      "/healthz", [](Request&) { return Response::json(200, R"({"status":"ok"})"); },
      inline_route());

  // Readiness checks may block on the network, so they run on the workers.
  router.get(
      "/readyz",
      [checks = std::move(checks)](Request&) {
        boost::json::object body;
        boost::json::object results;
        bool all_ready = true;
        for (const auto& check : checks) {
          bool ready = false;
          try {
            ready = check.ready();
          } catch (const std::exception& exception) {
            log::warn("readiness check failed",
                      {{"check", check.name}, {"error", exception.what()}});
          }
          results[check.name] = ready ? "ok" : "unavailable";
          all_ready = all_ready && ready;
        }
        body["status"] = all_ready ? "ok" : "unavailable";
        body["checks"] = std::move(results);
        return Response::json(all_ready ? 200 : 503, boost::json::serialize(body));
      },
      public_route());

  router.get(
      "/metrics",
      [&registry](Request&) {
        return Response::text(200, registry.render(), "text/plain; version=0.0.4; charset=utf-8");
      },
      inline_route());
}

void add_openapi_route(Router& router, std::string document) {
  router.get(
      "/openapi.yaml",
      [document = std::move(document)](Request&) {
        return Response::text(200, document, "application/yaml");
      },
      inline_route());
}

}  // namespace platform::http
