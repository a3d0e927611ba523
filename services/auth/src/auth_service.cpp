#include "auth_service.h"

#include <boost/json.hpp>

#include "api/routes.h"
#include "platform/bus/outbox.h"
#include "platform/clock.h"
#include "platform/http/health.h"
#include "platform/log.h"
#include "platform/periodic_task.h"

namespace auth {

struct AuthService::Parts {
  Parts(platform::db::Database& database_, platform::bus::EventBus& bus_,
        platform::metrics::Registry& registry_, AuthOptions options_)
      : database(database_),
        bus(bus_),
        registry(registry_),
        options(std::move(options_)),
        store(database,
              [this](bool added_events) {
                if (added_events && relay) relay->notify();
              }),
        keys(store, options.keys),
        hasher(options.argon2, options.concurrent_hashes),
        provider(store, keys, hasher, options.provider),
        context{provider,
                store,
                keys,
                options.trusted_proxies,
                registry.counter("auth_sign_ins_total", "Sign-in and sign-up attempts by outcome",
                                 {"outcome"}),
                registry.counter("auth_tokens_total", "Token requests by grant and outcome",
                                 {"grant", "outcome"})} {
    keys.maintain();
    relay = std::make_unique<platform::bus::OutboxRelay>(database, bus);
    maintenance = std::make_unique<platform::PeriodicTask>(
        "auth-maintenance", options.maintenance_interval, [this] {
          keys.maintain();
          const auto swept = store.delete_expired(platform::now_unix_millis());
          if (swept > 0) platform::log::debug("expired auth records deleted", {{"rows", swept}});
        });
    // A customer who asked to be forgotten loses the account too.
    erasures = bus.subscribe(
        {.durable_name = options.erasure_consumer, .subject_filter = "customers.customer.deleted"},
        platform::bus::exactly_once(
            database, options.erasure_consumer,
            [](platform::db::Session& session, const platform::bus::Event& event) {
              const auto data = boost::json::parse(event.data).as_object();
              const std::string user_id(data.at("customer_id").as_string());
              if (AuthStore::erase_user(session, user_id, platform::now_unix_millis())) {
                platform::log::info("account erased", {{"user", user_id}});
              }
            }));
  }

  platform::db::Database& database;
  platform::bus::EventBus& bus;
  platform::metrics::Registry& registry;
  AuthOptions options;
  AuthStore store;
  KeyRing keys;
  PasswordHasher hasher;
  OpenIdProvider provider;
  ApiContext context;
  std::unique_ptr<platform::bus::OutboxRelay> relay;
  std::unique_ptr<platform::PeriodicTask> maintenance;
  std::unique_ptr<platform::bus::Subscription> erasures;
};

AuthService::AuthService(platform::db::Database& database, platform::bus::EventBus& bus,
                         platform::metrics::Registry& registry, AuthOptions options)
    : parts_(std::make_unique<Parts>(database, bus, registry, std::move(options))) {}

AuthService::~AuthService() = default;

void AuthService::migrate(platform::db::Database& database) {
  platform::db::migrate(database, {platform::bus::migrations(), {"auth", migrations()}});
}

OpenIdProvider& AuthService::provider() { return parts_->provider; }
AuthStore& AuthService::store() { return parts_->store; }
std::string AuthService::jwks() { return parts_->keys.jwks(); }

platform::http::Router AuthService::routes() {
  platform::http::Router router;
  router.use_token_verifier(parts_->provider.verifier());
  add_discovery_routes(router, parts_->context);
  add_browser_routes(router, parts_->context);
  add_protocol_routes(router, parts_->context);
  add_account_routes(router, parts_->context);
  platform::http::add_openapi_route(router, std::string(openapi_document().front().content));
  platform::http::add_operational_routes(router, parts_->registry,
                                         {{"database", [this] { return parts_->database.ping(); }},
                                          {"bus", [this] { return parts_->bus.ping(); }}});
  return router;
}

}  // namespace auth
