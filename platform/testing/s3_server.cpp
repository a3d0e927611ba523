#include "platform/testing/s3_server.h"

#include <cstdlib>
#include <stdexcept>

namespace platform::testing {

namespace {

void make_certificate(const std::filesystem::path& directory) {
  const std::string command =
      "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=s3.example.test"
      " -addext subjectAltName=DNS:s3.example.test,DNS:*.s3.example.test,IP:127.0.0.1"
      " -keyout " +
      (directory / "key.pem").string() + " -out " + (directory / "certificate.pem").string() +
      " 2>/dev/null";
  if (std::system(command.c_str()) != 0) throw std::runtime_error("openssl req failed");
}

}  // namespace

bool object_store_tools_installed() {
  return std::filesystem::exists(std::filesystem::path(SHOP_OBJECT_STORE_TOOLS) /
                                 "node_modules/s3rver");
}

S3Server::S3Server(bool tls) : port_(free_port()), tls_(tls) {
  std::filesystem::create_directories(directory_.path() / "data");
  std::vector<std::string> arguments = {
      std::string(SHOP_OBJECT_STORE_TOOLS) + "/node_modules/s3rver/bin/s3rver.js",
      "--directory",
      (directory_.path() / "data").string(),
      "--address",
      "127.0.0.1",
      "--port",
      std::to_string(port_),
      "--service-endpoint",
      service_domain,
      "--configure-bucket",
      bucket};
  if (tls_) {
    make_certificate(directory_.path());
    certificate_ = directory_.path() / "certificate.pem";
    arguments.insert(arguments.end(), {"--key", (directory_.path() / "key.pem").string(), "--cert",
                                       certificate_.string()});
  }
  process_ = std::make_unique<ChildProcess>(SHOP_NODE_PROGRAM, std::map<std::string, std::string>{},
                                            directory_.path() / "s3rver.log", arguments);
  if (!process_->wait_for_log("S3rver listening", std::chrono::seconds(20))) {
    throw std::runtime_error("s3rver did not start (" + process_->state() +
                             "): " + process_->log());
  }
}

storage::S3Settings S3Server::settings() const {
  storage::S3Settings settings;
  settings.endpoint =
      std::string(tls_ ? "https" : "http") + "://127.0.0.1:" + std::to_string(port_);
  settings.bucket = bucket;
  settings.credentials = {"S3RVER", "S3RVER", ""};
  settings.tls_ca_file = certificate_.string();
  settings.timeout = std::chrono::seconds(10);
  return settings;
}

storage::S3Settings S3Server::virtual_host_settings() const {
  auto settings = this->settings();
  settings.endpoint = std::string(tls_ ? "https" : "http") + "://s3." + service_domain + ":" +
                      std::to_string(port_);
  settings.addressing = storage::S3AddressingStyle::virtual_host;
  settings.connect_to = "127.0.0.1:" + std::to_string(port_);
  return settings;
}

}  // namespace platform::testing
