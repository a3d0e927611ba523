#pragma once

#include <string>
#include <string_view>

#include "platform/html_text.h"
#include "provider/provider.h"

namespace auth {

// The provider's own pages, rendered on the server: no script runs on them,
// and every value from a request or the database is HTML-escaped. `base` is
// the issuer's path ("/api/auth"), under which forms post and the stylesheet
// lives.
std::string render_page(const BrowserOutcome& outcome, std::string_view base,
                        const std::string& password_hint);
std::string_view stylesheet();

// Every value a page shows goes through it.
using platform::escape_html;

}  // namespace auth
