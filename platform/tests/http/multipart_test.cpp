#include "platform/http/multipart.h"

#include <gtest/gtest.h>

namespace platform::http {
namespace {

TEST(MultipartBoundary, IsReadFromTheContentType) {
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxk"),
            "----WebKitFormBoundary7MA4YWxk");
  EXPECT_EQ(multipart_boundary("Multipart/Form-Data; charset=utf-8; boundary=\"a b;c\""), "a b;c");
  EXPECT_EQ(multipart_boundary("multipart/mixed; boundary=x"), std::nullopt);
  EXPECT_EQ(multipart_boundary("multipart/form-data"), std::nullopt);
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary="), std::nullopt);
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=" + std::string(71, 'b')),
            std::nullopt);
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=\"unclosed"), std::nullopt);
}

TEST(ParseMultipart, SplitsFieldsAndFilesKeepingBinaryBodies) {
  const std::string file("\x89PNG\r\n--not-the-boundary\r\n\0\xff", 27);
  const std::string body =
      "preamble to ignore\r\n--XyZ\r\n"
      "Content-Disposition: form-data; name=\"title\"\r\n\r\n"
      "Red lantern\r\n--XyZ\r\n"
      "Content-Disposition: form-data; name=\"file\"; filename=\"a \\\"b\\\".png\"\r\n"
      "Content-Type: image/png\r\n\r\n" +
      file + "\r\n--XyZ--\r\nepilogue";
  const auto parts = parse_multipart(body, "XyZ");
  ASSERT_TRUE(parts);
  ASSERT_EQ(parts->size(), 2U);
  EXPECT_EQ((*parts)[0].name, "title");
  EXPECT_EQ((*parts)[0].filename, "");
  EXPECT_EQ((*parts)[0].content_type, "text/plain");
  EXPECT_EQ((*parts)[0].body, "Red lantern");
  EXPECT_EQ((*parts)[1].name, "file");
  EXPECT_EQ((*parts)[1].filename, "a \"b\".png");
  EXPECT_EQ((*parts)[1].content_type, "image/png");
  EXPECT_EQ((*parts)[1].body, file);
}

TEST(ParseMultipart, AnEmptyFormHasNoParts) {
  EXPECT_EQ(parse_multipart("--b--\r\n", "b"), std::vector<FormPart>{});
}

TEST(ParseMultipart, RefusesMalformedBodies) {
  const std::string part = "Content-Disposition: form-data; name=\"f\"\r\n\r\nx";
  for (const auto& body : std::vector<std::string>{
           "",                                                       // nothing
           "no delimiter at all",                                    // no opening delimiter
           "--b\r\n" + part,                                         // never closed
           "--b\r\n" + part + "\r\n--b",                             // closing "--" missing
           "--b\r\nContent-Disposition: form-data; name=\"f\"\r\n",  // headers never end
           "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--",      // no name
           "--b\r\nContent-Disposition: attachment; name=\"f\"\r\n\r\nx\r\n--b--",
           "--b\r\nnot a header\r\n\r\nx\r\n--b--",
           "--bjunk\r\n" + part + "\r\n--b--",
       }) {
    EXPECT_EQ(parse_multipart(body, "b"), std::nullopt) << body;
  }
}

TEST(ParseMultipart, StopsAtTheLimitOfParts) {
  std::string body;
  for (int i = 0; i < 5; ++i)
    body += "--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nx\r\n";
  body += "--b--";
  EXPECT_TRUE(parse_multipart(body, "b", 5));
  EXPECT_EQ(parse_multipart(body, "b", 4), std::nullopt);
}

}  // namespace
}  // namespace platform::http
