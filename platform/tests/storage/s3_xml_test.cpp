#include "storage/s3_xml.h"

#include <gtest/gtest.h>

namespace platform::storage::s3_xml {
namespace {

TEST(S3Xml, FindsTheFirstElementAndDecodesItsText) {
  const std::string document =
      "<?xml version=\"1.0\"?><InitiateMultipartUploadResult><Bucket>b</Bucket>"
      "<Key>a&amp;b</Key><UploadId>VXBsb2FkIElE&#x2D;&#45;&quot;x&quot;</UploadId>"
      "</InitiateMultipartUploadResult>";
  EXPECT_EQ(element_text(document, "UploadId"), "VXBsb2FkIElE--\"x\"");
  EXPECT_EQ(element_text(document, "Key"), "a&b");
  EXPECT_EQ(element_text(document, "Missing"), std::nullopt);
  EXPECT_EQ(element_text("<Code>unclosed", "Code"), std::nullopt);
}

TEST(S3Xml, KeepsWhatIsNotAnEntityAsWritten) {
  EXPECT_EQ(element_text("<M>a & b &bogus; &#xZZ; &#1114112;</M>", "M"),
            "a & b &bogus; &#xZZ; &#1114112;");
  EXPECT_EQ(element_text("<M>&#233;&#x1F4F7;</M>", "M"), "\xc3\xa9\xf0\x9f\x93\xb7");
}

}  // namespace
}  // namespace platform::storage::s3_xml
