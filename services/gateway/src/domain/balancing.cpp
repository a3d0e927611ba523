#include "domain/balancing.h"

namespace gateway {

std::optional<Balancing> balancing_named(std::string_view name) {
  if (name == "round_robin") return Balancing::round_robin;
  if (name == "least_outstanding") return Balancing::least_outstanding;
  return std::nullopt;
}

}  // namespace gateway
