#pragma once

#include "platform/http/router.h"

namespace images {

class ImagesService;

// POST /v1/images (admins), GET /v1/images/{id} (anyone: the picture or a
// variant), GET /v1/images/{id}/metadata (anyone).
void add_image_routes(platform::http::Router& router, ImagesService& service);

}  // namespace images
