#include "generated_catalog.h"

#include <array>
#include <cstdint>

#include "platform/deterministic_sequence.h"
#include "platform/ids.h"

namespace search::bench {
namespace {

// The same catalog on every machine.
using Sequence = platform::DeterministicSequence;

struct Department {
  const char* slug;
  std::vector<const char*> types;  // each a subcategory too
  std::vector<const char*> brands;
  std::int64_t base_price;  // cents
};

const std::vector<Department>& departments() {
  static const std::vector<Department> kDepartments = {
      {"kitchen",
       {"kettle", "toaster", "blender", "coffee grinder", "espresso machine", "knife set",
        "cutting board", "frying pan", "saucepan", "stock pot", "mixing bowl", "food processor"},
       {"Kochwerk", "Brava", "Culina", "Hearthstone", "Maison Verte", "Nordic Table"},
       4900},
      {"lighting",
       {"desk lamp", "floor lamp", "pendant light", "ceiling light", "wall sconce", "table lamp",
        "string lights", "night light", "reading lamp", "led strip"},
       {"Lumen", "Glowhaus", "Filament", "Brightline", "Solenne"},
       3900},
      {"audio",
       {"headphones", "earbuds", "bluetooth speaker", "soundbar", "turntable", "amplifier",
        "bookshelf speaker", "headset", "microphone", "radio"},
       {"Sonora", "Bassline", "Quiet Labs", "Arcadia Audio", "Tonewood"},
       7900},
      {"furniture",
       {"office chair", "standing desk", "bookcase", "sofa", "armchair", "coffee table",
        "dining table", "bed frame", "dresser", "nightstand", "tv stand", "bar stool"},
       {"Nordwerk", "Arbor & Ash", "Deskly", "Loft Works", "Haven"},
       19900},
      {"outdoor",
       {"tent", "sleeping bag", "backpack", "camping stove", "water bottle", "hiking boots",
        "rain jacket", "headlamp", "trekking poles", "cooler"},
       {"Trailmark", "Summit Co", "Wildfern", "Northpeak"},
       5900},
      {"phones",
       {"phone case", "screen protector", "wireless charger", "car mount", "power bank",
        "charging cable", "wall charger", "phone stand", "camera lens kit", "selfie stick"},
       {"Armorline", "Voltix", "Clearguard", "Otterpeak", "Juicebox"},
       1900},
  };
  return kDepartments;
}

constexpr std::array<const char*, 12> kMaterials = {"oak",    "walnut",  "steel",    "aluminum",
                                                    "bamboo", "glass",   "leather",  "cotton",
                                                    "linen",  "ceramic", "silicone", "brass"};
constexpr std::array<const char*, 12> kColours = {"black", "white",  "grey",  "navy",
                                                  "red",   "green",  "sand",  "rose gold",
                                                  "blue",  "yellow", "olive", "charcoal"};
constexpr std::array<const char*, 10> kAdjectives = {
    "compact", "premium", "classic", "portable", "professional",
    "quiet",   "rugged",  "slim",    "modern",   "vintage"};
constexpr std::array<const char*, 8> kLines = {"Pro",       "Lite",      "Max",    "Mini",
                                               "Essential", "Signature", "Studio", "Heritage"};
constexpr std::array<const char*, 10> kSentences = {
    "Made of {material} with a {colour} finish that suits any room.",
    "The {adjective} design of this {type} makes it easy to live with.",
    "Built to last and backed by a two-year warranty from {brand}.",
    "A {type} that people buy again: simple, sturdy and good value.",
    "Its {material} body is easy to clean and resists scratches.",
    "Pairs well with other pieces of the {line} range by {brand}.",
    "Lightweight and {adjective}, it travels wherever you go.",
    "Tested by our team for everyday use in real homes.",
    "Comes in {colour} and four other colours.",
    "Free returns within 30 days if it is not what you hoped for."};

std::string slug_of(std::string_view text) {
  std::string slug;
  for (const char c : text) {
    const bool alphanumeric = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alphanumeric) {
      slug.push_back(c);
    } else if (!slug.empty() && slug.back() != '-') {
      slug.push_back('-');
    }
  }
  if (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

std::string title_case(std::string text) {
  bool start = true;
  for (auto& c : text) {
    if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    start = c == ' ';
  }
  return text;
}

std::string filled(std::string sentence,
                   const std::vector<std::pair<std::string, std::string>>& values) {
  for (const auto& [name, value] : values) {
    const auto placeholder = "{" + name + "}";
    for (auto at = sentence.find(placeholder); at != std::string::npos;
         at = sentence.find(placeholder)) {
      sentence.replace(at, placeholder.size(), value);
    }
  }
  return sentence;
}

// Makes a word a plausible typo: two neighbouring letters swapped.
std::string misspelt(std::string word, Sequence& sequence) {
  if (word.size() < 5) return word;
  const auto at = 1 + sequence.below(word.size() - 3);
  std::swap(word[at], word[at + 1]);
  return word;
}

}  // namespace

std::vector<boost::json::object> generated_catalog(std::size_t count) {
  Sequence sequence(20261202);
  std::vector<boost::json::object> products;
  products.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const auto& department = sequence.pick(departments());
    const std::string type = sequence.pick(department.types);
    const std::string brand = sequence.pick(department.brands);
    const std::string material = sequence.pick(kMaterials);
    const std::string colour = sequence.pick(kColours);
    const std::string adjective = sequence.pick(kAdjectives);
    const std::string line = sequence.pick(kLines);
    const auto model = std::string(1, static_cast<char>('A' + sequence.below(26))) +
                       std::to_string(100 + sequence.below(900));
    const auto title = brand + " " + line + " " +
                       title_case(adjective + " " + material + " " + type) + " " + model + " - " +
                       title_case(colour);
    const std::vector<std::pair<std::string, std::string>> values{
        {"material", material}, {"colour", colour}, {"adjective", adjective},
        {"type", type},         {"brand", brand},   {"line", line}};
    std::string description;
    for (int sentence = 0; sentence < 4; ++sentence) {
      description += (description.empty() ? "" : " ") + filled(sequence.pick(kSentences), values);
    }
    const auto price =
        department.base_price * (50 + static_cast<std::int64_t>(sequence.below(250))) / 100 + 99;
    const auto available =
        sequence.below(10) == 0 ? 0 : 1 + static_cast<std::int64_t>(sequence.below(50));
    products.push_back(boost::json::object{
        {"id", platform::new_uuid_v7()},
        {"sku", "G-" + std::to_string(i)},
        {"slug", slug_of(title) + "-" + std::to_string(i)},
        {"title", title},
        {"description", description},
        {"brand", brand},
        {"category_path", std::string(department.slug) + "/" + slug_of(type)},
        {"attributes", {{"material", material}, {"colour", colour}}},
        {"price", {{"amount", price}, {"currency", "EUR"}}},
        {"image_ids", boost::json::array{}},
        {"status", "active"},
        {"popularity",
         static_cast<std::int64_t>(sequence.below(1000) * sequence.below(1000) / 100)},
        {"created_at", "2026-11-01T10:00:00Z"},
        {"version", 1},
        {"stock", {{"available", available}, {"version", 1}}}});
  }
  return products;
}

std::vector<std::string> generated_queries(std::size_t count) {
  Sequence sequence(42);
  std::vector<std::string> queries;
  while (queries.size() < count) {
    const auto& department = sequence.pick(departments());
    const std::string type = sequence.pick(department.types);
    const std::string brand = sequence.pick(department.brands);
    switch (sequence.below(8)) {
      case 0:
        queries.push_back(type);
        break;
      case 1:
        queries.push_back(brand + " " + type);
        break;
      case 2:
        queries.push_back(std::string(sequence.pick(kColours)) + " " + type);
        break;
      case 3:
        queries.push_back(std::string(sequence.pick(kMaterials)) + " " + type);
        break;
      case 4:
        queries.push_back(std::string(sequence.pick(kAdjectives)) + " " +
                          std::string(sequence.pick(kMaterials)) + " " + type);
        break;
      case 5:
        queries.push_back(misspelt(type, sequence));
        break;
      case 6:
        queries.push_back(brand);
        break;
      default:
        queries.push_back(brand + " " + std::string(sequence.pick(kLines)) + " " + type);
        break;
    }
  }
  return queries;
}

}  // namespace search::bench
