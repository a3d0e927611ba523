#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

namespace search {

// Where a search replica keeps its index: numbered generations, each a
// Xapian database of its own, and CURRENT naming the one being served.
//
//   <root>/CURRENT               "7"
//   <root>/SNAPSHOT_PENDING      present until a snapshot of the catalog is served
//   <root>/generations/7/        the index served
//   <root>/generations/8/        a reindex being built
//
// A reindex builds the next generation beside the served one and switches
// CURRENT with an atomic rename: searches never see a half-built index.
class IndexDirectory {
 public:
  explicit IndexDirectory(std::filesystem::path root);

  std::optional<std::uint64_t> current() const;
  std::filesystem::path path_of(std::uint64_t generation) const;
  // A number above every generation present.
  std::uint64_t next_generation() const;
  // Atomically makes `generation` the one served.
  void make_current(std::uint64_t generation);
  // Deletes a generation's folder (never the current one).
  void remove(std::uint64_t generation);
  std::vector<std::uint64_t> generations() const;
  // Bytes the generation's files take on disk.
  std::uint64_t size_of(std::uint64_t generation) const;

  // Whether the index still waits for a complete snapshot of the catalog:
  // marked when a replica finds it needs one, cleared only once one is
  // served, so an interrupted snapshot is taken again after a restart.
  bool snapshot_pending() const;
  void mark_snapshot_pending();
  void clear_snapshot_pending();

  const std::filesystem::path& root() const noexcept { return root_; }

 private:
  std::filesystem::path root_;
};

}  // namespace search
