#include "lifetime_settings.h"

namespace auth {

void read_lifetime_settings(platform::Config& config, AuthOptions& options) {
  auto& provider = options.provider;
  provider.access_token_lifetime = std::chrono::seconds(
      config.integer("AUTH_ACCESS_TOKEN_SECONDS", provider.access_token_lifetime.count(),
                     "access and ID token lifetime", 60, 3600));
  provider.id_token_lifetime = provider.access_token_lifetime;
  provider.refresh_idle_lifetime = std::chrono::seconds(
      config.integer("AUTH_REFRESH_IDLE_SECONDS", provider.refresh_idle_lifetime.count(),
                     "a refresh token unused this long expires", 300, 90LL * 24 * 3600));
  provider.refresh_absolute_lifetime = std::chrono::seconds(config.integer(
      "AUTH_REFRESH_ABSOLUTE_SECONDS", provider.refresh_absolute_lifetime.count(),
      "a chain of refresh tokens ends this long after sign-in", 300, 365LL * 24 * 3600));
  provider.session_lifetime = std::chrono::seconds(
      config.integer("AUTH_SESSION_SECONDS", provider.session_lifetime.count(),
                     "how long a browser stays signed in at the provider", 60, 30LL * 24 * 3600));
  options.keys.retain_after = provider.access_token_lifetime + std::chrono::minutes(5);
}

}  // namespace auth
