#include "platform/storage/aws_signature.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <map>

#include "platform/crypto.h"
#include "platform/ids.h"
#include "platform/text.h"

namespace platform::storage {

namespace {

constexpr std::string_view algorithm = "AWS4-HMAC-SHA256";

bool unreserved(unsigned char c) {
  return std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~';
}

bool blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Leading and trailing blanks dropped and every inner run of them (folded
// lines included) made one space, as the canonical form requires.
std::string canonical_header_value(std::string_view value) {
  std::string result;
  result.reserve(value.size());
  bool pending_space = false;
  for (const char c : value) {
    if (blank(c)) {
      pending_space = !result.empty();
      continue;
    }
    if (pending_space) result += ' ';
    pending_space = false;
    result += c;
  }
  return result;
}

struct Timestamps {
  std::string date_time;  // 20150830T123600Z
  std::string date;       // 20150830
};

Timestamps timestamps_of(std::chrono::system_clock::time_point at) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(at);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[17];
  std::strftime(text, sizeof text, "%Y%m%dT%H%M%SZ", &utc);
  return {text, std::string(text, 8)};
}

std::string canonical_query(const std::vector<std::pair<std::string, std::string>>& query) {
  std::vector<std::pair<std::string, std::string>> encoded;
  encoded.reserve(query.size());
  for (const auto& [name, value] : query) {
    encoded.emplace_back(aws_uri_encode(name, false), aws_uri_encode(value, false));
  }
  std::sort(encoded.begin(), encoded.end());
  std::string result;
  for (const auto& [name, value] : encoded) {
    if (!result.empty()) result += '&';
    result += name;
    result += '=';
    result += value;
  }
  return result;
}

}  // namespace

std::string aws_uri_encode(std::string_view text, bool keep_slashes) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string result;
  result.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (unreserved(byte) || (keep_slashes && c == '/')) {
      result += c;
    } else {
      result += '%';
      result += digits[byte >> 4];
      result += digits[byte & 0x0F];
    }
  }
  return result;
}

std::string sha256_hex(std::string_view bytes) { return hex_encode(crypto::sha256(bytes)); }

Signature sign_v4(const SignableRequest& request, const AwsCredentials& credentials,
                  const AwsScope& scope, std::chrono::system_clock::time_point at,
                  SigningOptions options) {
  const auto time = timestamps_of(at);
  Signature result;
  result.headers_to_add.emplace_back("X-Amz-Date", time.date_time);
  if (!credentials.session_token.empty()) {
    result.headers_to_add.emplace_back("X-Amz-Security-Token", credentials.session_token);
  }
  if (options.add_content_sha256_header) {
    result.headers_to_add.emplace_back("X-Amz-Content-Sha256", request.payload_hash);
  }

  // Names sorted; repeated fields keep their order and join with commas.
  std::map<std::string, std::string> fields;
  const auto add_field = [&fields](std::string_view name, std::string_view value) {
    auto [slot, inserted] = fields.try_emplace(ascii_lower(name), canonical_header_value(value));
    if (!inserted) slot->second += "," + canonical_header_value(value);
  };
  for (const auto& [name, value] : request.headers) add_field(name, value);
  for (const auto& [name, value] : result.headers_to_add) add_field(name, value);

  std::string canonical_headers;
  std::string signed_headers;
  for (const auto& [name, value] : fields) {
    canonical_headers.append(name).append(1, ':').append(value).append(1, '\n');
    if (!signed_headers.empty()) signed_headers += ';';
    signed_headers += name;
  }

  const std::string path = request.path.empty() ? "/" : request.path;
  result.canonical_request = request.method + '\n' + aws_uri_encode(path, true) + '\n' +
                             canonical_query(request.query) + '\n' + canonical_headers + '\n' +
                             signed_headers + '\n' + request.payload_hash;

  const std::string credential_scope =
      time.date + '/' + scope.region + '/' + scope.service + "/aws4_request";
  result.string_to_sign = std::string(algorithm) + '\n' + time.date_time + '\n' + credential_scope +
                          '\n' + sha256_hex(result.canonical_request);

  // The key is derived per day, region and service, so a leaked one is
  // worth little; it is cheap enough not to cache.
  std::string key = crypto::hmac_sha256("AWS4" + credentials.secret_access_key, time.date);
  key = crypto::hmac_sha256(key, scope.region);
  key = crypto::hmac_sha256(key, scope.service);
  key = crypto::hmac_sha256(key, "aws4_request");
  result.signature = hex_encode(crypto::hmac_sha256(key, result.string_to_sign));

  result.headers_to_add.emplace_back(
      "Authorization", std::string(algorithm) + " Credential=" + credentials.access_key_id + '/' +
                           credential_scope + ", SignedHeaders=" + signed_headers +
                           ", Signature=" + result.signature);
  return result;
}

}  // namespace platform::storage
