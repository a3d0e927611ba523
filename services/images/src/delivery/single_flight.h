#pragma once

#include <condition_variable>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace images {

// Runs `make` once per key among callers that ask at the same time; the
// others wait for its result (or its exception). A hundred first requests
// for a new variant then render it once, not a hundred times.
template <class T>
class SingleFlight {
 public:
  T run(const std::string& key, const std::function<T()>& make) {
    std::unique_lock lock(mutex_);
    if (const auto found = flights_.find(key); found != flights_.end()) {
      const auto flight = found->second;
      flight->done.wait(lock, [&] { return flight->finished; });
      if (flight->failure) std::rethrow_exception(flight->failure);
      return *flight->value;
    }
    const auto flight = std::make_shared<Flight>();
    flights_.emplace(key, flight);
    lock.unlock();
    try {
      flight->value.emplace(make());
    } catch (...) {
      flight->failure = std::current_exception();
    }
    lock.lock();
    flight->finished = true;
    flights_.erase(key);
    flight->done.notify_all();
    if (flight->failure) std::rethrow_exception(flight->failure);
    return *flight->value;
  }

 private:
  struct Flight {
    std::condition_variable done;
    bool finished = false;
    std::optional<T> value;
    std::exception_ptr failure;
  };

  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<Flight>> flights_;
};

}  // namespace images
