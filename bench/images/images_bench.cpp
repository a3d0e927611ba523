// The images benchmark's own steps (bench/images/run.sh):
//   images_bench photo FILE                 a 12 MP JPEG with a photo's detail
//   images_bench render FILE RUNS           upload and variant times, JSON
//   images_bench seed DATA_DIR FILE         stores FILE as the service would
//                                           and renders its card variant;
//                                           prints {"id", "variant"}
#include <glib.h>

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <fstream>
#include <iostream>
#include <vips/vips8>

#include "images_service.h"
#include "platform/db/database.h"
#include "platform/files.h"
#include "platform/storage/filesystem_object_store.h"
#include "processing/image_processor.h"
#include "processing/vips_runtime.h"

namespace {

using Clock = std::chrono::steady_clock;

// 4000 x 3000: a blurred field of noise over a gradient has the fine detail
// and entropy of a photograph, which a flat test card would not.
void write_photo(const std::string& file) {
  using vips::VImage;
  const int width = 4000;
  const int height = 3000;
  auto noise =
      VImage::gaussnoise(width, height, VImage::option()->set("sigma", 60)->set("mean", 128));
  auto detail =
      noise.gaussblur(1.2).bandjoin(noise.rot180().gaussblur(3)).bandjoin(noise.gaussblur(6));
  auto gradient = VImage::xyz(width, height)[0] * (120.0 / width);
  auto photo = (detail * 0.6 + gradient)
                   .cast(VIPS_FORMAT_UCHAR)
                   .copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));
  photo.write_to_file(file.c_str(), VImage::option()->set("Q", 90));
}

struct Timing {
  double median_ms = 0;
  double worst_ms = 0;
};

template <class Work>
Timing time_runs(int runs, Work&& work) {
  std::vector<double> milliseconds;
  for (int i = 0; i < runs; ++i) {
    const auto started = Clock::now();
    work();
    milliseconds.push_back(
        std::chrono::duration<double, std::milli>(Clock::now() - started).count());
  }
  std::sort(milliseconds.begin(), milliseconds.end());
  return {milliseconds[milliseconds.size() / 2], milliseconds.back()};
}

boost::json::object timing_json(const Timing& timing) {
  return {{"median_ms", timing.median_ms}, {"worst_ms", timing.worst_ms}};
}

int render(const std::string& file, int runs) {
  const auto upload = platform::read_file(file);
  images::PreparedOriginal prepared;
  const auto preparing = time_runs(runs, [&] { prepared = images::prepare_original(upload, {}); });
  boost::json::object result{{"photo_bytes", upload.size()},
                             {"width", prepared.width},
                             {"height", prepared.height},
                             {"upload", timing_json(preparing)}};
  const std::vector<std::tuple<std::string, images::Variant, images::ImageFormat>> variants = {
      {"thumbnail_jpeg",
       {128, 128, images::Fit::cover, 80, std::nullopt},
       images::ImageFormat::jpeg},
      {"card_webp", {320, 320, images::Fit::cover, 80, std::nullopt}, images::ImageFormat::webp},
      {"product_webp", {960, 0, images::Fit::inside, 82, std::nullopt}, images::ImageFormat::webp},
      {"card_avif", {320, 320, images::Fit::cover, 80, std::nullopt}, images::ImageFormat::avif},
      {"zoom_jpeg", {1920, 0, images::Fit::inside, 85, std::nullopt}, images::ImageFormat::jpeg},
  };
  for (const auto& [name, variant, format] : variants) {
    std::size_t bytes = 0;
    const auto timing = time_runs(
        runs, [&] { bytes = images::render_variant(prepared.bytes, variant, format).size(); });
    auto entry = timing_json(timing);
    entry["bytes"] = bytes;
    result[name] = std::move(entry);
  }
  std::cout << boost::json::serialize(result) << "\n";
  return 0;
}

int seed(const std::string& data, const std::string& file) {
  auto database = platform::db::open_database("sqlite:" + data + "/images.db");
  images::ImagesService::migrate(*database);
  platform::storage::FilesystemObjectStore store(data + "/store");
  platform::metrics::Registry registry;
  // Only the service's own calls are used: no routes, so no token verifier.
  images::ImagesService service(*database, store, registry, nullptr, {});
  const auto upload = service.upload(platform::read_file(file), "bench");
  service.picture(upload.record.id, {{"preset", "card"}, {"format", "webp"}}, "");
  const auto name = images::variant_name(
      {320, 320, images::Fit::cover, 80, images::ImageFormat::webp}, images::ImageFormat::webp);
  std::cout << boost::json::serialize(
                   boost::json::object{{"id", upload.record.id},
                                       {"variant", images::variant_key(upload.record.id, name)}})
            << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  images::start_vips(1);
  const std::vector<std::string> arguments(argv + 1, argv + argc);
  try {
    if (arguments.size() == 2 && arguments[0] == "photo") {
      write_photo(arguments[1]);
      return 0;
    }
    if (arguments.size() == 3 && arguments[0] == "render") {
      return render(arguments[1], std::stoi(arguments[2]));
    }
    if (arguments.size() == 3 && arguments[0] == "seed") return seed(arguments[1], arguments[2]);
  } catch (const std::exception& error) {
    std::cerr << "images_bench: " << error.what() << "\n";
    return 1;
  }
  std::cerr << "usage: images_bench photo FILE | render FILE RUNS | seed DATA_DIR FILE\n";
  return 2;
}
