// DNS discovery against a real DNS server: dnsmasq answers for a name whose
// records (one per instance, like a Kubernetes headless Service) change
// while the gateway runs.
#include <signal.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "gateway_fixture.h"
#include "platform/testing/child_process.h"

namespace gateway::testing {
namespace {

using namespace std::chrono_literals;

constexpr const char* kDnsmasq = "/usr/sbin/dnsmasq";

class DnsDiscoveryTest : public GatewayTest {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kDnsmasq)) {
      if (platform::testing::infrastructure_required()) FAIL() << "dnsmasq is required";
      GTEST_SKIP() << "dnsmasq not installed";
    }
    std::filesystem::permissions(directory_.path(), std::filesystem::perms::all);
    dns_port_ = platform::testing::free_port();
    publish({});
    dnsmasq_ = std::make_unique<platform::testing::ChildProcess>(
        kDnsmasq, std::map<std::string, std::string>{}, directory_.path() / "dnsmasq.log",
        std::vector<std::string>{"--keep-in-foreground", "--port=" + std::to_string(dns_port_),
                                 "--listen-address=127.0.0.1", "--bind-interfaces", "--no-resolv",
                                 "--no-hosts", "--addn-hosts=" + hosts_file().string(),
                                 "--local-ttl=1", "--user=root",
                                 "--pid-file=", "--log-facility=-"});
    ASSERT_TRUE(dnsmasq_->wait_for_log("read " + hosts_file().string(), 5s)) << dnsmasq_->log();
  }

  std::filesystem::path hosts_file() const { return directory_.path() / "hosts"; }

  // Replaces the records of catalog.test and has dnsmasq read them again.
  void publish(const std::vector<std::string>& addresses) {
    std::ofstream hosts(hosts_file());
    for (const auto& address : addresses) hosts << address << " catalog.test\n";
    hosts.close();
    std::filesystem::permissions(hosts_file(), std::filesystem::perms::owner_all |
                                                   std::filesystem::perms::others_read |
                                                   std::filesystem::perms::group_read);
    if (dnsmasq_) ::kill(dnsmasq_->pid(), SIGHUP);
  }

  // The gateway routing /catalog to the instances catalog.test names on
  // `port`, re-resolved every second.
  void start_gateway(int port) {
    GatewayConfig config;
    UpstreamConfig catalog = upstream("catalog", {});
    DnsName name;
    name.host = "catalog.test";
    name.port = static_cast<std::uint16_t>(port);
    name.server = "127.0.0.1:" + std::to_string(dns_port_);
    name.min_ttl = std::chrono::seconds(1);
    name.max_ttl = std::chrono::seconds(1);
    catalog.discovery = name;
    config.upstreams = {catalog};
    config.routes = {route("/catalog", "catalog")};
    config.rate_limits = false;  // the tests ask far more than a client may
    start(config);
  }

  // Which backends answer 40 requests.
  std::map<std::string, int> who_answers() {
    std::map<std::string, int> answers;
    for (int i = 0; i < 40; ++i) ++answers[get("/catalog/who").body];
    return answers;
  }

  // Whether `condition` holds of who answers within a few seconds; the
  // answers of the last round are kept for the failure message.
  bool eventually(const std::function<bool(const std::map<std::string, int>&)>& condition) {
    for (int i = 0; i < 40; ++i) {
      last_answers_ = who_answers();
      if (condition(last_answers_)) return true;
      std::this_thread::sleep_for(100ms);
    }
    return false;
  }

  std::string last_answers() const {
    std::string text;
    for (const auto& [body, count] : last_answers_)
      text += body.substr(0, 60) + "=" + std::to_string(count) + " ";
    return text;
  }

  platform::testing::TemporaryDirectory directory_;
  int dns_port_ = 0;
  std::unique_ptr<platform::testing::ChildProcess> dnsmasq_;
  std::map<std::string, int> last_answers_;
};

TEST_F(DnsDiscoveryTest, InstancesComeAndGoWithTheirRecords) {
  // Two instances on one port and two loopback addresses, as two pods of a
  // Service would be.
  const int port = platform::testing::free_port();
  Backend first("first", "127.0.0.2", port);
  Backend second("second", "127.0.0.3", port);
  publish({"127.0.0.2"});

  start_gateway(port);

  EXPECT_TRUE(eventually([](const auto& answers) {
    return answers.size() == 1 && answers.contains("first");
  })) << "one record, one instance: "
      << last_answers();

  publish({"127.0.0.2", "127.0.0.3"});
  EXPECT_TRUE(eventually([](const auto& answers) {
    return answers.contains("first") && answers.contains("second");
  })) << "a new record brings the new instance in: "
      << last_answers();

  publish({"127.0.0.3"});
  EXPECT_TRUE(eventually([](const auto& answers) {
    return answers.size() == 1 && answers.contains("second");
  })) << "a removed record takes its instance out: "
      << last_answers();

  const auto metrics = get("/metrics").body;
  EXPECT_NE(metrics.find("gateway_upstream_instances{upstream=\"catalog\",state=\"known\"} 1"),
            std::string::npos)
      << metrics;
}

}  // namespace
}  // namespace gateway::testing

namespace gateway::testing {
namespace {

class FileDiscoveryTest : public GatewayTest {};

TEST_F(FileDiscoveryTest, InstancesFollowTheWatchedFile) {
  platform::testing::TemporaryDirectory directory;
  Backend first("first");
  Backend second("second");
  const auto file = directory.path() / "catalog.json";
  const auto write = [&](const std::string& json) {
    // Written aside and renamed over, as a mounted ConfigMap changes.
    const auto next = directory.path() / "next.json";
    std::ofstream(next) << json;
    std::filesystem::rename(next, file);
  };
  write("[\"" + first.endpoint() + "\"]");
  GatewayConfig config;
  auto catalog = upstream("catalog", {});
  catalog.discovery = WatchedFile{file.string()};
  config.upstreams = {catalog};
  config.routes = {route("/catalog", "catalog")};
  config.rate_limits = false;
  start(config);
  EXPECT_EQ(get("/catalog/who").body, "first");

  write("[\"" + second.endpoint() + "\"]");
  std::string answer;
  for (int i = 0; i < 30 && answer != "second"; ++i) {
    std::this_thread::sleep_for(100ms);
    answer = get("/catalog/who").body;
  }
  EXPECT_EQ(answer, "second");

  write("this is not JSON");  // a bad edit keeps the last good set
  std::this_thread::sleep_for(1500ms);
  EXPECT_EQ(get("/catalog/who").body, "second");
}

TEST_F(DnsDiscoveryTest, AnAnswerTooLargeForUdpKeepsTheKnownInstances) {
  const int port = platform::testing::free_port();
  Backend first("first", "127.0.0.2", port);
  publish({"127.0.0.2"});
  start_gateway(port);
  ASSERT_TRUE(eventually([](const auto& answers) { return answers.contains("first"); }))
      << last_answers();

  // 120 A records do not fit in a UDP answer: it comes back truncated, and
  // an empty AAAA answer beside it must not pass for "no instances".
  std::vector<std::string> many{"127.0.0.2"};
  for (int i = 1; i <= 119; ++i) many.push_back("127.0.1." + std::to_string(i));
  publish(many);
  std::this_thread::sleep_for(2500ms);  // two lookups at the 1 s TTL
  const auto answers = who_answers();
  EXPECT_EQ(answers.size(), 1u) << last_answers();
  EXPECT_EQ(answers.count("first"), 1u) << "the known instance keeps its traffic";
}

}  // namespace
}  // namespace gateway::testing
