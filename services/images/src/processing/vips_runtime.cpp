#include "processing/vips_runtime.h"

#include <mutex>
#include <stdexcept>
#include <vips/vips8>

namespace images {

void start_vips(int threads_per_render) {
  static std::once_flag started;
  std::call_once(started, [] {
    if (VIPS_INIT("images") != 0) throw std::runtime_error("libvips failed to start");
    vips_cache_set_max(0);
    vips_cache_set_max_mem(0);
    vips_cache_set_max_files(0);
  });
  vips_concurrency_set(threads_per_render);
}

}  // namespace images
