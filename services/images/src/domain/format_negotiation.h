#pragma once

#include <string_view>

#include "domain/image_format.h"

namespace images {

struct EncoderSupport {
  bool avif = true;  // libvips built with an AV1 encoder
};

// The format to send when the URL left it open: AVIF, then WebP, when the
// Accept header asks for them by name with a non-zero q (browsers do; a
// wildcard is no promise), else JPEG, or PNG for a picture with
// transparency, which JPEG would lose.
ImageFormat negotiate_format(std::string_view accept, bool has_alpha, EncoderSupport support);

}  // namespace images
