// shop-healthcheck [URL]: the HEALTHCHECK of the project's container
// images. Exit 0 when GET URL (or $HEALTH_URL) answers 2xx within 2 s, 1
// otherwise (with the reason on stderr). It needs no shell, curl or
// libraries beyond libc, so images carry nothing else for it: they have no
// shell to expand the variable for it either.
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "health_probe.h"

int main(int argc, char** argv) {
  const char* url = argc == 2 ? argv[1] : std::getenv("HEALTH_URL");
  if (argc > 2 || url == nullptr) {
    std::fprintf(stderr, "usage: shop-healthcheck [http://127.0.0.1:PORT/PATH], or HEALTH_URL\n");
    return 2;
  }
  const auto target = shop::tools::parse_probe_url(url);
  if (!target) {
    std::fprintf(stderr, "shop-healthcheck: not an http://IPv4:PORT/PATH URL: %s\n", url);
    return 2;
  }
  const auto problem = shop::tools::probe(*target, std::chrono::seconds(2));
  if (!problem.empty()) {
    std::fprintf(stderr, "shop-healthcheck: %s\n", problem.c_str());
    return 1;
  }
  return 0;
}
