#include "platform/db/database.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "platform/error.h"
#include "platform/testing/databases.h"

using namespace platform::db;
using platform::testing::DatabaseBackend;

namespace {

class DatabaseTest : public ::testing::TestWithParam<DatabaseBackend> {
 protected:
  void SetUp() override {
    fresh_ = platform::testing::open_fresh_database(
        GetParam(), {.pool_size = 8, .acquire_timeout = std::chrono::milliseconds(2000)});
    if (!fresh_) GTEST_SKIP() << "backend not configured";
  }
  Database& database() { return fresh_->database(); }

  void create_table() {
    database().write([](Session& session) {
      session.execute_script(
          "CREATE TABLE items (id TEXT PRIMARY KEY, count BIGINT NOT NULL, price DOUBLE PRECISION, "
          "active BOOLEAN, note TEXT)");
    });
  }

  std::unique_ptr<platform::testing::FreshDatabase> fresh_;
};

TEST_P(DatabaseTest, RoundTripsEveryValueType) {
  create_table();
  database().write([](Session& session) {
    const auto inserted = session.run(
        "INSERT INTO items (id, count, price, active, note) VALUES ($1, $2, $3, $4, $5)", "a",
        std::int64_t{42}, 2.5, true, nullptr);
    EXPECT_EQ(inserted.affected_rows(), 1);
  });
  const auto row = database().read([](Session& session) {
    return session.run("SELECT id, count, price, active, note FROM items WHERE id = $1", "a")
        .front();
  });
  EXPECT_EQ(row.get<std::string>(0), "a");
  EXPECT_EQ(row.get<std::int64_t>(1), 42);
  EXPECT_DOUBLE_EQ(row.get<double>(2), 2.5);
  EXPECT_TRUE(row.get<bool>(3));
  EXPECT_TRUE(row.is_null(4));
  EXPECT_EQ(row.get<std::optional<std::string>>(4), std::nullopt);
  EXPECT_THROW(row.get<std::string>(4), platform::Error);
  EXPECT_THROW(row.get<std::int64_t>(9), platform::Error);
}

TEST_P(DatabaseTest, BindsParametersByNumberWhereverTheyAppear) {
  const auto row = database().read([](Session& session) {
    return session.run("SELECT $2 || '-' || $1, $1 || $1", "x", "y").front();
  });
  EXPECT_EQ(row.get<std::string>(0), "y-x");
  EXPECT_EQ(row.get<std::string>(1), "xx");
}

TEST_P(DatabaseTest, RollsBackWhenWorkThrows) {
  create_table();
  EXPECT_THROW(database().write([](Session& session) {
    session.run("INSERT INTO items (id, count) VALUES ($1, $2)", "gone", 1);
    throw std::runtime_error("changed my mind");
  }),
               std::runtime_error);
  const auto count = database().read([](Session& session) {
    return session.run("SELECT COUNT(*) FROM items").front().get<std::int64_t>(0);
  });
  EXPECT_EQ(count, 0);
}

TEST_P(DatabaseTest, ReportsDuplicatesAsConflicts) {
  create_table();
  database().write(
      [](Session& session) { session.run("INSERT INTO items (id, count) VALUES ('k', 1)"); });
  try {
    database().write(
        [](Session& session) { session.run("INSERT INTO items (id, count) VALUES ('k', 2)"); });
    FAIL() << "duplicate accepted";
  } catch (const platform::Error& error) {
    EXPECT_EQ(error.kind(), platform::ErrorKind::conflict);
    EXPECT_EQ(error.code(), "duplicate");
  }
}

TEST_P(DatabaseTest, AppliesMigrationsOnceEvenFromTwoThreads) {
  const std::vector<MigrationSet> sets = {
      {"test",
       {{"0001_create.sql",
         "CREATE TABLE one (id TEXT PRIMARY KEY); CREATE TABLE two (id TEXT PRIMARY KEY);"},
        {"0002_only_postgres.postgres.sql",
         "CREATE TABLE engine (name TEXT); INSERT INTO engine VALUES ('postgres');"},
        {"0002_only_sqlite.sqlite.sql",
         "CREATE TABLE engine (name TEXT); INSERT INTO engine VALUES ('sqlite');"}}}};
  std::atomic<int> applied{0};
  std::thread first([&] { applied += migrate(database(), sets); });
  std::thread second([&] { applied += migrate(database(), sets); });
  first.join();
  second.join();
  EXPECT_EQ(applied, 2);
  EXPECT_EQ(migrate(database(), sets), 0);
  const auto engine = database().read([](Session& session) {
    return session.run("SELECT name FROM engine").front().get<std::string>(0);
  });
  EXPECT_EQ(engine, GetParam() == DatabaseBackend::postgres ? "postgres" : "sqlite");
}

TEST_P(DatabaseTest, RejectsBadlyNamedMigrations) {
  EXPECT_THROW(migrate(database(), {{"bad", {{"create.sql", "SELECT 1"}}}}), platform::Error);
  EXPECT_THROW(
      migrate(database(), {{"bad", {{"0001_a.sql", "SELECT 1"}, {"0001_b.sql", "SELECT 1"}}}}),
      platform::Error);
}

TEST_P(DatabaseTest, ConcurrentIncrementsAreNeverLost) {
  database().write([](Session& session) {
    session.execute_script("CREATE TABLE counter (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)");
    session.run("INSERT INTO counter VALUES (1, 0)");
  });
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) {
        database().write(
            [](Session& session) { session.run("UPDATE counter SET n = n + 1 WHERE id = 1"); });
      }
    });
  }
  for (auto& thread : threads) thread.join();
  const auto total = database().read([](Session& session) {
    return session.run("SELECT n FROM counter").front().get<std::int64_t>(0);
  });
  EXPECT_EQ(total, 400);
}

TEST_P(DatabaseTest, ReportsUnavailableWhenThePoolStaysBusy) {
  auto small = platform::db::open_database(
      fresh_->url(), {.pool_size = 1, .acquire_timeout = std::chrono::milliseconds(100)});
  std::atomic<bool> holding{false};
  std::atomic<bool> release{false};
  std::thread holder([&] {
    small->read([&](Session&) {
      holding = true;
      while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    });
  });
  while (!holding) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  try {
    small->read([](Session&) {});
    ADD_FAILURE() << "second connection granted";
  } catch (const platform::Error& error) {
    EXPECT_EQ(error.kind(), platform::ErrorKind::unavailable);
  }
  release = true;
  holder.join();
}

INSTANTIATE_TEST_SUITE_P(Backends, DatabaseTest,
                         ::testing::ValuesIn(platform::testing::database_backends()),
                         platform::testing::backend_name);

TEST(PostgresDatabase, RecoversWhenTheServerDropsPooledConnections) {
  SHOP_REQUIRE_BACKEND(platform::testing::postgres_admin_url(),
                       "PostgreSQL (SHOP_TEST_POSTGRES_URL)");
  auto fresh = platform::testing::open_fresh_database(DatabaseBackend::postgres);
  auto database = [&]() -> Database& { return fresh->database(); };
  // Fill the pool with idle connections, then have the server kill them all,
  // as a restart of PostgreSQL would.
  std::vector<std::thread> readers;
  for (int i = 0; i < 4; ++i) {
    readers.emplace_back(
        [&] { database().read([](Session& session) { session.run("SELECT pg_sleep(0.05)"); }); });
  }
  for (auto& reader : readers) reader.join();
  auto admin = open_database(*platform::testing::postgres_admin_url(), {.pool_size = 1});
  const auto url = fresh->url();
  const auto name = url.substr(url.rfind('/') + 1);
  const auto killed = admin->read([&](Session& session) {
    return session
        .run("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = $1",
             name)
        .front()
        .get<std::int64_t>(0);
  });
  EXPECT_GE(killed, 1);
  for (int i = 0; i < 8; ++i) {
    EXPECT_EQ(database().read([](Session& session) {
      return session.run("SELECT 1").front().get<std::int64_t>(0);
    }),
              1)
        << "request " << i << " after the connections were dropped";
  }
}

// BEGIN travels with a transaction's first statement (one round trip): that
// statement must still run inside the transaction, with its access mode,
// and its failure must leave the connection fit for the next transaction.
class PostgresFirstStatement : public ::testing::Test {
 protected:
  void SetUp() override {
    SHOP_REQUIRE_BACKEND(platform::testing::postgres_admin_url(),
                         "PostgreSQL (SHOP_TEST_POSTGRES_URL)");
    // One connection: every transaction reuses what the previous one left.
    fresh_ = platform::testing::open_fresh_database(DatabaseBackend::postgres, {.pool_size = 1});
    database().write([](Session& session) {
      session.execute_script("CREATE TABLE items (id TEXT PRIMARY KEY, count BIGINT NOT NULL)");
    });
  }
  Database& database() { return fresh_->database(); }
  std::int64_t count() {
    return database().read([](Session& session) {
      return session.run("SELECT COUNT(*) FROM items").front().get<std::int64_t>(0);
    });
  }

  std::unique_ptr<platform::testing::FreshDatabase> fresh_;
};

TEST_F(PostgresFirstStatement, ReadOnlyTransactionsRefuseAWriteAsTheirFirstStatement) {
  EXPECT_THROW(database().read([](Session& session) {
    session.run("INSERT INTO items (id, count) VALUES ('sneaky', 1)");
  }),
               platform::Error);
  EXPECT_EQ(count(), 0);
}

TEST_F(PostgresFirstStatement, AFailedFirstStatementLeavesTheConnectionUsable) {
  database().write(
      [](Session& session) { session.run("INSERT INTO items (id, count) VALUES ('k', 1)"); });
  // Prepared on this connection before: fails when executed.
  EXPECT_THROW(database().write([](Session& session) {
    session.run("INSERT INTO items (id, count) VALUES ('k', 1)");
  }),
               platform::Error);
  // Never seen before: fails when prepared.
  EXPECT_THROW(database().write([](Session& session) {
    session.run("INSERT INTO no_such_table (id) VALUES ($1)", "x");
  }),
               platform::Error);
  database().write([](Session& session) {
    session.run("INSERT INTO items (id, count) VALUES ('after', 2)");
    session.run("UPDATE items SET count = count + 1 WHERE id = 'after'");
  });
  EXPECT_EQ(count(), 2);
  const auto after = database().read([](Session& session) {
    return session.run("SELECT count FROM items WHERE id = 'after'").front().get<std::int64_t>(0);
  });
  EXPECT_EQ(after, 3);
}

TEST_F(PostgresFirstStatement, TheFirstStatementIsRolledBackWithTheRest) {
  EXPECT_THROW(database().write([](Session& session) {
    session.run("INSERT INTO items (id, count) VALUES ('first', 1)");
    session.run("INSERT INTO items (id, count) VALUES ('first', 2)");  // duplicate
  }),
               platform::Error);
  EXPECT_EQ(count(), 0);
}

TEST(OpenDatabase, RejectsUnknownSchemes) {
  EXPECT_THROW(open_database("mysql://localhost/x"), platform::Error);
}

TEST(OpenDatabase, ReportsUnreachablePostgresAsUnavailable) {
  auto database = open_database("postgresql://postgres@127.0.0.1:1/none?connect_timeout=1");
  try {
    database->read([](Session&) {});
    FAIL() << "connected to nothing";
  } catch (const platform::Error& error) {
    EXPECT_EQ(error.kind(), platform::ErrorKind::unavailable);
  }
  EXPECT_FALSE(database->ping());
}

}  // namespace
