#include "platform/bus/nats_bus.h"

#include <nats/nats.h>

#include <atomic>
#include <thread>

#include "platform/error.h"
#include "platform/log.h"
#include "platform/trace_context.h"

namespace platform::bus {
namespace {

struct ConnectionCloser {
  void operator()(natsConnection* connection) const { natsConnection_Destroy(connection); }
};
struct ContextCloser {
  void operator()(jsCtx* context) const { jsCtx_Destroy(context); }
};
struct OptionsCloser {
  void operator()(natsOptions* options) const { natsOptions_Destroy(options); }
};
struct SubscriptionCloser {
  void operator()(natsSubscription* subscription) const { natsSubscription_Destroy(subscription); }
};
struct MessageCloser {
  void operator()(natsMsg* message) const { natsMsg_Destroy(message); }
};

constexpr std::int64_t kNanosPerMilli = 1'000'000;

[[noreturn]] void unavailable(const std::string& what, natsStatus status) {
  throw Error(ErrorKind::unavailable, "bus-unavailable", what + ": " + natsStatus_GetText(status));
}

void check(natsStatus status, const std::string& what) {
  if (status != NATS_OK) unavailable(what, status);
}

class NatsSubscription final : public Subscription {
 public:
  NatsSubscription(jsCtx* context, const NatsBusOptions& bus, const SubscriptionOptions& options,
                   EventHandler handler)
      : options_(options), handler_(std::move(handler)) {
    jsSubOptions subscription_options;
    jsSubOptions_Init(&subscription_options);
    subscription_options.Stream = bus.stream.c_str();
    subscription_options.Config.Durable = options_.durable_name.c_str();
    subscription_options.Config.AckPolicy = js_AckExplicit;
    subscription_options.Config.DeliverPolicy =
        options_.start == SubscriptionOptions::Start::now ? js_DeliverNew : js_DeliverAll;
    if (options_.forget_when_idle.count() > 0) {
      subscription_options.Config.InactiveThreshold =
          options_.forget_when_idle.count() * kNanosPerMilli;
    }
    subscription_options.Config.AckWait = options_.ack_wait.count() * kNanosPerMilli;
    subscription_options.Config.MaxDeliver = options_.max_deliveries;
    subscription_options.Config.FilterSubject = options_.subject_filter.c_str();
    jsErrCode error_code = static_cast<jsErrCode>(0);
    jsConsumerInfo* existing = nullptr;
    const auto lookup = js_GetConsumerInfo(&existing, context, bus.stream.c_str(),
                                           options_.durable_name.c_str(), nullptr, &error_code);
    if (existing != nullptr) jsConsumerInfo_Destroy(existing);
    if (lookup != NATS_OK && lookup != NATS_NOT_FOUND) {
      unavailable("cannot look up consumer " + options_.durable_name, lookup);
    }
    resumed_ = lookup == NATS_OK;
    natsSubscription* raw = nullptr;
    check(js_PullSubscribe(&raw, context, options_.subject_filter.c_str(),
                           options_.durable_name.c_str(), nullptr, &subscription_options,
                           &error_code),
          "cannot subscribe " + options_.durable_name);
    subscription_.reset(raw);
    thread_ = std::thread([this] { run(); });
  }

  ~NatsSubscription() override {
    stopping_ = true;
    thread_.join();
  }

  bool resumed() const override { return resumed_; }

  std::uint64_t backlog() override {
    jsConsumerInfo* info = nullptr;
    check(natsSubscription_GetConsumerInfo(&info, subscription_.get(), nullptr, nullptr),
          "cannot read consumer " + options_.durable_name);
    const auto waiting = info->NumPending + static_cast<std::uint64_t>(info->NumAckPending);
    jsConsumerInfo_Destroy(info);
    return waiting;
  }

 private:
  void run() {
    while (!stopping_) {
      natsMsgList list{};
      // A short fetch timeout bounds how long destruction waits.
      const auto status = natsSubscription_Fetch(&list, subscription_.get(), 16, 250, nullptr);
      if (status == NATS_TIMEOUT) continue;
      if (status != NATS_OK) {
        log::warn("event fetch failed",
                  {{"consumer", options_.durable_name}, {"error", natsStatus_GetText(status)}});
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        continue;
      }
      for (int i = 0; i < list.Count; ++i) {
        std::unique_ptr<natsMsg, MessageCloser> message(list.Msgs[i]);
        list.Msgs[i] = nullptr;
        handle(message.get());
      }
      natsMsgList_Destroy(&list);
    }
  }

  void handle(natsMsg* message) {
    const std::string_view data(natsMsg_GetData(message),
                                static_cast<std::size_t>(natsMsg_GetDataLength(message)));
    Event event;
    try {
      event = Event::from_json(data);
    } catch (const Error& error) {
      // Redelivering a malformed envelope cannot help: drop it loudly.
      log::error("malformed event dropped",
                 {{"consumer", options_.durable_name}, {"error", error.what()}});
      natsMsg_Term(message, nullptr);
      return;
    }
    std::uint64_t delivered = 1;
    jsMsgMetaData* metadata = nullptr;
    if (natsMsg_GetMetaData(&metadata, message) == NATS_OK) {
      delivered = metadata->NumDelivered;
      jsMsgMetaData_Destroy(metadata);
    }
    try {
      std::optional<TraceScope> scope;
      if (!event.trace_id.empty())
        scope.emplace(TraceContext::child_of(TraceContext{event.trace_id, {}, {}}));
      handler_(event);
      if (const auto status = natsMsg_Ack(message, nullptr); status != NATS_OK) {
        // The server redelivers after ack_wait; the inbox absorbs the repeat.
        log::warn("event ack failed",
                  {{"consumer", options_.durable_name}, {"error", natsStatus_GetText(status)}});
      }
    } catch (const std::exception& error) {
      const bool last = static_cast<int>(delivered) >= options_.max_deliveries;
      if (last) {
        log::error(
            "event parked after repeated failures",
            {{"consumer", options_.durable_name}, {"event_id", event.id}, {"error", error.what()}});
        natsMsg_Term(message, nullptr);
      } else {
        log::warn(
            "event handler failed; will redeliver",
            {{"consumer", options_.durable_name}, {"event_id", event.id}, {"error", error.what()}});
        const std::int64_t delay_ms =
            std::min<std::int64_t>(200LL << std::min<std::uint64_t>(delivered, 8), 30000);
        natsMsg_NakWithDelay(message, delay_ms, nullptr);
      }
    }
  }

  SubscriptionOptions options_;
  EventHandler handler_;
  std::unique_ptr<natsSubscription, SubscriptionCloser> subscription_;
  std::atomic<bool> stopping_{false};
  bool resumed_ = false;
  std::thread thread_;
};

}  // namespace

class NatsBus::Impl {
 public:
  explicit Impl(const NatsBusOptions& options) : options_(options) {
    natsOptions* raw_options = nullptr;
    check(natsOptions_Create(&raw_options), "cannot create NATS options");
    std::unique_ptr<natsOptions, OptionsCloser> nats_options(raw_options);
    check(natsOptions_SetURL(raw_options, options_.url.c_str()), "bad NATS URL");
    check(natsOptions_SetName(raw_options, options_.connection_name.c_str()), "bad NATS name");
    // Keep trying to reconnect for ever: the bus coming back must not need a restart.
    check(natsOptions_SetMaxReconnect(raw_options, -1), "bad NATS option");
    check(natsOptions_SetReconnectWait(raw_options, 500), "bad NATS option");
    // Acknowledgements go out from the consumer's thread at once instead of
    // waking the library's flusher thread for each: a context switch less
    // per event (publishes, being requests, are sent at once anyway).
    check(natsOptions_SetSendAsap(raw_options, true), "bad NATS option");
    natsConnection* connection = nullptr;
    check(natsConnection_Connect(&connection, raw_options),
          "cannot connect to NATS at " + options_.url);
    connection_.reset(connection);
    jsOptions js_options;
    jsOptions_Init(&js_options);
    js_options.Wait = options_.publish_timeout.count();
    jsCtx* context = nullptr;
    check(natsConnection_JetStream(&context, connection, &js_options), "cannot open JetStream");
    context_.reset(context);
    ensure_stream();
  }

  void publish(const Event& event) {
    jsPubOptions publish_options;
    jsPubOptions_Init(&publish_options);
    publish_options.MsgId = event.id.c_str();
    publish_options.MaxWait = options_.publish_timeout.count();
    const auto envelope = event.to_json();
    jsPubAck* ack = nullptr;
    jsErrCode error_code = static_cast<jsErrCode>(0);
    const auto status =
        js_Publish(&ack, context_.get(), event.subject.c_str(), envelope.data(),
                   static_cast<int>(envelope.size()), &publish_options, &error_code);
    if (ack != nullptr) jsPubAck_Destroy(ack);
    if (status != NATS_OK) unavailable("cannot publish " + event.subject, status);
  }

  std::unique_ptr<Subscription> subscribe(const SubscriptionOptions& options,
                                          EventHandler handler) {
    return std::make_unique<NatsSubscription>(context_.get(), options_, options,
                                              std::move(handler));
  }

  bool ping() {
    return natsConnection_Status(connection_.get()) == NATS_CONN_STATUS_CONNECTED &&
           natsConnection_FlushTimeout(connection_.get(), 1000) == NATS_OK;
  }

 private:
  void ensure_stream() {
    std::vector<const char*> subjects;
    for (const auto& subject : options_.subjects) subjects.push_back(subject.c_str());
    jsStreamConfig config;
    jsStreamConfig_Init(&config);
    config.Name = options_.stream.c_str();
    config.Subjects = subjects.data();
    config.SubjectsLen = static_cast<int>(subjects.size());
    config.Storage = js_FileStorage;
    config.Duplicates = options_.duplicate_window.count() * kNanosPerMilli;
    jsStreamInfo* info = nullptr;
    jsErrCode error_code = static_cast<jsErrCode>(0);
    auto status =
        js_GetStreamInfo(&info, context_.get(), options_.stream.c_str(), nullptr, &error_code);
    if (status == NATS_NOT_FOUND) {
      status = js_AddStream(&info, context_.get(), &config, nullptr, &error_code);
      // Another replica may have created it a moment ago.
      if (status != NATS_OK)
        status =
            js_GetStreamInfo(&info, context_.get(), options_.stream.c_str(), nullptr, &error_code);
    }
    if (info != nullptr) jsStreamInfo_Destroy(info);
    check(status, "cannot create stream " + options_.stream);
  }

  NatsBusOptions options_;
  std::unique_ptr<natsConnection, ConnectionCloser> connection_;
  std::unique_ptr<jsCtx, ContextCloser> context_;
};

NatsBus::NatsBus(const NatsBusOptions& options) : impl_(std::make_unique<Impl>(options)) {}
NatsBus::~NatsBus() = default;
void NatsBus::publish(const Event& event) { impl_->publish(event); }
std::unique_ptr<Subscription> NatsBus::open_subscription(const SubscriptionOptions& options,
                                                         EventHandler handler) {
  return impl_->subscribe(options, std::move(handler));
}
bool NatsBus::ping() { return impl_->ping(); }

}  // namespace platform::bus
