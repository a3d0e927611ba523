#include "judgments.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace search::relevance {
namespace {

[[noreturn]] void malformed(const std::filesystem::path& file, int line, const std::string& why) {
  throw std::runtime_error(file.string() + ":" + std::to_string(line) + ": " + why);
}

std::ifstream open(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  return in;
}

}  // namespace

Judgments read_judgments(const std::filesystem::path& queries, const std::filesystem::path& qrels) {
  Judgments judgments;
  auto query_lines = open(queries);
  std::string line;
  int number = 0;
  while (std::getline(query_lines, line)) {
    if (++number == 1 || line.empty()) continue;  // the header
    const auto first = line.find('\t');
    const auto second = line.find('\t', first == std::string::npos ? first : first + 1);
    if (first == std::string::npos || second == std::string::npos) {
      malformed(queries, number, "expected query_id<TAB>query<TAB>kind");
    }
    judgments.queries.push_back({line.substr(0, first), line.substr(first + 1, second - first - 1),
                                 line.substr(second + 1)});
  }
  auto qrel_lines = open(qrels);
  number = 0;
  while (std::getline(qrel_lines, line)) {
    ++number;
    if (line.empty()) continue;
    std::istringstream fields(line);
    std::string query, iteration, document;
    int grade = -1;
    if (!(fields >> query >> iteration >> document >> grade) || grade < 0 || grade > 3) {
      malformed(qrels, number, "expected query_id 0 doc_id grade (0 to 3)");
    }
    if (grade > 0) judgments.grades[query][document] = grade;
  }
  return judgments;
}

std::map<std::string, std::string> read_intended_wordings(const std::filesystem::path& criteria) {
  auto in = open(criteria);
  std::map<std::string, std::string> wordings;
  std::string line, query;
  static constexpr std::string_view kJudgedAs = "- judged as: `";
  while (std::getline(in, line)) {
    if (line.starts_with("## ")) {
      query = line.substr(3, line.find(' ', 3) - 3);
    } else if (line.starts_with(kJudgedAs) && line.ends_with("`") && !query.empty()) {
      wordings[query] = line.substr(kJudgedAs.size(), line.size() - kJudgedAs.size() - 1);
    }
  }
  return wordings;
}

}  // namespace search::relevance
