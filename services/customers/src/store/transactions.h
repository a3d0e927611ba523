#pragma once

#include <functional>
#include <type_traits>
#include <utility>

#include "platform/db/database.h"

namespace customers {

// The store's way into the database. After every write it calls `committed`,
// so the outbox relay publishes what the write added at once instead of at
// its next poll.
class Transactions {
 public:
  Transactions(platform::db::Database& database, std::function<void()> committed)
      : database_(database), committed_(std::move(committed)) {}

  template <class Work>
  auto read(Work&& work) {
    return database_.read(std::forward<Work>(work));
  }

  template <class Work>
  auto write(Work&& work) {
    using Result = std::invoke_result_t<Work&, platform::db::Session&>;
    if constexpr (std::is_void_v<Result>) {
      database_.write(std::forward<Work>(work));
      notify();
    } else {
      auto result = database_.write(std::forward<Work>(work));
      notify();
      return result;
    }
  }

 private:
  void notify() {
    if (committed_) committed_();
  }

  platform::db::Database& database_;
  std::function<void()> committed_;
};

}  // namespace customers
