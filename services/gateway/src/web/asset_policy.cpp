#include "web/asset_policy.h"

#include <algorithm>
#include <array>
#include <utility>

namespace gateway {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kContentTypes = {{
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json"},
    {".map", "application/json"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".jpg", "image/jpeg"},
    {".jpeg", "image/jpeg"},
    {".webp", "image/webp"},
    {".avif", "image/avif"},
    {".ico", "image/x-icon"},
    {".woff2", "font/woff2"},
    {".txt", "text/plain; charset=utf-8"},
    {".webmanifest", "application/manifest+json"},
}};

}  // namespace

AssetPolicy asset_policy(std::string_view path) {
  AssetPolicy policy{"application/octet-stream", "no-cache"};
  const auto slash = path.rfind('/');
  const auto file = slash == std::string_view::npos ? path : path.substr(slash + 1);
  for (const auto& [extension, type] : kContentTypes) {
    if (file.ends_with(extension)) {
      policy.content_type = type;
      break;
    }
  }
  if (path.starts_with("/assets/")) {
    policy.cache_control = "public, max-age=31536000, immutable";
  }
  return policy;
}

bool is_safe_asset_path(std::string_view path) {
  if (path.empty() || path.front() != '/') return false;
  if (path.find('\\') != std::string_view::npos || path.find('\0') != std::string_view::npos) {
    return false;
  }
  std::size_t start = 1;
  while (start <= path.size()) {
    const auto end = std::min(path.find('/', start), path.size());
    const auto segment = path.substr(start, end - start);
    if (segment == ".." || (!segment.empty() && segment.front() == '.')) return false;
    start = end + 1;
  }
  return true;
}

}  // namespace gateway
