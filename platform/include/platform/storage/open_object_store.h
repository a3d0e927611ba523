#pragma once

#include <memory>
#include <string>

#include "platform/config.h"
#include "platform/storage/object_store.h"
#include "platform/storage/s3_object_store.h"

namespace platform::storage {

struct ObjectStoreSettings {
  // "file:<directory>" or "s3" (then `s3` says where).
  std::string url;
  S3Settings s3;
};

// <PREFIX>_STORE ("file:<directory>" or "s3") and, for S3,
// <PREFIX>_S3_ENDPOINT, _S3_BUCKET, _S3_REGION, _S3_ACCESS_KEY_ID,
// _S3_SECRET_ACCESS_KEY, _S3_SESSION_TOKEN, _S3_ADDRESSING (path or
// virtual-host), _S3_CA_FILE.
ObjectStoreSettings read_object_store_settings(Config& config, const std::string& prefix,
                                               const std::string& default_directory);

std::unique_ptr<ObjectStore> open_object_store(const ObjectStoreSettings& settings);

}  // namespace platform::storage
