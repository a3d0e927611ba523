#include "domain/indexed_product.h"

namespace search {

std::vector<std::string> category_ancestors(const std::string& path) {
  std::vector<std::string> ancestors;
  if (path.empty()) return ancestors;
  for (std::size_t slash = path.find('/'); slash != std::string::npos;
       slash = path.find('/', slash + 1)) {
    ancestors.push_back(path.substr(0, slash));
  }
  ancestors.push_back(path);
  return ancestors;
}

std::string category_words(std::string_view path) {
  std::string words(path);
  for (auto& c : words) {
    if (c == '-' || c == '/') c = ' ';
  }
  return words;
}

EntryChange apply_upsert(const StoredEntry& stored, const IndexedProduct& incoming) {
  using Kind = StoredEntry::Kind;
  if (stored.kind == Kind::removed) return {};
  const bool stock_is_newer = incoming.stock.version > stored.product.stock.version;
  if (stored.kind == Kind::product && stored.product.version >= incoming.version) {
    if (!stock_is_newer) return {};
    EntryChange change{true, stored};
    change.entry.product.stock = incoming.stock;
    return change;
  }
  EntryChange change{true, {Kind::product, incoming}};
  if (!stock_is_newer && stored.kind != Kind::absent) {
    change.entry.product.stock = stored.product.stock;
  }
  return change;
}

EntryChange apply_stock(const StoredEntry& stored, const std::string& product_id,
                        const StockLevel& stock) {
  using Kind = StoredEntry::Kind;
  if (stored.kind == Kind::removed) return {};
  if (stored.kind != Kind::absent && stored.product.stock.version >= stock.version) return {};
  EntryChange change{true, stored};
  if (stored.kind == Kind::absent) {
    change.entry.kind = Kind::stock_only;
    change.entry.product = IndexedProduct{};
    change.entry.product.id = product_id;
  }
  change.entry.product.stock = stock;
  return change;
}

EntryChange apply_removal(const StoredEntry& stored, const std::string& product_id) {
  if (stored.kind == StoredEntry::Kind::removed) return {};
  EntryChange change{true, {StoredEntry::Kind::removed, {}}};
  change.entry.product.id = product_id;
  return change;
}

}  // namespace search
