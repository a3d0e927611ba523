// Offline evaluation of the recommendation models on MovieLens-format
// ratings (README.md of the service gives the protocol and the figures).
//
//   build/release/services/recommendations/recommendations_evaluate
//       [--ratings FILE] [--split random|time] [--fraction 0.75] [--seed 42]
//       [--k 10] [--weights stars|binary] [--validation]
//       [--models popular,item-knn,ease,als]
//       [--set NAME=VALUE]...
//
// --validation splits the training part once more (same protocol, seed + 1)
// and reports on that: what hyperparameters are chosen on, so the figures
// on the held-out part are not tuned to it. --set changes a
// hyperparameter: ease.l2, ease.minimum_users, knn.shrinkage,
// knn.neighbours, knn.minimum_users,
// als.factors, als.iterations, als.l2, als.alpha.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "evaluation/evaluation.h"
#include "models/ease.h"
#include "models/implicit_als.h"
#include "models/item_knn.h"
#include "models/most_popular.h"
#include "platform/files.h"

namespace {

using namespace recommendations;

struct Settings {
  std::filesystem::path ratings;
  std::string split = "random";
  double fraction = 0.75;
  std::uint64_t seed = 42;
  std::size_t k = 10;
  bool validation = false;
  evaluation::TrainingWeight weighting = evaluation::TrainingWeight::binary;
  std::vector<std::string> models{"popular", "item-knn", "ease", "als"};
  EaseOptions ease;
  ItemKnnOptions knn;
  ImplicitAlsOptions als;
};

std::filesystem::path default_ratings() {
  if (const char* configured = std::getenv("SHOP_MOVIELENS_DATA"); configured && *configured) {
    return configured;
  }
  return std::filesystem::path(SHOP_SOURCE_DIR) / ".." / "shared" / "data" / "movielens-small" /
         "ratings.csv";
}

std::vector<std::string> comma_separated(const std::string& text) {
  std::vector<std::string> parts;
  std::stringstream stream(text);
  for (std::string part; std::getline(stream, part, ',');) parts.push_back(part);
  return parts;
}

void set_hyperparameter(Settings& settings, const std::string& assignment) {
  const auto equals = assignment.find('=');
  if (equals == std::string::npos) throw std::invalid_argument("--set wants NAME=VALUE");
  const auto name = assignment.substr(0, equals);
  const auto value = std::stod(assignment.substr(equals + 1));
  if (name == "ease.l2") {
    settings.ease.l2 = static_cast<float>(value);
  } else if (name == "ease.minimum_users") {
    settings.ease.minimum_users = static_cast<int>(value);
  } else if (name == "knn.minimum_users") {
    settings.knn.minimum_users = static_cast<int>(value);
  } else if (name == "knn.shrinkage") {
    settings.knn.shrinkage = static_cast<float>(value);
  } else if (name == "knn.neighbours") {
    settings.knn.neighbours = static_cast<int>(value);
  } else if (name == "als.factors") {
    settings.als.factors = static_cast<int>(value);
  } else if (name == "als.iterations") {
    settings.als.iterations = static_cast<int>(value);
  } else if (name == "als.l2") {
    settings.als.l2 = static_cast<float>(value);
  } else if (name == "als.alpha") {
    settings.als.alpha = static_cast<float>(value);
  } else {
    throw std::invalid_argument("no hyperparameter " + name);
  }
}

Settings read_arguments(int argc, char** argv) {
  Settings settings;
  settings.ratings = default_ratings();
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(argument + " needs a value");
      return argv[++i];
    };
    if (argument == "--ratings") {
      settings.ratings = value();
    } else if (argument == "--split") {
      settings.split = value();
      if (settings.split != "random" && settings.split != "time") {
        throw std::invalid_argument("--split is random or time");
      }
    } else if (argument == "--fraction") {
      settings.fraction = std::stod(value());
    } else if (argument == "--seed") {
      settings.seed = std::stoull(value());
    } else if (argument == "--k") {
      settings.k = std::stoul(value());
    } else if (argument == "--weights") {
      const auto weights = value();
      if (weights != "stars" && weights != "binary") {
        throw std::invalid_argument("--weights is stars or binary");
      }
      settings.weighting = weights == "stars" ? evaluation::TrainingWeight::stars
                                              : evaluation::TrainingWeight::binary;
    } else if (argument == "--validation") {
      settings.validation = true;
    } else if (argument == "--models") {
      settings.models = comma_separated(value());
    } else if (argument == "--set") {
      set_hyperparameter(settings, value());
    } else {
      throw std::invalid_argument("unknown argument " + argument);
    }
  }
  return settings;
}

evaluation::Partition cut(const std::vector<evaluation::Rating>& ratings, const Settings& settings,
                          std::uint64_t seed) {
  return settings.split == "random"
             ? evaluation::partition_randomly(ratings, settings.fraction, seed)
             : evaluation::partition_by_time(ratings, settings.fraction);
}

std::unique_ptr<Recommender> train(const std::string& model, const InteractionMatrix& training,
                                   const Settings& settings) {
  if (model == "popular") return std::make_unique<MostPopular>(training);
  if (model == "item-knn")
    return std::make_unique<ItemToItem>(train_item_knn(training, settings.knn));
  if (model == "ease") return std::make_unique<ItemToItem>(train_ease(training, settings.ease));
  if (model == "als") {
    return std::make_unique<ImplicitAls>(train_implicit_als(training, settings.als));
  }
  throw std::invalid_argument("no model " + model);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const auto settings = read_arguments(argc, argv);
    const auto ratings = evaluation::parse_movielens(platform::read_file(settings.ratings));
    auto partition = cut(ratings, settings, settings.seed);
    if (settings.validation) partition = cut(partition.training, settings, settings.seed + 1);
    const auto split = evaluation::index(partition, settings.weighting);
    const InteractionMatrix training(split.users, split.items, split.training);
    const auto seed =
        settings.split == "random" ? ", seed " + std::to_string(settings.seed) : std::string();
    std::printf("%s: %zu ratings, %d users, %d items; %s split %.2f%s, %s weights%s\n\n",
                settings.ratings.string().c_str(), ratings.size(), split.users, split.items,
                settings.split.c_str(), settings.fraction, seed.c_str(),
                settings.weighting == evaluation::TrainingWeight::stars ? "stars" : "binary",
                settings.validation ? ", validation part of the training set" : "");
    std::printf("| model    | precision@%zu | recall@%zu | nDCG@%zu | MAP@%zu | training s |\n",
                settings.k, settings.k, settings.k, settings.k);
    std::printf("|----------|-------------|----------|--------|-------|------------|\n");
    for (const auto& name : settings.models) {
      const auto started = std::chrono::steady_clock::now();
      const auto model = train(name, training, settings);
      const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - started;
      const auto report = evaluation::evaluate(*model, split, training, settings.k);
      std::printf("| %-8s | %.4f      | %.4f   | %.4f | %.4f | %10.1f |\n", name.c_str(),
                  report.mean.precision, report.mean.recall, report.mean.ndcg,
                  report.mean.average_precision, seconds.count());
      std::fflush(stdout);
    }
  } catch (const std::exception& exception) {
    std::cerr << "recommendations_evaluate: " << exception.what() << "\n";
    return 2;
  }
  return 0;
}
