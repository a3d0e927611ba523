#include "platform/db/database.h"

#include "platform/error.h"

namespace platform::db {

bool Database::ping() {
  bool answered = false;
  try {
    transact(Access::read_only,
             [&](Session& session) { answered = !session.run("SELECT 1").empty(); });
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::unavailable) throw;
  }
  return answered;
}

}  // namespace platform::db
