#include "index/query_builder.h"

#include <xapian.h>

#include <vector>

#include "domain/text_analysis.h"
#include "index/document_layout.h"
#include "index/signal_source.h"

namespace search {
namespace {

// Queries with more clauses relax to any clause rather than all but one.
constexpr std::size_t kMostClausesAtMost = 8;

// A prefix stands for at most this many stems, the most frequent ones.
constexpr Xapian::termcount kPrefixExpansion = 30;

Xapian::Query scaled(Xapian::Query query, double weight) {
  if (weight == 1.0) return query;
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, weight);
}

std::vector<Xapian::Query> stem_queries(const std::vector<std::string>& stems) {
  std::vector<Xapian::Query> terms;
  terms.reserve(stems.size());
  for (const auto& stem_text : stems) terms.emplace_back(layout::stem_term(stem_text));
  return terms;
}

Xapian::Query form_query(const Form& form) {
  switch (form.kind) {
    case Form::Kind::stem:
      return Xapian::Query(layout::stem_term(form.stems.front()));
    case Form::Kind::phrase: {
      const auto terms = stem_queries(form.stems);
      return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), terms.size());
    }
    case Form::Kind::all_of: {
      const auto terms = stem_queries(form.stems);
      return Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end());
    }
    case Form::Kind::prefix:
      return Xapian::Query(Xapian::Query::OP_WILDCARD, layout::stem_term(form.stems.front()),
                           kPrefixExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  }
  return {};
}

Xapian::Query clause_query(const Clause& clause) {
  std::vector<Xapian::Query> forms;
  for (const auto& form : clause.forms) forms.push_back(scaled(form_query(form), form.weight));
  return Xapian::Query(Xapian::Query::OP_OR, forms.begin(), forms.end());
}

Xapian::Query term(std::string_view prefix, std::string_view value) {
  return Xapian::Query(layout::bounded_term(prefix, value));
}

}  // namespace

Xapian::Query text_query(const QueryPlan& plan, Matching matching) {
  std::vector<Xapian::Query> clauses;
  clauses.reserve(plan.clauses.size());
  for (const auto& clause : plan.clauses) clauses.push_back(clause_query(clause));
  Xapian::Query every(Xapian::Query::OP_AND, clauses.begin(), clauses.end());
  Xapian::Query any(Xapian::Query::OP_OR, clauses.begin(), clauses.end());
  switch (matching) {
    case Matching::every_clause:
      return every;
    case Matching::any_clause:
      return any;
    case Matching::most_clauses_first: {
      // Each clause left out in turn: a product needs all the others. That
      // is cheaper than any clause (no walk through every product with the
      // commonest word alone) and closer to what was asked.
      // Beyond kMostClausesAtMost clauses this would be their square of
      // leaves: any clause instead.
      std::vector<Xapian::Query> most;
      const bool few = clauses.size() > 2 && clauses.size() <= kMostClausesAtMost;
      for (std::size_t left_out = 0; few && left_out < clauses.size(); ++left_out) {
        std::vector<Xapian::Query> others;
        for (std::size_t i = 0; i < clauses.size(); ++i) {
          if (i != left_out) others.push_back(clauses[i]);
        }
        most.emplace_back(Xapian::Query::OP_AND, others.begin(), others.end());
      }
      const auto relaxed =
          most.empty() ? any : Xapian::Query(Xapian::Query::OP_OR, most.begin(), most.end());
      // A product with every word scores its words twice over.
      return Xapian::Query(Xapian::Query::OP_AND_MAYBE, relaxed, every);
    }
    case Matching::any_clause_first:
      return Xapian::Query(Xapian::Query::OP_AND_MAYBE, any, every);
  }
  return every;
}

Xapian::Query filter_query(const SearchFilters& filters, std::optional<Dimension> excluded) {
  std::vector<Xapian::Query> parts{term(layout::kStatusPrefix, "active")};
  if (filters.category && excluded != Dimension::category) {
    parts.push_back(term(layout::kCategoryPrefix, *filters.category));
  }
  if (!filters.brands.empty() && excluded != Dimension::brand) {
    std::vector<Xapian::Query> brands;
    for (const auto& brand : filters.brands) {
      brands.push_back(term(layout::kBrandPrefix, layout::brand_key(brand)));
    }
    parts.emplace_back(Xapian::Query::OP_OR, brands.begin(), brands.end());
  }
  if (excluded != Dimension::price) {
    if (filters.min_price) {
      parts.emplace_back(Xapian::Query::OP_VALUE_GE, layout::price,
                         Xapian::sortable_serialise(static_cast<double>(*filters.min_price)));
    }
    if (filters.max_price) {
      parts.emplace_back(Xapian::Query::OP_VALUE_LE, layout::price,
                         Xapian::sortable_serialise(static_cast<double>(*filters.max_price)));
    }
  }
  if (filters.in_stock_only) parts.push_back(term(layout::kInStockTerm, ""));
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

Xapian::Query ranked_query(const Xapian::Query& matches, const QueryPlan& plan,
                           const RankingWeights& weights,
                           const std::shared_ptr<const ProductColumns>& columns) {
  std::vector<Xapian::Query> parts{matches};
  if (weights.popularity > 0 || weights.in_stock > 0) {
    auto* signals = new SignalSource(columns, weights.popularity, weights.in_stock);
    parts.emplace_back(signals->release());
  }
  // The best reading of each single-word clause, close together.
  std::vector<Xapian::Query> near;
  for (const auto& clause : plan.clauses) {
    const auto& best = clause.forms.front();
    if (best.kind == Form::Kind::stem) near.emplace_back(layout::stem_term(best.stems.front()));
  }
  if (near.size() >= 2 && weights.proximity > 0) {
    parts.push_back(
        scaled(Xapian::Query(Xapian::Query::OP_NEAR, near.begin(), near.end(), near.size() + 2),
               weights.proximity));
  }
  if (parts.size() == 1) return matches;
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, parts.begin(), parts.end());
}

}  // namespace search
