#include "domain/image_record.h"

#include <algorithm>

namespace images {

bool is_image_id(std::string_view text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

std::string original_key(std::string_view image_id) {
  return "originals/" + std::string(image_id.substr(0, 2)) + "/" + std::string(image_id);
}

std::string variant_key(std::string_view image_id, std::string_view variant_name) {
  return "variants/" + std::string(image_id.substr(0, 2)) + "/" + std::string(image_id) + "/" +
         std::string(variant_name);
}

}  // namespace images
