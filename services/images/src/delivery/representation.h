#pragma once

#include <memory>
#include <string>

#include "platform/http/message.h"

namespace images {

// Bytes ready to send. The body is shared with the memory cache (a hit
// points into the cached entry), so serving it copies the bytes once, into
// the response.
struct Representation {
  std::shared_ptr<const std::string> body;
  std::string content_type;
  std::string etag;  // strong, quoted
  bool varies_by_accept = false;
};

// The answer to a GET for `representation`: 200, 206 for one satisfiable
// byte range, 416 for an unsatisfiable one, 304 when If-None-Match names
// its ETag. Pictures under content-addressed URLs never change, so they are
// cacheable for a year and marked immutable.
platform::http::Response respond_with(const platform::http::Request& request,
                                      const Representation& representation);

}  // namespace images
