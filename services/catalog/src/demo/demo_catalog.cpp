#include "demo/demo_catalog.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace catalog {
namespace {

// A small deterministic generator (64-bit LCG, Knuth's constants): the demo
// must not change between runs or library versions.
class Sequence {
 public:
  explicit Sequence(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return state_ >> 33;
  }
  std::size_t below(std::size_t bound) { return static_cast<std::size_t>(next() % bound); }
  template <class Container>
  const auto& pick(const Container& items) {
    return items[below(items.size())];
  }

 private:
  std::uint64_t state_;
};

struct Subcategory {
  const char* slug;
  const char* name;
  std::vector<const char*> nouns;
  std::int64_t base_price;  // cents
};

struct Department {
  const char* slug;
  const char* name;
  std::vector<const char*> brands;
  std::vector<const char*> materials;
  std::vector<Subcategory> subcategories;
};

const std::vector<Department>& departments() {
  static const std::vector<Department> kDepartments = {
      {"home-office",
       "Home Office",
       {"Nordwerk", "Deskly", "Arbor & Ash"},
       {"oak", "walnut", "steel", "birch"},
       {{"desks", "Desks", {"Standing Desk", "Writing Desk", "Corner Desk"}, 24900},
        {"office-chairs",
         "Office Chairs",
         {"Task Chair", "Ergonomic Chair", "Drafting Stool"},
         17900},
        {"desk-lamps", "Desk Lamps", {"Desk Lamp", "Clamp Lamp", "Task Light"}, 4900}}},
      {"kitchen",
       "Kitchen",
       {"Cucina Viva", "Ferro", "Hearthstone"},
       {"stainless steel", "cast iron", "ceramic", "copper"},
       {{"cookware", "Cookware", {"Frying Pan", "Saucepan", "Dutch Oven", "Wok"}, 5900},
        {"knives", "Knives", {"Chef's Knife", "Paring Knife", "Bread Knife"}, 3900},
        {"coffee", "Coffee & Tea", {"Pour-Over Kettle", "French Press", "Burr Grinder"}, 4500}}},
      {"audio",
       "Audio",
       {"Sonora", "Bassline", "Quiet Labs"},
       {"aluminium", "walnut", "recycled plastic"},
       {{"headphones",
         "Headphones",
         {"Over-Ear Headphones", "Wireless Earbuds", "Studio Monitors Headphones"},
         12900},
        {"speakers", "Speakers", {"Bookshelf Speaker", "Portable Speaker", "Soundbar"}, 9900}}},
      {"outdoor",
       "Outdoor",
       {"Ridgeway", "Alpenglow", "Trailhead"},
       {"nylon", "polyester", "merino", "aluminium"},
       {{"tents", "Tents", {"Backpacking Tent", "Family Tent", "Bivy Shelter"}, 19900},
        {"backpacks", "Backpacks", {"Daypack", "Trekking Pack", "Hydration Pack"}, 8900},
        {"sleeping-bags",
         "Sleeping Bags",
         {"Down Sleeping Bag", "Synthetic Sleeping Bag"},
         14900}}},
      {"fitness",
       "Fitness",
       {"Kinetic", "Ironclad", "Flowform"},
       {"rubber", "steel", "cork", "foam"},
       {{"yoga", "Yoga", {"Yoga Mat", "Yoga Block", "Yoga Strap"}, 2900},
        {"weights", "Weights", {"Adjustable Dumbbell", "Kettlebell", "Weight Plate"}, 6900}}},
      {"books",
       "Books",
       {"Lantern Press", "Meridian Books", "Northlight"},
       {"paperback", "hardcover"},
       {{"cookbooks",
         "Cookbooks",
         {"Weeknight Cookbook", "Baking Handbook", "Vegetable Kitchen"},
         2400},
        {"travel-guides",
         "Travel Guides",
         {"City Guide", "Hiking Atlas", "Road Trip Guide"},
         1900}}},
      {"garden",
       "Garden",
       {"Greenthumb", "Terra Verde", "Bloomfield"},
       {"terracotta", "galvanised steel", "teak"},
       {{"planters", "Planters", {"Plant Pot", "Raised Bed", "Window Box"}, 2900},
        {"garden-tools", "Garden Tools", {"Pruning Shears", "Hand Trowel", "Garden Fork"}, 1900}}},
      {"lighting",
       "Lighting",
       {"Lumen & Co", "Glowhaus", "Filament"},
       {"brass", "glass", "linen", "concrete"},
       {{"floor-lamps", "Floor Lamps", {"Arc Floor Lamp", "Tripod Lamp", "Reading Lamp"}, 12900},
        {"pendants",
         "Pendant Lights",
         {"Pendant Light", "Globe Pendant", "Cluster Pendant"},
         8900}}},
      {"bags",
       "Bags & Travel",
       {"Voyager", "Carryall", "Fieldnote"},
       {"leather", "waxed canvas", "nylon"},
       {{"suitcases", "Suitcases", {"Carry-On Suitcase", "Check-In Suitcase"}, 17900},
        {"everyday-bags", "Everyday Bags", {"Tote Bag", "Messenger Bag", "Laptop Sleeve"}, 5900}}},
      {"toys",
       "Toys & Games",
       {"Tinker Toys", "Puzzlewood", "Meeple House"},
       {"wood", "cardboard", "felt"},
       {{"board-games", "Board Games", {"Strategy Game", "Party Game", "Cooperative Game"}, 3900},
        {"puzzles", "Puzzles", {"Jigsaw Puzzle", "3D Puzzle", "Puzzle Box"}, 2400}}},
  };
  return kDepartments;
}

constexpr std::array kAdjectives = {"Classic", "Compact",   "Deluxe",    "Everyday",
                                    "Pro",     "Lite",      "Heritage",  "Urban",
                                    "Nordic",  "Essential", "Signature", "Travel"};
constexpr std::array kColours = {"black", "white",      "grey",     "navy", "forest green",
                                 "sand",  "terracotta", "charcoal", "oat"};

std::string description_for(const std::string& title, const char* brand, const char* material,
                            const char* colour, const char* department) {
  return "The " + title + " by " + brand + " is made of " + material + " in " + colour +
         ". Designed for everyday use and built to last, it is part of our " + department +
         " range. Free returns within 30 days.";
}

}  // namespace

int seed_demo_catalog(CatalogStore& store) {
  if (!store.list_categories().empty()) return 0;
  Sequence random(20261124);
  int created = 0;
  int department_position = 0;
  for (const auto& department : departments()) {
    store.create_category(department.slug, department.name, std::nullopt, department_position++);
    int sub_position = 0;
    for (const auto& sub : department.subcategories) {
      store.create_category(sub.slug, sub.name, std::string(department.slug), sub_position++);
      for (const char* noun : sub.nouns) {
        // Each noun comes in several models: brand x adjective, one colour each.
        for (int model = 0; model < 5; ++model) {
          const char* brand = random.pick(department.brands);
          const char* adjective = kAdjectives[random.below(kAdjectives.size())];
          const char* material = random.pick(department.materials);
          const char* colour = kColours[random.below(kColours.size())];
          const std::string title = std::string(brand) + " " + adjective + " " + noun;
          ProductChanges changes;
          changes.sku = std::string(sub.slug).substr(0, 4) + "-" + std::to_string(1000 + created);
          changes.title = title;
          changes.slug = slugify(title) + "-" + std::to_string(1000 + created);
          changes.brand = brand;
          changes.category_id = sub.slug;
          changes.description = description_for(title, brand, material, colour, department.name);
          // Prices spread from -40% to +80% around the subcategory's base and
          // end like shelf prices: whole euros minus a cent or five (48.99, 48.95).
          const auto spread = static_cast<std::int64_t>(random.below(120)) - 40;
          const auto euros =
              std::max<std::int64_t>(5, (sub.base_price + sub.base_price * spread / 100) / 100);
          changes.price_amount = (euros - 1) * 100 + (random.below(2) == 0 ? 99 : 95);
          changes.price_currency = "EUR";
          changes.attributes["material"] = std::string(material);
          changes.attributes["colour"] = std::string(colour);
          changes.popularity = static_cast<std::int64_t>(random.below(1000));
          changes.status = ProductStatus::active;
          // About one product in twelve is sold out, so filters have work.
          const auto stock =
              random.below(12) == 0 ? 0 : static_cast<std::int64_t>(random.below(150)) + 1;
          store.create_product(changes, stock);
          ++created;
        }
      }
    }
  }
  return created;
}

}  // namespace catalog
