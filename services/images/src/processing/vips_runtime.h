#pragma once

namespace images {

// libvips for the whole process: started once (its own thread pool and
// type system are process-wide), the operation cache switched off (a server
// renders each variant once and then serves it from the object store; the
// cache would only hold decoded pictures), and `threads_per_render` worker
// threads for one image operation, so memory and CPU per render are bounded
// together with the number of renders at once.
void start_vips(int threads_per_render);

}  // namespace images
