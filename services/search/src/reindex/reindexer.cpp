#include "reindex/reindexer.h"

#include "platform/clock.h"
#include "platform/enum_names.h"
#include "platform/error.h"
#include "platform/log.h"

namespace search {
namespace {

constexpr platform::EnumNames<ReindexStatus::State, 4> kStateNames{{{
    {ReindexStatus::State::never, "never"},
    {ReindexStatus::State::running, "running"},
    {ReindexStatus::State::succeeded, "succeeded"},
    {ReindexStatus::State::failed, "failed"},
}}};

// Products written between commits of a generation being built.
constexpr std::uint64_t kCommitEvery = 5000;

ReindexStatus running_status() {
  ReindexStatus status;
  status.state = ReindexStatus::State::running;
  status.started_at = platform::now_unix_millis();
  return status;
}

}  // namespace

std::string_view to_string(ReindexStatus::State state) { return kStateNames.name(state); }

Reindexer::Reindexer(LiveIndex& index, ProductSource& source, std::function<void()> switched)
    : index_(index), source_(source), switched_(std::move(switched)) {}

Reindexer::~Reindexer() {
  stopping_ = true;
  if (thread_.joinable()) thread_.join();
}

void Reindexer::update(const std::function<void(ReindexStatus&)>& change) {
  std::lock_guard lock(mutex_);
  change(status_);
}

ReindexStatus Reindexer::status() const {
  std::lock_guard lock(mutex_);
  return status_;
}

void Reindexer::start() {
  std::lock_guard lock(mutex_);
  if (status_.state == ReindexStatus::State::running) {
    throw platform::conflict("reindex-running", "a reindex is already running");
  }
  if (thread_.joinable()) thread_.join();
  status_ = running_status();
  thread_ = std::thread([this] {
    try {
      rebuild();
    } catch (const std::exception& error) {
      platform::log::error("reindex failed", {{"error", error.what()}});
    } catch (...) {
      platform::log::error("reindex failed", {{"error", "an unknown exception"}});
    }
  });
}

void Reindexer::run() {
  update([](ReindexStatus& status) {
    if (status.state == ReindexStatus::State::running) {
      throw platform::conflict("reindex-running", "a reindex is already running");
    }
    status = running_status();
  });
  rebuild();
}

void Reindexer::rebuild() {
  std::shared_ptr<IndexWriter> built;
  std::uint64_t products = 0;
  try {
    built = index_.begin_rebuild();
    platform::log::info("reindex started", {{"directory", built->directory().string()}});
    std::optional<std::string> cursor;
    std::uint64_t skipped = 0;
    do {
      if (stopping_) throw platform::unavailable("shutting-down", "the service is stopping");
      auto page = source_.page(cursor);
      for (const auto& product : page.products) {
        // One product the index cannot take must not keep every other one
        // out: it is left out and logged (its next event tries again).
        try {
          built->upsert(product);
        } catch (const platform::Error& error) {
          ++skipped;
          platform::log::warn("reindex left a product out",
                              {{"product_id", product.id}, {"error", error.what()}});
        }
      }
      products += page.products.size();
      if (products / kCommitEvery != (products - page.products.size()) / kCommitEvery) {
        built->commit();
      }
      update([&](ReindexStatus& status) { status.products = products; });
      cursor = std::move(page.next_cursor);
    } while (cursor);
    index_.finish_rebuild(*built);
    if (skipped > 0) {
      platform::log::warn("reindex left products out",
                          {{"skipped", static_cast<std::int64_t>(skipped)}});
    }
  } catch (...) {
    if (built) index_.abandon_rebuild(*built);
    std::string why = "an unknown exception";
    try {
      throw;
    } catch (const std::exception& error) {
      why = error.what();
    } catch (...) {
    }
    update([&](ReindexStatus& status) {
      status.state = ReindexStatus::State::failed;
      status.finished_at = platform::now_unix_millis();
      status.error = why;
    });
    throw;
  }
  const auto generation = index_.view().generation;
  update([&](ReindexStatus& status) {
    status.state = ReindexStatus::State::succeeded;
    status.finished_at = platform::now_unix_millis();
    status.generation = generation;
  });
  platform::log::info("reindex finished", {{"products", static_cast<std::int64_t>(products)},
                                           {"generation", static_cast<std::int64_t>(generation)}});
  // The new generation is served whatever follows: a failure here is not
  // the reindex's.
  try {
    if (switched_) switched_();
  } catch (const std::exception& error) {
    platform::log::error("after a reindex", {{"error", error.what()}});
  }
}

}  // namespace search
