#include "index/document_layout.h"

#include <xapian.h>

#include <boost/json.hpp>
#include <cmath>
#include <set>

#include "domain/text_analysis.h"
#include "platform/crypto.h"
#include "platform/enum_names.h"
#include "platform/error.h"
#include "platform/ids.h"

namespace search {
namespace {

using Kind = StoredEntry::Kind;

constexpr platform::EnumNames<Kind, 4> kKindNames{{{
    {Kind::absent, "absent"},
    {Kind::stock_only, "stock"},
    {Kind::product, "product"},
    {Kind::removed, "removed"},
}}};

// Far enough apart that no phrase of a shopper's reaches from one field to
// the next.
constexpr Xapian::termpos kFieldGap = 100;

class TextIndexer {
 public:
  explicit TextIndexer(Xapian::Document& document) : document_(document) {}

  void add(std::string_view text, Xapian::termcount weight) {
    for (const auto& word : analyse(text)) {
      document_.add_posting(layout::stem_term(stem(word)), ++position_, weight);
      words_.insert(word);
    }
    position_ += kFieldGap;
  }

  // Each distinct word once: its term frequency is then the products using it.
  void add_words() {
    for (const auto& word : words_) document_.add_term(std::string(layout::kWordPrefix) + word, 0);
  }

 private:
  Xapian::Document& document_;
  Xapian::termpos position_ = 0;
  std::set<std::string> words_;
};

boost::json::object product_json(const IndexedProduct& product) {
  boost::json::object object;
  object["id"] = product.id;
  object["sku"] = product.sku;
  object["slug"] = product.slug;
  object["title"] = product.title;
  object["description"] = product.description;
  object["brand"] = product.brand;
  object["category_path"] = product.category_path;
  boost::json::array attributes;
  for (const auto& [key, value] : product.attributes) attributes.push_back({key, value});
  object["attributes"] = std::move(attributes);
  object["price"] = platform::to_json(product.price);
  boost::json::array images;
  for (const auto& image : product.image_ids) images.emplace_back(image);
  object["image_ids"] = std::move(images);
  object["status"] = product.status;
  object["popularity"] = product.popularity;
  object["created_at"] = product.created_at;
  object["version"] = product.version;
  object["stock"] = {{"available", product.stock.available}, {"version", product.stock.version}};
  return object;
}

std::string text_of(const boost::json::object& object, std::string_view key) {
  return std::string(object.at(key).as_string());
}

IndexedProduct product_of(const boost::json::object& object) {
  IndexedProduct product;
  product.id = text_of(object, "id");
  product.sku = text_of(object, "sku");
  product.slug = text_of(object, "slug");
  product.title = text_of(object, "title");
  product.description = text_of(object, "description");
  product.brand = text_of(object, "brand");
  product.category_path = text_of(object, "category_path");
  for (const auto& pair : object.at("attributes").as_array()) {
    const auto& items = pair.as_array();
    product.attributes.emplace_back(items.at(0).as_string(), items.at(1).as_string());
  }
  const auto& price = object.at("price").as_object();
  product.price = {price.at("amount").as_int64(), text_of(price, "currency")};
  for (const auto& image : object.at("image_ids").as_array()) {
    product.image_ids.emplace_back(image.as_string());
  }
  product.status = text_of(object, "status");
  product.popularity = object.at("popularity").as_int64();
  product.created_at = object.at("created_at").as_int64();
  product.version = object.at("version").as_int64();
  const auto& stock = object.at("stock").as_object();
  product.stock = {stock.at("available").as_int64(), stock.at("version").as_int64()};
  return product;
}

void add_searchable_parts(Xapian::Document& document, const IndexedProduct& product,
                          const FieldWeights& weights) {
  TextIndexer text(document);
  text.add(product.title, weights.title);
  text.add(product.brand, weights.brand);
  text.add(category_words(product.category_path), weights.category);
  text.add(product.description, weights.description);
  for (const auto& [key, value] : product.attributes) text.add(value, weights.attributes);
  text.add_words();

  document.add_boolean_term(std::string(layout::kStatusPrefix) + product.status);
  if (!product.brand.empty()) {
    document.add_boolean_term(
        layout::bounded_term(layout::kBrandPrefix, layout::brand_key(product.brand)));
  }
  for (const auto& ancestor : category_ancestors(product.category_path)) {
    document.add_boolean_term(layout::bounded_term(layout::kCategoryPrefix, ancestor));
  }
  if (product.in_stock()) document.add_boolean_term(std::string(layout::kInStockTerm));

  const auto popularity = static_cast<double>(std::max<std::int64_t>(product.popularity, 0));
  document.add_value(layout::price,
                     Xapian::sortable_serialise(static_cast<double>(product.price.amount)));
  document.add_value(layout::popularity, Xapian::sortable_serialise(popularity));
  document.add_value(layout::created_at,
                     Xapian::sortable_serialise(static_cast<double>(product.created_at)));
  document.add_value(layout::popularity_signal, Xapian::sortable_serialise(std::log1p(popularity)));
  document.add_value(layout::stock_signal, Xapian::sortable_serialise(product.in_stock() ? 1 : 0));
  document.add_value(layout::brand, product.brand);
  document.add_value(layout::category, product.category_path);
}

}  // namespace

namespace layout {

std::string bounded_term(std::string_view prefix, std::string_view value) {
  constexpr std::size_t kLongest = 240;
  constexpr std::size_t kKept = 200;
  std::string term(prefix);
  if (prefix.size() + value.size() <= kLongest) return term.append(value);
  // Cut at a character boundary, then 16 hex digits of SHA-256.
  std::size_t kept = kKept;
  while (kept > 0 && (static_cast<unsigned char>(value[kept]) & 0xC0) == 0x80) --kept;
  term.append(value.substr(0, kept)).push_back('#');
  return term + platform::hex_encode(platform::crypto::sha256(value).substr(0, 8));
}

std::string kind_term(StoredEntry::Kind kind) {
  return std::string(kKindPrefix) + std::string(kKindNames.name(kind));
}

std::string brand_key(std::string_view brand) {
  std::string key;
  for (const auto& word : analyse(brand)) {
    if (!key.empty()) key += ' ';
    key += word;
  }
  return key;
}

}  // namespace layout

Xapian::Document document_of(const StoredEntry& entry, const FieldWeights& weights) {
  Xapian::Document document;
  const auto& product = entry.product;
  document.add_boolean_term(layout::id_term(product.id));
  document.add_boolean_term(layout::kind_term(entry.kind));
  if (entry.kind == Kind::product) add_searchable_parts(document, product, weights);
  boost::json::object data{{"kind", kKindNames.name(entry.kind)}};
  if (entry.kind == Kind::product) {
    data["product"] = product_json(product);
  } else {
    data["id"] = product.id;
    data["stock"] = {{"available", product.stock.available}, {"version", product.stock.version}};
  }
  document.set_data(boost::json::serialize(data));
  return document;
}

StoredEntry entry_of(const Xapian::Document& document) {
  try {
    const auto data = boost::json::parse(document.get_data()).as_object();
    StoredEntry entry;
    const auto kind = kKindNames.parse(data.at("kind").as_string());
    if (!kind) throw std::invalid_argument("unknown entry kind");
    entry.kind = *kind;
    if (entry.kind == Kind::product) {
      entry.product = product_of(data.at("product").as_object());
    } else {
      entry.product.id = text_of(data, "id");
      const auto& stock = data.at("stock").as_object();
      entry.product.stock = {stock.at("available").as_int64(), stock.at("version").as_int64()};
    }
    return entry;
  } catch (const std::exception& error) {
    throw platform::Error(platform::ErrorKind::internal, "index-corrupt",
                          std::string("unreadable index entry: ") + error.what());
  }
}

}  // namespace search
