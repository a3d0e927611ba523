#pragma once

#include "auth_service.h"
#include "platform/config.h"

namespace auth {

// How long tokens, refresh chains and browser sessions last, from
// AUTH_ACCESS_TOKEN_SECONDS, AUTH_REFRESH_IDLE_SECONDS,
// AUTH_REFRESH_ABSOLUTE_SECONDS and AUTH_SESSION_SECONDS: the same
// settings for the auth executable and the embedded shop. A retired
// signing key stays published as long as tokens it signed may live.
void read_lifetime_settings(platform::Config& config, AuthOptions& options);

}  // namespace auth
