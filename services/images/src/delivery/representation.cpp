#include "delivery/representation.h"

#include "domain/byte_range.h"
#include "platform/http/json_response.h"

namespace images {

namespace {

void describe(platform::http::Response& response, const Representation& representation) {
  response.headers.set("ETag", representation.etag);
  response.headers.set("Cache-Control", "public, max-age=31536000, immutable");
  if (representation.varies_by_accept) response.headers.set("Vary", "Accept");
}

}  // namespace

platform::http::Response respond_with(const platform::http::Request& request,
                                      const Representation& representation) {
  using platform::http::Response;
  if (platform::http::if_none_match(request, representation.etag)) {
    auto response = Response::empty(304);
    describe(response, representation);
    return response;
  }
  const std::string& body = *representation.body;
  const auto size = body.size();
  const auto range = answer_range(request.header("Range"), size);
  if (std::holds_alternative<UnsatisfiableRange>(range)) {
    auto response = Response::empty(416);
    response.headers.set("Content-Range", "bytes */" + std::to_string(size));
    describe(response, representation);
    return response;
  }
  Response response;
  if (const auto* part = std::get_if<ByteRange>(&range)) {
    response.status = 206;
    response.body = body.substr(part->first, part->last - part->first + 1);
    response.headers.set("Content-Range", "bytes " + std::to_string(part->first) + "-" +
                                              std::to_string(part->last) + "/" +
                                              std::to_string(size));
  } else {
    response.body = body;
  }
  response.headers.set("Content-Type", representation.content_type);
  response.headers.set("Accept-Ranges", "bytes");
  describe(response, representation);
  return response;
}

}  // namespace images
