#include "platform/files.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace platform {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream content;
  content << file.rdbuf();
  if (file.bad()) throw std::runtime_error("cannot read " + path.string());
  return content.str();
}

}  // namespace platform
