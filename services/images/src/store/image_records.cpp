#include "store/image_records.h"

#include "platform/error.h"

namespace images {

namespace {

using platform::db::Row;
using platform::db::Session;

constexpr std::string_view select_record =
    "SELECT id, uploaded_format, stored_format, width, height, bytes, has_alpha, dominant_color,"
    " uploaded_by, created_at FROM images WHERE id = $1";

ImageFormat format_column(const Row& row, std::size_t column) {
  const auto name = row.get<std::string>(column);
  const auto format = format_named(name);
  if (!format) {
    throw platform::Error(platform::ErrorKind::internal, "corrupt-image-record",
                          "unknown image format in the database: " + name);
  }
  return *format;
}

ImageRecord record_of(const Row& row) {
  ImageRecord record;
  record.id = row.get<std::string>(0);
  record.uploaded_format = format_column(row, 1);
  record.stored_format = format_column(row, 2);
  record.width = row.get<int>(3);
  record.height = row.get<int>(4);
  record.bytes = row.get<std::int64_t>(5);
  record.has_alpha = row.get<std::int64_t>(6) != 0;
  record.dominant_color = row.get<std::string>(7);
  record.uploaded_by = row.get<std::string>(8);
  record.created_at = row.get<std::int64_t>(9);
  return record;
}

std::optional<ImageRecord> find_in(Session& session, std::string_view id) {
  const auto rows = session.run(select_record, std::string(id));
  if (rows.empty()) return std::nullopt;
  return record_of(rows.front());
}

}  // namespace

std::optional<ImageRecord> ImageRecords::find(std::string_view id) {
  return database_.read([&](Session& session) { return find_in(session, id); });
}

std::pair<ImageRecord, bool> ImageRecords::add(const ImageRecord& record) {
  return database_.write([&](Session& session) {
    const auto inserted = session.run(
        "INSERT INTO images (id, uploaded_format, stored_format, width, height, bytes, has_alpha,"
        " dominant_color, uploaded_by, created_at)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING",
        record.id, std::string(name_of(record.uploaded_format)),
        std::string(name_of(record.stored_format)), static_cast<std::int64_t>(record.width),
        static_cast<std::int64_t>(record.height), record.bytes,
        static_cast<std::int64_t>(record.has_alpha ? 1 : 0), record.dominant_color,
        record.uploaded_by, record.created_at);
    if (inserted.affected_rows() == 1) return std::pair{record, true};
    auto existing = find_in(session, record.id);
    if (!existing) {
      throw platform::Error(platform::ErrorKind::internal, "image-vanished",
                            "image " + record.id + " conflicted but cannot be read");
    }
    return std::pair{std::move(*existing), false};
  });
}

}  // namespace images
