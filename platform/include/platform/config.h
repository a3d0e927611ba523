#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace platform {

// Configuration from environment variables (12-factor), each declared where it
// is read with its default and a line of help. Reading records the
// declaration, so `--help` can list every variable a program understands:
//
//   Config config(argc, argv, "catalog", "Products, prices and inventory.");
//   auto port = config.integer("CATALOG_PORT", 8081, "TCP port to listen on", 1, 65535);
//   config.finish();  // prints --help or the invalid values and exits if needed
class Config {
 public:
  Config(int argc, char** argv, std::string program, std::string description);

  std::string text(std::string_view name, std::string_view default_value, std::string_view help);
  std::int64_t integer(std::string_view name, std::int64_t default_value, std::string_view help,
                       std::int64_t minimum, std::int64_t maximum);
  bool flag(std::string_view name, bool default_value, std::string_view help);
  std::chrono::milliseconds milliseconds(std::string_view name,
                                         std::chrono::milliseconds default_value,
                                         std::string_view help);

  // Records that a value read with text() is unusable, for checks beyond
  // the type (a list naming unknown items, a URL of the wrong scheme);
  // finish() then reports it with the others.
  void reject(std::string_view name, std::string_view value, std::string_view why);

  // Exits with status 0 after printing help if --help was given, or with
  // status 2 after listing every invalid value; otherwise returns.
  void finish() const;
  // The lines --help prints, for tests and docs.
  std::string help_text() const;
  const std::vector<std::string>& errors() const noexcept { return errors_; }

 private:
  struct Declaration {
    std::string name;
    std::string default_value;
    std::string help;
  };

  const char* lookup(std::string_view name, std::string_view default_value, std::string_view help);

  std::string program_;
  std::string description_;
  bool help_requested_ = false;
  std::vector<std::string> unknown_arguments_;
  std::vector<Declaration> declarations_;
  std::vector<std::string> errors_;
};

}  // namespace platform
