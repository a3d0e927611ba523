#include "http/beast_conversion.h"

namespace platform::http {
namespace {

namespace bhttp = boost::beast::http;

}  // namespace

Method method_of(bhttp::verb verb) {
  switch (verb) {
    case bhttp::verb::get:
      return Method::get;
    case bhttp::verb::head:
      return Method::head;
    case bhttp::verb::post:
      return Method::post;
    case bhttp::verb::put:
      return Method::put;
    case bhttp::verb::patch:
      return Method::patch;
    case bhttp::verb::delete_:
      return Method::delete_;
    case bhttp::verb::options:
      return Method::options;
    default:
      return Method::other;
  }
}

Request to_request(bhttp::request<bhttp::string_body>&& message, std::string remote_address) {
  Request request;
  request.method = method_of(message.method());
  request.target = std::string(message.target());
  for (const auto& field : message) request.headers.add(field.name_string(), field.value());
  request.body = std::move(message.body());
  request.remote_address = std::move(remote_address);
  return request;
}

bhttp::response<bhttp::string_body> to_beast(Response&& response, unsigned version, bool keep_alive,
                                             bool head) {
  bhttp::response<bhttp::string_body> message{static_cast<bhttp::status>(response.status), version};
  for (const auto& [name, value] : response.headers) message.insert(name, value);
  const auto length = response.body.size();
  if (!head) message.body() = std::move(response.body);
  message.keep_alive(keep_alive);
  if (head) {
    message.content_length(length);
  } else if (response.status != 204 && response.status != 304) {
    message.prepare_payload();
  }
  return message;
}

}  // namespace platform::http
