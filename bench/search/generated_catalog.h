#pragma once

#include <boost/json/object.hpp>
#include <cstddef>
#include <string>
#include <vector>

namespace search::bench {

// A deterministic shop catalog of `count` products across departments,
// product types, brands, materials, colours and model numbers, with
// descriptions made of sentences about them: text with the variety and
// the repetition of a real catalog, in the catalog's product document form.
std::vector<boost::json::object> generated_catalog(std::size_t count);

// Queries a shopper of that catalog would type (brands, types, brand and
// type, attributes, model numbers, some misspelt), deterministic.
std::vector<std::string> generated_queries(std::size_t count);

}  // namespace search::bench
