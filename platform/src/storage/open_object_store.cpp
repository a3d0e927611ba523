#include "platform/storage/open_object_store.h"

#include "platform/error.h"
#include "platform/storage/filesystem_object_store.h"

namespace platform::storage {

ObjectStoreSettings read_object_store_settings(Config& config, const std::string& prefix,
                                               const std::string& default_directory) {
  ObjectStoreSettings settings;
  const auto name = [&prefix](std::string_view suffix) { return prefix + std::string(suffix); };
  settings.url = config.text(name("_STORE"), "file:" + default_directory,
                             "Where pictures are kept: file:<directory>, or s3 (see _S3_*)");
  if (settings.url != "s3" && settings.url.rfind("file:", 0) != 0) {
    config.reject(name("_STORE"), settings.url, "must be file:<directory> or s3");
  }
  auto& s3 = settings.s3;
  s3.endpoint =
      config.text(name("_S3_ENDPOINT"), "", "S3 endpoint, http(s)://host[:port] (with _STORE=s3)");
  s3.bucket = config.text(name("_S3_BUCKET"), "", "S3 bucket");
  s3.region = config.text(name("_S3_REGION"), "us-east-1", "S3 region, as signed");
  s3.credentials.access_key_id = config.text(name("_S3_ACCESS_KEY_ID"), "", "S3 access key id");
  s3.credentials.secret_access_key =
      config.text(name("_S3_SECRET_ACCESS_KEY"), "", "S3 secret access key");
  s3.credentials.session_token =
      config.text(name("_S3_SESSION_TOKEN"), "", "S3 session token (temporary credentials)");
  const auto addressing = config.text(name("_S3_ADDRESSING"), "path",
                                      "path (endpoint/bucket/key) or virtual-host "
                                      "(bucket.endpoint/key)");
  if (addressing == "virtual-host") {
    s3.addressing = S3AddressingStyle::virtual_host;
  } else if (addressing != "path") {
    config.reject(name("_S3_ADDRESSING"), addressing, "must be path or virtual-host");
  }
  s3.tls_ca_file = config.text(name("_S3_CA_FILE"), "",
                               "PEM certificates trusted for an https endpoint; empty: the "
                               "system's");
  if (settings.url == "s3" && (s3.endpoint.empty() || s3.bucket.empty())) {
    config.reject(name("_S3_ENDPOINT"), s3.endpoint, "_S3_ENDPOINT and _S3_BUCKET are needed");
  }
  return settings;
}

std::unique_ptr<ObjectStore> open_object_store(const ObjectStoreSettings& settings) {
  if (settings.url == "s3") return std::make_unique<S3ObjectStore>(settings.s3);
  if (settings.url.rfind("file:", 0) == 0) {
    return std::make_unique<FilesystemObjectStore>(settings.url.substr(5));
  }
  throw Error(ErrorKind::invalid_argument, "bad-object-store",
              "an object store is file:<directory> or s3, not " + settings.url);
}

}  // namespace platform::storage
