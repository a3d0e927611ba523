#include "domain/category.h"

namespace catalog {

std::string child_path(const std::optional<std::string>& parent_path, const std::string& slug) {
  return parent_path ? *parent_path + "/" + slug : slug;
}

bool path_within(const std::string& path, const std::string& ancestor) {
  return path == ancestor || (path.size() > ancestor.size() && path.starts_with(ancestor) &&
                              path[ancestor.size()] == '/');
}

}  // namespace catalog
