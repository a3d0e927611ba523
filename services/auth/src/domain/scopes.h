#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace auth {

// A set of OAuth scopes, kept sorted and without duplicates.
class Scopes {
 public:
  Scopes() = default;
  // Parses a space-separated "scope" parameter (RFC 6749 §3.3); nullopt when
  // a token has characters the grammar forbids or there are more than 50.
  static std::optional<Scopes> parse(std::string_view text);
  static Scopes of(std::vector<std::string> scopes);

  bool contains(std::string_view scope) const;
  bool empty() const noexcept { return items_.empty(); }
  bool is_subset_of(const Scopes& other) const;
  Scopes intersect(const Scopes& other) const;
  const std::vector<std::string>& items() const noexcept { return items_; }
  std::string to_string() const;  // space-separated

  friend bool operator==(const Scopes&, const Scopes&) = default;

 private:
  std::vector<std::string> items_;
};

// The scopes a user can delegate to a client through the authorization code
// flow. Anything else is a service scope, granted only to clients acting as
// themselves (client_credentials): a user's token never carries one.
const Scopes& user_scopes();

}  // namespace auth
