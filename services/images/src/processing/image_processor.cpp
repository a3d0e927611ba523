#include "processing/image_processor.h"

#include <glib.h>

#include <memory>
#include <vector>
#include <vips/vips8>

#include "domain/dominant_color.h"
#include "platform/error.h"

namespace images {

namespace {

using vips::VImage;

// The side left open when only the other is given: larger than any
// picture, so thumbnail() fits by the given side alone.
constexpr int unbounded_side = 10'000'000;

[[noreturn]] void unreadable(const std::string& why) {
  throw platform::Error(platform::ErrorKind::unprocessable, "unreadable-image",
                        "the image cannot be read: " + why);
}

std::string error_text(const vips::VError& error) {
  std::string text = error.what();
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text.empty() ? "libvips failed" : text;
}

// libvips hands encoded bytes over in a buffer of its own (g_malloc).
std::string encoded(const VImage& image, const char* suffix, vips::VOption* options) {
  void* buffer = nullptr;
  std::size_t size = 0;
  image.write_to_buffer(suffix, &buffer, &size, options);
  const std::unique_ptr<void, decltype(&g_free)> owned(buffer, &g_free);
  return {static_cast<const char*>(buffer), size};
}

// A view of bytes the caller keeps alive, as libvips' thumbnail wants it.
class Blob {
 public:
  explicit Blob(std::string_view bytes)
      : blob_(vips_blob_new(nullptr, bytes.data(), bytes.size())) {}
  ~Blob() { vips_area_unref(VIPS_AREA(blob_)); }
  Blob(const Blob&) = delete;
  Blob& operator=(const Blob&) = delete;
  VipsBlob* get() const noexcept { return blob_; }

 private:
  VipsBlob* blob_;
};

// Scaled from encoded bytes, with shrink-on-load where the format has it
// (JPEG decodes at 1/2, 1/4 or 1/8 directly): the fast way to a variant.
VImage thumbnail_of(std::string_view bytes, int width, vips::VOption* options) {
  const Blob blob(bytes);
  return VImage::thumbnail_buffer(blob.get(), width, options);
}

VImage in_srgb(VImage image) {
  const auto interpretation = image.interpretation();
  if (interpretation == VIPS_INTERPRETATION_sRGB || interpretation == VIPS_INTERPRETATION_B_W) {
    return image.format() == VIPS_FORMAT_UCHAR ? image : image.cast(VIPS_FORMAT_UCHAR);
  }
  return image.colourspace(VIPS_INTERPRETATION_sRGB);
}

// Kept originals are baseline JPEGs: a progressive one cannot be decoded
// at 1/8 scale without reading every scan, which makes each later variant
// several times slower. Large pictures sent to browsers are progressive,
// so they show whole, if blurred, before they have fully arrived.
enum class Purpose { storage, delivery };

std::string encode(const VImage& image, ImageFormat format, int quality,
                   Purpose purpose = Purpose::delivery) {
  switch (format) {
    case ImageFormat::jpeg:
      return encoded(image, ".jpg",
                     VImage::option()
                         ->set("Q", quality)
                         ->set("strip", true)
                         ->set("optimize_coding", true)
                         ->set("interlace", purpose == Purpose::delivery &&
                                                image.width() * image.height() > 250'000));
    case ImageFormat::png:
      return encoded(image, ".png", VImage::option()->set("compression", 6)->set("strip", true));
    case ImageFormat::webp:
      return encoded(image, ".webp", VImage::option()->set("Q", quality)->set("strip", true));
    case ImageFormat::avif:
      // AV1 is slow to encode; effort 2 of 9 keeps a first request fast,
      // and the result is stored and served from then on.
      return encoded(image, ".avif",
                     VImage::option()->set("Q", quality)->set("strip", true)->set("effort", 2));
    case ImageFormat::gif:
      break;
  }
  throw platform::Error(platform::ErrorKind::invalid_argument, "unsupported-output-format",
                        "pictures are not sent as " + std::string(name_of(format)));
}

std::string dominant_color_of(const std::string& prepared) {
  auto small = in_srgb(thumbnail_of(prepared, 64, VImage::option()->set("no_rotate", true)));
  std::size_t size = 0;
  void* memory = small.write_to_memory(&size);
  const std::unique_ptr<void, decltype(&g_free)> owned(memory, &g_free);
  return dominant_color({static_cast<const std::uint8_t*>(memory), size}, small.bands());
}

}  // namespace

PreparedOriginal prepare_original(std::string_view upload, const ProcessingLimits& limits) {
  const auto format = sniff_format(upload);
  if (!format) {
    throw platform::Error(platform::ErrorKind::unsupported_media_type, "unsupported-image-format",
                          "the body is not a JPEG, PNG, WebP, GIF or AVIF picture");
  }
  try {
    // Only the header is read here; pixels are decoded when first needed.
    auto image = VImage::new_from_buffer(
        upload.data(), upload.size(), "",
        VImage::option()->set("fail_on", VIPS_FAIL_ON_ERROR)->set("access", VIPS_ACCESS_RANDOM));
    const auto pixels =
        static_cast<std::uint64_t>(image.width()) * static_cast<std::uint64_t>(image.height());
    if (pixels > limits.max_pixels || image.width() > limits.max_dimension ||
        image.height() > limits.max_dimension) {
      throw platform::Error(platform::ErrorKind::payload_too_large, "image-too-large",
                            "the picture is " + std::to_string(image.width()) + " x " +
                                std::to_string(image.height()) + " pixels; at most " +
                                std::to_string(limits.max_pixels) + " pixels and " +
                                std::to_string(limits.max_dimension) + " a side are accepted");
    }
    image = in_srgb(image.autorot());
    PreparedOriginal prepared;
    prepared.uploaded_format = *format;
    prepared.has_alpha = image.has_alpha();
    prepared.stored_format = prepared.has_alpha ? ImageFormat::png : ImageFormat::jpeg;
    prepared.bytes = encode(image, prepared.stored_format, 95, Purpose::storage);
    prepared.width = image.width();
    prepared.height = image.height();
    prepared.dominant_color = dominant_color_of(prepared.bytes);
    return prepared;
  } catch (const vips::VError& error) {
    unreadable(error_text(error));
  }
}

std::string render_variant(std::string_view original, const Variant& variant, ImageFormat format) {
  try {
    const int width = variant.width > 0 ? variant.width : unbounded_side;
    const int height = variant.height > 0 ? variant.height : unbounded_side;
    auto* options = VImage::option()
                        ->set("height", height)
                        ->set("size", VIPS_SIZE_DOWN)
                        ->set("no_rotate", true);
    if (variant.fit == Fit::cover) options->set("crop", VIPS_INTERESTING_ATTENTION);
    auto image = in_srgb(thumbnail_of(original, width, options));
    const bool keeps_alpha = format != ImageFormat::jpeg;
    if (image.has_alpha() && !keeps_alpha) {
      image =
          image.flatten(VImage::option()->set("background", std::vector<double>{255, 255, 255}));
    }
    if (variant.fit == Fit::contain &&
        (image.width() != variant.width || image.height() != variant.height)) {
      std::vector<double> background = {255, 255, 255};
      if (image.has_alpha()) background.push_back(0);
      image = image.gravity(
          VIPS_COMPASS_DIRECTION_CENTRE, variant.width, variant.height,
          VImage::option()->set("extend", VIPS_EXTEND_BACKGROUND)->set("background", background));
    }
    return encode(image, format, variant.quality);
  } catch (const vips::VError& error) {
    unreadable(error_text(error));
  }
}

EncoderSupport encoder_support() {
  // libvips may be built without an AV1 encoder; try once.
  static const EncoderSupport support = [] {
    EncoderSupport found;
    try {
      encode(VImage::black(8, 8, VImage::option()->set("bands", 3)), ImageFormat::avif, 50);
    } catch (const vips::VError&) {
      found.avif = false;
    }
    return found;
  }();
  return support;
}

}  // namespace images
