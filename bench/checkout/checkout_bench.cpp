// Checkout end to end: the whole shop distributed (every service its own
// process on PostgreSQL, Redis and NATS JetStream, behind the gateway; see
// tests/support/distributed_shop.h) on this machine, driven by shoppers who
// each fill their cart and check out, over and over. Measured in the same
// run: a reference (a product read through the same gateway), cart
// operations alone, and checkouts; then an audit of everything the run
// placed. Prints a Markdown table. Run by bench/checkout/run.sh.
#include <algorithm>
#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <random>
#include <thread>

#include "distributed_shop.h"
#include "platform/http/client.h"
#include "platform/testing/environment.h"
#include "statement_counts.h"

namespace {

using Clock = std::chrono::steady_clock;
using platform::http::Method;

int setting(const char* name, int fallback) {
  const char* value = std::getenv(name);
  return value ? std::atoi(value) : fallback;
}

struct Call {
  int status = 0;
  boost::json::value body;
};

// One shopper's connection to the gateway, with their bearer token.
class Session {
 public:
  Session(std::string base, std::string token) : base_(std::move(base)), token_(std::move(token)) {
    // One attempt: a failed request is counted, never hidden by a retry.
    platform::http::ClientOptions options;
    options.max_attempts = 1;
    client_ = std::make_unique<platform::http::Client>(options);
  }

  const std::string& token() const noexcept { return token_; }

  Call send(Method method, const std::string& path, const boost::json::value* body = nullptr,
            const std::string& idempotency_key = {}) {
    platform::http::ClientRequest request;
    request.method = method;
    request.url = base_ + path;
    if (!token_.empty()) request.headers.set("Authorization", "Bearer " + token_);
    if (body) {
      request.headers.set("Content-Type", "application/json");
      request.body = boost::json::serialize(*body);
    }
    if (!idempotency_key.empty()) request.headers.set("Idempotency-Key", idempotency_key);
    try {
      const auto response = client_->send(std::move(request));
      Call call{response.status, {}};
      if (!response.body.empty()) {
        boost::system::error_code error;
        call.body = boost::json::parse(response.body, error);
      }
      return call;
    } catch (const std::exception&) {
      return {0, {}};
    }
  }

 private:
  std::string base_;
  std::string token_;
  std::unique_ptr<platform::http::Client> client_;
};

// Latencies and outcomes of one kind of request across all workers.
struct Measurement {
  std::mutex mutex;
  std::vector<double> millis;
  int errors = 0;

  void record(double ms, bool ok) {
    std::lock_guard lock(mutex);
    millis.push_back(ms);
    if (!ok) ++errors;
  }
  double percentile(double p) {
    if (millis.empty()) return 0;
    std::sort(millis.begin(), millis.end());
    return millis[std::min(millis.size() - 1, static_cast<std::size_t>(p * millis.size()))];
  }
};

template <class Step>
double timed(Measurement& measurement, Step step) {
  const auto start = Clock::now();
  const bool ok = step();
  const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  measurement.record(ms, ok);
  return ms;
}

// Runs `work(worker)` on `workers` threads until `duration` passes.
void run_for(int workers, std::chrono::seconds duration,
             const std::function<void(int worker, const std::atomic<bool>& stop)>& work) {
  std::atomic<bool> stop{false};
  std::vector<std::thread> threads;
  for (int i = 0; i < workers; ++i) threads.emplace_back([&, i] { work(i, stop); });
  std::this_thread::sleep_for(duration);
  stop = true;
  for (auto& thread : threads) thread.join();
}

void print_row(const std::string& name, Measurement& measurement, std::chrono::seconds duration,
               double reference) {
  const double per_second = static_cast<double>(measurement.millis.size()) / duration.count();
  std::printf("| %s | %.0f | %.1f | %.1f | %.1f | %d | %.1f%% |\n", name.c_str(), per_second,
              measurement.percentile(0.50), measurement.percentile(0.90),
              measurement.percentile(0.99), measurement.errors,
              reference > 0 ? 100.0 * per_second / reference : 100.0);
}

boost::json::object euros(std::int64_t amount) { return {{"amount", amount}, {"currency", "EUR"}}; }

}  // namespace

int main() {
  const int shoppers = setting("SHOPPERS", 32);
  const std::chrono::seconds duration(setting("DURATION_SECONDS", 20));
  constexpr int kProducts = 20;
  constexpr std::int64_t kStock = 1'000'000;

  if (!shop::testing::DistributedShop::infrastructure_configured()) {
    std::cerr << "run through scripts/with-test-infra.sh (PostgreSQL, Redis, NATS)\n";
    return 2;
  }
  platform::testing::TemporaryDirectory directory;
  shop::testing::DistributedShop shop(directory.path(), {.argon2_memory_kib = 8192});
  Session admin(shop.url(), shop.admin_token());
  const boost::json::value category{{"slug", "bench"}, {"name", "Bench"}};
  if (admin.send(Method::post, "/api/catalog/v1/categories", &category).status != 201) {
    std::cerr << "cannot create the category\n";
    return 1;
  }
  std::vector<std::string> products;
  for (int i = 0; i < kProducts; ++i) {
    const boost::json::value product{{"sku", "BENCH-" + std::to_string(i)},
                                     {"title", "Bench item " + std::to_string(i)},
                                     {"brand", "Acme"},
                                     {"category", "bench"},
                                     {"price", euros(999 + 250 * i)},
                                     {"tax_category", i % 5 == 0 ? "reduced" : "standard"},
                                     {"weight_grams", 200 + 40 * i},
                                     {"stock", {{"on_hand", kStock}}}};
    const auto created = admin.send(Method::post, "/api/catalog/v1/products", &product);
    if (created.status != 201) {
      std::cerr << "cannot create products: " << boost::json::serialize(created.body) << "\n";
      return 1;
    }
    products.push_back(std::string(created.body.at("id").as_string()));
  }

  struct Shopper {
    std::unique_ptr<Session> session;
    std::string card;
  };
  std::vector<Shopper> people;
  for (int i = 0; i < shoppers; ++i) {
    auto session = std::make_unique<Session>(
        shop.url(), shop.sign_up("bench" + std::to_string(i) + "@example.com",
                                 "violet lantern harbour " + std::to_string(1000 + i)));
    const boost::json::value card{{"number", "4242424242424242"},
                                  {"expiry_month", 12},
                                  {"expiry_year", 2040},
                                  {"cvc", "123"},
                                  {"holder", "Bench"}};
    const auto saved = session->send(Method::post, "/api/payments/v1/payment-methods", &card);
    if (saved.status != 201) {
      std::cerr << "cannot sign shopper " << i << " up: " << shop.log("auth") << "\n";
      return 1;
    }
    people.push_back({std::move(session), std::string(saved.body.at("id").as_string())});
  }

  // The reference: a product read through the same gateway.
  Measurement reference;
  run_for(shoppers, duration, [&](int worker, const std::atomic<bool>& stop) {
    for (int i = 0; !stop; ++i) {
      timed(reference, [&] {
        return people[worker]
                   .session
                   ->send(Method::get, "/api/catalog/v1/products/" + products[i % kProducts])
                   .status == 200;
      });
    }
  });

  // Cart operations alone: add a product, read the cart, change a quantity.
  Measurement cart_operations;
  run_for(shoppers, duration, [&](int worker, const std::atomic<bool>& stop) {
    auto& session = *people[worker].session;
    for (int i = 0; !stop; ++i) {
      const auto& product = products[(worker + i) % kProducts];
      const boost::json::value add{{"product_id", product}, {"quantity", 1}};
      timed(cart_operations, [&] {
        return session.send(Method::post, "/api/cart/v1/cart/items", &add).status == 200;
      });
      timed(cart_operations,
            [&] { return session.send(Method::get, "/api/cart/v1/cart").status == 200; });
      const boost::json::value one{{"quantity", 1}};
      timed(cart_operations, [&] {
        return session.send(Method::put, "/api/cart/v1/cart/items/" + product, &one).status == 200;
      });
    }
    session.send(Method::delete_, "/api/cart/v1/cart");
  });

  // Checkouts: each shopper adds one or two products and checks out.
  shop::bench::StatementCounts statements(*platform::testing::postgres_admin_url());
  statements.reset();
  Measurement checkouts, adds;
  std::mutex placed_mutex;
  std::map<std::string, std::int64_t> placed;  // order id -> total
  std::map<std::string, std::int64_t> sold;    // product id -> units
  run_for(shoppers, duration, [&](int worker, const std::atomic<bool>& stop) {
    auto& person = people[worker];
    std::mt19937 random(static_cast<unsigned>(worker));
    for (int i = 0; !stop; ++i) {
      std::map<std::string, int> basket;
      const int lines = 1 + static_cast<int>(random() % 2);
      for (int line = 0; line < lines; ++line) {
        const auto& product = products[random() % kProducts];
        const boost::json::value add{{"product_id", product}, {"quantity", 1}};
        timed(adds, [&] {
          return person.session->send(Method::post, "/api/cart/v1/cart/items", &add).status == 200;
        });
        basket[product] += 1;
      }
      const boost::json::value body{{"shipping_address",
                                     {{"recipient", "Bench"},
                                      {"line1", "Hauptstr. 1"},
                                      {"city", "Hamburg"},
                                      {"postal_code", "20095"},
                                      {"country", i % 3 == 0 ? "FR" : "DE"}}},
                                    {"shipping_speed", i % 4 == 0 ? "express" : "standard"},
                                    {"payment_method", person.card},
                                    {"email", "bench@example.com"}};
      Call answer;
      timed(checkouts, [&] {
        answer = person.session->send(Method::post, "/api/cart/v1/checkout", &body,
                                      "bench-" + std::to_string(worker) + "-" + std::to_string(i));
        const auto* status =
            answer.body.is_object() ? answer.body.as_object().if_contains("status") : nullptr;
        return answer.status == 201 && status && *status == "paid";
      });
      if (answer.status == 201 && answer.body.is_object()) {
        std::lock_guard lock(placed_mutex);
        placed[std::string(answer.body.at("id").as_string())] =
            answer.body.at("totals").at("total").at("amount").as_int64();
        for (const auto& [product, units] : basket) sold[product] += units;
      } else {
        person.session->send(Method::delete_, "/api/cart/v1/cart");
      }
    }
  });

  const auto statements_run = statements.by_database();

  // The audit: every order placed is paid and holds exactly one authorized
  // payment of its total; the catalog's stock went down by what was sold
  // and nothing stays held.
  // A fresh connection: the admin's has been idle through the load.
  Session auditor(shop.url(), admin.token());
  int inconsistencies = 0;
  const auto audit = [&](const std::string& what, const Call& call,
                         const std::function<bool(const boost::json::object&)>& holds) {
    bool consistent = false;
    try {
      consistent = call.status == 200 && holds(call.body.as_object());
    } catch (const std::exception&) {
      consistent = false;  // a missing or mistyped field: reported below
    }
    if (!consistent) {
      ++inconsistencies;
      std::cerr << "audit: " << what << ": " << call.status << " "
                << boost::json::serialize(call.body) << "\n";
    }
  };
  for (const auto& [order, total] : placed) {
    audit("payments of order " + order,
          auditor.send(Method::get, "/api/payments/v1/payments?order_id=" + order),
          [&, total = total](const boost::json::object& body) {
            const auto& items = body.at("items").as_array();
            return items.size() == 1 && items[0].at("status") == "authorized" &&
                   items[0].at("amount").at("amount").as_int64() == total;
          });
  }
  for (const auto& product : products) {
    const auto expected = kStock - (sold.contains(product) ? sold[product] : 0);
    audit("stock of " + product,
          auditor.send(Method::get, "/api/catalog/v1/products/" + product + "/inventory"),
          [&](const boost::json::object& body) {
            return body.at("on_hand").as_int64() == expected && body.at("reserved").as_int64() == 0;
          });
  }

  const double reference_rate = static_cast<double>(reference.millis.size()) / duration.count();
  std::printf("| measurement | per second | p50 ms | p90 ms | p99 ms | errors | vs reference |\n");
  std::printf("|---|---:|---:|---:|---:|---:|---:|\n");
  print_row("reference: product read through the gateway", reference, duration, reference_rate);
  print_row("cart operations (add, read, set quantity)", cart_operations, duration, reference_rate);
  print_row("checkout (quote, order, stock held, card authorized, stock confirmed)", checkouts,
            duration, reference_rate);
  print_row("add to cart, during checkouts", adds, duration, reference_rate);
  std::printf(
      "\nshoppers: %d, %d s per measurement; orders placed: %zu; audit: %d inconsistencies\n",
      shoppers, static_cast<int>(duration.count()), placed.size(), inconsistencies);
  if (statements.available() && !placed.empty()) {
    // Per checkout round: the one or two additions to the cart and the
    // checkout (failed checkouts, if any, count too).
    std::printf("\nPostgreSQL statements (transactions) per checkout round, by service:");
    double total = 0;
    for (const auto* service : {"catalog", "orders", "payments", "customers", "auth"}) {
      const auto found =
          statements_run.find(shop::bench::database_name(shop.database_url(service)));
      if (found == statements_run.end()) continue;
      const double per_checkout = static_cast<double>(found->second.statements) / placed.size();
      total += per_checkout;
      std::printf(" %s %.1f (%.1f),", service, per_checkout,
                  static_cast<double>(found->second.transactions) / placed.size());
    }
    std::printf(" total %.1f\n", total);
  }
  return inconsistencies == 0 ? 0 : 1;
}
