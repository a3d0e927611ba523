// The recommendations benchmark's tool (bench/recommendations/run.sh):
//
//   recommendations_bench seed DIR RATINGS   the MovieLens ratings as
//       purchases in DIR/recommendations.db, every film a product on sale;
//       writes DIR/users.txt and DIR/products.txt (one id per line)
//   recommendations_bench train DIR RUNS     trains RUNS times on the log:
//       JSON with the median and worst seconds and the memory the models
//       hold
//   recommendations_bench serve DIR PORT     the service on PORT, tokens
//       from a test issuer; writes DIR/token (an admin's) once it serves
//
// In-process, so that requests carry tokens of an issuer the tool holds.
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <thread>

#include "evaluation/ratings.h"
#include "platform/bus/in_process_bus.h"
#include "platform/db/database.h"
#include "platform/files.h"
#include "platform/http/server.h"
#include "platform/log.h"
#include "platform/testing/tokens.h"
#include "recommendations_service.h"
#include "store/interaction_store.h"
#include "store/product_facts_store.h"

namespace {

using namespace recommendations;

std::unique_ptr<platform::db::Database> open(const std::filesystem::path& directory) {
  auto database =
      platform::db::open_database("sqlite:" + (directory / "recommendations.db").string());
  RecommendationsService::migrate(*database);
  return database;
}

// A field of /proc/self/status in KiB: VmRSS (now) or VmHWM (the peak).
long status_kib(const std::string& field) {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.starts_with(field + ":")) return std::stol(line.substr(field.size() + 1));
  }
  return 0;
}

int seed(const std::filesystem::path& directory, const std::filesystem::path& ratings_file) {
  const auto ratings = evaluation::parse_movielens(platform::read_file(ratings_file));
  auto database = open(directory);
  // Every rating a purchase of yesterday: the films' years apart would
  // fade most of them away, and the benchmark is about the machinery.
  const auto yesterday = std::chrono::system_clock::now() - std::chrono::hours(24);
  std::map<std::int64_t, std::vector<LoggedInteraction>> by_user;
  std::map<std::int64_t, int> films;
  for (const auto& rating : ratings) {
    by_user[rating.user].push_back({"user-" + std::to_string(rating.user),
                                    "film-" + std::to_string(rating.item), Signal::purchase,
                                    yesterday});
    films.emplace(rating.item, static_cast<int>(films.size()));
  }
  database->write([&](platform::db::Session& session) {
    for (const auto& [user, interactions] : by_user) {
      InteractionStore::record(session, "seed-" + std::to_string(user), interactions);
    }
    for (const auto& [film, index] : films) {
      ProductFactsStore::apply(session, {.product_id = "film-" + std::to_string(film),
                                         .category = "genre-" + std::to_string(index % 20),
                                         .on_sale = true,
                                         .product_version = 1,
                                         .in_stock = true,
                                         .stock_version = 1});
    }
  });
  std::ofstream users(directory / "users.txt");
  for (const auto& [user, interactions] : by_user) users << "user-" << user << "\n";
  std::ofstream products(directory / "products.txt");
  for (const auto& [film, index] : films) products << "film-" << film << "\n";
  std::cerr << ratings.size() << " ratings, " << by_user.size() << " users, " << films.size()
            << " films\n";
  return 0;
}

int train(const std::filesystem::path& directory, int runs) {
  auto database = open(directory);
  InteractionStore store(*database);
  const auto log =
      store.since(std::chrono::system_clock::now() - std::chrono::hours(24 * 365), 2'000'000);
  std::vector<double> seconds;
  long model_kib = 0;
  for (int run = 0; run < runs; ++run) {
    const long before = status_kib("VmRSS");
    const auto started = std::chrono::steady_clock::now();
    const auto models = train_models(log, {}, std::chrono::system_clock::now());
    seconds.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    model_kib = status_kib("VmRSS") - before;
  }
  std::sort(seconds.begin(), seconds.end());
  std::printf(R"({"interactions": %zu, "median_s": %.3f, "worst_s": %.3f, "model_kib": %ld, )"
              R"("peak_kib": %ld})"
              "\n",
              log.size(), seconds[seconds.size() / 2], seconds.back(), model_kib,
              status_kib("VmHWM"));
  return 0;
}

int serve(const std::filesystem::path& directory, int port) {
  auto database = open(directory);
  platform::bus::InProcessBus bus;
  platform::metrics::Registry registry;
  platform::testing::TestIssuer issuer;
  RecommendationsService service(*database, bus, registry, issuer.verifier(), {});
  platform::http::ServerOptions options;
  options.service = "recommendations-bench";
  options.port = port;
  options.access_log = false;
  platform::http::Server server(options, service.routes(), registry);
  server.start();
  std::ofstream(directory / "token") << issuer.admin_token();
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGTERM);
  sigaddset(&stop, SIGINT);
  int received = 0;
  sigwait(&stop, &received);
  server.stop(std::chrono::seconds(2));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  // Block the stop signals before any thread starts, so that every thread
  // inherits the mask and sigwait gets them.
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGTERM);
  sigaddset(&stop, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);
  platform::log::set_level("warn");
  const std::vector<std::string> arguments(argv + 1, argv + argc);
  try {
    if (arguments.size() == 3 && arguments[0] == "seed") return seed(arguments[1], arguments[2]);
    if (arguments.size() == 3 && arguments[0] == "train") {
      return train(arguments[1], std::stoi(arguments[2]));
    }
    if (arguments.size() == 3 && arguments[0] == "serve") {
      return serve(arguments[1], std::stoi(arguments[2]));
    }
  } catch (const std::exception& error) {
    std::cerr << "recommendations_bench: " << error.what() << "\n";
    return 1;
  }
  std::cerr << "usage: recommendations_bench seed DIR RATINGS | train DIR RUNS | serve DIR PORT\n";
  return 2;
}
