#pragma once

#include <functional>
#include <type_traits>
#include <utility>

#include "platform/bus/outbox.h"
#include "platform/db/database.h"

namespace platform::bus {

// A store's way into its database when its writes add events to the
// outbox. After every committed write it calls `committed(added_events)`,
// so that the owner can wake the outbox relay (only when the write added
// events: a relay woken for nothing costs a transaction) and drop what it
// caches.
class OutboxTransactions {
 public:
  using Committed = std::function<void(bool added_events)>;

  OutboxTransactions(db::Database& database, Committed committed)
      : database_(database), committed_(std::move(committed)) {}

  db::Database& database() noexcept { return database_; }

  template <class Work>
  auto read(Work&& work) {
    return database_.read(std::forward<Work>(work));
  }

  template <class Work>
  auto write(Work&& work) {
    using Result = std::invoke_result_t<Work&, db::Session&>;
    // The transaction runs on this thread, so the difference is its own.
    const auto events_before = Outbox::added_on_this_thread();
    if constexpr (std::is_void_v<Result>) {
      database_.write(std::forward<Work>(work));
      committed(events_before);
    } else {
      auto result = database_.write(std::forward<Work>(work));
      committed(events_before);
      return result;
    }
  }

 private:
  void committed(std::uint64_t events_before) {
    if (committed_) committed_(Outbox::added_on_this_thread() != events_before);
  }

  db::Database& database_;
  Committed committed_;
};

}  // namespace platform::bus
