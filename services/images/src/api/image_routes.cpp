#include "api/image_routes.h"

#include <boost/json.hpp>

#include "api/upload_input.h"
#include "images_service.h"
#include "platform/error.h"
#include "platform/http/json_response.h"

namespace images {

namespace {

using platform::http::Request;
using platform::http::Response;

boost::json::object json_of(const ImageRecord& record) {
  return {{"id", record.id},
          {"format", name_of(record.uploaded_format)},
          {"stored_format", name_of(record.stored_format)},
          {"width", record.width},
          {"height", record.height},
          {"bytes", record.bytes},
          {"has_alpha", record.has_alpha},
          {"dominant_color", record.dominant_color},
          {"created_at", record.created_at}};
}

}  // namespace

void add_image_routes(platform::http::Router& router, ImagesService& service) {
  using platform::http::Access;
  using platform::http::Method;

  router.post(
      "/v1/images",
      [&service](Request& request) {
        const auto picture = uploaded_picture(request);
        const auto result = service.upload(picture, request.caller->subject);
        auto response =
            platform::http::json_response(result.created ? 201 : 200, json_of(result.record));
        response.headers.set("Location", "/v1/images/" + result.record.id);
        return response;
      },
      platform::http::with_body_limit(platform::http::requires_access(Access::role("admin")),
                                      service.options().max_upload_bytes));

  // Pictures from memory are answered on the I/O thread; the rest (the
  // store, a first render) goes to the workers.
  auto picture_options =
      platform::http::with_fast_path([&service](Request& request) -> std::optional<Response> {
        try {
          if (auto hit = service.cached_picture(request.path_parameter("id"), request.query,
                                                request.header("Accept"))) {
            return respond_with(request, *hit);
          }
        } catch (const platform::Error&) {
          // Bad parameters are answered by the handler, with its problem.
        }
        return std::nullopt;
      });
  router.get(
      "/v1/images/{id}",
      [&service](Request& request) {
        const auto picture =
            service.picture(request.path_parameter("id"), request.query, request.header("Accept"));
        return respond_with(request, *picture);
      },
      std::move(picture_options));

  router.get(
      "/v1/images/{id}/metadata",
      [&service](Request& request) {
        const auto record = service.find(request.path_parameter("id"));
        if (!record) throw platform::not_found("image-not-found", "no image has this id");
        return platform::http::json_response(200, json_of(*record));
      },
      platform::http::public_route());
}

}  // namespace images
