#pragma once

#include <optional>
#include <string_view>

#include "domain/image_record.h"
#include "platform/db/database.h"

namespace images {

// The images table, in the SQL both engines share.
class ImageRecords {
 public:
  explicit ImageRecords(platform::db::Database& database) : database_(database) {}

  std::optional<ImageRecord> find(std::string_view id);
  // Adds the record unless one with its id exists; returns the stored one
  // and whether it was added (false: the same picture was uploaded before).
  std::pair<ImageRecord, bool> add(const ImageRecord& record);

 private:
  platform::db::Database& database_;
};

}  // namespace images
