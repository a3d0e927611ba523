#pragma once

#include <chrono>
#include <string>

#include "platform/db/database.h"
#include "platform/http/router.h"

namespace platform::http {

// Makes a POST handler safe to retry with an Idempotency-Key header (the
// IETF draft "The Idempotency-Key HTTP Header Field"):
// - the first request with a key runs the handler; a 2xx response is kept;
// - a retry with the same key, method, path and body gets the kept response
//   again, with `Idempotent-Replayed: true`, and the handler does not run;
// - the same key with another request is 422 idempotency-key-reused;
// - a retry while the first is still running is 409 idempotency-key-in-use;
// - a failed first attempt (any error) forgets the key, so a retry runs again.
// Without the header the handler runs as usual. Keys belong to the caller
// (the verified token's subject), as the draft intends: two clients never
// collide on a key, and a replay never hands one user another's response.
// `scope` separates services sharing a database. Keys live in the platform
// migrations' idempotency_keys table for a day; a key left running by a
// crashed process is taken over after `abandoned_after`.
Handler idempotent(db::Database& database, std::string scope, Handler handler,
                   std::chrono::seconds abandoned_after = std::chrono::seconds(60));

// For services that claim a key in the same transaction as the change it
// makes (so that even a crash between change and answer cannot make a retry
// act twice): the request's Idempotency-Key, who sent it (the verified
// token's subject) and a hash of method, path and body, to tell a retry from
// another request reusing the key.
struct KeyedRequest {
  std::string requester;
  std::string key;
  std::string request_hash;
};
// Throws Error(invalid_argument, "idempotency-key-required") when the header
// is missing, invalid-field when it is not 1 to 255 visible characters.
KeyedRequest keyed_request(const Request& request);

// Forgets the kept responses of `subject`'s keys in `scope`, inside the
// caller's transaction: erasing a person erases what was replayable to them.
void forget_idempotency_keys(db::Session& session, std::string_view scope,
                             std::string_view subject);

}  // namespace platform::http
