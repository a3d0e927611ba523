#pragma once

#include <stdexcept>
#include <string>

namespace auth {

// An error of the OAuth protocol endpoints (token, revocation, userinfo),
// answered in the protocol's own format ({"error","error_description"},
// RFC 6749 §5.2) because that is what every OAuth client library parses.
class OAuthError : public std::runtime_error {
 public:
  OAuthError(std::string error, const std::string& description, int status = 400)
      : std::runtime_error(description), error_(std::move(error)), status_(status) {}

  const std::string& error() const noexcept { return error_; }
  int status() const noexcept { return status_; }

 private:
  std::string error_;
  int status_;
};

}  // namespace auth
