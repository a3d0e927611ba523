// What checking a bearer token adds to a request, and what issuing tokens and
// hashing passwords cost. The reference is the same request through the
// same middleware on a public route, measured in the same run.
//
//   build/release/bench/auth_bench
#include <benchmark/benchmark.h>

#include <boost/json.hpp>

#include "http/middleware.h"
#include "platform/auth/jwt.h"
#include "platform/auth/token_verifier.h"
#include "platform/clock.h"
#include "platform/http/router.h"
#include "platform/log.h"
#include "platform/testing/tokens.h"
#include "security/password_hasher.h"

namespace {

namespace auth = platform::auth;
namespace http = platform::http;
namespace metrics = platform::metrics;

struct Issuer {
  explicit Issuer(auth::Algorithm algorithm)
      : key(auth::SigningKey::generate(algorithm, "bench")) {}

  std::string token() const {
    const auto now = platform::now_unix_millis() / 1000;
    return auth::sign_jwt(key,
                          {{"iss", "https://issuer.bench"},
                           {"aud", "shop"},
                           {"sub", "0190d5a0-0000-7000-8000-000000000001"},
                           {"client_id", "storefront"},
                           {"iat", now},
                           {"exp", now + 3600},
                           {"scope", "openid profile email"},
                           {"roles", {"customer"}}},
                          "at+jwt");
  }

  std::shared_ptr<const auth::TokenVerifier> verifier(std::size_t cache_entries) const {
    auth::VerifierOptions options;
    options.issuer = "https://issuer.bench";
    options.audience = "shop";
    options.cache_entries = cache_entries;
    const auto jwks = boost::json::serialize(
        boost::json::object{{"keys", boost::json::array{key.public_key().to_jwk()}}});
    return std::make_shared<const auth::TokenVerifier>(options, [jwks] { return jwks; });
  }

  auth::SigningKey key;
};

// One GET through prepare + respond of the real middleware.
void request(benchmark::State& state, const http::Router& router, const std::string& token) {
  metrics::Registry registry;
  http::ServerOptions options;
  options.access_log = false;
  const http::Middleware middleware(options, router, registry);
  for (auto _ : state) {
    http::Request request;
    request.method = http::Method::get;
    request.target = "/v1/items/42";
    if (!token.empty()) request.headers.set("Authorization", "Bearer " + token);
    const auto prepared = middleware.prepare(request);
    auto response = middleware.respond(request, prepared);
    if (response.status != 200) state.SkipWithError("request refused");
    benchmark::DoNotOptimize(response);
  }
}

http::Router router_with(std::shared_ptr<const auth::TokenVerifier> verifier, bool needs_token) {
  http::Router router;
  router.use_token_verifier(std::move(verifier));
  router.get(
      "/v1/items/{id}", [](http::Request&) { return http::Response::json(200, "{}"); },
      needs_token ? http::RouteOptions{} : http::public_route());
  return router;
}

void BM_RequestPublicRoute(benchmark::State& state) {
  const Issuer issuer(auth::Algorithm::es256);
  request(state, router_with(issuer.verifier(0), false), "");
}

void BM_RequestTokenCached(benchmark::State& state) {
  const Issuer issuer(static_cast<auth::Algorithm>(state.range(0)));
  request(state, router_with(issuer.verifier(10000), true), issuer.token());
}

void BM_RequestTokenUncached(benchmark::State& state) {
  const Issuer issuer(static_cast<auth::Algorithm>(state.range(0)));
  request(state, router_with(issuer.verifier(0), true), issuer.token());
}

void BM_SignAccessToken(benchmark::State& state) {
  const Issuer issuer(static_cast<auth::Algorithm>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(issuer.token());
}

void BM_Argon2idHash(benchmark::State& state) {
  const ::auth::PasswordHasher hasher(
      {static_cast<std::uint32_t>(state.range(0)), static_cast<std::uint32_t>(state.range(1)), 1});
  for (auto _ : state) benchmark::DoNotOptimize(hasher.hash("correct horse battery staple"));
}

void algorithms(benchmark::internal::Benchmark* benchmark) {
  benchmark->ArgName("alg")
      ->Arg(static_cast<int>(auth::Algorithm::rs256))
      ->Arg(static_cast<int>(auth::Algorithm::es256));
}

}  // namespace

BENCHMARK(BM_RequestPublicRoute);
BENCHMARK(BM_RequestTokenCached)->Apply(algorithms);
BENCHMARK(BM_RequestTokenUncached)->Apply(algorithms);
BENCHMARK(BM_SignAccessToken)->Apply(algorithms);
// OWASP's Argon2id choices: 19 MiB x 2 passes (our default), 46 MiB x 1, 64 MiB x 3.
BENCHMARK(BM_Argon2idHash)
    ->ArgNames({"kib", "passes"})
    ->Args({19 * 1024, 2})
    ->Args({46 * 1024, 1})
    ->Args({64 * 1024, 3})
    ->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
  platform::log::set_level(platform::log::Level::error);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  return 0;
}
