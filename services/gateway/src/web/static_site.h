#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "web/asset_policy.h"

namespace gateway {

// One file of the built web app, held in memory.
struct StaticFile {
  std::string content;
  std::string gzipped;  // the precompressed .gz next to it, if the build made one
  std::string etag;
  AssetPolicy policy;
};

// The built web app (web/dist), read into memory at start: a few megabytes
// that every visitor asks for. Paths that are not files fall back to
// index.html, so the app's own routes (/products/lamp) load the app.
class StaticSite {
 public:
  explicit StaticSite(const std::filesystem::path& root);

  // The file for a request path; nullptr when there is no index.html either.
  const StaticFile* find(std::string_view path) const;
  std::size_t files() const noexcept { return files_.size(); }

 private:
  std::map<std::string, StaticFile, std::less<>> files_;  // by request path: "/assets/x.js"
};

}  // namespace gateway
