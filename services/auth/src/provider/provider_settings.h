#pragma once

#include <chrono>
#include <string>

#include "domain/password_policy.h"
#include "domain/throttle.h"

namespace auth {

// Lifetimes, limits and names of the OpenID provider, with the defaults the
// auth executable documents in --help.
struct ProviderSettings {
  // The issuer URL as clients see it (through the gateway): tokens carry it,
  // endpoints hang below it, cookies are scoped to its path.
  std::string issuer = "http://localhost:8080/api/auth";
  // The audience of access tokens: what every service of the shop expects.
  std::string audience = "shop";

  std::chrono::seconds access_token_lifetime{600};
  std::chrono::seconds id_token_lifetime{600};
  std::chrono::seconds code_lifetime{60};
  std::chrono::seconds sign_in_page_lifetime{900};
  std::chrono::seconds session_lifetime{std::chrono::hours(12)};
  std::chrono::seconds refresh_idle_lifetime{std::chrono::hours(24 * 14)};
  std::chrono::seconds refresh_absolute_lifetime{std::chrono::hours(24 * 30)};

  // Failed sign-ins per account: 5 in 15 minutes, then a minute's block,
  // doubling to 15 minutes. Per address: 50 then 15 minutes. Sign-ups per
  // address: 10 an hour.
  ThrottlePolicy account_throttle{};
  ThrottlePolicy address_throttle{50, 15 * 60 * 1000, 15 * 60 * 1000, 15 * 60 * 1000};
  ThrottlePolicy sign_up_throttle{10, 60 * 60 * 1000, 60 * 60 * 1000, 60 * 60 * 1000};

  PasswordPolicy password_policy{};
};

}  // namespace auth
