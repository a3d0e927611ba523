#pragma once

#include <optional>
#include <string>

namespace catalog {

// Categories form a tree; `path` holds the slugs from the root joined by '/',
// which products copy so that "this category and everything below it" is a
// prefix match instead of a recursive query.
struct Category {
  std::string id;
  std::string slug;
  std::string name;
  std::optional<std::string> parent_id;
  std::string path;
  int position = 0;  // order among siblings
};

std::string child_path(const std::optional<std::string>& parent_path, const std::string& slug);

// Whether `path` is `ancestor` or below it ("home" contains "home/lighting"
// but not "homeware").
bool path_within(const std::string& path, const std::string& ancestor);

}  // namespace catalog
