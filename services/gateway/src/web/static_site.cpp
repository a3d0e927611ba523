#include "web/static_site.h"

#include <fstream>
#include <functional>
#include <sstream>

#include "platform/crypto.h"
#include "platform/log.h"

namespace gateway {
namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream content;
  content << file.rdbuf();
  return content.str();
}

}  // namespace

StaticSite::StaticSite(const std::filesystem::path& root) {
  if (!std::filesystem::is_directory(root)) {
    platform::log::warn("no web app to serve", {{"root", root.string()}});
    return;
  }
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().extension() == ".gz") continue;
    const auto path = "/" + std::filesystem::relative(entry.path(), root).generic_string();
    if (!is_safe_asset_path(path)) continue;
    StaticFile file;
    file.content = read_file(entry.path());
    auto compressed = entry.path();
    compressed += ".gz";
    if (std::filesystem::exists(compressed)) file.gzipped = read_file(compressed);
    // Strong validator from the content itself: the same build gives the
    // same tag on every replica.
    file.etag =
        "\"" +
        platform::crypto::base64url_encode(platform::crypto::sha256(file.content).substr(0, 12)) +
        "\"";
    file.policy = asset_policy(path);
    files_.emplace(path, std::move(file));
  }
  platform::log::info("web app loaded",
                      {{"root", root.string()}, {"files", static_cast<int>(files_.size())}});
}

const StaticFile* StaticSite::find(std::string_view path) const {
  if (path == "/") path = "/index.html";
  if (is_safe_asset_path(path)) {
    if (const auto found = files_.find(path); found != files_.end()) return &found->second;
    // A missing bundle is a real 404: answering it with the page would hand
    // a script tag HTML.
    if (path.starts_with("/assets/")) return nullptr;
  }
  const auto index = files_.find(std::string_view("/index.html"));
  return index == files_.end() ? nullptr : &index->second;
}

}  // namespace gateway
