#include "images_fixture.h"

#include <glib.h>

#include <filesystem>
#include <vips/vips8>

#include "processing/vips_runtime.h"

namespace images::testing {

void ImagesTest::start(ImagesServiceOptions options) {
  start_vips(1);
  if (server_) server_->stop(std::chrono::seconds(2));
  server_.reset();
  service_.reset();
  if (!database_) {
    database_ = platform::testing::open_fresh_database(GetParam());
    if (!database_) GTEST_SKIP() << "backend not configured";
    ImagesService::migrate(database_->database());
  }
  if (!store_) {
    store_ =
        std::make_unique<platform::storage::FilesystemObjectStore>(directory_.path() / "store");
  }
  registry_ = std::make_unique<platform::metrics::Registry>();
  service_ = std::make_unique<ImagesService>(database_->database(), *store_, *registry_,
                                             issuer_.verifier(), std::move(options));
  platform::http::ServerOptions server_options;
  server_options.service = "images-test";
  server_options.access_log = false;
  server_ =
      std::make_unique<platform::http::Server>(server_options, service_->routes(), *registry_);
  server_->start();
  api_.set_base_url("http://127.0.0.1:" + std::to_string(server_->port()));
  api_.acting_as(issuer_.admin_token());
}

void ImagesTest::TearDown() {
  if (server_) server_->stop(std::chrono::seconds(2));
  server_.reset();
  service_.reset();
  database_.reset();
}

Reply ImagesTest::upload(const std::string& bytes, const std::string& content_type) {
  return call(platform::http::Method::post, "/v1/images", bytes, content_type);
}

Picture ImagesTest::fetch(const std::string& path, platform::http::Headers headers) {
  const auto response = raw_client_.send(
      {platform::http::Method::get, url(path), std::move(headers), {}, std::nullopt});
  return {response.status, response.headers, response.body};
}

std::vector<std::string> ImagesTest::stored_files() const {
  std::vector<std::string> files;
  const auto root = directory_.path() / "store";
  if (!std::filesystem::exists(root)) return files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) files.push_back(entry.path().lexically_relative(root).string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

namespace {

std::string buffer_of(const vips::VImage& image, const char* suffix,
                      vips::VOption* options = nullptr) {
  void* buffer = nullptr;
  std::size_t size = 0;
  image.write_to_buffer(suffix, &buffer, &size, options);
  std::string bytes(static_cast<const char*>(buffer), size);
  g_free(buffer);
  return bytes;
}

vips::VImage picture_image(int width, int height, bool alpha) {
  using vips::VImage;
  // Red rises left to right, green top to bottom; a blue block sits in the
  // upper left quarter.
  auto x = VImage::xyz(width, height)[0] * (255.0 / std::max(width - 1, 1));
  auto y = VImage::xyz(width, height)[1] * (255.0 / std::max(height - 1, 1));
  auto block =
      (VImage::xyz(width, height)[0] < width / 4) & (VImage::xyz(width, height)[1] < height / 4);
  auto blue = block.ifthenelse(255, 40);
  auto image = x.bandjoin(y).bandjoin(blue).cast(VIPS_FORMAT_UCHAR);
  image = image.copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));
  if (alpha)
    image = image.bandjoin(
        (VImage::xyz(width, height)[0] < width / 2).ifthenelse(255, 0).cast(VIPS_FORMAT_UCHAR));
  return image;
}

std::uint32_t crc32_of(std::string_view bytes) {
  std::uint32_t crc = 0xFFFFFFFFU;
  for (const char c : bytes) {
    crc ^= static_cast<unsigned char>(c);
    for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320U & (0U - (crc & 1U)));
  }
  return ~crc;
}

std::string big_endian(std::uint32_t value) {
  return {static_cast<char>(value >> 24), static_cast<char>(value >> 16),
          static_cast<char>(value >> 8), static_cast<char>(value)};
}

std::string png_chunk(std::string_view type, std::string_view data) {
  const std::string typed = std::string(type) + std::string(data);
  return big_endian(static_cast<std::uint32_t>(data.size())) + typed + big_endian(crc32_of(typed));
}

}  // namespace

std::string make_picture(int width, int height, const char* suffix, bool alpha) {
  return buffer_of(picture_image(width, height, alpha), suffix);
}

std::string make_rotated_jpeg(int stored_width, int stored_height) {
  auto image = picture_image(stored_width, stored_height, false).copy();
  image.set("orientation", 6);
  return buffer_of(image, ".jpg");
}

std::string make_png_bomb(int width, int height) {
  const std::string header = big_endian(static_cast<std::uint32_t>(width)) +
                             big_endian(static_cast<std::uint32_t>(height)) +
                             std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB
  // A zlib stream of zeros: row after row of black, as far as it goes.
  const std::string pixels("\x78\x9c\x63\x60\x18\x05\xa3\x60\x14\x0c\x77\x00\x00", 13);
  return std::string("\x89PNG\r\n\x1A\n", 8) + png_chunk("IHDR", header) +
         png_chunk("IDAT", pixels) + png_chunk("IEND", "");
}

std::pair<int, int> size_of(const std::string& picture) {
  const auto image = vips::VImage::new_from_buffer(picture.data(), picture.size(), "");
  return {image.width(), image.height()};
}

}  // namespace images::testing
