#pragma once

#include <boost/beast/http.hpp>
#include <string>

#include "platform/http/message.h"

namespace platform::http {

// Between Beast's messages and the platform's, which keep Beast out of every
// header services include. Shared by the server and the fuzzers.
Method method_of(boost::beast::http::verb verb);

Request to_request(boost::beast::http::request<boost::beast::http::string_body>&& message,
                   std::string remote_address);

boost::beast::http::response<boost::beast::http::string_body> to_beast(Response&& response,
                                                                       unsigned version,
                                                                       bool keep_alive, bool head);

}  // namespace platform::http
