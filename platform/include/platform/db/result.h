#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/db/value.h"

namespace platform::db {

// One row of a result. Columns are read by position, in the order of the
// SELECT list; conversions are strict and throw platform::Error(internal) on a
// type mismatch, because that is a bug in the query, not bad user input.
class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}

  std::size_t size() const noexcept { return values_.size(); }
  bool is_null(std::size_t column) const;
  const Value& value(std::size_t column) const;

  // T is one of std::int64_t, int, double, bool, std::string, or
  // std::optional of those (NULL becomes std::nullopt).
  template <class T>
  T get(std::size_t column) const;

 private:
  std::vector<Value> values_;
};

class Result {
 public:
  Result() = default;
  Result(std::vector<Row> rows, std::int64_t affected_rows)
      : rows_(std::move(rows)), affected_rows_(affected_rows) {}

  bool empty() const noexcept { return rows_.empty(); }
  std::size_t size() const noexcept { return rows_.size(); }
  const Row& operator[](std::size_t i) const { return rows_[i]; }
  const Row& front() const { return rows_.front(); }
  auto begin() const { return rows_.begin(); }
  auto end() const { return rows_.end(); }
  // Rows changed by INSERT/UPDATE/DELETE.
  std::int64_t affected_rows() const noexcept { return affected_rows_; }

 private:
  std::vector<Row> rows_;
  std::int64_t affected_rows_ = 0;
};

}  // namespace platform::db
