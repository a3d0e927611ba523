#pragma once

#include <functional>
#include <string>
#include <vector>

#include "platform/http/router.h"
#include "platform/metrics.h"

namespace platform::http {

// A dependency /readyz checks: the database, the bus, another service.
struct ReadinessCheck {
  std::string name;
  std::function<bool()> ready;
};

// GET /healthz (the process is alive), GET /readyz (every dependency answers;
// 503 naming the ones that do not) and GET /metrics (Prometheus text).
void add_operational_routes(Router& router, metrics::Registry& registry,
                            std::vector<ReadinessCheck> checks);

// GET /openapi.yaml: the service's contract, public.
void add_openapi_route(Router& router, std::string document);

}  // namespace platform::http
