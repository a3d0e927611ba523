#include "api/operation_request.h"

#include <algorithm>

#include "platform/crypto.h"
#include "platform/error.h"
#include "platform/http/authorization.h"
#include "platform/ids.h"

namespace payments {

OperationRequest operation_request(const platform::http::Request& request) {
  const auto key = request.header("Idempotency-Key");
  if (key.empty()) {
    throw platform::Error(platform::ErrorKind::invalid_argument, "idempotency-key-required",
                          "operations that move money need an Idempotency-Key header",
                          "Idempotency-Key");
  }
  const bool visible =
      std::all_of(key.begin(), key.end(), [](char c) { return c > ' ' && c < 127; });
  if (key.size() > 255 || !visible) {
    throw platform::invalid_field("Idempotency-Key",
                                  "Idempotency-Key must be 1 to 255 visible characters");
  }
  std::string fingerprint(platform::http::to_string(request.method));
  fingerprint += ' ';
  fingerprint += request.path;
  fingerprint += '\n';
  fingerprint += request.body;
  return {platform::http::caller_of(request).subject, std::string(key),
          platform::hex_encode(platform::crypto::sha256(fingerprint))};
}

}  // namespace payments
