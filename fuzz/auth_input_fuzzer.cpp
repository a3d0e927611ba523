// Bytes as what the auth service reads from strangers: bearer tokens, form
// bodies, authorization requests and email addresses. Each may only end in a
// value, a refusal or a platform::Error; anything else (another exception, a
// crash, a sanitizer report) is a finding. The first byte picks the target.
#include <boost/json.hpp>
#include <cstdint>
#include <string_view>

#include "domain/authorization_request.h"
#include "domain/email.h"
#include "domain/scopes.h"
#include "platform/auth/token_verifier.h"
#include "platform/error.h"
#include "platform/http/form.h"

namespace {

const platform::auth::TokenVerifier& verifier() {
  static const auto key =
      platform::auth::SigningKey::generate(platform::auth::Algorithm::es256, "k");
  static const platform::auth::TokenVerifier instance(
      [] {
        platform::auth::VerifierOptions options;
        options.issuer = "https://issuer.fuzz";
        options.audience = "shop";
        options.cache_entries = 0;
        return options;
      }(),
      [] {
        return boost::json::serialize(
            boost::json::object{{"keys", boost::json::array{key.public_key().to_jwk()}}});
      });
  return instance;
}

const auth::RegisteredClient& client() {
  static const auto registered = [] {
    auth::RegisteredClient c;
    c.id = "web";
    c.redirect_uris = {"https://shop.fuzz/callback"};
    c.grant_types = {"authorization_code"};
    c.scopes = auth::Scopes::of({"openid", "email"});
    return c;
  }();
  return registered;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 4) {
    case 0:
      try {
        verifier().verify(text);
        __builtin_trap();  // nothing random is signed by the key
      } catch (const platform::Error&) {
      }
      break;
    case 1:
      if (const auto form = platform::http::parse_form(text)) {
        (void)auth::validate_authorization(*form, &client());
        (void)auth::validate_authorization(*form, nullptr);
      }
      break;
    case 2:
      (void)auth::normalize_email(text);
      break;
    case 3:
      (void)auth::Scopes::parse(text);
      break;
  }
  return 0;
}
