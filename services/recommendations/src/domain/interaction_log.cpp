#include "domain/interaction_log.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "platform/enum_names.h"

namespace recommendations {
namespace {

constexpr platform::EnumNames<Signal, 3> kSignalNames{{{{Signal::purchase, "purchase"},
                                                        {Signal::cart_addition, "cart_addition"},
                                                        {Signal::view, "view"}}}};

}  // namespace

std::string_view name_of(Signal signal) { return kSignalNames.name(signal); }

std::optional<Signal> signal_named(std::string_view name) { return kSignalNames.parse(name); }

float weight_of(Signal signal, std::chrono::system_clock::duration age,
                const InteractionWeights& weights) {
  const float base = signal == Signal::purchase        ? weights.purchase
                     : signal == Signal::cart_addition ? weights.cart_addition
                                                       : weights.view;
  // An event from the future (clocks differ between services) is today's.
  const double half_lives =
      std::max(0.0, std::chrono::duration<double>(age).count() /
                        std::chrono::duration<double>(weights.half_life).count());
  return base * static_cast<float>(std::exp2(-half_lives));
}

TrainingSet training_set(std::span<const LoggedInteraction> log, const InteractionWeights& weights,
                         std::chrono::system_clock::time_point now) {
  std::vector<std::string> customers;
  std::vector<std::string> products;
  std::unordered_map<std::string, int> customer_index;
  std::unordered_map<std::string, int> product_index;
  const auto number = [](std::unordered_map<std::string, int>& index,
                         std::vector<std::string>& names, const std::string& name) {
    const auto [found, added] = index.try_emplace(name, static_cast<int>(names.size()));
    if (added) names.push_back(name);
    return found->second;
  };
  std::map<std::pair<int, int>, float> summed;
  std::vector<std::vector<int>> purchased;
  for (const auto& entry : log) {
    const int customer = number(customer_index, customers, entry.customer);
    const int product = number(product_index, products, entry.product);
    summed[{customer, product}] += weight_of(entry.signal, now - entry.at, weights);
    if (static_cast<std::size_t>(customer) == purchased.size()) purchased.emplace_back();
    if (entry.signal == Signal::purchase) {
      purchased[static_cast<std::size_t>(customer)].push_back(product);
    }
  }
  for (auto& bought : purchased) {
    std::sort(bought.begin(), bought.end());
    bought.erase(std::unique(bought.begin(), bought.end()), bought.end());
  }
  std::vector<Interaction> interactions;
  interactions.reserve(summed.size());
  for (const auto& [pair, weight] : summed) {
    interactions.push_back({pair.first, pair.second, std::min(weight, weights.most)});
  }
  InteractionMatrix matrix(static_cast<int>(customers.size()), static_cast<int>(products.size()),
                           interactions);
  return {std::move(customers), std::move(products), std::move(matrix), std::move(purchased)};
}

}  // namespace recommendations
