// The development launcher (tools/distributed-shop, which
// scripts/run-distributed.sh runs): every service its own process behind
// the gateway on the port it is given, the demo catalog, the web app, the
// issuer browsers will see; on SIGTERM it stops every process it started.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <cerrno>
#include <fstream>
#include <set>
#include <sstream>

#include "distributed_shop.h"
#include "platform/testing/api_client.h"
#include "platform/testing/child_process.h"
#include "platform/testing/environment.h"

namespace {

using namespace std::chrono_literals;

// The processes whose parent is `parent`, from /proc.
std::set<pid_t> children_of(pid_t parent) {
  std::set<pid_t> children;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const auto name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream stat(entry.path() / "stat");
    std::string line;
    if (!std::getline(stat, line)) continue;  // ended meanwhile
    // pid (command) state ppid ...: the command may hold spaces and parentheses.
    const auto after_command = line.rfind(')');
    if (after_command == std::string::npos) continue;
    std::istringstream rest(line.substr(after_command + 2));
    char state = 0;
    pid_t ppid = 0;
    rest >> state >> ppid;
    if (ppid == parent) children.insert(static_cast<pid_t>(std::stoi(name)));
  }
  return children;
}

bool running(pid_t pid) { return kill(pid, 0) == 0 || errno != ESRCH; }

TEST(DistributedLauncher, RunsTheWholeShopUntilToldToStopAndLeavesNothingRunning) {
  SHOP_REQUIRE_BACKEND(shop::testing::DistributedShop::infrastructure_configured(),
                       "PostgreSQL, Redis and NATS (SHOP_TEST_*)");
  platform::testing::TemporaryDirectory directory;
  const auto web = directory.path() / "web";
  std::filesystem::create_directories(web);
  std::ofstream(web / "index.html") << "<!doctype html><title>the launcher's web app</title>";
  const int port = platform::testing::free_port();

  platform::testing::ChildProcess launcher(
      DISTRIBUTED_SHOP_BINARY,
      {{"SHOP_PORT", std::to_string(port)},
       {"SHOP_WEB_ROOT", web.string()},
       {"SHOP_DISTRIBUTED_DIR", (directory.path() / "logs").string()}},
      directory.path() / "launcher.log");
  ASSERT_TRUE(launcher.wait_for_log("the distributed shop is ready", 120s)) << launcher.log();
  const auto services = children_of(launcher.pid());
  // Nine services and the gateway, and s3rver for the pictures when its
  // npm package is installed.
  EXPECT_GE(services.size(), 10u);

  platform::testing::ApiClient shop("http://127.0.0.1:" + std::to_string(port));
  const auto products = shop.get("/api/catalog/v1/products?limit=3");
  ASSERT_EQ(products.status, 200);
  EXPECT_EQ(products.body.at("items").as_array().size(), 3u) << "the demo catalog";
  const auto discovery = shop.get("/api/auth/.well-known/openid-configuration");
  ASSERT_EQ(discovery.status, 200);
  EXPECT_EQ(discovery.body.at("issuer").as_string(),
            "http://localhost:" + std::to_string(port) + "/api/auth");
  const auto home = shop.call(platform::http::Method::get, "/", {}, {});
  EXPECT_EQ(home.status, 200);
  EXPECT_EQ(shop.get("/api/search/v1/search?q=puzzle").status, 200);

  const int status = launcher.stop(SIGTERM);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << launcher.log();
  for (const auto pid : services) EXPECT_FALSE(running(pid)) << "process " << pid << " left";
}

}  // namespace
