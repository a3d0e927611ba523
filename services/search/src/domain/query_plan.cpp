#include "domain/query_plan.h"

#include <algorithm>

#include "domain/edit_distance.h"
#include "domain/text_analysis.h"

namespace search {
namespace {

struct Segment {
  std::string text;
  bool quoted = false;
};

// Splits at double quotes; an unclosed quote runs to the end.
std::vector<Segment> segments_of(std::string_view text) {
  std::vector<Segment> segments;
  Segment current;
  for (const char c : text) {
    if (c == '"') {
      if (!current.text.empty()) segments.push_back(current);
      current = Segment{{}, !current.quoted};
      continue;
    }
    current.text.push_back(c);
  }
  if (!current.text.empty()) segments.push_back(current);
  return segments;
}

// Whether the text's last word runs to its very end (it may be a word
// still being typed); a space, a punctuation mark or a closing quote ends it.
bool ends_in_word(std::string_view text) {
  const auto tokens = tokenize(text);
  return !tokens.empty() && tokens.back().end == text.size();
}

Form stem_form(std::string stem_text, double weight = 1.0) {
  return Form{Form::Kind::stem, {std::move(stem_text)}, weight};
}

// One stem or, for several, the phrase they make.
Form phrase_form(std::vector<std::string> stems, double weight = 1.0) {
  if (stems.size() == 1) return stem_form(std::move(stems.front()), weight);
  return Form{Form::Kind::phrase, std::move(stems), weight};
}

std::string joined(const std::vector<std::string>& words, std::size_t from, std::size_t count,
                   std::string_view separator) {
  std::string text;
  for (std::size_t i = from; i < from + count; ++i) {
    if (i > from) text += separator;
    text += words[i];
  }
  return text;
}

// "iphone7" -> {"iphone", "7"}: the runs of letters and of digits.
std::vector<std::string> letter_digit_runs(const std::string& word) {
  std::vector<std::string> runs;
  for (const char c : word) {
    const bool digit = c >= '0' && c <= '9';
    if (runs.empty() || (runs.back().back() >= '0' && runs.back().back() <= '9') != digit) {
      runs.emplace_back();
    }
    runs.back().push_back(c);
  }
  return runs;
}

class Planner {
 public:
  Planner(const Lexicon& lexicon, const Synonyms& synonyms, const PlanOptions& options)
      : lexicon_(lexicon), synonyms_(synonyms), options_(options) {}

  void add_quoted(const std::vector<std::string>& words) {
    std::vector<std::string> stems;
    stems.reserve(words.size());
    for (const auto& word : words) stems.push_back(stem(word));
    plan_.clauses.push_back(
        Clause{joined(words, 0, words.size(), " "), {phrase_form(stems)}, true});
    shown_.push_back("\"" + joined(words, 0, words.size(), " ") + "\"");
  }

  // `words` without stopwords; `last_is_typed` when the query ends in the
  // last of them and it may be a prefix. Each word is read first (its
  // corrections), then synonyms and joined spellings are looked for in what
  // the words were read as: "scren protectr" meets the synonyms of
  // "screen protector".
  void add_free(const std::vector<std::string>& words, bool last_is_typed) {
    std::vector<Clause> read;
    std::vector<std::string> shown, stems;
    for (std::size_t i = 0; i < words.size(); ++i) {
      auto [clause, as_shown] =
          word_clause(words[i], stem(words[i]), last_is_typed && i + 1 == words.size());
      const auto& best = clause.forms.front();
      stems.push_back(best.kind == Form::Kind::stem ? best.stems.front() : stem(words[i]));
      read.push_back(std::move(clause));
      shown.push_back(std::move(as_shown));
    }
    std::size_t i = 0;
    while (i < words.size()) {
      if (const auto synonym = synonyms_.match(stems, i)) {
        add_synonym_clause(shown, stems, i, *synonym);
        i += synonym->length;
        continue;
      }
      if (options_.join_and_split_words && i + 1 < words.size() &&
          lexicon_.frequency(words[i] + words[i + 1]) > 0) {
        const auto whole = words[i] + words[i + 1];
        plan_.clauses.push_back(
            Clause{words[i] + " " + words[i + 1],
                   {Form{Form::Kind::all_of, {stems[i], stems[i + 1]}}, stem_form(stem(whole))}});
        shown_.push_back(plan_.clauses.back().text);
        i += 2;
        continue;
      }
      plan_.clauses.push_back(std::move(read[i]));
      shown_.push_back(std::move(shown[i]));
      ++i;
    }
  }

  QueryPlan finish() {
    if (!plan_.corrections.empty()) plan_.corrected_text = joined(shown_, 0, shown_.size(), " ");
    return std::move(plan_);
  }

 private:
  void add_synonym_clause(const std::vector<std::string>& words,
                          const std::vector<std::string>& stems, std::size_t at,
                          const Synonyms::Match& synonym) {
    Clause clause{joined(words, at, synonym.length, " "), {}};
    clause.forms.push_back(
        phrase_form({stems.begin() + static_cast<std::ptrdiff_t>(at),
                     stems.begin() + static_cast<std::ptrdiff_t>(at + synonym.length)}));
    // A phrase scores about the sum of its words: an alternative of more
    // words than the typed phrase must not outweigh it for that alone.
    for (const auto& alternative : synonym.alternatives) {
      const double length_ratio =
          static_cast<double>(synonym.length) / static_cast<double>(alternative.size());
      clause.forms.push_back(
          phrase_form(alternative, options_.synonym_weight * std::min(1.0, length_ratio)));
    }
    shown_.push_back(clause.text);
    plan_.clauses.push_back(std::move(clause));
  }

  // A known word matches by its stem; an unknown one by how the products
  // spell it (split, or the nearest known words), falling back to its stem.
  // Returns the clause and the word to show in "did you mean".
  std::pair<Clause, std::string> word_clause(const std::string& word, const std::string& word_stem,
                                             bool may_be_prefix) {
    Clause clause{word, {}};
    std::string shown = word;
    const auto frequency = lexicon_.frequency(word);
    const bool finished = !options_.prefix_known_words && frequency > 0 && word.size() >= 4;
    const bool prefix = may_be_prefix && word.size() >= options_.prefix_min_length && !finished;
    bool completes = false;
    if (prefix) {
      const auto completions = lexicon_.completions(word, 2);
      completes = std::any_of(completions.begin(), completions.end(),
                              [&](const Lexicon::Word* found) { return found->text != word; });
    }
    if (frequency == 0 && !lexicon_.knows_stem(word_stem)) {
      if (has_digit(word)) {
        if (options_.join_and_split_words) add_split(clause, word);
      } else if (!completes) {
        shown = add_corrections(clause, word);
      }
    }
    if (clause.forms.empty()) {
      clause.forms.push_back(stem_form(word_stem));
      // Known only by its stem ("protecter" stems like "protect") or rare:
      // a far more common near word is more likely what was meant.
      if (frequency <= options_.rare_word_products && !has_digit(word) && !completes) {
        shown = add_common_near_words(clause, word, std::max<std::uint32_t>(frequency, 1));
      }
    }
    if (prefix) {
      clause.forms.push_back(Form{Form::Kind::prefix, {prefix_stem(word)}, options_.prefix_weight});
    }
    return {std::move(clause), shown};
  }

  void add_split(Clause& clause, const std::string& word) {
    const auto runs = letter_digit_runs(word);
    if (runs.size() < 2) return;
    std::vector<std::string> stems;
    for (const auto& run : runs) {
      if (lexicon_.frequency(run) == 0) return;
      stems.push_back(stem(run));
    }
    clause.forms.push_back(phrase_form(std::move(stems)));
  }

  // Adds the nearest known words; returns the word to show in "did you mean".
  std::string add_corrections(Clause& clause, const std::string& word) {
    const int budget = typo_budget(word.size());
    if (budget == 0 || options_.corrections_per_word == 0) return word;
    const auto near = lexicon_.near(word, budget, options_.corrections_per_word);
    if (near.empty()) return word;
    for (const auto& candidate : near) {
      if (candidate.edits != near.front().edits) break;
      clause.forms.push_back(stem_form(stem(candidate.word->text)));
    }
    plan_.corrections.push_back({word, near.front().word->text});
    return near.front().word->text;
  }

  // A rare word's near words that are far more common: searched too, and
  // ahead of the word as typed (the proximity bonus goes by the first form).
  // Returns the word to show in "did you mean".
  std::string add_common_near_words(Clause& clause, const std::string& word,
                                    std::uint32_t frequency) {
    const int budget = typo_budget(word.size());
    if (budget == 0 || options_.corrections_per_word == 0) return word;
    std::vector<Form> common;
    for (const auto& candidate : lexicon_.near(word, budget, options_.corrections_per_word)) {
      if (candidate.word->frequency < frequency * options_.common_word_ratio) continue;
      const auto candidate_stem = stem(candidate.word->text);
      if (candidate_stem == clause.forms.front().stems.front()) continue;  // the same word
      if (common.empty()) plan_.corrections.push_back({word, candidate.word->text});
      common.push_back(stem_form(candidate_stem));
    }
    if (common.empty()) return word;
    // A spelling no product uses matches other words of its stem only
    // ("protecter": "protection"): the near word is what was meant.
    if (lexicon_.frequency(word) == 0) clause.forms.clear();
    clause.forms.insert(clause.forms.begin(), common.begin(), common.end());
    return plan_.corrections.back().corrected;
  }

  const Lexicon& lexicon_;
  const Synonyms& synonyms_;
  const PlanOptions& options_;
  QueryPlan plan_;
  std::vector<std::string> shown_;  // the query as "did you mean" shows it
};

}  // namespace

QueryPlan plan_query(std::string_view text, const Lexicon& lexicon, const Synonyms& synonyms,
                     const PlanOptions& options) {
  const auto segments = segments_of(text);
  // Stopwords go unless nothing else is left ("the" alone is still a query).
  bool any_content = false;
  for (const auto& segment : segments) {
    for (const auto& word : analyse(segment.text))
      any_content |= segment.quoted || !is_stopword(word);
  }
  Planner planner(lexicon, synonyms, options);
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const auto words = analyse(segments[i].text);
    if (words.empty()) continue;
    if (segments[i].quoted) {
      planner.add_quoted(words);
      continue;
    }
    std::vector<std::string> kept;
    for (const auto& word : words) {
      if (!any_content || !is_stopword(word)) kept.push_back(word);
    }
    const bool last_segment = i + 1 == segments.size();
    const bool typed = options.prefix_last_word && last_segment && ends_in_word(text) &&
                       !kept.empty() && kept.back() == words.back();
    planner.add_free(kept, typed);
  }
  return planner.finish();
}

}  // namespace search
