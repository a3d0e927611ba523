#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/image_format.h"

namespace images {

// How a picture is fitted into the requested box.
enum class Fit {
  inside,   // as large as fits within width x height, proportions kept
  cover,    // fills the box, the overflow cropped around the centre of interest
  contain,  // fits within the box, letterboxed to exactly width x height
};

std::string_view name_of(Fit fit);

// One rendition of an original. Width or height 0 means "follow the other
// side"; both 0 keeps the original's size. Never larger than the original.
struct Variant {
  int width = 0;
  int height = 0;
  Fit fit = Fit::inside;
  int quality = 80;
  // Unset: chosen per request from Accept (format negotiation).
  std::optional<ImageFormat> format;

  bool operator==(const Variant&) const = default;
};

// The variants a client may ask for without a signature: named presets and
// the sizes, qualities and fits a responsive page needs. Anything else needs
// a signed URL, so nobody can make the service render (and store) an
// unbounded number of sizes.
struct VariantRules {
  std::map<std::string, Variant, std::less<>> presets;
  std::vector<int> widths;
  std::vector<int> heights;
  std::vector<int> qualities;
  int default_quality = 80;
  int max_signed_dimension = 4096;

  static VariantRules defaults();
};

// The variant a query asks for: ?preset=card, or any of w, h, fit, q,
// format from the allow-lists; values outside them need `sig`, an HMAC of
// the request (see signature_of). Throws platform::Error (invalid_argument,
// naming the parameter) for anything else, forbidden for a bad signature.
Variant parse_variant(const std::vector<std::pair<std::string, std::string>>& query,
                      std::string_view image_id, const VariantRules& rules,
                      std::string_view signing_key);

// The text a signed URL's `sig` authenticates, and the signature itself
// (base64url HMAC-SHA-256): the image id and every variant parameter.
std::string signed_text(std::string_view image_id, const Variant& variant);
std::string signature_of(std::string_view signing_key, std::string_view image_id,
                         const Variant& variant);

// The variant as a file name for the object store and the ETag, with the
// format chosen for this response: "w640-h0-inside-q80.webp".
std::string variant_name(const Variant& variant, ImageFormat format);

}  // namespace images
