#include "domain/search_request.h"

#include "platform/enum_names.h"

namespace search {
namespace {

constexpr platform::EnumNames<SortOrder, 5> kSortNames{{{
    {SortOrder::relevance, "relevance"},
    {SortOrder::price_asc, "price_asc"},
    {SortOrder::price_desc, "price_desc"},
    {SortOrder::popularity, "popularity"},
    {SortOrder::newest, "newest"},
}}};

}  // namespace

std::string_view to_string(SortOrder order) { return kSortNames.name(order); }

std::optional<SortOrder> parse_sort_order(std::string_view text) { return kSortNames.parse(text); }

}  // namespace search
