#include "aws_sdk_signer.h"

#include <boost/json.hpp>
#include <cstdio>
#include <fstream>
#include <memory>
#include <stdexcept>

#include "platform/clock.h"
#include "platform/testing/environment.h"

namespace platform::storage::testing {

namespace {

boost::json::array pairs(const std::vector<std::pair<std::string, std::string>>& fields) {
  boost::json::array result;
  for (const auto& [name, value] : fields) result.push_back(boost::json::array{name, value});
  return result;
}

std::string run_node(const std::filesystem::path& input_file) {
  const std::string command = std::string(SHOP_NODE_PROGRAM) + " " + SHOP_OBJECT_STORE_TOOLS +
                              "/smithy_sign.mjs < " + input_file.string();
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
  if (!pipe) throw std::runtime_error("cannot run " + command);
  std::string output;
  char buffer[4096];
  while (const auto count = std::fread(buffer, 1, sizeof buffer, pipe.get())) {
    output.append(buffer, count);
  }
  return output;
}

}  // namespace

std::vector<std::string> sign_with_the_aws_sdk(const std::vector<SdkSigningInput>& requests) {
  boost::json::array input;
  for (const auto& request : requests) {
    input.push_back(boost::json::object{{"method", request.method},
                                        {"host", request.host},
                                        {"path", request.path},
                                        {"query", pairs(request.query)},
                                        {"headers", pairs(request.headers)},
                                        {"payloadHash", request.payload_hash},
                                        {"region", request.region},
                                        {"accessKeyId", request.credentials.access_key_id},
                                        {"secretAccessKey", request.credentials.secret_access_key},
                                        {"sessionToken", request.credentials.session_token},
                                        {"time", format_rfc3339(request.at)}});
  }
  platform::testing::TemporaryDirectory directory;
  const auto input_file = directory.path() / "requests.json";
  std::ofstream(input_file) << boost::json::serialize(input);
  const auto output = run_node(input_file);
  boost::system::error_code failure;
  const auto parsed = boost::json::parse(output, failure);
  if (failure || !parsed.is_array()) {
    throw std::runtime_error("the AWS SDK signer printed: " + output);
  }
  std::vector<std::string> signatures;
  for (const auto& signature : parsed.as_array()) {
    signatures.emplace_back(signature.as_string());
  }
  return signatures;
}

}  // namespace platform::storage::testing
