#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "domain/interaction_log.h"
#include "events/recommendation_consumers.h"
#include "platform/bus/event.h"
#include "platform/ids.h"
#include "platform/metrics.h"
#include "platform/testing/databases.h"

namespace recommendations::testing {

// One test's database and bus on either deployment: SQLite with the
// in-process bus, or a fresh PostgreSQL database with NATS JetStream when
// the test infrastructure runs. Tests running at once share the NATS
// server, so each names its own consumers and products.
class RecommendationsTest : public ::testing::TestWithParam<platform::testing::DatabaseBackend> {
 protected:
  // Subclasses call this first and stop when the test was skipped.
  void SetUp() override;
  // Subclasses release what uses the bus and database before calling this.
  void TearDown() override;

  // Consumers of this test's own, reading what is published from now on.
  ConsumerOptions consumers() const;
  static std::string customer();
  std::string product(const std::string& name) const { return name + "-" + run_; }
  bool is_ours(const std::string& product_id) const { return product_id.ends_with("-" + run_); }

  // This test's interactions in the log (products of its own), oldest first.
  std::vector<LoggedInteraction> log() const;
  std::size_t logged() const { return log().size(); }
  // On NATS every test's events reach every consumer started meanwhile:
  // counts of what a service read are exact only on the in-process bus.
  bool bus_is_shared() const { return GetParam() == platform::testing::DatabaseBackend::postgres; }

  // Events as the other services publish them.
  static platform::bus::Event paid(const std::string& customer,
                                   const std::vector<std::string>& products);
  static platform::bus::Event upserted(const std::string& id, const std::string& category,
                                       const std::string& status, std::int64_t version,
                                       bool in_stock, std::int64_t stock_version);
  static platform::bus::Event stock_changed(const std::string& id, bool in_stock,
                                            std::int64_t version);

  const std::string run_ = platform::random_hex(6);
  std::unique_ptr<platform::testing::FreshDatabase> database_;
  std::unique_ptr<platform::bus::EventBus> bus_;
  platform::metrics::Registry registry_;
};

}  // namespace recommendations::testing
