#include <gtest/gtest.h>

#include <thread>

#include "delivery/single_flight.h"
#include "domain/byte_range.h"
#include "domain/dominant_color.h"
#include "domain/format_negotiation.h"
#include "domain/image_format.h"
#include "domain/image_record.h"
#include "domain/variant.h"
#include "platform/error.h"

namespace images {
namespace {

using Query = std::vector<std::pair<std::string, std::string>>;

TEST(SniffFormat, ReadsTheMagicBytesNotTheName) {
  using namespace std::string_view_literals;
  EXPECT_EQ(sniff_format("\xFF\xD8\xFF\xE0rest"sv), ImageFormat::jpeg);
  EXPECT_EQ(sniff_format("\x89PNG\r\n\x1A\nrest"sv), ImageFormat::png);
  EXPECT_EQ(sniff_format("GIF89a..."sv), ImageFormat::gif);
  EXPECT_EQ(sniff_format("GIF87a..."sv), ImageFormat::gif);
  EXPECT_EQ(sniff_format("RIFF\x10\0\0\0WEBPVP8 "sv), ImageFormat::webp);
  EXPECT_EQ(sniff_format("\0\0\0\x18"
                         "ftypavif\0\0\0\0avifmif1"sv),
            ImageFormat::avif);
  // A compatible brand is enough; a HEIC photo is not AVIF.
  EXPECT_EQ(sniff_format("\0\0\0\x14"
                         "ftypmif1\0\0\0\0avif"sv),
            ImageFormat::avif);
  EXPECT_EQ(sniff_format("\0\0\0\x14"
                         "ftypheic\0\0\0\0mif1"sv),
            std::nullopt);
  // A box that claims more than there is reads only what there is.
  EXPECT_EQ(sniff_format("\0\0\1\0"
                         "ftypheic\0\0\0\0mif1"sv),
            std::nullopt);
  EXPECT_EQ(sniff_format("RIFF\x10\0\0\0WAVE"sv), std::nullopt);
  EXPECT_EQ(sniff_format("<svg xmlns=..."sv), std::nullopt);
  EXPECT_EQ(sniff_format(""sv), std::nullopt);
  EXPECT_EQ(sniff_format("\xFF\xD8"sv), std::nullopt);
}

TEST(ImageFormat, NamesRoundTrip) {
  for (const auto format : {ImageFormat::jpeg, ImageFormat::png, ImageFormat::webp,
                            ImageFormat::gif, ImageFormat::avif}) {
    EXPECT_EQ(format_named(name_of(format)), format);
    EXPECT_EQ(media_type_of(format), "image/" + std::string(name_of(format)));
  }
  EXPECT_EQ(format_named("jpg"), ImageFormat::jpeg);
  EXPECT_EQ(extension_of(ImageFormat::jpeg), "jpg");
  EXPECT_EQ(format_named("tiff"), std::nullopt);
}

class ParseVariant : public ::testing::Test {
 protected:
  Variant parse(const Query& query, std::string_view key = "") const {
    return parse_variant(query, id, rules, key);
  }
  std::string refused_field(const Query& query, std::string_view key = "") const {
    try {
      parse(query, key);
    } catch (const platform::Error& error) {
      return error.field().empty() ? error.code() : error.field();
    }
    return "accepted";
  }

  const std::string id = std::string(64, 'a');
  const VariantRules rules = VariantRules::defaults();
};

TEST_F(ParseVariant, PresetsAndAllowListedSizes) {
  EXPECT_EQ(parse({{"preset", "card"}}), (Variant{320, 320, Fit::cover, 80, std::nullopt}));
  EXPECT_EQ(parse({{"preset", "thumbnail"}, {"format", "webp"}}),
            (Variant{128, 128, Fit::cover, 80, ImageFormat::webp}));
  EXPECT_EQ(parse({{"format", "avif"}, {"preset", "product"}}),
            (Variant{960, 0, Fit::inside, 82, ImageFormat::avif}));
  EXPECT_EQ(parse({{"w", "640"}}), (Variant{640, 0, Fit::inside, 80, std::nullopt}));
  EXPECT_EQ(parse({{"w", "480"}, {"h", "320"}, {"fit", "contain"}, {"q", "60"}, {"format", "jpg"}}),
            (Variant{480, 320, Fit::contain, 60, ImageFormat::jpeg}));
  // No size: the largest listed width, never the upload's full size.
  EXPECT_EQ(parse({{"format", "auto"}}), (Variant{1920, 0, Fit::inside, 80, std::nullopt}));
  EXPECT_EQ(parse({{"q", "60"}, {"format", "webp"}}),
            (Variant{1920, 0, Fit::inside, 60, ImageFormat::webp}));
}

TEST_F(ParseVariant, AnythingOutsideTheListsIsRefusedNamingTheParameter) {
  EXPECT_EQ(refused_field({{"w", "641"}}), "w");
  EXPECT_EQ(refused_field({{"h", "99999"}}), "h");
  EXPECT_EQ(refused_field({{"w", "-1"}}), "w");
  EXPECT_EQ(refused_field({{"w", "12px"}}), "w");
  EXPECT_EQ(refused_field({{"q", "81"}}), "q");
  EXPECT_EQ(refused_field({{"q", "0"}}), "q");
  EXPECT_EQ(refused_field({{"fit", "stretch"}}), "fit");
  EXPECT_EQ(refused_field({{"fit", "cover"}, {"w", "640"}}), "fit");
  EXPECT_EQ(refused_field({{"format", "gif"}}), "format");
  EXPECT_EQ(refused_field({{"format", "tiff"}}), "format");
  EXPECT_EQ(refused_field({{"preset", "huge"}}), "preset");
  EXPECT_EQ(refused_field({{"width", "640"}}), "width");
  // A preset goes with a format only: no size or quality of the query's own.
  EXPECT_EQ(refused_field({{"preset", "card"}, {"w", "3000"}}), "preset");
  EXPECT_EQ(refused_field({{"w", "320"}, {"preset", "card"}}), "preset");
  EXPECT_EQ(refused_field({{"preset", "card"}, {"q", "90"}}), "preset");
  EXPECT_EQ(refused_field({{std::string(500, 'x'), "1"}}), std::string(40, 'x'));
}

TEST_F(ParseVariant, SignedUrlsOpenAnySizeUpToTheBoundAndNothingElse) {
  const Variant odd{333, 222, Fit::cover, 77, ImageFormat::webp};
  const auto sig = signature_of("key", id, odd);
  EXPECT_EQ(parse({{"w", "333"},
                   {"h", "222"},
                   {"fit", "cover"},
                   {"q", "77"},
                   {"format", "webp"},
                   {"sig", sig}},
                  "key"),
            odd);
  // Any parameter changed, another image, another key: refused.
  EXPECT_EQ(refused_field({{"w", "334"},
                           {"h", "222"},
                           {"fit", "cover"},
                           {"q", "77"},
                           {"format", "webp"},
                           {"sig", sig}},
                          "key"),
            "bad-url-signature");
  EXPECT_THROW(parse_variant({{"w", "333"},
                              {"h", "222"},
                              {"fit", "cover"},
                              {"q", "77"},
                              {"format", "webp"},
                              {"sig", sig}},
                             std::string(64, 'b'), rules, "key"),
               platform::Error);
  EXPECT_EQ(refused_field({{"w", "333"},
                           {"h", "222"},
                           {"fit", "cover"},
                           {"q", "77"},
                           {"format", "webp"},
                           {"sig", sig}},
                          "other"),
            "bad-url-signature");
  EXPECT_EQ(refused_field({{"w", "333"}, {"sig", sig}}), "sig");  // no key configured
  EXPECT_EQ(refused_field({{"w", "4097"}, {"sig", sig}}, "key"), "w");
}

TEST(VariantName, NamesEveryParameterAndTheFormat) {
  EXPECT_EQ(variant_name({640, 0, Fit::inside, 80, std::nullopt}, ImageFormat::webp),
            "w640-h0-inside-q80.webp");
  EXPECT_EQ(variant_name({128, 128, Fit::cover, 80, ImageFormat::jpeg}, ImageFormat::jpeg),
            "w128-h128-cover-q80.jpg");
}

TEST(NegotiateFormat, PrefersWhatTheBrowserNamesOverWhatItTolerates) {
  const EncoderSupport all{};
  const auto chrome = "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8";
  EXPECT_EQ(negotiate_format(chrome, false, all), ImageFormat::avif);
  EXPECT_EQ(negotiate_format(chrome, false, {.avif = false}), ImageFormat::webp);
  EXPECT_EQ(negotiate_format("image/webp,*/*", true, all), ImageFormat::webp);
  EXPECT_EQ(negotiate_format("image/*,*/*;q=0.8", false, all), ImageFormat::jpeg);
  EXPECT_EQ(negotiate_format("*/*", true, all), ImageFormat::png);
  EXPECT_EQ(negotiate_format("", false, all), ImageFormat::jpeg);
  EXPECT_EQ(negotiate_format("image/avif;q=0, image/webp;q=0.5", false, all), ImageFormat::webp);
  EXPECT_EQ(negotiate_format("IMAGE/WEBP ; Q=0.000", false, all), ImageFormat::jpeg);
}

TEST(AnswerRange, ServesOneRangeAndIgnoresWhatItCannot) {
  const auto range = [](std::string_view header, std::uint64_t size) {
    const auto answer = answer_range(header, size);
    if (std::holds_alternative<WholeRepresentation>(answer)) return std::string("whole");
    if (std::holds_alternative<UnsatisfiableRange>(answer)) return std::string("416");
    const auto& part = std::get<ByteRange>(answer);
    return std::to_string(part.first) + "-" + std::to_string(part.last);
  };
  EXPECT_EQ(range("", 100), "whole");
  EXPECT_EQ(range("bytes=0-9", 100), "0-9");
  EXPECT_EQ(range("bytes=90-", 100), "90-99");
  EXPECT_EQ(range("bytes=90-500", 100), "90-99");
  EXPECT_EQ(range("bytes=-10", 100), "90-99");
  EXPECT_EQ(range("bytes=-500", 100), "0-99");
  EXPECT_EQ(range("bytes=100-", 100), "416");
  EXPECT_EQ(range("bytes=-0", 100), "416");
  EXPECT_EQ(range("bytes=5-1", 100), "whole");
  EXPECT_EQ(range("bytes=0-1,5-6", 100), "whole");
  EXPECT_EQ(range("items=0-1", 100), "whole");
  EXPECT_EQ(range("bytes=x-1", 100), "whole");
  EXPECT_EQ(range("bytes=0-0", 0), "416");
}

TEST(DominantColor, IsTheMeanOfTheFullestBucket) {
  std::vector<std::uint8_t> pixels;
  for (int i = 0; i < 60; ++i) pixels.insert(pixels.end(), {200, 30, 40});  // red, mostly
  for (int i = 0; i < 40; ++i) pixels.insert(pixels.end(), {10, 10, 250});  // some blue
  pixels.insert(pixels.end(), {202, 28, 44});
  EXPECT_EQ(dominant_color(pixels, 3), "#c81e28");
}

TEST(DominantColor, IgnoresTransparentPixelsAndReadsGrey) {
  std::vector<std::uint8_t> rgba;
  for (int i = 0; i < 90; ++i) rgba.insert(rgba.end(), {255, 255, 255, 0});
  for (int i = 0; i < 10; ++i) rgba.insert(rgba.end(), {0, 128, 0, 255});
  EXPECT_EQ(dominant_color(rgba, 4), "#008000");
  EXPECT_EQ(dominant_color(std::vector<std::uint8_t>{17, 17, 17}, 1), "#111111");
  EXPECT_EQ(dominant_color(std::vector<std::uint8_t>{1, 2, 3, 0}, 4), "#000000");
  EXPECT_EQ(dominant_color({}, 3), "#000000");
}

TEST(ImageRecord, IdsAndKeys) {
  const std::string id = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  EXPECT_TRUE(is_image_id(id));
  EXPECT_FALSE(is_image_id(id.substr(1)));
  EXPECT_FALSE(is_image_id(std::string(64, 'A')));
  EXPECT_FALSE(is_image_id(std::string(63, 'a') + "/"));
  EXPECT_EQ(original_key(id), "originals/9f/" + id);
  EXPECT_EQ(variant_key(id, "w64-h0-inside-q80.webp"),
            "variants/9f/" + id + "/w64-h0-inside-q80.webp");
}

TEST(SingleFlight, CallersAskingAtOnceShareOneRun) {
  SingleFlight<int> flights;
  std::atomic<int> runs{0};
  std::atomic<bool> release{false};
  std::vector<std::thread> callers;
  std::vector<int> results(8);
  std::atomic<int> started{0};
  for (int i = 0; i < 8; ++i) {
    callers.emplace_back([&, i] {
      ++started;
      results[i] = flights.run("key", [&] {
        ++runs;
        while (!release) std::this_thread::yield();
        return 42;
      });
    });
  }
  while (runs == 0 || started < 8) std::this_thread::yield();
  // Every caller is at most a few instructions from joining the flight.
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  release = true;
  for (auto& caller : callers) caller.join();
  EXPECT_EQ(runs, 1);
  EXPECT_EQ(results, std::vector<int>(8, 42));
  // Once finished, the next caller runs again; failures reach every waiter.
  EXPECT_EQ(flights.run("key", [] { return 7; }), 7);
  EXPECT_THROW(flights.run("key", []() -> int { throw std::runtime_error("no"); }),
               std::runtime_error);
}

}  // namespace
}  // namespace images
