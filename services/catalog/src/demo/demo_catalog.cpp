#include "demo/demo_catalog.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "platform/deterministic_sequence.h"

namespace catalog {
namespace {

// The demo must not change between runs or library versions.
using Sequence = platform::DeterministicSequence;

struct Item {
  const char* noun;
  std::int64_t grams;  // a typical shipping weight
};

struct Subcategory {
  const char* slug;
  const char* name;
  std::vector<Item> items;
  std::int64_t base_price;  // cents
};

struct Department {
  const char* slug;
  const char* name;
  std::vector<const char*> brands;
  std::vector<const char*> materials;
  std::vector<Subcategory> subcategories;
  // Books are reduced-rate across the EU; nothing else here is.
  TaxCategory tax_category = TaxCategory::standard;
};

const std::vector<Department>& departments() {
  static const std::vector<Department> kDepartments = {
      {"home-office",
       "Home Office",
       {"Nordwerk", "Deskly", "Arbor & Ash"},
       {"oak", "walnut", "steel", "birch"},
       {{"desks",
         "Desks",
         {{"Standing Desk", 35000}, {"Writing Desk", 22000}, {"Corner Desk", 30000}},
         24900},
        {"office-chairs",
         "Office Chairs",
         {{"Task Chair", 12000}, {"Ergonomic Chair", 17000}, {"Drafting Stool", 9000}},
         17900},
        {"desk-lamps",
         "Desk Lamps",
         {{"Desk Lamp", 1400}, {"Clamp Lamp", 900}, {"Task Light", 1100}},
         4900}}},
      {"kitchen",
       "Kitchen",
       {"Cucina Viva", "Ferro", "Hearthstone"},
       {"stainless steel", "cast iron", "ceramic", "copper"},
       {{"cookware",
         "Cookware",
         {{"Frying Pan", 1300}, {"Saucepan", 1100}, {"Dutch Oven", 5200}, {"Wok", 1500}},
         5900},
        {"knives",
         "Knives",
         {{"Chef's Knife", 220}, {"Paring Knife", 80}, {"Bread Knife", 180}},
         3900},
        {"coffee",
         "Coffee & Tea",
         {{"Pour-Over Kettle", 900}, {"French Press", 700}, {"Burr Grinder", 1800}},
         4500}}},
      {"audio",
       "Audio",
       {"Sonora", "Bassline", "Quiet Labs"},
       {"aluminium", "walnut", "recycled plastic"},
       {{"headphones",
         "Headphones",
         {{"Over-Ear Headphones", 280},
          {"Wireless Earbuds", 55},
          {"Studio Monitors Headphones", 320}},
         12900},
        {"speakers",
         "Speakers",
         {{"Bookshelf Speaker", 4500}, {"Portable Speaker", 650}, {"Soundbar", 3200}},
         9900}}},
      {"outdoor",
       "Outdoor",
       {"Ridgeway", "Alpenglow", "Trailhead"},
       {"nylon", "polyester", "merino", "aluminium"},
       {{"tents",
         "Tents",
         {{"Backpacking Tent", 1400}, {"Family Tent", 9500}, {"Bivy Shelter", 650}},
         19900},
        {"backpacks",
         "Backpacks",
         {{"Daypack", 700}, {"Trekking Pack", 2100}, {"Hydration Pack", 450}},
         8900},
        {"sleeping-bags",
         "Sleeping Bags",
         {{"Down Sleeping Bag", 900}, {"Synthetic Sleeping Bag", 1600}},
         14900}}},
      {"fitness",
       "Fitness",
       {"Kinetic", "Ironclad", "Flowform"},
       {"rubber", "steel", "cork", "foam"},
       {{"yoga", "Yoga", {{"Yoga Mat", 1800}, {"Yoga Block", 300}, {"Yoga Strap", 150}}, 2900},
        {"weights",
         "Weights",
         {{"Adjustable Dumbbell", 12000}, {"Kettlebell", 12000}, {"Weight Plate", 10000}},
         6900}}},
      {"books",
       "Books",
       {"Lantern Press", "Meridian Books", "Northlight"},
       {"paperback", "hardcover"},
       {{"cookbooks",
         "Cookbooks",
         {{"Weeknight Cookbook", 900}, {"Baking Handbook", 1100}, {"Vegetable Kitchen", 800}},
         2400},
        {"travel-guides",
         "Travel Guides",
         {{"City Guide", 350}, {"Hiking Atlas", 600}, {"Road Trip Guide", 450}},
         1900}},
       TaxCategory::reduced},
      {"garden",
       "Garden",
       {"Greenthumb", "Terra Verde", "Bloomfield"},
       {"terracotta", "galvanised steel", "teak"},
       {{"planters",
         "Planters",
         {{"Plant Pot", 2500}, {"Raised Bed", 18000}, {"Window Box", 3500}},
         2900},
        {"garden-tools",
         "Garden Tools",
         {{"Pruning Shears", 250}, {"Hand Trowel", 200}, {"Garden Fork", 1600}},
         1900}}},
      {"lighting",
       "Lighting",
       {"Lumen & Co", "Glowhaus", "Filament"},
       {"brass", "glass", "linen", "concrete"},
       {{"floor-lamps",
         "Floor Lamps",
         {{"Arc Floor Lamp", 12000}, {"Tripod Lamp", 5500}, {"Reading Lamp", 4000}},
         12900},
        {"pendants",
         "Pendant Lights",
         {{"Pendant Light", 1200}, {"Globe Pendant", 1800}, {"Cluster Pendant", 3500}},
         8900}}},
      {"bags",
       "Bags & Travel",
       {"Voyager", "Carryall", "Fieldnote"},
       {"leather", "waxed canvas", "nylon"},
       {{"suitcases",
         "Suitcases",
         {{"Carry-On Suitcase", 3200}, {"Check-In Suitcase", 4800}},
         17900},
        {"everyday-bags",
         "Everyday Bags",
         {{"Tote Bag", 450}, {"Messenger Bag", 1100}, {"Laptop Sleeve", 300}},
         5900}}},
      {"toys",
       "Toys & Games",
       {"Tinker Toys", "Puzzlewood", "Meeple House"},
       {"wood", "cardboard", "felt"},
       {{"board-games",
         "Board Games",
         {{"Strategy Game", 1800}, {"Party Game", 700}, {"Cooperative Game", 1400}},
         3900},
        {"puzzles",
         "Puzzles",
         {{"Jigsaw Puzzle", 800}, {"3D Puzzle", 500}, {"Puzzle Box", 400}},
         2400}}},
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

// Models of one kind differ a little: -15% to +15% of the typical weight,
// rounded to 5 g as a shop's scales would.
std::int64_t weight_of(std::int64_t typical, Sequence& sequence) {
  const auto spread = static_cast<std::int64_t>(sequence.below(31)) - 15;
  return std::max<std::int64_t>(5, (typical + typical * spread / 100 + 2) / 5 * 5);
}

}  // namespace

int seed_demo_catalog(CatalogStore& store) {
  if (!store.list_categories().empty()) return 0;
  Sequence random(20261124);
  // Weights draw from a sequence of their own so that the products, prices
  // and stock of the shop stay what they were before products had weights.
  Sequence weights(20260301);
  int created = 0;
  int department_position = 0;
  for (const auto& department : departments()) {
    store.create_category(department.slug, department.name, std::nullopt, department_position++);
    int sub_position = 0;
    for (const auto& sub : department.subcategories) {
      store.create_category(sub.slug, sub.name, std::string(department.slug), sub_position++);
      for (const auto& [noun, grams] : sub.items) {
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
          changes.tax_category = department.tax_category;
          changes.weight_grams = weight_of(grams, weights);
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
