#include <algorithm>
#include <cctype>
#include <map>

#include "platform/clock.h"
#include "platform/db/database.h"
#include "platform/error.h"
#include "platform/log.h"

namespace platform::db {
namespace {

// Any constant will do, as long as every service uses the same one.
constexpr std::int64_t kMigrationLock = 0x73686f70;  // "shop"

struct Migration {
  std::string version;
  std::string name;
  const std::string* sql;
};

std::string_view suffix_of(Dialect dialect) {
  return dialect == Dialect::postgres ? ".postgres.sql" : ".sqlite.sql";
}

// The migrations of `set` that apply to `dialect`, in version order.
std::vector<Migration> select(const MigrationSet& set, Dialect dialect) {
  std::map<std::string, Migration> by_version;
  for (const auto& file : set.files) {
    const std::string& name = file.name;
    const auto underscore = name.find('_');
    const bool numbered =
        underscore != std::string::npos && underscore > 0 &&
        std::all_of(name.begin(), name.begin() + static_cast<long>(underscore),
                    [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    if (!numbered || !name.ends_with(".sql")) {
      throw Error(ErrorKind::internal, "bad-migration",
                  "migration file " + name + " is not NNNN_name.sql");
    }
    const bool postgres_only = name.ends_with(".postgres.sql");
    const bool sqlite_only = name.ends_with(".sqlite.sql");
    if ((postgres_only || sqlite_only) && !name.ends_with(suffix_of(dialect))) continue;
    const auto version = name.substr(0, underscore);
    if (by_version.contains(version)) {
      throw Error(ErrorKind::internal, "bad-migration",
                  set.component + " has two migrations numbered " + version);
    }
    by_version.emplace(version, Migration{version, name, &file.content});
  }
  std::vector<Migration> ordered;
  ordered.reserve(by_version.size());
  for (auto& [version, migration] : by_version) ordered.push_back(migration);
  return ordered;
}

// Replicas starting together take turns: on PostgreSQL an advisory lock held
// until the transaction ends, on SQLite the write lock of BEGIN IMMEDIATE.
void lock(Session& session) {
  if (session.dialect() == Dialect::postgres)
    session.run("SELECT pg_advisory_xact_lock($1)", kMigrationLock);
}

}  // namespace

int migrate(Database& database, const std::vector<MigrationSet>& sets) {
  database.write([](Session& session) {
    lock(session);
    session.execute_script(
        "CREATE TABLE IF NOT EXISTS schema_migrations (component TEXT NOT NULL, version TEXT NOT "
        "NULL, "
        "name TEXT NOT NULL, applied_at BIGINT NOT NULL, PRIMARY KEY (component, version))");
  });
  int applied = 0;
  for (const auto& set : sets) {
    for (const auto& migration : select(set, database.dialect())) {
      const bool done = database.write([&](Session& session) {
        lock(session);
        if (!session
                 .run("SELECT 1 FROM schema_migrations WHERE component = $1 AND version = $2",
                      set.component, migration.version)
                 .empty()) {
          return false;
        }
        session.execute_script(*migration.sql);
        session.run(
            "INSERT INTO schema_migrations (component, version, name, applied_at) "
            "VALUES ($1, $2, $3, $4)",
            set.component, migration.version, migration.name, now_unix_millis());
        return true;
      });
      if (done) {
        ++applied;
        log::info("migration applied",
                  {{"component", set.component}, {"migration", migration.name}});
      }
    }
  }
  return applied;
}

}  // namespace platform::db
