// Bytes as the data of the events recommendations read (paid orders, views,
// cart additions, the catalog's changes) and as MovieLens files: decoding
// may only ever end in a value or a platform::Error naming what is wrong
// (std::invalid_argument for a ratings file); anything else (another
// exception type, a crash, a sanitizer report) is a finding.
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string_view>

#include "evaluation/ratings.h"
#include "events/catalog_changes.h"
#include "events/interaction_events.h"
#include "platform/bus/event.h"
#include "platform/error.h"

namespace {

void decode(const char* subject, std::string_view data) {
  platform::bus::Event event;
  event.id = "fuzz";
  event.subject = subject;
  event.occurred_at = "2026-12-03T12:00:00Z";
  event.data = std::string(data);
  try {
    if (std::string_view(subject).starts_with("catalog.")) {
      recommendations::catalog_change_of(event);
    } else {
      for (const auto& interaction : recommendations::interactions_of(event)) {
        if (interaction.customer.empty() || interaction.product.empty()) std::abort();
      }
    }
  } catch (const platform::Error& error) {
    if (error.kind() == platform::ErrorKind::internal) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  const std::string_view data(reinterpret_cast<const char*>(bytes), size);
  for (const auto* subject :
       {recommendations::kOrderPaid, recommendations::kProductViewed,
        recommendations::kCartItemAdded, "catalog.product.upserted", "catalog.product.deleted",
        "catalog.stock.changed", "catalog.category.upserted"}) {
    decode(subject, data);
  }
  try {
    recommendations::evaluation::parse_movielens(data);
  } catch (const std::invalid_argument&) {
  }
  return 0;
}
