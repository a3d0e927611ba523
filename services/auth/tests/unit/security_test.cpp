#include <gtest/gtest.h>

#include "pages/pages.h"
#include "security/password_hasher.h"

namespace auth {
namespace {

// Small parameters: the tests check behaviour, not cost.
Argon2Parameters fast() { return {.memory_kib = 1024, .iterations = 1, .parallelism = 1}; }

TEST(PasswordHasher, HashesWithArgon2idAndVerifies) {
  const PasswordHasher hasher(fast());
  const auto hash = hasher.hash("correct horse battery staple");
  EXPECT_TRUE(hash.starts_with("$argon2id$v=19$m=1024,t=1,p=1$")) << hash;
  EXPECT_TRUE(hasher.verify(hash, "correct horse battery staple"));
  EXPECT_FALSE(hasher.verify(hash, "correct horse battery stapler"));
  EXPECT_NE(hasher.hash("same"), hasher.hash("same")) << "a fresh salt every time";
  EXPECT_FALSE(hasher.verify("$2b$10$notargon", "x"));
  EXPECT_FALSE(hasher.needs_rehash(hash));
  const PasswordHasher stronger({.memory_kib = 2048, .iterations = 1, .parallelism = 1});
  EXPECT_TRUE(stronger.needs_rehash(hash));
  EXPECT_TRUE(stronger.verify(hash, "correct horse battery staple"))
      << "old hashes still verify until they are upgraded";
}

TEST(Pages, EscapeEverythingTheyShow) {
  EXPECT_EQ(escape_html("<script>alert('x')</script>&\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;");
  BrowserOutcome outcome;
  outcome.kind = BrowserOutcome::Kind::sign_in_page;
  outcome.client_name = "<b>Evil</b>";
  outcome.email = "\"><script>";
  outcome.pending_id = "abc";
  const auto html = render_page(outcome, "/api/auth", "hint");
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("<b>Evil"), std::string::npos);
  EXPECT_NE(html.find("/api/auth/oauth2/authorize/sign-in"), std::string::npos);
}

}  // namespace
}  // namespace auth
