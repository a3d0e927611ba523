#include "domain/variant.h"

#include <algorithm>
#include <charconv>

#include "platform/crypto.h"
#include "platform/error.h"

namespace images {

namespace {

std::optional<int> number_of(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

std::optional<Fit> fit_named(std::string_view name) {
  if (name == "inside") return Fit::inside;
  if (name == "cover") return Fit::cover;
  if (name == "contain") return Fit::contain;
  return std::nullopt;
}

bool listed(const std::vector<int>& allowed, int value) {
  return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

std::string joined(const std::vector<int>& values) {
  std::string text;
  for (const int value : values) text += (text.empty() ? "" : ", ") + std::to_string(value);
  return text;
}

[[noreturn]] void bad(const std::string& parameter, const std::string& message) {
  throw platform::invalid_field(parameter, message);
}

int dimension(std::string_view name, std::string_view text, int largest) {
  const auto value = number_of(text);
  if (!value || *value < 0 || *value > largest) {
    bad(std::string(name), std::string(name) + " must be a whole number of pixels from 0 to " +
                               std::to_string(largest));
  }
  return *value;
}

}  // namespace

std::string_view name_of(Fit fit) {
  switch (fit) {
    case Fit::inside:
      return "inside";
    case Fit::cover:
      return "cover";
    case Fit::contain:
      return "contain";
  }
  return "inside";
}

VariantRules VariantRules::defaults() {
  VariantRules rules;
  rules.presets = {
      {"thumbnail", {128, 128, Fit::cover, 80, std::nullopt}},
      {"card", {320, 320, Fit::cover, 80, std::nullopt}},
      {"product", {960, 0, Fit::inside, 82, std::nullopt}},
      {"zoom", {1920, 0, Fit::inside, 85, std::nullopt}},
  };
  // The widths of a srcset from a phone's thumbnail to a desktop's zoom.
  rules.widths = {64, 128, 160, 240, 320, 480, 640, 800, 960, 1280, 1600, 1920};
  rules.heights = rules.widths;
  rules.qualities = {50, 60, 70, 75, 80, 82, 85, 90};
  return rules;
}

Variant parse_variant(const std::vector<std::pair<std::string, std::string>>& query,
                      std::string_view image_id, const VariantRules& rules,
                      std::string_view signing_key) {
  Variant variant;
  variant.quality = rules.default_quality;
  std::optional<std::string> signature;
  // Values from a preset are trusted; values from the query are checked.
  bool explicit_width = false;
  bool explicit_height = false;
  bool explicit_quality = false;
  bool explicit_fit = false;
  bool preset_named = false;
  for (const auto& [name, value] : query) {
    if (name == "preset") {
      const auto preset = rules.presets.find(value);
      if (preset == rules.presets.end()) {
        std::string names;
        for (const auto& [known, ignored] : rules.presets)
          names += (names.empty() ? "" : ", ") + known;
        bad("preset", "preset must be one of " + names);
      }
      const auto format = variant.format;
      variant = preset->second;
      if (format) variant.format = format;
      preset_named = true;
    } else if (name == "w") {
      variant.width = dimension(name, value, rules.max_signed_dimension);
      explicit_width = true;
    } else if (name == "h") {
      variant.height = dimension(name, value, rules.max_signed_dimension);
      explicit_height = true;
    } else if (name == "fit") {
      const auto fit = fit_named(value);
      if (!fit) bad("fit", "fit must be inside, cover or contain");
      variant.fit = *fit;
      explicit_fit = true;
    } else if (name == "q") {
      const auto quality = number_of(value);
      if (!quality || *quality < 1 || *quality > 100) bad("q", "q must be a quality from 1 to 100");
      variant.quality = *quality;
      explicit_quality = true;
    } else if (name == "format") {
      if (value != "auto") {
        const auto format = format_named(value);
        if (!format || *format == ImageFormat::gif) {
          bad("format", "format must be auto, jpeg, png, webp or avif");
        }
        variant.format = *format;
      }
    } else if (name == "sig") {
      signature = value;
    } else {
      const auto shown = name.substr(0, 40);
      bad(shown, "unknown parameter " + shown + "; use preset, w, h, fit, q, format or sig");
    }
  }
  // A preset is the whole size: mixed with its own parameters, which would
  // win would depend on their order in the URL.
  if (preset_named && (explicit_width || explicit_height || explicit_fit || explicit_quality)) {
    bad("preset", "preset names a size and quality; only format may go with it");
  }
  // Without a size, the largest listed width: a picture is re-encoded at
  // most that large, however large it was uploaded.
  if (variant.width == 0 && variant.height == 0 && !rules.widths.empty()) {
    variant.width = *std::max_element(rules.widths.begin(), rules.widths.end());
  }
  if (variant.fit != Fit::inside && (variant.width == 0 || variant.height == 0)) {
    bad("fit", "fit cover and contain need both w and h");
  }

  if (signature) {
    if (signing_key.empty()) bad("sig", "this service does not accept signed URLs");
    if (!platform::crypto::constant_time_equal(*signature,
                                               signature_of(signing_key, image_id, variant))) {
      throw platform::Error(platform::ErrorKind::forbidden, "bad-url-signature",
                            "the signature does not match this image and these parameters");
    }
    return variant;
  }
  if (explicit_width && variant.width != 0 && !listed(rules.widths, variant.width)) {
    bad("w", "w must be one of " + joined(rules.widths) + ", or the URL signed");
  }
  if (explicit_height && variant.height != 0 && !listed(rules.heights, variant.height)) {
    bad("h", "h must be one of " + joined(rules.heights) + ", or the URL signed");
  }
  if (explicit_quality && !listed(rules.qualities, variant.quality)) {
    bad("q", "q must be one of " + joined(rules.qualities) + ", or the URL signed");
  }
  return variant;
}

std::string signed_text(std::string_view image_id, const Variant& variant) {
  return std::string(image_id) + "?w=" + std::to_string(variant.width) +
         "&h=" + std::to_string(variant.height) + "&fit=" + std::string(name_of(variant.fit)) +
         "&q=" + std::to_string(variant.quality) +
         "&format=" + std::string(variant.format ? name_of(*variant.format) : "auto");
}

std::string signature_of(std::string_view signing_key, std::string_view image_id,
                         const Variant& variant) {
  return platform::crypto::base64url_encode(
      platform::crypto::hmac_sha256(signing_key, signed_text(image_id, variant)));
}

std::string variant_name(const Variant& variant, ImageFormat format) {
  return "w" + std::to_string(variant.width) + "-h" + std::to_string(variant.height) + "-" +
         std::string(name_of(variant.fit)) + "-q" + std::to_string(variant.quality) + "." +
         std::string(extension_of(format));
}

}  // namespace images
