#include "store/schema.h"

#include "platform/bus/outbox.h"

namespace recommendations {

void migrate(platform::db::Database& database) {
  platform::db::migrate(database, {platform::bus::migrations(), {"recommendations", migrations()}});
}

}  // namespace recommendations
