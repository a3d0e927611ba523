#include "platform/periodic_task.h"

#include "platform/log.h"

namespace platform {

PeriodicTask::PeriodicTask(std::string name, std::chrono::milliseconds interval,
                           std::function<void()> work)
    : name_(std::move(name)),
      interval_(interval),
      work_(std::move(work)),
      thread_([this] { loop(); }) {}

PeriodicTask::~PeriodicTask() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wakeup_.notify_all();
  thread_.join();
}

void PeriodicTask::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wakeup_.notify_all();
}

void PeriodicTask::loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    wakeup_.wait_for(lock, interval_, [this] { return stopping_ || woken_; });
    if (stopping_) break;
    woken_ = false;
    lock.unlock();
    try {
      work_();
    } catch (const std::exception& exception) {
      log::error("periodic task failed", {{"task", name_}, {"error", exception.what()}});
    }
    lock.lock();
  }
}

}  // namespace platform
