#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace search::relevance {

struct JudgedQuery {
  std::string id;    // "q001"
  std::string text;  // what the shopper typed
  std::string kind;  // brand, keyword, model, typo, ...
};

// Graded judgments of one query: document id -> grade (1 to 3; unjudged
// documents are grade 0).
using Grades = std::map<std::string, int>;

struct Judgments {
  std::vector<JudgedQuery> queries;
  std::map<std::string, Grades> grades;  // by query id
};

// The wording a query was judged as, where it differs from what was typed
// (typo queries are judged by their intent): the "- judged as: `...`"
// lines of criteria.md, by query id.
std::map<std::string, std::string> read_intended_wordings(const std::filesystem::path& criteria);

// queries.tsv (query_id, query, kind; a header line) and qrels.txt in TREC
// form ("q001 0 4984700 3"). Throws std::runtime_error naming the file and
// line of anything else.
Judgments read_judgments(const std::filesystem::path& queries, const std::filesystem::path& qrels);

}  // namespace search::relevance
