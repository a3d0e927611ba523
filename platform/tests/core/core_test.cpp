#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "platform/clock.h"
#include "platform/config.h"
#include "platform/error.h"
#include "platform/files.h"
#include "platform/html_text.h"
#include "platform/ids.h"
#include "platform/json_text.h"
#include "platform/metrics.h"
#include "platform/trace_context.h"

using namespace platform;

TEST(Uuid, IsVersion7AndTimeOrdered) {
  std::set<std::string> seen;
  std::string previous;
  for (int i = 0; i < 1000; ++i) {
    auto id = new_uuid_v7();
    ASSERT_TRUE(is_uuid(id)) << id;
    EXPECT_EQ(id[14], '7');
    EXPECT_TRUE(id[19] == '8' || id[19] == '9' || id[19] == 'a' || id[19] == 'b');
    EXPECT_GE(id.substr(0, 13), previous.substr(0, std::min<std::size_t>(13, previous.size())));
    previous = id;
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 1000u);
  EXPECT_FALSE(is_uuid("not-a-uuid"));
  EXPECT_FALSE(is_uuid("0192d3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6g"));
}

TEST(Clock, FormatsAndParsesRfc3339) {
  const auto time = from_unix_millis(1'764'017'961'123);
  EXPECT_EQ(format_rfc3339(time), "2025-11-24T20:59:21.123Z");
  EXPECT_EQ(parse_rfc3339("2025-11-24T20:59:21.123Z"), time);
  EXPECT_EQ(parse_rfc3339("2025-11-24T21:59:21.123+01:00"), time);
  EXPECT_FALSE(parse_rfc3339("2025-13-24T20:59:21Z"));
  EXPECT_FALSE(parse_rfc3339("2025-11-24 20:59:21"));
  EXPECT_FALSE(parse_rfc3339("2025-11-24T20:59:21Zjunk"));
}

TEST(TraceContext, ParsesAndContinuesTraceparent) {
  auto parent =
      TraceContext::from_traceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
  ASSERT_TRUE(parent);
  auto child = TraceContext::child_of(parent);
  EXPECT_EQ(child.trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
  EXPECT_NE(child.span_id, parent->span_id);
  EXPECT_EQ(child.traceparent().size(), 55u);
  EXPECT_FALSE(
      TraceContext::from_traceparent("00-00000000000000000000000000000000-00f067aa0ba902b7-01"));
  EXPECT_FALSE(
      TraceContext::from_traceparent("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"));
  EXPECT_FALSE(TraceContext::from_traceparent("garbage"));
  EXPECT_EQ(TraceContext::child_of(std::nullopt).trace_id.size(), 32u);
}

TEST(TraceScope, InstallsAndRestores) {
  EXPECT_EQ(current_trace(), nullptr);
  {
    TraceScope outer(TraceContext::child_of(std::nullopt));
    const auto* installed = current_trace();
    ASSERT_NE(installed, nullptr);
    {
      TraceScope inner(TraceContext::child_of(*installed));
      EXPECT_EQ(current_trace()->trace_id, installed->trace_id);
    }
    EXPECT_EQ(current_trace(), installed);
  }
  EXPECT_EQ(current_trace(), nullptr);
}

TEST(JsonText, EscapesControlCharactersAndInvalidUtf8) {
  std::string out;
  json::append_escaped(out, std::string("a\"b\\c\n\x01\xff", 8));
  EXPECT_EQ(out, "a\\\"b\\\\c\\n\\u0001\xEF\xBF\xBD");
}

TEST(Metrics, RendersPrometheusText) {
  metrics::Registry registry;
  auto& requests = registry.counter("requests_total", "Requests", {"route"});
  requests.with({"/v1/\"x\""}).increment(3);
  registry.gauge("in_flight", "In flight").with({}).set(2);
  auto& latency = registry.histogram("latency_seconds", "Latency", {}, {0.1, 1});
  latency.with({}).observe(0.05);
  latency.with({}).observe(0.5);
  latency.with({}).observe(5);
  const auto text = registry.render();
  EXPECT_NE(text.find("# TYPE requests_total counter"), std::string::npos);
  EXPECT_NE(text.find("requests_total{route=\"/v1/\\\"x\\\"\"} 3"), std::string::npos) << text;
  EXPECT_NE(text.find("in_flight 2"), std::string::npos);
  EXPECT_NE(text.find("latency_seconds_bucket{le=\"0.1\"} 1"), std::string::npos) << text;
  EXPECT_NE(text.find("latency_seconds_bucket{le=\"1\"} 2"), std::string::npos);
  EXPECT_NE(text.find("latency_seconds_bucket{le=\"+Inf\"} 3"), std::string::npos);
  EXPECT_NE(text.find("latency_seconds_count 3"), std::string::npos);
  EXPECT_NE(text.find("latency_seconds_sum 5.55"), std::string::npos) << text;
  EXPECT_THROW(requests.with({"a", "b"}), platform::Error);
}

// The exposition format allows each name once: the gateway registers its
// upstream families per instance, the embedded shop its HTTP families per
// service, into one registry.
TEST(Metrics, GivesOneFamilyPerNameToEveryoneWhoRegistersIt) {
  metrics::Registry registry;
  auto& first = registry.counter("requests_total", "Requests", {"route"});
  auto& again = registry.counter("requests_total", "Requests", {"route"});
  EXPECT_EQ(&first, &again);
  first.with({"/a"}).increment();
  again.with({"/a"}).increment();
  again.with({"/b"}).increment();
  const auto text = registry.render();
  std::size_t headers = 0;
  for (auto at = text.find("# TYPE requests_total"); at != std::string::npos;
       at = text.find("# TYPE requests_total", at + 1)) {
    ++headers;
  }
  EXPECT_EQ(headers, 1u) << text;
  EXPECT_NE(text.find("requests_total{route=\"/a\"} 2"), std::string::npos) << text;
  EXPECT_NE(text.find("requests_total{route=\"/b\"} 1"), std::string::npos) << text;
  EXPECT_EQ(&registry.histogram("latency_seconds", "Latency", {}),
            &registry.histogram("latency_seconds", "Latency", {}));

  EXPECT_THROW(registry.counter("requests_total", "Requests", {"method"}), platform::Error);
  EXPECT_THROW(registry.gauge("requests_total", "Requests", {"route"}), platform::Error);
}

TEST(Config, ReadsEnvironmentWithDefaultsAndCollectsErrors) {
  ::setenv("SHOP_TEST_PORT", "9090", 1);
  ::setenv("SHOP_TEST_BAD", "12x", 1);
  ::setenv("SHOP_TEST_FLAG", "maybe", 1);
  char program[] = "test";
  char* argv[] = {program};
  Config config(1, argv, "test", "testing");
  EXPECT_EQ(config.integer("SHOP_TEST_PORT", 1, "port", 1, 65535), 9090);
  EXPECT_EQ(config.integer("SHOP_TEST_BAD", 7, "bad", 0, 100), 7);
  EXPECT_EQ(config.text("SHOP_TEST_UNSET", "fallback", "unset"), "fallback");
  EXPECT_TRUE(config.flag("SHOP_TEST_FLAG", true, "flag"));
  EXPECT_EQ(config.errors().size(), 2u);
  EXPECT_NE(config.help_text().find("SHOP_TEST_UNSET (default: fallback)"), std::string::npos);
}

TEST(Files, ReadsAWholeFileAndNamesOneItCannotRead) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("platform-files-" + std::to_string(::getpid()) + ".txt");
  {
    std::ofstream out(path, std::ios::binary);
    out << std::string("line one\nline two\0end", 22);
  }
  EXPECT_EQ(platform::read_file(path), std::string("line one\nline two\0end", 22));
  std::filesystem::remove(path);
  try {
    platform::read_file(path);
    ADD_FAILURE() << "a missing file was read";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find(path.string()), std::string::npos);
  }
}

TEST(HtmlText, EscapesWhatHtmlWouldRead) {
  EXPECT_EQ(platform::escape_html("<a href=\"x\">Tom & Jerry's</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  std::string out = "kept ";
  platform::append_escaped_html(out, "1 < 2");
  EXPECT_EQ(out, "kept 1 &lt; 2");
}
