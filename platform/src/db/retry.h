#pragma once

#include <chrono>
#include <random>
#include <stdexcept>
#include <thread>

namespace platform::db {

// Thrown by a backend for failures that a fresh attempt of the whole
// transaction can cure: serialization failures, deadlocks, SQLite busy.
class RetryableError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

constexpr int kTransactionAttempts = 8;

// Sleeps a random time that grows with the attempt number, so that the
// transactions that collided do not collide again in lockstep.
inline void backoff(int attempt) {
  thread_local std::minstd_rand random{std::random_device{}()};
  const int ceiling = 2 << std::min(attempt, 8);  // 2 ms .. 512 ms
  std::uniform_int_distribution<int> milliseconds(1, ceiling);
  std::this_thread::sleep_for(std::chrono::milliseconds(milliseconds(random)));
}

}  // namespace platform::db
