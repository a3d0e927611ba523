#pragma once

#include <string>
#include <string_view>

namespace gateway {

// How a file of the built web app is served. Vite writes only bundles named
// after a hash of their content into /assets/ ("assets/index-4f2a9c1b.js"):
// such a file never changes, so browsers may keep it forever. Everything
// else (index.html, which names the current bundles) is revalidated.
struct AssetPolicy {
  std::string content_type;
  std::string cache_control;
};

AssetPolicy asset_policy(std::string_view path);

// Whether a request path may name a file under the web root: no "..", no
// hidden files, no backslashes or NULs.
bool is_safe_asset_path(std::string_view path);

}  // namespace gateway
