// shop-healthcheck URL: the HEALTHCHECK of the project's container images.
// Exit 0 when GET URL answers 2xx within 2 s, 1 otherwise (with the reason
// on stderr). It needs no shell, curl or libraries beyond libc, so images
// carry nothing else for it.
#include <chrono>
#include <cstdio>

#include "health_probe.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: shop-healthcheck http://127.0.0.1:PORT/PATH\n");
    return 2;
  }
  const auto target = shop::tools::parse_probe_url(argv[1]);
  if (!target) {
    std::fprintf(stderr, "shop-healthcheck: not an http://IPv4:PORT/PATH URL: %s\n", argv[1]);
    return 2;
  }
  const auto problem = shop::tools::probe(*target, std::chrono::seconds(2));
  if (!problem.empty()) {
    std::fprintf(stderr, "shop-healthcheck: %s\n", problem.c_str());
    return 1;
  }
  return 0;
}
