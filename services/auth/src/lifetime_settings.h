#pragma once

#include "platform/config.h"
#include "provider/provider_settings.h"

namespace auth {

// How long tokens, refresh chains and browser sessions last, from
// AUTH_ACCESS_TOKEN_SECONDS, AUTH_REFRESH_IDLE_SECONDS,
// AUTH_REFRESH_ABSOLUTE_SECONDS and AUTH_SESSION_SECONDS: the same
// settings for the auth executable and the embedded shop.
void read_lifetime_settings(platform::Config& config, ProviderSettings& provider);

}  // namespace auth
