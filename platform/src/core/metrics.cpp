#include "platform/metrics.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <type_traits>

#include "platform/error.h"

namespace platform::metrics {
namespace {

void append_number(std::string& out, double value) {
  if (std::isinf(value)) {
    out += value > 0 ? "+Inf" : "-Inf";
    return;
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.9g", value);
  out += buffer;
}

// Label values escaped as the exposition format requires.
void append_label_value(std::string& out, const std::string& value) {
  for (char c : value) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '"')
      out += "\\\"";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
}

void append_labels(std::string& out, const std::vector<std::string>& names,
                   const std::vector<std::string>& values, std::string_view extra_name = {},
                   std::string_view extra_value = {}) {
  if (names.empty() && extra_name.empty()) return;
  out += '{';
  bool first = true;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (!first) out += ',';
    first = false;
    out += names[i];
    out += "=\"";
    append_label_value(out, values[i]);
    out += '"';
  }
  if (!extra_name.empty()) {
    if (!first) out += ',';
    out += extra_name;
    out += "=\"";
    out += extra_value;
    out += '"';
  }
  out += '}';
}

void append_header(std::string& out, const std::string& name, const std::string& help,
                   const char* type) {
  out += "# HELP " + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
}

}  // namespace

Histogram::Histogram(std::vector<double> upper_bounds)
    : upper_bounds_(std::move(upper_bounds)),
      counts_(new std::atomic<std::uint64_t>[upper_bounds_.size() + 1]) {
  std::sort(upper_bounds_.begin(), upper_bounds_.end());
  for (std::size_t i = 0; i <= upper_bounds_.size(); ++i) counts_[i] = 0;
}

void Histogram::observe(double value) noexcept {
  const auto bucket = static_cast<std::size_t>(
      std::lower_bound(upper_bounds_.begin(), upper_bounds_.end(), value) - upper_bounds_.begin());
  counts_[bucket].fetch_add(1, std::memory_order_relaxed);
  count_.fetch_add(1, std::memory_order_relaxed);
  const double micros = std::max(0.0, value * 1e6);
  sum_micros_.fetch_add(static_cast<std::uint64_t>(std::llround(micros)),
                        std::memory_order_relaxed);
}

Histogram::Snapshot Histogram::snapshot() const {
  Snapshot snapshot;
  snapshot.upper_bounds = upper_bounds_;
  std::uint64_t running = 0;
  for (std::size_t i = 0; i <= upper_bounds_.size(); ++i) {
    running += counts_[i].load(std::memory_order_relaxed);
    snapshot.cumulative_counts.push_back(running);
  }
  snapshot.count = running;
  snapshot.sum = static_cast<double>(sum_micros_.load(std::memory_order_relaxed)) / 1e6;
  return snapshot;
}

std::vector<double> latency_buckets() {
  return {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
          0.05,   0.1,     0.25,   0.5,   1,      2.5,   5,    10};
}

template <class Metric>
Metric& Family<Metric>::with(const std::vector<std::string>& label_values) {
  if (label_values.size() != label_names_.size()) {
    throw Error(ErrorKind::internal, "metric-labels",
                name_ + " takes " + std::to_string(label_names_.size()) + " labels");
  }
  {
    std::shared_lock lock(mutex_);
    if (auto found = children_.find(label_values); found != children_.end()) return *found->second;
  }
  std::unique_lock lock(mutex_);
  auto& slot = children_[label_values];
  if (!slot) {
    if constexpr (std::is_same_v<Metric, Histogram>) {
      slot = std::make_unique<Histogram>(buckets_);
    } else {
      slot = std::make_unique<Metric>();
    }
  }
  return *slot;
}

template class Family<Counter>;
template class Family<Gauge>;
template class Family<Histogram>;

namespace {

template <class Metric>
const Family<Metric>* named(const std::vector<std::unique_ptr<Family<Metric>>>& families,
                            const std::string& name) {
  for (const auto& family : families) {
    if (family->name() == name) return family.get();
  }
  return nullptr;
}

}  // namespace

// One family per name, whoever asks for it: the exposition format allows
// a name once, and several parts of a process register the same families
// (every upstream instance of the gateway, every service of the embedded
// shop's HTTP servers). Asking again with another type or other labels is
// a programming error.
template <class Metric, class... Extra>
Family<Metric>& Registry::family(std::vector<std::unique_ptr<Family<Metric>>>& families,
                                 std::string name, std::string help,
                                 std::vector<std::string> labels, Extra&&... extra) {
  std::lock_guard lock(mutex_);
  for (const auto& family : families) {
    if (family->name() != name) continue;
    if (family->label_names() != labels) {
      throw Error(ErrorKind::internal, "metric-labels",
                  name + " is registered again with other labels");
    }
    return *family;
  }
  const bool taken = (!std::is_same_v<Metric, Counter> && named(counters_, name)) ||
                     (!std::is_same_v<Metric, Gauge> && named(gauges_, name)) ||
                     (!std::is_same_v<Metric, Histogram> && named(histograms_, name));
  if (taken) {
    throw Error(ErrorKind::internal, "metric-type", name + " is registered with another type");
  }
  return *families.emplace_back(std::make_unique<Family<Metric>>(
      std::move(name), std::move(help), std::move(labels), std::forward<Extra>(extra)...));
}

Family<Counter>& Registry::counter(std::string name, std::string help,
                                   std::vector<std::string> labels) {
  return family(counters_, std::move(name), std::move(help), std::move(labels));
}

Family<Gauge>& Registry::gauge(std::string name, std::string help,
                               std::vector<std::string> labels) {
  return family(gauges_, std::move(name), std::move(help), std::move(labels));
}

Family<Histogram>& Registry::histogram(std::string name, std::string help,
                                       std::vector<std::string> labels,
                                       std::vector<double> buckets) {
  return family(histograms_, std::move(name), std::move(help), std::move(labels),
                std::move(buckets));
}

std::string Registry::render() const {
  std::lock_guard lock(mutex_);
  std::string out;
  out.reserve(4096);
  for (const auto& family : counters_) {
    append_header(out, family->name(), family->help(), "counter");
    family->for_each([&](const std::vector<std::string>& labels, const Counter& counter) {
      out += family->name();
      append_labels(out, family->label_names(), labels);
      out += ' ' + std::to_string(counter.value()) + '\n';
    });
  }
  for (const auto& family : gauges_) {
    append_header(out, family->name(), family->help(), "gauge");
    family->for_each([&](const std::vector<std::string>& labels, const Gauge& gauge) {
      out += family->name();
      append_labels(out, family->label_names(), labels);
      out += ' ' + std::to_string(gauge.value()) + '\n';
    });
  }
  for (const auto& family : histograms_) {
    append_header(out, family->name(), family->help(), "histogram");
    family->for_each([&](const std::vector<std::string>& labels, const Histogram& histogram) {
      const auto snapshot = histogram.snapshot();
      for (std::size_t i = 0; i <= snapshot.upper_bounds.size(); ++i) {
        std::string bound;
        append_number(bound,
                      i < snapshot.upper_bounds.size() ? snapshot.upper_bounds[i] : INFINITY);
        out += family->name() + "_bucket";
        append_labels(out, family->label_names(), labels, "le", bound);
        out += ' ' + std::to_string(snapshot.cumulative_counts[i]) + '\n';
      }
      out += family->name() + "_sum";
      append_labels(out, family->label_names(), labels);
      out += ' ';
      append_number(out, snapshot.sum);
      out += '\n' + family->name() + "_count";
      append_labels(out, family->label_names(), labels);
      out += ' ' + std::to_string(snapshot.count) + '\n';
    });
  }
  return out;
}

}  // namespace platform::metrics
