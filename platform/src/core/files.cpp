#include "platform/files.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "platform/ids.h"

namespace platform {

namespace {

// An open file descriptor, closed when it goes out of scope.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const noexcept { return fd_; }
  // Closes now, so that a failing close (a full disk on NFS) is reported.
  bool close() noexcept {
    const int fd = fd_;
    fd_ = -1;
    return ::close(fd) == 0;
  }

 private:
  int fd_;
};

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& path) {
  throw std::runtime_error("cannot " + what + " " + path.string() + ": " + std::strerror(errno));
}

// Removes the temporary file unless the rename consumed it.
class TemporaryFile {
 public:
  explicit TemporaryFile(std::filesystem::path path) : path_(std::move(path)) {}
  ~TemporaryFile() {
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  const std::filesystem::path& path() const noexcept { return path_; }
  void consumed() noexcept { path_.clear(); }

 private:
  std::filesystem::path path_;
};

}  // namespace

std::string read_file(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream content;
  content << file.rdbuf();
  if (file.bad()) throw std::runtime_error("cannot read " + path.string());
  return content.str();
}

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  const auto directory = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  TemporaryFile temporary(directory / ("." + path.filename().string() + "." + random_hex(8)));
  {
    FileDescriptor file(
        ::open(temporary.path().c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
    if (file.get() < 0) fail("create", temporary.path());
    for (std::size_t written = 0; written < bytes.size();) {
      const auto count = ::write(file.get(), bytes.data() + written, bytes.size() - written);
      if (count < 0 && errno == EINTR) continue;
      if (count < 0) fail("write", temporary.path());
      written += static_cast<std::size_t>(count);
    }
    if (::fsync(file.get()) != 0) fail("flush", temporary.path());
    if (!file.close()) fail("close", temporary.path());
  }
  if (::rename(temporary.path().c_str(), path.c_str()) != 0) fail("replace", path);
  temporary.consumed();
  // The rename itself is durable only once the directory is flushed.
  FileDescriptor parent(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (parent.get() >= 0) ::fsync(parent.get());
}

}  // namespace platform
