#include "store/interaction_store.h"

#include "platform/error.h"

namespace recommendations {
namespace {

Signal signal_column(const std::string& name) {
  const auto signal = signal_named(name);
  if (!signal) {
    throw platform::Error(platform::ErrorKind::internal, "corrupt-interaction",
                          "unknown signal in the database: " + name);
  }
  return *signal;
}

}  // namespace

void InteractionStore::record(platform::db::Session& session, std::string_view event_id,
                              const std::vector<LoggedInteraction>& interactions) {
  for (std::size_t position = 0; position < interactions.size(); ++position) {
    const auto& interaction = interactions[position];
    session.run(
        "INSERT INTO interactions (event_id, position, customer_id, product_id, signal,"
        " occurred_at) VALUES ($1, $2, $3, $4, $5, $6)"
        " ON CONFLICT (event_id, position) DO NOTHING",
        std::string(event_id), static_cast<std::int64_t>(position), interaction.customer,
        interaction.product, std::string(name_of(interaction.signal)),
        platform::to_unix_millis(interaction.at));
  }
}

std::vector<LoggedInteraction> InteractionStore::since(platform::SystemTime since,
                                                       std::size_t limit) const {
  return database_.read([&](platform::db::Session& session) {
    // The newest first to apply the limit, then turned oldest first.
    const auto rows = session.run(
        "SELECT customer_id, product_id, signal, occurred_at FROM interactions"
        " WHERE occurred_at >= $1 ORDER BY occurred_at DESC, event_id DESC, position DESC"
        " LIMIT $2",
        platform::to_unix_millis(since), static_cast<std::int64_t>(limit));
    std::vector<LoggedInteraction> log;
    log.reserve(rows.size());
    for (std::size_t index = rows.size(); index-- > 0;) {
      const auto& row = rows[index];
      log.push_back({row.get<std::string>(0), row.get<std::string>(1),
                     signal_column(row.get<std::string>(2)),
                     platform::from_unix_millis(row.get<std::int64_t>(3))});
    }
    return log;
  });
}

std::vector<std::string> InteractionStore::purchases_since(const std::string& customer,
                                                           platform::SystemTime since) const {
  return database_.read([&](platform::db::Session& session) {
    std::vector<std::string> products;
    for (const auto& row :
         session.run("SELECT DISTINCT product_id FROM interactions"
                     " WHERE customer_id = $1 AND occurred_at >= $2 AND signal = 'purchase'",
                     customer, platform::to_unix_millis(since))) {
      products.push_back(row.get<std::string>(0));
    }
    return products;
  });
}

std::size_t InteractionStore::forget_before(platform::SystemTime before) {
  return database_.write([&](platform::db::Session& session) {
    return static_cast<std::size_t>(session
                                        .run("DELETE FROM interactions WHERE occurred_at < $1",
                                             platform::to_unix_millis(before))
                                        .affected_rows());
  });
}

}  // namespace recommendations
