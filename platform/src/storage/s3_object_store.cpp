#include "platform/storage/s3_object_store.h"

#include <boost/url/parse.hpp>
#include <charconv>

#include "platform/error.h"
#include "platform/html_text.h"
#include "platform/http/client.h"
#include "platform/log.h"
#include "s3_xml.h"

namespace platform::storage {

namespace {

using QueryParameters = std::vector<std::pair<std::string, std::string>>;

struct Endpoint {
  std::string scheme;
  std::string host;
  std::string port;  // empty for the scheme's default
};

Endpoint parse_endpoint(const std::string& text) {
  const auto parsed = boost::urls::parse_uri(text);
  if (!parsed || (parsed->scheme() != "http" && parsed->scheme() != "https") ||
      parsed->host().empty() ||
      (!parsed->encoded_path().empty() && parsed->encoded_path() != "/")) {
    throw Error(ErrorKind::invalid_argument, "bad-s3-endpoint",
                "the S3 endpoint must be http(s)://host[:port], not '" + text + "'");
  }
  return {std::string(parsed->scheme()), std::string(parsed->host()),
          parsed->has_port() ? std::string(parsed->port()) : std::string()};
}

std::string_view method_name(http::Method method) { return http::to_string(method); }

struct S3Request {
  http::Method method = http::Method::get;
  std::string_view key;
  QueryParameters query;
  std::string_view body;
  HeaderFields headers;
};

}  // namespace

class S3ObjectStore::Impl {
 public:
  explicit Impl(S3Settings settings)
      : settings_(std::move(settings)),
        endpoint_(parse_endpoint(settings_.endpoint)),
        client_(client_options(settings_)) {
    if (settings_.bucket.empty()) {
      throw Error(ErrorKind::invalid_argument, "bad-s3-bucket", "the S3 bucket is not set");
    }
    if (settings_.part_size < (std::size_t{5} << 20) ||
        settings_.multipart_threshold < settings_.part_size) {
      throw Error(ErrorKind::invalid_argument, "bad-s3-part-size",
                  "S3 parts must be at least 5 MiB and no larger than the multipart threshold");
    }
  }

  void put(std::string_view key, std::string_view bytes) {
    check_object_key(key);
    if (bytes.size() <= settings_.multipart_threshold) {
      expect_success(send({http::Method::put, key, {}, bytes, {}}), "put", key);
      return;
    }
    put_in_parts(key, bytes);
  }

  std::optional<std::string> get(std::string_view key) {
    check_object_key(key);
    auto response = send({http::Method::get, key, {}, {}, {}});
    if (response.status == 404) return std::nullopt;
    expect_success(response, "get", key);
    return std::move(response.body);
  }

  std::optional<std::uint64_t> size(std::string_view key) {
    check_object_key(key);
    const auto response = send({http::Method::head, key, {}, {}, {}});
    if (response.status == 404) return std::nullopt;
    expect_success(response, "inspect", key);
    const auto length = response.headers.get("Content-Length");
    std::uint64_t bytes = 0;
    const auto [end, error] = std::from_chars(length.data(), length.data() + length.size(), bytes);
    if (error != std::errc() || end != length.data() + length.size() || length.empty()) {
      throw Error(ErrorKind::unavailable, "object-store-failed",
                  "the object store gave no size for " + std::string(key));
    }
    return bytes;
  }

  void remove(std::string_view key) {
    check_object_key(key);
    const auto response = send({http::Method::delete_, key, {}, {}, {}});
    if (response.status == 404) return;
    expect_success(response, "remove", key);
  }

 private:
  static http::ClientOptions client_options(const S3Settings& settings) {
    http::ClientOptions options;
    options.timeout = settings.timeout;
    // The XML of an error or a part list is small next to an object.
    options.max_response_bytes = settings.max_object_bytes + (64 << 10);
    options.registry = settings.registry;
    options.tls_ca_file = settings.tls_ca_file;
    return options;
  }

  std::string authority() const {
    std::string host = settings_.addressing == S3AddressingStyle::virtual_host
                           ? settings_.bucket + "." + endpoint_.host
                           : endpoint_.host;
    return endpoint_.port.empty() ? host : host + ":" + endpoint_.port;
  }

  // The object's path as signed (decoded) and as sent (encoded once).
  std::string object_path(std::string_view key) const {
    return settings_.addressing == S3AddressingStyle::virtual_host
               ? "/" + std::string(key)
               : "/" + settings_.bucket + "/" + std::string(key);
  }

  http::Response send(const S3Request& request) {
    const auto host = authority();
    const auto path = object_path(request.key);
    SignableRequest signable{std::string(method_name(request.method)),
                             path,
                             request.query,
                             {},
                             sha256_hex(request.body)};
    signable.headers.emplace_back("Host", host);
    for (const auto& field : request.headers) signable.headers.push_back(field);
    const auto signature = sign_v4(signable, settings_.credentials, {settings_.region, "s3"},
                                   std::chrono::system_clock::now());

    http::ClientRequest outgoing;
    outgoing.method = request.method;
    outgoing.url = endpoint_.scheme + "://" + host + aws_uri_encode(path, true);
    for (std::size_t i = 0; i < request.query.size(); ++i) {
      outgoing.url += i == 0 ? '?' : '&';
      outgoing.url += aws_uri_encode(request.query[i].first, false) + "=" +
                      aws_uri_encode(request.query[i].second, false);
    }
    for (const auto& [name, value] : signable.headers) outgoing.headers.set(name, value);
    for (const auto& [name, value] : signature.headers_to_add) outgoing.headers.set(name, value);
    outgoing.body = std::string(request.body);
    outgoing.connect_to = settings_.connect_to;
    return client_.send(std::move(outgoing));
  }

  // S3 may answer 200 and still report a failure in the body of a request
  // that completes an upload, so that body is checked too.
  static void expect_success(const http::Response& response, std::string_view action,
                             std::string_view key) {
    const bool failed = response.status < 200 || response.status >= 300 ||
                        response.body.find("<Error>") != std::string::npos;
    if (!failed) return;
    const auto code = s3_xml::element_text(response.body, "Code").value_or("");
    const auto message = s3_xml::element_text(response.body, "Message").value_or("");
    std::string description = "the object store refused to " + std::string(action) + " " +
                              std::string(key) + ": status " + std::to_string(response.status);
    if (!code.empty()) description += ", " + code;
    if (!message.empty()) description += " (" + message + ")";
    // A refusal other than overload (a bad signature, a missing bucket) is
    // a configuration fault no retry fixes; both reach the caller as 503.
    throw Error(ErrorKind::unavailable,
                response.status >= 500 ? "object-store-unavailable" : "object-store-refused",
                description);
  }

  void put_in_parts(std::string_view key, std::string_view bytes) {
    const auto started = send({http::Method::post, key, {{"uploads", ""}}, {}, {}});
    expect_success(started, "start an upload of", key);
    const auto upload_id = s3_xml::element_text(started.body, "UploadId");
    if (!upload_id || upload_id->empty()) {
      throw Error(ErrorKind::unavailable, "object-store-failed",
                  "the object store started an upload of " + std::string(key) + " without an id");
    }
    try {
      std::string part_list = "<CompleteMultipartUpload>";
      int number = 1;
      for (std::size_t offset = 0; offset < bytes.size(); offset += settings_.part_size, ++number) {
        const auto part = bytes.substr(offset, settings_.part_size);
        const auto uploaded =
            send({http::Method::put,
                  key,
                  {{"partNumber", std::to_string(number)}, {"uploadId", *upload_id}},
                  part,
                  {}});
        expect_success(uploaded, "store a part of", key);
        const auto etag = uploaded.headers.get("ETag");
        part_list += "<Part><PartNumber>" + std::to_string(number) + "</PartNumber><ETag>" +
                     escape_html(etag) + "</ETag></Part>";
      }
      part_list += "</CompleteMultipartUpload>";
      expect_success(send({http::Method::post,
                           key,
                           {{"uploadId", *upload_id}},
                           part_list,
                           {{"Content-Type", "application/xml"}}}),
                     "complete an upload of", key);
    } catch (const Error&) {
      abort_upload(key, *upload_id);
      throw;
    }
  }

  // Parts of an abandoned upload are billed and invisible; they must go.
  void abort_upload(std::string_view key, const std::string& upload_id) noexcept {
    // When even this fails, a bucket lifecycle rule for incomplete uploads
    // (docs/architecture.md) removes the parts later; the log says so.
    try {
      const auto response = send({http::Method::delete_, key, {{"uploadId", upload_id}}, {}, {}});
      if (response.status >= 300 && response.status != 404) {
        log::warn("could not abort an unfinished upload",
                  {{"key", key}, {"upload_id", upload_id}, {"status", response.status}});
      }
    } catch (const Error& error) {
      log::warn("could not abort an unfinished upload",
                {{"key", key}, {"upload_id", upload_id}, {"error", error.what()}});
    }
  }

  S3Settings settings_;
  Endpoint endpoint_;
  http::Client client_;
};

S3ObjectStore::S3ObjectStore(S3Settings settings)
    : impl_(std::make_unique<Impl>(std::move(settings))) {}
S3ObjectStore::~S3ObjectStore() = default;

void S3ObjectStore::put(std::string_view key, std::string_view bytes) { impl_->put(key, bytes); }
std::optional<std::string> S3ObjectStore::get(std::string_view key) { return impl_->get(key); }
std::optional<std::uint64_t> S3ObjectStore::size(std::string_view key) { return impl_->size(key); }
void S3ObjectStore::remove(std::string_view key) { impl_->remove(key); }

}  // namespace platform::storage
