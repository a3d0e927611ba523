#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "platform/error.h"

namespace platform::db {

// A bounded pool of connections of one backend, opened lazily. acquire()
// waits up to the timeout for a free one, then reports the database as
// unavailable rather than queueing without end.
template <class Connection>
class ConnectionPool {
 public:
  using Factory = std::function<std::unique_ptr<Connection>()>;

  ConnectionPool(Factory factory, int size, std::chrono::milliseconds timeout)
      : factory_(std::move(factory)), size_(size), timeout_(timeout) {}

  // Hands a connection back to the pool when destroyed, unless discard()ed.
  class Lease {
   public:
    Lease(ConnectionPool& pool, std::unique_ptr<Connection> connection)
        : pool_(&pool), connection_(std::move(connection)) {}
    Lease(Lease&& other) noexcept
        : pool_(std::exchange(other.pool_, nullptr)), connection_(std::move(other.connection_)) {}
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (pool_ != nullptr) pool_->give_back(std::move(connection_));
    }
    Connection& operator*() const { return *connection_; }
    Connection* operator->() const { return connection_.get(); }
    // The connection is broken: close it; the pool may open a new one.
    void discard() { connection_.reset(); }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<Connection> connection_;
  };

  Lease acquire() {
    std::unique_lock lock(mutex_);
    const bool available =
        changed_.wait_for(lock, timeout_, [this] { return !idle_.empty() || open_ < size_; });
    if (!available) {
      throw Error(ErrorKind::unavailable, "database-unavailable",
                  "no database connection free within " + std::to_string(timeout_.count()) + " ms");
    }
    if (!idle_.empty()) {
      auto connection = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(connection));
    }
    ++open_;
    lock.unlock();
    try {
      return Lease(*this, factory_());
    } catch (...) {
      lock.lock();
      --open_;
      changed_.notify_one();
      throw;
    }
  }

 private:
  void give_back(std::unique_ptr<Connection> connection) {
    {
      std::lock_guard lock(mutex_);
      if (connection) {
        idle_.push_back(std::move(connection));
      } else {
        --open_;
      }
    }
    changed_.notify_one();
  }

  Factory factory_;
  int size_;
  std::chrono::milliseconds timeout_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::unique_ptr<Connection>> idle_;
  int open_ = 0;
};

}  // namespace platform::db
