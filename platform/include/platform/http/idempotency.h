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
// Without the header the handler runs as usual. `scope` separates services
// sharing a database. Keys live in the platform migrations' idempotency_keys
// table; a key left running by a crashed process is taken over after
// `abandoned_after`.
Handler idempotent(db::Database& database, std::string scope, Handler handler,
                   std::chrono::seconds abandoned_after = std::chrono::seconds(60));

}  // namespace platform::http
