#pragma once

#include <memory>
#include <string_view>

#include "domain/synonyms.h"
#include "platform/config.h"
#include "platform/embedded_file.h"
#include "search_service.h"

namespace search {

// The demo shop's synonyms (compiled in from synonyms.json).
std::vector<platform::EmbeddedFile> default_synonyms();

// The search service's settings, read from the environment by its own
// executable and by apps/shop alike: SEARCH_INDEX_DIR, the ranking weights,
// the synonyms file. `default_index_directory` differs between the two.
SearchServiceOptions read_search_options(platform::Config& config,
                                         std::string_view default_index_directory);

// SEARCH_SYNONYMS_FILE, or the compiled-in synonyms. Throws
// platform::Error(invalid_argument) for a file that is not a synonyms document.
std::shared_ptr<const Synonyms> read_synonyms(platform::Config& config);

}  // namespace search
