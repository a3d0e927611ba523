// Bytes as what the images service decodes from a request before libvips
// sees anything: a multipart/form-data upload, the magic bytes of a picture,
// a variant query, a Range and an Accept header. Decoding may only end in a
// value or a platform::Error naming what is wrong; anything else (another
// exception type, a crash, a sanitizer report) is a finding.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/byte_range.h"
#include "domain/format_negotiation.h"
#include "domain/image_format.h"
#include "domain/variant.h"
#include "platform/error.h"
#include "platform/http/multipart.h"

namespace {

// "name=value&name=value", split without decoding: the router has decoded.
std::vector<std::pair<std::string, std::string>> query_of(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> query;
  while (!text.empty() && query.size() < 16) {
    const auto end = std::min(text.find('&'), text.size());
    const auto pair = text.substr(0, end);
    const auto equals = std::min(pair.find('='), pair.size());
    query.emplace_back(std::string(pair.substr(0, equals)),
                       std::string(pair.substr(std::min(equals + 1, pair.size()))));
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return query;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // The first line is a Content-Type or header value, the rest a body.
  const auto newline = std::min(text.find('\n'), text.size());
  const auto header = text.substr(0, newline);
  const auto body = text.substr(std::min(newline + 1, text.size()));

  if (const auto boundary = platform::http::multipart_boundary(header)) {
    if (const auto parts = platform::http::parse_multipart(body, *boundary)) {
      for (const auto& part : *parts) {
        if (part.body.data() < body.data() ||
            part.body.data() + part.body.size() > body.data() + body.size()) {
          __builtin_trap();  // a part must lie inside the body
        }
      }
    }
  }
  (void)images::sniff_format(body);
  (void)images::negotiate_format(header, body.size() % 2 == 0, {});
  const auto range = images::answer_range(header, body.size());
  if (const auto* part = std::get_if<images::ByteRange>(&range);
      part != nullptr && (part->first > part->last || part->last >= body.size())) {
    __builtin_trap();  // a range must lie inside the representation
  }
  try {
    (void)images::parse_variant(query_of(body), std::string(64, 'a'),
                                images::VariantRules::defaults(), "fuzz-key");
  } catch (const platform::Error&) {
  }
  return 0;
}
