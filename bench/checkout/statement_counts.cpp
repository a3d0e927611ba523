#include "statement_counts.h"

#include <iostream>

namespace shop::bench {

StatementCounts::StatementCounts(const std::string& admin_url)
    : admin_(platform::db::open_database(admin_url)) {
  try {
    admin_->write([](platform::db::Session& session) {
      session.run("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      session.run("SELECT count(*) FROM pg_stat_statements");
    });
    available_ = true;
  } catch (const std::exception& error) {
    std::cerr << "statement counts unavailable: " << error.what() << "\n";
  }
}

void StatementCounts::reset() {
  if (!available_) return;
  admin_->write(
      [](platform::db::Session& session) { session.run("SELECT pg_stat_statements_reset()"); });
}

std::map<std::string, StatementCounts::Counts> StatementCounts::by_database() {
  std::map<std::string, Counts> counts;
  if (!available_) return counts;
  admin_->read([&](platform::db::Session& session) {
    const auto rows = session.run(
        "SELECT d.datname, sum(s.calls)::bigint, "
        "coalesce(sum(s.calls) FILTER (WHERE s.query = 'COMMIT'), 0)::bigint "
        "FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid GROUP BY d.datname");
    for (const auto& row : rows) {
      counts[row.get<std::string>(0)] = {row.get<std::int64_t>(1), row.get<std::int64_t>(2)};
    }
  });
  return counts;
}

std::string database_name(const std::string& url) {
  const auto slash = url.rfind('/');
  const auto query = url.find('?', slash);
  return url.substr(slash + 1, query == std::string::npos ? std::string::npos : query - slash - 1);
}

}  // namespace shop::bench
