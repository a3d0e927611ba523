#include "domain/scopes.h"

#include <algorithm>

namespace auth {
namespace {

bool is_scope_character(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte == 0x21 || (byte >= 0x23 && byte <= 0x5b) || (byte >= 0x5d && byte <= 0x7e);
}

}  // namespace

std::optional<Scopes> Scopes::parse(std::string_view text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = std::min(text.find(' ', start), text.size());
    const auto token = text.substr(start, end - start);
    if (!token.empty()) {
      if (token.size() > 100 || !std::all_of(token.begin(), token.end(), is_scope_character)) {
        return std::nullopt;
      }
      items.emplace_back(token);
    }
    start = end + 1;
  }
  if (items.size() > 50) return std::nullopt;
  return of(std::move(items));
}

Scopes Scopes::of(std::vector<std::string> scopes) {
  std::sort(scopes.begin(), scopes.end());
  scopes.erase(std::unique(scopes.begin(), scopes.end()), scopes.end());
  Scopes result;
  result.items_ = std::move(scopes);
  return result;
}

bool Scopes::contains(std::string_view scope) const {
  return std::binary_search(items_.begin(), items_.end(), scope);
}

bool Scopes::is_subset_of(const Scopes& other) const {
  return std::includes(other.items_.begin(), other.items_.end(), items_.begin(), items_.end());
}

Scopes Scopes::intersect(const Scopes& other) const {
  std::vector<std::string> common;
  std::set_intersection(items_.begin(), items_.end(), other.items_.begin(), other.items_.end(),
                        std::back_inserter(common));
  return of(std::move(common));
}

std::string Scopes::to_string() const {
  std::string text;
  for (const auto& item : items_) {
    if (!text.empty()) text += ' ';
    text += item;
  }
  return text;
}

const Scopes& user_scopes() {
  static const Scopes scopes = Scopes::of({"openid", "profile", "email", "offline_access"});
  return scopes;
}

}  // namespace auth
