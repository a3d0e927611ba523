#pragma once

#include <stdexcept>
#include <string>

namespace platform {

// What went wrong, independent of the transport. The HTTP layer maps each kind
// to a status code; the bus maps them to retry or give up.
enum class ErrorKind {
  invalid_argument,        // the caller sent something wrong: 400
  unprocessable,           // well-formed but not acceptable in this context: 422
  unauthenticated,         // 401
  forbidden,               // 403
  not_found,               // 404
  conflict,                // state does not allow it (duplicate, stock): 409
  precondition_failed,     // If-Match and friends: 412
  payload_too_large,       // 413
  unsupported_media_type,  // 415
  rate_limited,            // 429
  unavailable,             // a dependency is down or overloaded; retry later: 503
  internal,                // a bug or an invariant broken: 500
};

// The one exception type crossing layers. `code` is a stable, kebab-case slug
// that clients can rely on ("product-not-found", "insufficient-stock"); it
// becomes the RFC 9457 problem type. `field` names the offending input, as a
// JSON pointer-like path ("price.amount"), when there is one.
class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string code, const std::string& message, std::string field = {})
      : std::runtime_error(message),
        kind_(kind),
        code_(std::move(code)),
        field_(std::move(field)) {}

  ErrorKind kind() const noexcept { return kind_; }
  const std::string& code() const noexcept { return code_; }
  const std::string& field() const noexcept { return field_; }

 private:
  ErrorKind kind_;
  std::string code_;
  std::string field_;
};

inline Error invalid_field(std::string field, const std::string& message) {
  return Error(ErrorKind::invalid_argument, "invalid-field", message, std::move(field));
}

inline Error not_found(std::string code, const std::string& message) {
  return Error(ErrorKind::not_found, std::move(code), message);
}

inline Error unprocessable(std::string code, const std::string& message, std::string field = {}) {
  return Error(ErrorKind::unprocessable, std::move(code), message, std::move(field));
}

inline Error conflict(std::string code, const std::string& message) {
  return Error(ErrorKind::conflict, std::move(code), message);
}

inline Error unavailable(std::string code, const std::string& message) {
  return Error(ErrorKind::unavailable, std::move(code), message);
}

}  // namespace platform
