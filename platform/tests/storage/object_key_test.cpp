#include <gtest/gtest.h>

#include "platform/error.h"
#include "platform/storage/object_store.h"

namespace platform::storage {
namespace {

TEST(ObjectKey, AcceptsTheKeysServicesMake) {
  for (const auto& key : std::vector<std::string>{
           "a", "originals/9f/86/9f86d081884c7d65.jpg", "variants/x/w640-webp-q80.webp",
           ".hidden-but-harmless", "a-b_c.d/E9", std::string(512, 'k')}) {
    EXPECT_NO_THROW(check_object_key(key)) << key;
  }
}

TEST(ObjectKey, RefusesWhatCouldLeaveTheRootOrConfuseAStore) {
  for (const auto& key : std::vector<std::string>{
           "", "/a", "a/", "a//b", ".", "..", "a/../b", "./a", "a\\b", "a b", "a?b", "a#b", "a%2Fb",
           "\xc3\xa9", std::string(513, 'k'), std::string("a\0b", 3)}) {
    try {
      check_object_key(key);
      ADD_FAILURE() << "accepted '" << key << "'";
    } catch (const Error& error) {
      EXPECT_EQ(error.kind(), ErrorKind::invalid_argument);
      EXPECT_EQ(error.code(), "bad-object-key");
    }
  }
}

}  // namespace
}  // namespace platform::storage
