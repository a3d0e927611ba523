#include "index/index_directory.h"

#include <algorithm>
#include <charconv>
#include <fstream>

#include "platform/error.h"
#include "platform/files.h"

namespace search {
namespace {

std::optional<std::uint64_t> number_of(const std::string& text) {
  std::uint64_t value = 0;
  const auto* end = text.data() + text.size();
  const auto [parsed, error] = std::from_chars(text.data(), end, value);
  if (error != std::errc() || parsed != end || text.empty()) return std::nullopt;
  return value;
}

}  // namespace

IndexDirectory::IndexDirectory(std::filesystem::path root) : root_(std::move(root)) {
  std::filesystem::create_directories(root_ / "generations");
}

std::optional<std::uint64_t> IndexDirectory::current() const {
  std::ifstream in(root_ / "CURRENT");
  if (!in) return std::nullopt;
  std::string text;
  std::getline(in, text);
  const auto generation = number_of(text);
  if (!generation || !std::filesystem::exists(path_of(*generation))) {
    throw platform::Error(platform::ErrorKind::internal, "index-corrupt",
                          (root_ / "CURRENT").string() + " names no generation: \"" + text + "\"");
  }
  return generation;
}

std::filesystem::path IndexDirectory::path_of(std::uint64_t generation) const {
  return root_ / "generations" / std::to_string(generation);
}

std::vector<std::uint64_t> IndexDirectory::generations() const {
  std::vector<std::uint64_t> found;
  for (const auto& entry : std::filesystem::directory_iterator(root_ / "generations")) {
    if (const auto generation = number_of(entry.path().filename().string())) {
      found.push_back(*generation);
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

std::uint64_t IndexDirectory::next_generation() const {
  const auto present = generations();
  return present.empty() ? 1 : present.back() + 1;
}

void IndexDirectory::make_current(std::uint64_t generation) {
  platform::write_file_atomically(root_ / "CURRENT", std::to_string(generation) + "\n");
}

void IndexDirectory::remove(std::uint64_t generation) {
  if (current() == generation) {
    throw platform::Error(platform::ErrorKind::internal, "index-in-use",
                          "generation " + std::to_string(generation) + " is being served");
  }
  std::filesystem::remove_all(path_of(generation));
}

bool IndexDirectory::snapshot_pending() const {
  return std::filesystem::exists(root_ / "SNAPSHOT_PENDING");
}

void IndexDirectory::mark_snapshot_pending() {
  std::ofstream out(root_ / "SNAPSHOT_PENDING", std::ios::trunc);
  out << "a snapshot of the catalog is under way or due\n";
  out.flush();
  if (!out) throw std::runtime_error("cannot write " + (root_ / "SNAPSHOT_PENDING").string());
}

void IndexDirectory::clear_snapshot_pending() {
  std::filesystem::remove(root_ / "SNAPSHOT_PENDING");
}

std::uint64_t IndexDirectory::size_of(std::uint64_t generation) const {
  std::uint64_t bytes = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(path_of(generation))) {
    if (entry.is_regular_file()) bytes += entry.file_size();
  }
  return bytes;
}

}  // namespace search
