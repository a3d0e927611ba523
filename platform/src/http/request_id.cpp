#include "platform/http/request_id.h"

#include <algorithm>

#include "platform/ids.h"

namespace platform::http {

std::string request_id_for(std::string_view incoming) {
  const bool acceptable = !incoming.empty() && incoming.size() <= 128 &&
                          std::all_of(incoming.begin(), incoming.end(), [](char c) {
                            return c > 0x20 && c < 0x7f && c != '"' && c != '\\';
                          });
  return acceptable ? std::string(incoming) : random_hex(8);
}

}  // namespace platform::http
