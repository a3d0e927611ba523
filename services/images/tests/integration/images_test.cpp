#include <sys/resource.h>

#include <boost/json.hpp>
#include <thread>
#include <vips/vips8>

#include "images_fixture.h"
#include "platform/files.h"
#include "platform/testing/openapi.h"

namespace images::testing {
namespace {

using platform::http::Headers;

std::string id_of(const Reply& reply) {
  return reply.body.is_object() ? std::string(reply.body.at("id").as_string()) : std::string();
}

Headers with(std::string_view name, std::string_view value) {
  Headers headers;
  headers.set(name, value);
  return headers;
}

std::string metric_line(const std::string& text, const std::string& series) {
  const auto at = text.find(series + " ");
  if (at == std::string::npos) return series + " absent";
  return text.substr(at, text.find('\n', at) - at);
}

long peak_resident_kilobytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

class Uploads : public ImagesTest {};

TEST_P(Uploads, AJpegIsStoredAndDescribed) {
  const auto reply = upload(make_picture(800, 600, ".jpg"));
  ASSERT_EQ(reply.status, 201) << boost::json::serialize(reply.body);
  const auto& body = reply.body.as_object();
  EXPECT_EQ(body.at("format"), "jpeg");
  EXPECT_EQ(body.at("stored_format"), "jpeg");
  EXPECT_EQ(body.at("width"), 800);
  EXPECT_EQ(body.at("height"), 600);
  EXPECT_EQ(body.at("has_alpha"), false);
  EXPECT_GT(body.at("bytes").as_int64(), 0);
  // Mostly the gradient's middle: red and green halfway, blue low.
  const std::string colour(body.at("dominant_color").as_string());
  ASSERT_EQ(colour.size(), 7U);
  EXPECT_EQ(colour[0], '#');
  EXPECT_EQ(reply.headers.get("Location"), "/v1/images/" + id_of(reply));
  const auto metadata = get("/v1/images/" + id_of(reply) + "/metadata");
  EXPECT_EQ(metadata.status, 200);
  EXPECT_EQ(metadata.body, reply.body);
  EXPECT_EQ(stored_files(), (std::vector<std::string>{"originals/" + id_of(reply).substr(0, 2) +
                                                      "/" + id_of(reply)}));
}

TEST_P(Uploads, TheSamePictureTwiceIsKeptOnce) {
  const auto picture = make_picture(320, 240, ".png");
  const auto first = upload(picture, "image/png");
  const auto second = upload(picture, "image/png");
  ASSERT_EQ(first.status, 201);
  EXPECT_EQ(second.status, 200);
  EXPECT_EQ(id_of(first), id_of(second));
  EXPECT_EQ(stored_files().size(), 1U);
}

TEST_P(Uploads, EveryAcceptedFormatIsReadFromItsBytes) {
  const std::vector<std::pair<std::string, std::string>> formats = {
      {".png", "png"}, {".webp", "webp"}, {".gif", "gif"}, {".avif", "avif"}};
  for (const auto& [suffix, name] : formats) {
    SCOPED_TRACE(name);
    // Declared as something else: the bytes decide.
    const auto reply = upload(make_picture(64, 48, suffix.c_str()), "image/jpeg");
    ASSERT_EQ(reply.status, 201) << boost::json::serialize(reply.body);
    EXPECT_EQ(reply.body.at("format").as_string(), name);
    EXPECT_EQ(reply.body.at("width"), 64);
    EXPECT_EQ(reply.body.at("height"), 48);
  }
}

TEST_P(Uploads, TransparencyIsKeptAsPng) {
  const auto reply = upload(make_picture(100, 100, ".webp", true), "image/webp");
  ASSERT_EQ(reply.status, 201) << boost::json::serialize(reply.body);
  EXPECT_EQ(reply.body.at("has_alpha"), true);
  EXPECT_EQ(reply.body.at("stored_format"), "png");
}

TEST_P(Uploads, AFormFieldNamedFileCarriesThePicture) {
  const auto picture = make_picture(120, 80, ".jpg");
  const std::string body =
      "--frontier\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\n"
      "a lantern\r\n--frontier\r\nContent-Disposition: form-data; "
      "name=\"file\"; filename=\"lantern.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n" +
      picture + "\r\n--frontier--\r\n";
  const auto reply = upload(body, "multipart/form-data; boundary=frontier");
  ASSERT_EQ(reply.status, 201) << boost::json::serialize(reply.body);
  EXPECT_EQ(reply.body.at("width"), 120);
  expect_problem(upload("--frontier\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\nx\r\n"
                        "--frontier--",
                        "multipart/form-data; boundary=frontier"),
                 400, "invalid-field");
  expect_problem(upload("--frontier\r\nno end", "multipart/form-data; boundary=frontier"), 400,
                 "malformed-form");
}

TEST_P(Uploads, ThePictureIsTurnedUprightAndItsMetadataDropped) {
  auto exif_photo = make_rotated_jpeg(300, 200);
  const auto reply = upload(exif_photo);
  ASSERT_EQ(reply.status, 201) << boost::json::serialize(reply.body);
  EXPECT_EQ(reply.body.at("width"), 200);
  EXPECT_EQ(reply.body.at("height"), 300);
  const auto stored = platform::read_file(directory_.path() / "store" / stored_files().front());
  const auto image = vips::VImage::new_from_buffer(stored.data(), stored.size(), "");
  EXPECT_EQ(image.get_typeof("exif-data"), 0U) << "EXIF kept";
  EXPECT_EQ(image.get_typeof("orientation"), 0U) << "orientation kept";
  EXPECT_EQ(image.width(), 200);
  // The blue block was in the stored upper left; upright it is upper right.
  const auto upper_right = image.getpoint(190, 10);
  const auto upper_left = image.getpoint(10, 10);
  EXPECT_GT(upper_right[2], 200) << "rotated the wrong way";
  EXPECT_LT(upper_left[2], 100);
}

class BadUploads : public ImagesTest {};

TEST_P(BadUploads, ATruncatedFileIsRefusedAndNothingIsKept) {
  const auto picture = make_picture(640, 480, ".jpg");
  expect_problem(upload(picture.substr(0, picture.size() / 2)), 422, "unreadable-image");
  const auto png = make_picture(640, 480, ".png");
  expect_problem(upload(png.substr(0, png.size() - 40), "image/png"), 422, "unreadable-image");
  EXPECT_TRUE(stored_files().empty());
}

TEST_P(BadUploads, WhatIsNoPictureOrNotSentAsOneIsRefused) {
  expect_problem(upload("just some text, no picture", "image/png"), 415,
                 "unsupported-image-format");
  expect_problem(upload(make_picture(10, 10, ".jpg"), "text/plain"), 415, "unsupported-media-type");
  expect_problem(upload(make_picture(10, 10, ".jpg"), "application/json"), 415,
                 "unsupported-media-type");
  expect_problem(upload("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "image/svg+xml"), 415,
                 "unsupported-image-format");
  EXPECT_TRUE(stored_files().empty());
}

TEST_P(BadUploads, ADecompressionBombIsRefusedBeforeAnyPixelIsDecoded) {
  const auto bomb = make_png_bomb(20000, 20000);
  ASSERT_LT(bomb.size(), 200U);
  const auto peak_before = peak_resident_kilobytes();
  expect_problem(upload(bomb, "image/png"), 413, "image-too-large");
  // Decoding would need 1.2 GB; the peak of the whole test process moves
  // by far less.
  EXPECT_LT(peak_resident_kilobytes() - peak_before, 100 * 1024);
  EXPECT_TRUE(stored_files().empty());
}

TEST_P(BadUploads, ZeroBytesAndHugeBodiesAreRefused) {
  expect_problem(upload("", "image/jpeg"), 400, "empty-upload");
  ImagesServiceOptions options;
  options.max_upload_bytes = 256 << 10;
  start(options);
  const auto reply = upload(std::string(300 << 10, '\xFF'), "image/jpeg");
  EXPECT_EQ(reply.status, 413);
  EXPECT_EQ(reply.content_type, "application/problem+json");
  EXPECT_TRUE(stored_files().empty());
}

TEST_P(BadUploads, OnlyAdminsUpload) {
  const auto picture = make_picture(10, 10, ".jpg");
  acting_as("");
  expect_problem(upload(picture), 401, "unauthenticated");
  acting_as(issuer_.user_token("0190d5a0-0000-7000-8000-00000000c0c0"));
  expect_problem(upload(picture), 403, "forbidden");
  EXPECT_TRUE(stored_files().empty());
}

class Delivery : public ImagesTest {
 protected:
  void SetUp() override {
    ImagesTest::SetUp();
    if (IsSkipped()) return;
    const auto reply = upload(make_picture(800, 600, ".jpg"));
    ASSERT_EQ(reply.status, 201);
    id_ = id_of(reply);
  }
  std::string path(const std::string& query = {}) const {
    return "/v1/images/" + id_ + (query.empty() ? "" : "?" + query);
  }
  std::string rendered_count() const {
    return metric_line(registry_->render(), "images_deliveries_total{source=\"rendered\"}");
  }

  std::string id_;
};

TEST_P(Delivery, TheOriginalIsServedAsStoredAndCacheableForever) {
  const auto picture = fetch(path());
  ASSERT_EQ(picture.status, 200);
  EXPECT_EQ(picture.headers.get("Content-Type"), "image/jpeg");
  EXPECT_EQ(picture.body,
            platform::read_file(directory_.path() / "store" / stored_files().front()));
  EXPECT_EQ(picture.headers.get("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(picture.headers.get("Accept-Ranges"), "bytes");
  EXPECT_FALSE(picture.headers.get("ETag").empty());
  EXPECT_FALSE(picture.headers.contains("Vary"));
}

TEST_P(Delivery, VariantsHaveTheSizeAskedForAndNeverGrow) {
  EXPECT_EQ(size_of(fetch(path("w=320")).body), (std::pair{320, 240}));
  EXPECT_EQ(size_of(fetch(path("h=160")).body), (std::pair{213, 160}));
  EXPECT_EQ(size_of(fetch(path("preset=card")).body), (std::pair{320, 320}));
  EXPECT_EQ(size_of(fetch(path("w=480&h=320&fit=contain")).body), (std::pair{480, 320}));
  EXPECT_EQ(size_of(fetch(path("w=640&h=640&fit=cover")).body), (std::pair{640, 600}));
  EXPECT_EQ(size_of(fetch(path("preset=zoom")).body), (std::pair{800, 600}));
}

TEST_P(Delivery, TheFormatFollowsAcceptUnlessTheUrlNamesOne) {
  const auto avif = fetch(path("w=320"), with("Accept", "image/avif,image/webp,*/*;q=0.8"));
  EXPECT_EQ(avif.headers.get("Content-Type"), "image/avif");
  EXPECT_EQ(avif.headers.get("Vary"), "Accept");
  EXPECT_EQ(sniff_format(avif.body), ImageFormat::avif);
  const auto webp = fetch(path("w=320"), with("Accept", "image/webp,*/*"));
  EXPECT_EQ(sniff_format(webp.body), ImageFormat::webp);
  const auto plain = fetch(path("w=320"), with("Accept", "*/*"));
  EXPECT_EQ(sniff_format(plain.body), ImageFormat::jpeg);
  EXPECT_EQ(plain.headers.get("Content-Type"), "image/jpeg");
  const auto png = fetch(path("w=320&format=png"), with("Accept", "image/webp"));
  EXPECT_EQ(sniff_format(png.body), ImageFormat::png);
  EXPECT_FALSE(png.headers.contains("Vary"));
  EXPECT_NE(avif.headers.get("ETag"), webp.headers.get("ETag"));
}

TEST_P(Delivery, AVariantIsRenderedOnceThenServedFromTheStoreAndMemory) {
  const auto first = fetch(path("w=640&format=webp"));
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(rendered_count(), "images_deliveries_total{source=\"rendered\"} 1");
  const auto files = stored_files();
  EXPECT_EQ(files.size(), 2U);
  EXPECT_NE(std::find_if(
                files.begin(), files.end(),
                [](const std::string& file) { return file.ends_with("/w640-h0-inside-q80.webp"); }),
            files.end());
  EXPECT_EQ(fetch(path("w=640&format=webp")).body, first.body);
  EXPECT_EQ(metric_line(registry_->render(), "images_deliveries_total{source=\"memory\"}"),
            "images_deliveries_total{source=\"memory\"} 1");
  // A new process (nothing in memory) takes it from the store.
  start({});
  EXPECT_EQ(fetch(path("w=640&format=webp")).body, first.body);
  EXPECT_EQ(metric_line(registry_->render(), "images_deliveries_total{source=\"store\"}"),
            "images_deliveries_total{source=\"store\"} 1");
  EXPECT_EQ(rendered_count(), "images_deliveries_total{source=\"rendered\"} absent");
}

TEST_P(Delivery, ManyFirstRequestsAtOnceRenderOnce) {
  std::vector<std::thread> threads;
  std::vector<Picture> pictures(8);
  for (std::size_t i = 0; i < pictures.size(); ++i) {
    threads.emplace_back([&, i] { pictures[i] = fetch(path("w=480&format=webp&q=70")); });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& picture : pictures) {
    EXPECT_EQ(picture.status, 200);
    EXPECT_EQ(picture.body, pictures.front().body);
  }
  EXPECT_EQ(rendered_count(), "images_deliveries_total{source=\"rendered\"} 1");
}

TEST_P(Delivery, ConditionalAndRangeRequests) {
  const auto whole = fetch(path("w=320&format=jpeg"));
  ASSERT_EQ(whole.status, 200);
  const auto etag = std::string(whole.headers.get("ETag"));
  const auto unchanged = fetch(path("w=320&format=jpeg"), with("If-None-Match", etag));
  EXPECT_EQ(unchanged.status, 304);
  EXPECT_TRUE(unchanged.body.empty());
  EXPECT_EQ(unchanged.headers.get("ETag"), etag);
  const auto part = fetch(path("w=320&format=jpeg"), with("Range", "bytes=0-99"));
  EXPECT_EQ(part.status, 206);
  EXPECT_EQ(part.body, whole.body.substr(0, 100));
  EXPECT_EQ(part.headers.get("Content-Range"), "bytes 0-99/" + std::to_string(whole.body.size()));
  const auto tail = fetch(path("w=320&format=jpeg"), with("Range", "bytes=-10"));
  EXPECT_EQ(tail.body, whole.body.substr(whole.body.size() - 10));
  const auto beyond = fetch(path("w=320&format=jpeg"), with("Range", "bytes=99999999-"));
  EXPECT_EQ(beyond.status, 416);
  EXPECT_EQ(beyond.headers.get("Content-Range"), "bytes */" + std::to_string(whole.body.size()));
}

TEST_P(Delivery, BadIdsAndParametersAreProblems) {
  expect_problem(get("/v1/images/not-an-id"), 404, "image-not-found");
  expect_problem(get("/v1/images/" + std::string(64, 'a')), 404, "image-not-found");
  expect_problem(get("/v1/images/" + std::string(64, 'a') + "/metadata"), 404, "image-not-found");
  const auto odd = get(path("w=641"));
  expect_problem(odd, 400, "invalid-field");
  EXPECT_EQ(odd.body.at("field"), "w");
  expect_problem(get(path("w=320&sig=abc")), 400, "invalid-field");
  expect_problem(get(path("colour=red")), 400, "invalid-field");
  EXPECT_EQ(stored_files().size(), 1U) << "nothing rendered for a bad request";
}

TEST_P(Delivery, SignedUrlsOpenOtherSizes) {
  ImagesServiceOptions options;
  options.url_signing_key = "test-signing-key";
  start(options);
  const Variant odd{333, 0, Fit::inside, 77, ImageFormat::webp};
  const auto sig = signature_of("test-signing-key", id_, odd);
  const auto signed_picture = fetch(path("w=333&q=77&format=webp&sig=" + sig));
  ASSERT_EQ(signed_picture.status, 200);
  EXPECT_EQ(size_of(signed_picture.body).first, 333);
  expect_problem(get(path("w=334&q=77&format=webp&sig=" + sig)), 403, "bad-url-signature");
}

class Contract : public ImagesTest {};

TEST_P(Contract, EveryRouteIsDocumentedWithItsAccess) {
  platform::testing::expect_router_matches_document(service_->routes(),
                                                    openapi_document().front().content);
}

TEST_P(Contract, ServesItsDocumentAndOperationalRoutes) {
  platform::testing::expect_operational_routes(url(""));
}

const auto backends = ::testing::ValuesIn(platform::testing::database_backends());
INSTANTIATE_TEST_SUITE_P(Backends, Uploads, backends, mode_name);
INSTANTIATE_TEST_SUITE_P(Backends, BadUploads, backends, mode_name);
INSTANTIATE_TEST_SUITE_P(Backends, Delivery, backends, mode_name);
INSTANTIATE_TEST_SUITE_P(Backends, Contract, backends, mode_name);

}  // namespace
}  // namespace images::testing
