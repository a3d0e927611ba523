#include "domain/synonyms.h"

#include <boost/json.hpp>

#include "domain/text_analysis.h"
#include "platform/error.h"
#include "platform/json.h"

namespace search {
namespace {

Synonyms::Stems stems_of(std::string_view phrase) {
  Synonyms::Stems stems;
  for (const auto& word : analyse(phrase)) stems.push_back(stem(word));
  return stems;
}

bool spells(const Synonyms::Stems& stems, std::size_t position, const Synonyms::Stems& phrase) {
  if (phrase.empty() || position + phrase.size() > stems.size()) return false;
  for (std::size_t i = 0; i < phrase.size(); ++i) {
    if (stems[position + i] != phrase[i]) return false;
  }
  return true;
}

}  // namespace

Synonyms::Synonyms(const std::vector<std::vector<std::string>>& groups) {
  for (const auto& group : groups) {
    std::vector<Stems> phrases;
    for (const auto& phrase : group) {
      auto stems = stems_of(phrase);
      if (!stems.empty()) phrases.push_back(std::move(stems));
    }
    if (phrases.size() >= 2) groups_.push_back(std::move(phrases));
  }
}

Synonyms Synonyms::from_json(std::string_view text) {
  const auto object = platform::json::parse_object(text);
  platform::json::ObjectReader reader(object);
  const auto* groups = reader.raw("groups");
  reader.finish();
  if (groups == nullptr || !groups->is_array()) {
    throw platform::invalid_field("groups", "groups must be an array of arrays of phrases");
  }
  std::vector<std::vector<std::string>> parsed;
  for (std::size_t i = 0; i < groups->as_array().size(); ++i) {
    const auto& group = groups->as_array()[i];
    const auto field = "groups[" + std::to_string(i) + "]";
    if (!group.is_array() || group.as_array().size() < 2) {
      throw platform::invalid_field(field, field + " must list at least two phrases");
    }
    auto& phrases = parsed.emplace_back();
    for (const auto& phrase : group.as_array()) {
      if (!phrase.is_string() || analyse(phrase.as_string()).empty()) {
        throw platform::invalid_field(field, field + " must hold phrases with words");
      }
      phrases.emplace_back(phrase.as_string());
    }
  }
  return Synonyms(parsed);
}

std::optional<Synonyms::Match> Synonyms::match(const Stems& stems, std::size_t position) const {
  std::optional<Match> best;
  for (const auto& group : groups_) {
    for (std::size_t spelt = 0; spelt < group.size(); ++spelt) {
      const auto& phrase = group[spelt];
      if (!spells(stems, position, phrase)) continue;
      if (best && best->length >= phrase.size()) continue;
      best = Match{phrase.size(), {}};
      for (std::size_t other = 0; other < group.size(); ++other) {
        if (other != spelt) best->alternatives.push_back(group[other]);
      }
    }
  }
  return best;
}

}  // namespace search
