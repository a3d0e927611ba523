#include "platform/http/idempotency.h"

#include <openssl/evp.h>

#include <atomic>
#include <boost/json.hpp>
#include <memory>

#include "platform/clock.h"
#include "platform/error.h"
#include "platform/ids.h"

namespace platform::http {
namespace {

// The headers worth replaying: what a client reads from a create response.
constexpr const char* kKeptHeaders[] = {"Content-Type", "Location", "ETag"};

std::string sha256_hex(const Request& request) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                  &EVP_MD_CTX_free);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  const std::string method(to_string(request.method));
  const char separator = '\n';
  if (!context || EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) != 1 ||
      EVP_DigestUpdate(context.get(), method.data(), method.size()) != 1 ||
      EVP_DigestUpdate(context.get(), &separator, 1) != 1 ||
      EVP_DigestUpdate(context.get(), request.path.data(), request.path.size()) != 1 ||
      EVP_DigestUpdate(context.get(), &separator, 1) != 1 ||
      EVP_DigestUpdate(context.get(), request.body.data(), request.body.size()) != 1 ||
      EVP_DigestFinal_ex(context.get(), digest, &length) != 1) {
    throw Error(ErrorKind::internal, "digest-failed", "could not hash the request");
  }
  return hex_encode(std::string_view(reinterpret_cast<const char*>(digest), length));
}

bool acceptable_key(std::string_view key) { return is_opaque_id(key, 255); }

Response replay(const db::Row& row) {
  Response response;
  response.status = row.get<int>(1);
  const auto headers = boost::json::parse(row.get<std::string>(2)).as_object();
  for (const auto& [name, value] : headers) response.headers.set(name, value.as_string());
  response.body = row.get<std::string>(3);
  response.headers.set("Idempotent-Replayed", "true");
  return response;
}

enum class Claim { run, replay, in_use, reused };

constexpr std::int64_t kKeepMillis = std::int64_t{24} * 3600 * 1000;

// The stored scope of one caller's keys; anonymous callers share the bare scope.
std::string caller_scope(std::string_view scope, std::string_view subject) {
  std::string stored(scope);
  if (!subject.empty()) {
    stored += '/';
    stored += subject;
  }
  return stored;
}

}  // namespace

KeyedRequest keyed_request(const Request& request) {
  const auto key = request.header("Idempotency-Key");
  if (key.empty()) {
    throw Error(ErrorKind::invalid_argument, "idempotency-key-required",
                "this operation needs an Idempotency-Key header", "Idempotency-Key");
  }
  if (!acceptable_key(key)) {
    throw invalid_field("Idempotency-Key", "Idempotency-Key must be 1 to 255 visible characters");
  }
  return {request.caller ? request.caller->subject : std::string(), std::string(key),
          sha256_hex(request)};
}

Handler idempotent(db::Database& database, std::string service_scope, Handler handler,
                   std::chrono::seconds abandoned_after) {
  auto calls = std::make_shared<std::atomic<std::uint64_t>>(0);
  return [&database, service_scope = std::move(service_scope), handler = std::move(handler),
          abandoned_after, calls](Request& request) -> Response {
    const auto key = request.header("Idempotency-Key");
    if (key.empty()) return handler(request);
    const auto scope =
        caller_scope(service_scope, request.caller ? request.caller->subject : std::string_view());
    if (!acceptable_key(key)) {
      throw invalid_field("Idempotency-Key", "Idempotency-Key must be 1 to 255 visible characters");
    }
    const std::string key_text(key);
    const auto hash = sha256_hex(request);
    const auto now = now_unix_millis();

    std::optional<Response> replayed;
    const bool sweep = calls->fetch_add(1) % 1000 == 0;
    const auto claim = database.write([&](db::Session& session) {
      // Keys are remembered for a day, as the draft suggests; old ones are
      // swept now and then by whichever request comes along.
      if (sweep)
        session.run("DELETE FROM idempotency_keys WHERE created_at < $1", now - kKeepMillis);
      const auto inserted = session.run(
          "INSERT INTO idempotency_keys (scope, key, request_hash, created_at) VALUES ($1, $2, $3, "
          "$4) "
          "ON CONFLICT (scope, key) DO NOTHING",
          scope, key_text, hash, now);
      if (inserted.affected_rows() == 1) return Claim::run;
      const auto rows = session.run(
          "SELECT request_hash, status, headers, body, created_at FROM idempotency_keys "
          "WHERE scope = $1 AND key = $2",
          scope, key_text);
      if (rows.empty()) return Claim::in_use;  // forgotten a moment ago; the client retries
      const auto& row = rows.front();
      if (row.get<std::string>(0) != hash) return Claim::reused;
      if (!row.is_null(1)) {
        replayed = replay(row);
        return Claim::replay;
      }
      const auto abandoned = row.get<std::int64_t>(4) + abandoned_after.count() * 1000 < now;
      if (!abandoned) return Claim::in_use;
      session.run("UPDATE idempotency_keys SET created_at = $3 WHERE scope = $1 AND key = $2",
                  scope, key_text, now);
      return Claim::run;
    });
    switch (claim) {
      case Claim::replay:
        return std::move(*replayed);
      case Claim::in_use:
        throw Error(ErrorKind::conflict, "idempotency-key-in-use",
                    "a request with this Idempotency-Key is still being processed",
                    "Idempotency-Key");
      case Claim::reused:
        throw Error(ErrorKind::unprocessable, "idempotency-key-reused",
                    "this Idempotency-Key was used for a different request", "Idempotency-Key");
      case Claim::run:
        break;
    }

    auto forget = [&] {
      database.write([&](db::Session& session) {
        session.run("DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND status IS NULL",
                    scope, key_text);
      });
    };
    Response response;
    try {
      response = handler(request);
    } catch (...) {
      forget();
      throw;
    }
    if (response.status < 200 || response.status >= 300) {
      forget();
      return response;
    }
    boost::json::object headers;
    for (const char* name : kKeptHeaders) {
      if (const auto value = response.headers.get(name); !value.empty()) headers[name] = value;
    }
    database.write([&](db::Session& session) {
      session.run(
          "UPDATE idempotency_keys SET status = $3, headers = $4, body = $5 WHERE scope = $1 AND "
          "key = $2",
          scope, key_text, response.status, boost::json::serialize(headers), response.body);
    });
    return response;
  };
}

void forget_idempotency_keys(db::Session& session, std::string_view scope,
                             std::string_view subject) {
  session.run("DELETE FROM idempotency_keys WHERE scope = $1", caller_scope(scope, subject));
}

}  // namespace platform::http
