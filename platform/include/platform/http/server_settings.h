#pragma once

#include <string>

#include "platform/config.h"
#include "platform/http/server.h"

namespace platform::http {

// The HTTP settings every service reads the same way, named after the
// service: <PREFIX>_ADDRESS, <PREFIX>_PORT, <PREFIX>_IO_THREADS,
// <PREFIX>_WORKER_THREADS, <PREFIX>_MAX_BODY_BYTES, <PREFIX>_ACCESS_LOG,
// <PREFIX>_CORS_ORIGINS (comma separated).
ServerOptions read_server_options(Config& config, const std::string& prefix,
                                  const std::string& service, int default_port);

}  // namespace platform::http
