// The pages a person sees: the authorization endpoint, the sign-in and
// sign-up forms and sign-out. Errors here are pages, not JSON: a browser
// is on the other end.
#include <boost/url/parse.hpp>

#include "api/routes.h"
#include "pages/pages.h"
#include "platform/http/client_address.h"
#include "platform/http/cookies.h"
#include "platform/http/form.h"

namespace auth {
namespace {

using platform::http::Request;
using platform::http::Response;
using Kind = BrowserOutcome::Kind;

constexpr const char* kSessionCookie = "auth_session";
constexpr const char* kFlowCookie = "auth_flow";

class BrowserResponder {
 public:
  explicit BrowserResponder(ApiContext& context)
      : context_(context),
        base_(issuer_path(context.provider.settings().issuer)),
        origin_(origin_of(context.provider.settings().issuer)),
        secure_(context.provider.settings().issuer.starts_with("https://")) {
    const auto& policy = context.provider.settings().password_policy;
    password_hint_ = "At least " + std::to_string(policy.min_length) +
                     " characters. A few unrelated words make a strong password.";
  }

  Response respond(const BrowserOutcome& outcome) const {
    Response response;
    if (outcome.kind == Kind::redirect) {
      response = Response::empty(outcome.status);
      response.headers.set("Location", outcome.location);
    } else {
      response = Response::text(outcome.status, render_page(outcome, base_, password_hint_),
                                "text/html; charset=utf-8");
      std::string form_action = "'self'";
      if (!outcome.redirect_origin.empty()) form_action += " " + outcome.redirect_origin;
      // The form's own redirect goes to the client: allow exactly its origin.
      response.headers.set("Content-Security-Policy",
                           "default-src 'none'; style-src 'self'; img-src 'self'; "
                           "form-action " +
                               form_action + "; frame-ancestors 'none'; base-uri 'none'");
      response.headers.set("X-Frame-Options", "DENY");
      response.headers.set("X-Content-Type-Options", "nosniff");
    }
    response.headers.set("Cache-Control", "no-store");
    // Not no-referrer: under it browsers send `Origin: null` with the
    // page's own form posts, which the origin check then refuses (the
    // storefront's sign-up failed so in Chromium). same-origin still sends
    // nothing to other sites, the client's included.
    response.headers.set("Referrer-Policy", "same-origin");
    const auto& settings = context_.provider.settings();
    if (!outcome.new_flow_binding.empty()) {
      response.headers.add(
          "Set-Cookie", platform::http::set_cookie(kFlowCookie, outcome.new_flow_binding,
                                                   cookie_options(settings.sign_in_page_lifetime)));
    }
    if (!outcome.new_session.empty()) {
      response.headers.add("Set-Cookie",
                           platform::http::set_cookie(kSessionCookie, outcome.new_session,
                                                      cookie_options(settings.session_lifetime)));
    } else if (outcome.clear_session) {
      response.headers.add(
          "Set-Cookie",
          platform::http::set_cookie(kSessionCookie, "", cookie_options(std::chrono::seconds(0))));
    }
    return response;
  }

  // Cross-site form posts are refused outright (login CSRF); the flow
  // cookie's binding would refuse them anyway.
  bool same_origin(const Request& request) const {
    const auto origin = request.header("Origin");
    return origin.empty() || origin == origin_;
  }

  BrowserOutcome refusal(int status, std::string message) const {
    BrowserOutcome outcome;
    outcome.kind = Kind::error_page;
    outcome.status = status;
    outcome.message = std::move(message);
    return outcome;
  }

  std::string address(const Request& request) const {
    return platform::http::client_address(request, context_.trusted_proxies);
  }

 private:
  platform::http::CookieOptions cookie_options(std::chrono::seconds max_age) const {
    platform::http::CookieOptions options;
    options.path = base_.empty() ? "/" : base_;
    options.max_age = max_age;
    options.secure = secure_;
    return options;
  }

  ApiContext& context_;
  std::string base_;
  std::string origin_;
  bool secure_;
  std::string password_hint_;
};

std::optional<platform::http::FormFields> form_of(const Request& request) {
  const auto type = request.header("Content-Type");
  if (type.substr(0, type.find(';')) != "application/x-www-form-urlencoded") return std::nullopt;
  return platform::http::parse_form(request.body);
}

std::string field(const platform::http::FormFields& form, std::string_view name) {
  return platform::http::single_field(form, name).value_or("");
}

}  // namespace

std::string issuer_path(const std::string& issuer) {
  const auto parsed = boost::urls::parse_absolute_uri(issuer);
  if (!parsed) return {};
  std::string path(parsed->encoded_path());
  while (!path.empty() && path.back() == '/') path.pop_back();
  return path;
}

void add_browser_routes(platform::http::Router& router, ApiContext& context) {
  auto responder = std::make_shared<BrowserResponder>(context);

  router.get(
      "/oauth2/authorize",
      [&context, responder](Request& request) {
        return responder->respond(context.provider.authorize(
            request.query, platform::http::cookie(request, kSessionCookie)));
      },
      platform::http::public_route());

  router.post(
      "/oauth2/authorize/sign-in",
      [&context, responder](Request& request) {
        const auto form = form_of(request);
        if (!form || !responder->same_origin(request)) {
          return responder->respond(responder->refusal(400, "The sign-in form was not valid."));
        }
        auto outcome = context.provider.sign_in(
            field(*form, "request"), platform::http::cookie(request, kFlowCookie),
            field(*form, "email"), field(*form, "password"), responder->address(request));
        context.sign_ins
            .with({outcome.kind == Kind::redirect ? "signed_in"
                   : outcome.status == 429        ? "throttled"
                   : outcome.status == 401        ? "refused"
                                                  : "invalid"})
            .increment();
        return responder->respond(outcome);
      },
      platform::http::public_route());

  router.get(
      "/oauth2/authorize/sign-up",
      [&context, responder](Request& request) {
        return responder->respond(context.provider.sign_up_page(
            std::string(request.query_parameter("request").value_or(""))));
      },
      platform::http::public_route());

  router.post(
      "/oauth2/authorize/sign-up",
      [&context, responder](Request& request) {
        const auto form = form_of(request);
        if (!form || !responder->same_origin(request)) {
          return responder->respond(responder->refusal(400, "The sign-up form was not valid."));
        }
        auto outcome = context.provider.sign_up(
            field(*form, "request"), platform::http::cookie(request, kFlowCookie),
            field(*form, "name"), field(*form, "email"), field(*form, "password"),
            responder->address(request));
        context.sign_ins.with({outcome.kind == Kind::redirect ? "signed_up" : "sign_up_refused"})
            .increment();
        return responder->respond(outcome);
      },
      platform::http::public_route());

  const auto logout = [&context, responder](Request& request) {
    auto parameters = request.query;
    if (request.method == platform::http::Method::post) {
      const auto form = form_of(request);
      if (!form)
        return responder->respond(responder->refusal(400, "The sign-out form was not valid."));
      parameters = *form;
    }
    return responder->respond(
        context.provider.end_session(parameters, platform::http::cookie(request, kSessionCookie)));
  };
  router.get("/oauth2/logout", logout, platform::http::public_route());
  router.post("/oauth2/logout", logout, platform::http::public_route());

  router.get(
      "/assets/auth.css",
      [](Request&) {
        auto response = Response::text(200, std::string(stylesheet()), "text/css; charset=utf-8");
        response.headers.set("Cache-Control", "public, max-age=3600");
        return response;
      },
      platform::http::inline_route());
}

}  // namespace auth
