#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "domain/interaction_log.h"
#include "platform/clock.h"
#include "platform/db/database.h"

namespace recommendations {

// The interaction log in SQL (migrations/0001_interactions.sql).
class InteractionStore {
 public:
  explicit InteractionStore(platform::db::Database& database) : database_(database) {}

  // In the caller's transaction (the consumer's, with its inbox claim).
  // Recording one event's interactions again changes nothing.
  static void record(platform::db::Session& session, std::string_view event_id,
                     const std::vector<LoggedInteraction>& interactions);

  // The latest `limit` interactions at or after `since`, oldest first: what
  // a training reads (bounded, so a long-lived shop trains on its recent
  // months, not on a log that only grows).
  std::vector<LoggedInteraction> since(platform::SystemTime since, std::size_t limit) const;

  // The products `customer` bought at or after `since`.
  std::vector<std::string> purchases_since(const std::string& customer,
                                           platform::SystemTime since) const;

  // Forgets interactions before `before`; returns how many.
  std::size_t forget_before(platform::SystemTime before);

 private:
  platform::db::Database& database_;
};

}  // namespace recommendations
