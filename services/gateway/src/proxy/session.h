#pragma once

#include "proxy/worker.h"

namespace gateway {

// Serves one client connection until it closes, is idle too long, or the
// gateway drains.
Task<void> serve_client(Worker& worker, Worker::Client& client);

}  // namespace gateway
