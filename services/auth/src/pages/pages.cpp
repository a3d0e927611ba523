#include "pages/pages.h"

namespace auth {
namespace {

using Kind = BrowserOutcome::Kind;

std::string layout(std::string_view base, std::string_view title, const std::string& body) {
  std::string html =
      "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>";
  html += escape_html(title);
  html += " · Shop</title><link rel=\"stylesheet\" href=\"";
  html += escape_html(base);
  html += "/assets/auth.css\"></head><body><main class=\"card\">";
  html += body;
  html += "</main></body></html>\n";
  return html;
}

std::string message_block(const BrowserOutcome& outcome) {
  if (outcome.message.empty()) return {};
  return "<p class=\"message\" role=\"alert\">" + escape_html(outcome.message) + "</p>";
}

std::string subtitle(const BrowserOutcome& outcome) {
  if (outcome.client_name.empty()) return {};
  return "<p class=\"subtitle\">to continue to " + escape_html(outcome.client_name) + "</p>";
}

std::string hidden_request(const BrowserOutcome& outcome) {
  return "<input type=\"hidden\" name=\"request\" value=\"" + escape_html(outcome.pending_id) +
         "\">";
}

std::string sign_in(const BrowserOutcome& outcome, std::string_view base) {
  const std::string action = escape_html(base) + "/oauth2/authorize/sign-in";
  const std::string sign_up_link =
      escape_html(base) + "/oauth2/authorize/sign-up?request=" + escape_html(outcome.pending_id);
  return layout(base, "Sign in",
                "<h1>Sign in</h1>" + subtitle(outcome) + message_block(outcome) +
                    "<form method=\"post\" action=\"" + action + "\">" + hidden_request(outcome) +
                    "<label for=\"email\">Email</label>"
                    "<input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"username\" "
                    "required value=\"" +
                    escape_html(outcome.email) +
                    "\">"
                    "<label for=\"password\">Password</label>"
                    "<input id=\"password\" name=\"password\" type=\"password\" "
                    "autocomplete=\"current-password\" required>"
                    "<button type=\"submit\">Sign in</button></form>"
                    "<p class=\"switch\">New here? <a href=\"" +
                    sign_up_link + "\">Create an account</a></p>");
}

std::string sign_up(const BrowserOutcome& outcome, std::string_view base,
                    const std::string& password_hint) {
  const std::string action = escape_html(base) + "/oauth2/authorize/sign-up";
  return layout(
      base, "Create an account",
      "<h1>Create an account</h1>" + subtitle(outcome) + message_block(outcome) +
          "<form method=\"post\" action=\"" + action + "\">" + hidden_request(outcome) +
          "<label for=\"name\">Name</label>"
          "<input id=\"name\" name=\"name\" autocomplete=\"name\" required maxlength=\"200\">"
          "<label for=\"email\">Email</label>"
          "<input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"email\" required "
          "value=\"" +
          escape_html(outcome.email) +
          "\">"
          "<label for=\"password\">Password</label>"
          "<input id=\"password\" name=\"password\" type=\"password\" "
          "autocomplete=\"new-password\" required>"
          "<p class=\"hint\">" +
          escape_html(password_hint) +
          "</p><button type=\"submit\">Create account</button></form>");
}

}  // namespace

std::string render_page(const BrowserOutcome& outcome, std::string_view base,
                        const std::string& password_hint) {
  switch (outcome.kind) {
    case Kind::sign_in_page:
      return sign_in(outcome, base);
    case Kind::sign_up_page:
      return sign_up(outcome, base, password_hint);
    case Kind::signed_out_page:
      return layout(base, "Signed out",
                    "<h1>You are signed out</h1><p>You can close this page.</p>");
    case Kind::error_page:
    case Kind::redirect:
      break;
  }
  return layout(base, "Something went wrong",
                "<h1>Something went wrong</h1>" + message_block(outcome));
}

std::string_view stylesheet() {
  return R"css(:root { color-scheme: light dark; font-family: system-ui, sans-serif; }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f4f4f5; }
.card { width: min(24rem, 92vw); padding: 2rem; border-radius: 12px; background: #fff;
  box-shadow: 0 1px 3px rgb(0 0 0 / 0.15); }
h1 { margin: 0 0 0.25rem; font-size: 1.5rem; }
.subtitle { margin: 0 0 1.5rem; color: #52525b; }
label { display: block; margin: 1rem 0 0.25rem; font-weight: 600; }
input { box-sizing: border-box; width: 100%; padding: 0.6rem; font: inherit;
  border: 1px solid #a1a1aa; border-radius: 6px; }
button { width: 100%; margin-top: 1.5rem; padding: 0.7rem; font: inherit; font-weight: 600;
  color: #fff; background: #18181b; border: 0; border-radius: 6px; cursor: pointer; }
.message { padding: 0.6rem; color: #7f1d1d; background: #fee2e2; border-radius: 6px; }
.hint { color: #52525b; font-size: 0.875rem; }
.switch { margin-top: 1.25rem; text-align: center; }
@media (prefers-color-scheme: dark) {
  body { background: #18181b; } .card { background: #27272a; color: #f4f4f5; }
  .subtitle, .hint { color: #a1a1aa; } button { background: #f4f4f5; color: #18181b; }
  input { background: #18181b; color: #f4f4f5; }
}
)css";
}

}  // namespace auth
